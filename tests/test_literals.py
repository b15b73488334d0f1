"""Required literals (rules/literals.py): a speed-up that must never change a result."""

from __future__ import annotations

import os
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from test_rules import _corpus_lines

from foithread.rules import DEFAULT_RULES, Rule
from foithread.rules.literals import fold, required_literals

CASES = [
    (r"^\s*(?:Dear|Hello)\s+\w+", ("dear", "hello")),
    (r"^\s*Yours\s+(?:sincerely|faithfully)\s*,?$", ("faithfully", "sincerely")),
    (r"^-----Original Message-----", ("-----original message-----",)),
    (r"\bFOI\b", ("foi",)),
    (r"(?:please\s+)?note that", ("note that",)),
    (r"^\s*(?>\s*)NOTICE\s*[-:]", ("notice",)),
    (r"(?:abc|xyzzy)+ tail", (" tail",)),  # the more selective of the two requirements
    (r"(?:abcd|xyzzy)+\d", ("abcd", "xyzzy")),
    # nothing of three letters is required: no shortcut
    (r"^\s*(?:Hi|Yo)\b", None),
    (r"(?:optional)?\s*\d+", None),
    (r"(?:abc|\d+) tail", (" tail",)),
    (r"(?:abc|\d+)", None),
    # a back-reference, syntax only `regex` knows, set operations and POSIX classes: none
    (r"^\s*([-_*=#~+])\1{7,}\s*$", None),
    (r"x\Kyyyy", None),
    (r"^[a-z--aeiou]+ tail", None),
    (r"^[[:alpha:]]+ tail", None),
    # letters beyond ASCII stay in a run when they fold to one such letter; ß (folds to "ss") ends it
    (r"Grüße aus Köln", ("e aus köln",)),
    (r"^\s*\S.{2,200}?(?:написала|написал|пишет)\s*:", ("написал", "написала", "пишет")),
    (r"^\s*\S.{2,200}?(?:写道|寫道)\s*[:：]\s*$", ("写道", "寫道")),  # two CJK characters are selective enough
    (r"(?:Köln|to)\b", None),  # "to" is not
]


@pytest.mark.parametrize(("pattern", "expected"), CASES)
def test_required_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    if sys.version_info < (3, 11) and ("(?>" in pattern or "++" in pattern or "*+" in pattern):
        expected = None  # the standard parser reads atomic groups from 3.11 on: no shortcut before
    assert required_literals(pattern) == expected


def test_most_default_rules_have_literals() -> None:
    rules = [r for t in DEFAULT_RULES.tables for r in t.rules]
    assert sum(r.literals is not None for r in rules) > len(rules) // 2


def test_shortcuts_never_hide_a_match_on_the_corpus() -> None:
    """Over the distinct corpus lines: each rule that matches contains one of its words, and
    each table (gate, words, combined pattern) gives what trying its rules one by one gives.

    Every line when ``FOITHREAD_FULL_CORPUS=1`` (CI's first run sets it: ~2 min), else every
    fourth line in sorted order (a quarter of the time, the same kinds of line)."""
    lines = sorted(set(_corpus_lines()))
    if os.environ.get("FOITHREAD_FULL_CORPUS") != "1":
        lines = lines[::4]
    checked = 0
    for table in DEFAULT_RULES.tables:
        enabled = [r for r in table.rules if r.enabled]
        for line in lines:
            hits = [r for r in enabled if r.search(line)]
            for rule in hits:
                checked += 1
                assert rule.possible(fold(line)), (table.name, rule.name, line)
            assert table.first(line) == (hits[0] if hits else None), (table.name, line)
            assert table.count(line) == len(hits)
    assert checked > 500


def test_shortcuts_on_whole_messages() -> None:
    """Phrase tables also search whole message texts (many lines at once)."""
    from conftest import DEV, FIXTURES

    texts = [p.read_text("utf-8", "replace") for p in sorted((FIXTURES / "cases").glob("*.txt"))]
    texts += [p.read_text("utf-8", "replace") for p in sorted((DEV / "cases").glob("*.txt"))]
    assert texts
    for table in DEFAULT_RULES.tables:
        for text in texts:
            expected = {r.name for r in table.rules if r.enabled and r.search(text)}
            assert table.hits(text) == expected, table.name


def test_case_folding_matches_the_engine() -> None:
    """`regex` ignores case with full case folding: ß matches ss, and the check agrees."""
    rule = Rule("strasse", r"hauptstrasse")
    assert rule.search("Hauptstraße 5") is not None
    assert rule.possible(fold("Hauptstraße 5"))


PATTERNS = [
    r"(?:Dear|Hello) [A-Z][a-z]{1,8}",
    r"[Yy]ours (?:sincerely|faithfully),?",
    r"(?:ref|Ref|REF)(?:erence)?:? [A-Z]{2,4}-\d{2,6}",
    r"(?:please )?(?:note|Note) that [a-z ]{0,10}",
    r"[a-z]{0,3}(?:abc|XYZZY){1,3}[0-9]?",
]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_generated_matches_contain_a_required_word(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(PATTERNS))
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    words = required_literals(pattern)
    assert words is not None
    assert regex.fullmatch(pattern, text)
    assert any(w in fold(text) for w in words), (pattern, text, words)
