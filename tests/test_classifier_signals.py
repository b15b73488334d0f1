"""Structural cues: Evidence → fact tokens, and fact line → the signals that fire."""

from __future__ import annotations

import pytest

from foithread.rules import DEFAULT_RULES
from foithread.stages.classify import Evidence, facts_of

LETTER = "Dear Ms Roe,\n\nPlease find attached our response.\n\nYours sincerely,\n\nJo Bloggs\n"

# (case id, evidence, tokens that must be there, tokens that must not)
FACTS = [
    (
        "first message from the requester",
        Evidence("Dear Some Council,\n\nPlease send me the figures.\n", 0, greeting="Dear Some Council,"),
        {"party=requester", "first"},
        {"party_default", "requester_before", "unaddressed"},
    ),
    (
        "a later authority letter with a reference",
        Evidence(
            LETTER,
            2,
            frozenset({("request", "requester")}),
            has_reference=True,
            greeting="Dear Ms Roe,",
            closing="Yours sincerely,",
        ),
        {"party=authority", "requester_before", "earlier=request", "reference"},
        {"first", "party_default", "long", "bare_letter"},
    ),
    (
        "an annotation by the requester starts no conversation",
        Evidence("Some text.\n", 1, frozenset({("annotation", "requester")})),
        {"earlier=annotation", "party_default", "unaddressed"},
        {"requester_before"},
    ),
    (
        "auto-submitted header and a receipt subject",
        Evidence(
            "Thank you.\n",
            1,
            headers={"auto-submitted": "auto-generated"},
            subject="Eingangsbestätigung Ihrer Anfrage",
            sender_email="poststelle@example.de",
        ),
        {"auto_header", "ack_label", "party=authority"},
        {"party_default"},
    ),
    (
        "delivery report by subject",
        Evidence("Delivery has failed.\n", 1, subject="Undeliverable: FOI request", sender_email="x@example.org"),
        {"bounce=bounce_subject"},
        {"ooo=subject"},
    ),
    (
        "out of office by subject",
        Evidence("Back on Monday.\n", 1, subject="Out of Office: FOI", sender_email="x@example.org"),
        {"ooo=subject"},
        set(),
    ),
    ("blank platform message", Evidence("  \n", 1, party_hint="platform"), {"empty", "party=platform"}, set()),
    (
        "a long letter quoting the request",
        Evidence(
            "Dear Ms Roe,\n\nYou asked for: the minutes.\n\n" + "The minutes are below. " * 80,
            2,
            greeting="Dear Ms Roe,",
        ),
        {"long"},
        set(),
    ),
    (
        "a bare covering letter",
        Evidence(
            "Dear Mr Cross\n\nOur ref: FOI 2024/17\n\nYours sincerely\n",
            1,
            greeting="Dear Mr Cross",
            closing="Yours sincerely",
        ),
        {"bare_letter"},
        {"unaddressed"},
    ),
]


@pytest.mark.parametrize(("evidence", "present", "absent"), [c[1:] for c in FACTS], ids=[c[0] for c in FACTS])
def test_fact_tokens(evidence: Evidence, present: set[str], absent: set[str]) -> None:
    tokens = set(facts_of(evidence, DEFAULT_RULES).tokens)
    assert present <= tokens and not (absent & tokens), tokens


def test_phrase_hits_join_the_line() -> None:
    facts = facts_of(
        Evidence("Dear Ms Roe,\n\nYou asked for: the minutes. Please find attached the minutes.\n", 1), DEFAULT_RULES
    )
    line = facts.line()
    assert "quoted_request:quoted" in line and "response:attached" in line


# (fact line, the signals that fire)
SIGNALS = [
    ("party=requester first", {"request/first_from_requester"}),
    ("party=requester requester_before earlier=request", {"follow_up/later_from_requester"}),
    ("party=authority", {"response/authority_letter"}),
    ("party=platform empty", {"response/authority_letter", "other/platform_notice"}),
    ("party=authority long quoted_request:quoted", {"response/authority_letter", "response/quoted_request"}),
    ("party=authority quoted_request:quoted", {"response/authority_letter"}),  # short: a receipt may quote too
    (
        "party=authority ack_label response:attached",
        {
            "response/authority_letter",
            "receipt/labelled",
            "response/attached_receipt",
            "auto_acknowledgement/no_reference",
        },
    ),
    (
        "party=authority reference acknowledgement:logged",
        {"response/authority_letter", "acknowledgement/reference"},
    ),
    (
        "party=authority earlier=internal_review_request internal_review_response:decision",
        {"response/authority_letter", "internal_review_response/review_asked"},
    ),
    ("party=authority earlier=internal_review_request", {"response/authority_letter"}),
    (
        "party=authority response:exempt response:appeal_rights",
        {"response/authority_letter", "response/exempt_with_reasons"},
    ),
    (
        "party=authority party_default unaddressed commentary:below",
        {"response/authority_letter", "other/not_a_letter", "annotation/commentary"},
    ),
    ("party=authority bare_letter", {"response/authority_letter", "other/bare_letter"}),
    (
        "party=authority unaddressed response_heading",
        {"response/authority_letter", "other/not_a_letter", "response/under_a_response_heading"},
    ),
    ("party=authority bounce=daemon_sender", {"response/authority_letter", "bounce/report"}),
    ("party=authority ooo=body", {"response/authority_letter", "out_of_office/body"}),
    ("party=authority ooo=subject", {"response/authority_letter", "out_of_office/reply"}),
    ("party=platform annotation_heading", {"response/authority_letter", "annotation/heading"}),
]


@pytest.mark.parametrize(("line", "fired"), SIGNALS)
def test_signals_fire_on_fact_lines(line: str, fired: set[str]) -> None:
    assert {r.name for r in DEFAULT_RULES["signals"] if r.search(line)} == fired
