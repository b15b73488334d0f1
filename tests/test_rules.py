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


@pytest.mark.parametrize(
    "codes, table_name, expected",
    [
        # References / Visible links / numbered links at the end of a letter
        # (each rule reports its own matches; the cleaner keeps the first rule's block on overlap)
        ("gcckcllLL", "link_structure", [("references", 5, 9), ("numbered_links", 7, 9)]),
        ("gcckclbLbLb", "link_structure", [("references", 5, 10), ("numbered_links", 7, 10)]),
        # a heading with no links is content ("References" as a word in a letter)
        ("gclcc", "link_structure", []),
        ("ccLLc", "link_structure", [("numbered_links", 2, 4)]),
        # Outlook block after the reply: everything from the header (and its rule) to the end
        ("gcckcrbhhhhbgcck", "quote_structure", [("quoted_tail", 5, 16)]),
        # a header at the very top with quoted lines, then the reply (bottom-posting)
        (
            "hqqbcc",
            "quote_structure",
            [("marked_quote", 0, 3), ("quoted_lines", 1, 3), ("quoted_after_header", 1, 3)],
        ),
        # a greeting, the quote, then the answer below it: the quote ends where the answer resumes
        (
            "gbhqqqbcccbk",
            "quote_structure",
            [("marked_quote", 2, 6), ("quoted_lines", 3, 6), ("quoted_after_header", 3, 6)],
        ),
        # interleaved: each '>' run goes, the new lines between them stay
        (
            "hqqcqqc",
            "quote_structure",
            [
                ("marked_quote", 0, 3),
                ("quoted_lines", 1, 3),
                ("quoted_lines", 4, 6),
                ("quoted_after_header", 1, 3),
                ("quoted_after_header", 4, 6),
            ],
        ),
        # one line quoted at a time under a header goes; a lone '>' line with no header stays
        (
            "hqcqcqc",
            "quote_structure",
            [
                ("marked_quote", 0, 2),
                ("quoted_after_header", 1, 2),
                ("quoted_after_header", 3, 4),
                ("quoted_after_header", 5, 6),
            ],
        ),
        # a forward with no reply: the header at the top goes, the message stays
        ("hbgcck", "quote_structure", [("leading_header", 0, 1)]),
        # FYI + a forwarded message: the forwarding line and its header block go, the message stays
        ("cbwbwwwbgcck", "quote_structure", [("forwarded_header", 2, 7)]),
        # a forwarded message that itself quotes its history (an Outlook block): that goes to the end
        ("cwwbcchhhbcc", "quote_structure", [("forwarded_header", 1, 3), ("quoted_tail", 6, 12)]),
        # a single quoted line inside the reply stays; a run of two goes
        ("cqcc", "quote_structure", []),
        ("cqbqcc", "quote_structure", [("quoted_lines", 1, 4)]),
        ("ccqq", "quote_structure", [("quoted_lines", 2, 4)]),
    ],
)
def test_structure_patterns_over_zone_codes(codes: str, table_name: str, expected: list[tuple[str, int, int]]) -> None:
    found = [(r.name, a, b) for r in DEFAULT_RULES[table_name] for a, b in r.spans(codes)]
    assert found == expected


def test_structure_rule_can_be_disabled() -> None:
    text = "Dear Ms Jones\nThe answer is 12.\n> quoted one\n> quoted two\nKind regards\nSam\n"
    default = foithread.parse(text, format="text").messages[0]
    assert "quoted one" not in default.body
    kept = foithread.parse(text, format="text", rules=DEFAULT_RULES.disable("quote_structure", "quoted_lines"))
    assert "quoted one" in kept.messages[0].body


def _corpus_lines() -> list[str]:
    from conftest import CORPUS, DEV, FIXTURES

    paths = list((FIXTURES / "cases").glob("*")) + list((DEV / "cases").glob("*")) + list(CORPUS.rglob("*.txt"))
    paths += list(CORPUS.rglob("*.eml"))
    lines: list[str] = []
    for p in paths:
        lines.extend(p.read_bytes().decode("utf-8", "replace").splitlines())
    return [
        *lines,
        "---- Failed Recipients ----",
        "I'm out of the office",
        "Yn gywir / Yours sincerely,",
        "Re: FOI-21-0934",
        "  1. http://www.example.org/",
        "* * * * * *",
        "Freundliche Grüße",
        "Get Outlook for iOS",
    ]


def test_adding_a_rule_drops_the_gate() -> None:
    greeting = DEFAULT_RULES["greeting"]
    assert greeting.gate is not None
    added = greeting.add(Rule("salve", r"^\s*Salve\b"))
    assert added.gate is None and added.first("Salve amice").name == "salve"
