"""Every rule keeps its word: the lines it lists as ``examples`` match it (through its table's
gate), its ``counterexamples`` do not. One generic test for every table, and for rules users add."""

from __future__ import annotations

import pytest

from foithread.rules import DEFAULT_RULES, Rule, RuleTable, table


@pytest.mark.parametrize("rule_table", DEFAULT_RULES.tables, ids=lambda t: t.name)
def test_every_rule_matches_its_examples_and_not_its_counterexamples(rule_table: RuleTable) -> None:
    assert rule_table.check() == []


def test_the_line_tables_carry_examples() -> None:
    for name in ("greeting", "closing", "marking", "rule_line", "link_footer", "annotation"):
        assert all(rule.examples for rule in DEFAULT_RULES[name].rules), name


def test_a_users_rule_is_checked_too() -> None:
    rules = DEFAULT_RULES.add(
        "disclaimer_start",
        Rule("acme", r"^ACME Ltd accepts no liability", examples=("ACME Ltd accepts no liability for",)),
    )
    assert rules.check() == []
    broken = DEFAULT_RULES.add(
        "greeting", Rule("howdy", r"^\s*Howdy\b", examples=("Hiya,",), counterexamples=("Howdy partner",))
    )
    assert broken.check() == [
        "greeting.howdy: does not match its example 'Hiya,'",
        "greeting.howdy: matches its counterexample 'Howdy partner'",
    ]


def test_an_example_the_gate_turns_away_is_reported() -> None:
    gated = table("t", [("bye", r"bye")], prefixes=("so",), examples={"bye": ("bye now", "so bye")})
    assert gated.check() == ["t.bye: the gate turns away its example 'bye now'"]


def test_examples_must_name_a_rule_of_the_table() -> None:
    with pytest.raises(KeyError, match="examples for no rule"):
        table("t", [("a", r"a")], examples={"b": ("b",)})
