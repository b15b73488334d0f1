"""Rule tables are data: readable, immutable, extensible and disableable."""

from __future__ import annotations

import pytest

import foithread
from foithread.rules import DEFAULT_RULES, Rule, RuleTable, table

ACME = """Dear Ms Jones

Please find the figures attached: 14 incidents in 2021.

Kind regards

Sam Lee
ACME Borough Council
ACME Borough Council accepts no liability for the content of this message.
"""


def test_every_table_has_unique_rule_names() -> None:
    for t in DEFAULT_RULES.tables:
        assert len(t.names()) == len(set(t.names())), t.name
        assert len(t) > 0


def test_tables_are_immutable_and_disable_returns_a_new_table() -> None:
    marking = DEFAULT_RULES["marking"]
    off = marking.disable("official")
    assert marking.matches("OFFICIAL")
    assert not off.matches("OFFICIAL")
    assert off.matches("RESTRICTED")


def test_disable_unknown_rule_is_an_error() -> None:
    with pytest.raises(KeyError):
        DEFAULT_RULES["marking"].disable("no-such-rule")


def test_add_rule_before_another() -> None:
    t = table("demo", [("a", "^a"), ("b", "^b")])
    t2 = t.add(Rule("c", "^c"), before="b")
    assert t2.names() == ["a", "c", "b"]
    assert t.names() == ["a", "b"]
    assert isinstance(t2, RuleTable)


def test_user_disclaimer_rule_through_parse() -> None:
    plain = foithread.parse(ACME, format="text")
    assert "accepts no liability" in plain.messages[0].body
    mine = DEFAULT_RULES.add("disclaimer_start", Rule("acme", r"^ACME Borough Council accepts no liability"))
    cleaned = foithread.parse(ACME, format="text", rules=mine)
    msg = cleaned.messages[0]
    assert "accepts no liability" not in msg.body
    assert [(r.kind, r.rule) for r in msg.removed] == [("disclaimer", "acme")]
    assert "14 incidents in 2021" in msg.body


def test_disabling_markings_keeps_them_in_the_body() -> None:
    text = "OFFICIAL\nDear Mr Smith\nThe answer is 12.\nYours sincerely\nJo Bloggs\nOFFICIAL\n"
    default = foithread.parse(text, format="text").messages[0]
    assert "OFFICIAL" not in default.body
    kept = foithread.parse(text, format="text", rules=DEFAULT_RULES.disable("marking", "official")).messages[0]
    assert kept.body.count("OFFICIAL") == 2


def test_a_pathological_line_does_not_hang() -> None:
    # catastrophic-backtracking shapes are bounded by the regex timeout
    line = "On " + "a" * 3000 + " wrote"
    assert foithread.parse(line + "\n", format="text").messages
