"""The rule names the classifier reads are constants beside their tables, and all exist.

Disabling a rule must change only that rule's cue; a name the code reads that no table defines
(a renamed or removed rule) would silently change classification, so it fails here.
"""

from __future__ import annotations

import pytest

from foithread.rules import DEFAULT_RULES, Rules, RuleTable, table
from foithread.rules.cues import (
    INHERITS,
    KIND_OF,
    POOLS,
    READ_NAMES,
    SENDERS,
    missing_names,
    signal_names,
    tables_of,
)

KINDS = {
    "request",
    "follow_up",
    "internal_review_request",
    "response",
    "internal_review_response",
    "acknowledgement",
    "auto_acknowledgement",
    "delay_notice",
    "clarification_request",
    "out_of_office",
    "bounce",
    "annotation",
    "other",
}


def test_every_name_the_code_reads_is_defined() -> None:
    assert missing_names(DEFAULT_RULES) == []


@pytest.mark.parametrize(("meaning", "name"), sorted((m, n) for m, names in READ_NAMES.items() for n in names))
def test_each_read_name_is_a_rule_of_its_tables(meaning: str, name: str) -> None:
    assert any(name in t.names() for t in tables_of(DEFAULT_RULES, meaning))


def _without(rules: Rules, table_name: str, rule_name: str) -> Rules:
    old = rules[table_name]
    new = RuleTable(old.name, tuple(r for r in old.rules if r.name != rule_name), combine=old.combine)
    return Rules(tuple(new if t.name == table_name else t for t in rules.tables))


@pytest.mark.parametrize(
    ("table_name", "rule_name", "reported"),
    [
        ("response", "ncnd", "response:ncnd"),  # read by the outcome
        ("response", "answer", "response:answer"),  # read by a signal
        ("out_of_office", "subject", "out_of_office:subject"),
        ("opener", "bounce", "opener:bounce"),
        ("quoted_request", "quoted", "quoted_request:quoted"),
    ],
)
def test_a_missing_name_is_reported(table_name: str, rule_name: str, reported: str) -> None:
    assert reported in missing_names(_without(DEFAULT_RULES, table_name, rule_name))


def test_a_disabled_rule_is_not_missing() -> None:
    assert missing_names(DEFAULT_RULES.disable("response", "ncnd")) == []


def test_a_signal_naming_an_unknown_meaning_is_reported() -> None:
    signals = DEFAULT_RULES["signals"].add(table("x", [("response/typo", r"\bresponce:attached\b")]).rules[0])
    rules = Rules(tuple(signals if t.name == "signals" else t for t in DEFAULT_RULES.tables))
    assert "responce:" in missing_names(rules)


def test_signals_name_known_kinds_and_phrases() -> None:
    for rule in DEFAULT_RULES["signals"].rules:
        kind, slash, cue = rule.name.partition("/")
        assert slash and cue, rule.name
        assert kind in KINDS or kind in POOLS, rule.name
    assert set(signal_names(DEFAULT_RULES["signals"])) <= set(KIND_OF)


def test_the_kind_maps_name_known_kinds() -> None:
    targets = {k for k in KIND_OF.values() if k} | set(SENDERS) | set(INHERITS) | {s for s, _ in INHERITS.values()}
    members = {m for ms in POOLS.values() for m in ms}
    assert targets - set(POOLS) <= KINDS and members <= KINDS


@pytest.mark.parametrize("meaning", sorted(KIND_OF))
def test_every_meaning_has_an_english_table(meaning: str) -> None:
    assert meaning in DEFAULT_RULES.names()
    for t in tables_of(DEFAULT_RULES, meaning):
        assert t.name == meaning or t.name.split(".", 1)[1] in {"cy", "de", "fr", "es", "nl"}
