"""Tests for foithread.readers.html.read_html on WhatDoTheyKnow request pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foithread.errors import ParseError
from foithread.readers.base import Document
from foithread.readers.html import read_html

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "html"
DEV = ROOT.parent / "shared" / "eval" / "dev"
DEV_CASES = ["html-wdtk-essex-police", "html-wdtk-nottingham-eir"]

# Page furniture that must never reach a part's text.
FURNITURE = [
    "Link to this",
    "show quoted sections",
    "We work to defend the right to FOI for everyone",
    "Donate Now",
    "Is this an acknowledgement?",
    "This response contains attachments",
    "Delivered",
    "1 Attachment",
    "2 Attachments",
    "left an annotation",
]


def _read(name: str) -> Document:
    return read_html((FIXTURES / f"{name}.html").read_bytes(), source=name)


def _first_line(text: str) -> str | None:
    return next((line for line in text.splitlines() if line.strip()), None)


def _assert_offsets(doc: Document) -> None:
    joined = "\n\n".join(part.text for part in doc.parts)
    for part in doc.parts:
        assert joined[part.offset : part.offset + len(part.text)] == part.text
    offsets = [part.offset for part in doc.parts]
    assert offsets == sorted(offsets)


def _dev(name: str) -> tuple[Document, dict]:
    case = DEV / "cases" / f"{name}.html"
    gold = DEV / "gold" / f"{name}.json"
    if not case.exists() or not gold.exists():
        pytest.skip(f"dev case {name} not available")
    return read_html(case.read_bytes(), source=str(case)), json.loads(gold.read_text(encoding="utf-8"))


# --- the labelled dev cases ------------------------------------------------------------


@pytest.mark.parametrize("name", DEV_CASES)
def test_dev_case_messages_match_gold(name: str) -> None:
    doc, gold = _dev(name)
    assert len(doc.parts) == len(gold["messages"])
    for part, message in zip(doc.parts, gold["messages"], strict=False):
        assert _first_line(part.text) == message["first_line"]
        assert part.sent_on == message["sent_on"]
        assert part.party_hint == message["party"]
        if message["kind"] == "annotation":
            assert part.kind_hint == "annotation"
    _assert_offsets(doc)


@pytest.mark.parametrize("name", DEV_CASES)
def test_dev_case_keeps_must_keep_and_urls(name: str) -> None:
    doc, gold = _dev(name)
    for part, message in zip(doc.parts, gold["messages"], strict=False):
        for phrase in message["must_keep"]:
            assert phrase in part.text
        for url in message["urls"]:
            assert url in part.text
        for phrase in ("Link to this", "show quoted sections", "We work to defend the right to FOI"):
            assert phrase not in part.text


@pytest.mark.parametrize(
    ("name", "title", "authority", "requester", "regime", "status"),
    [
        (
            "html-wdtk-essex-police",
            "Fixed penalty notices for littering from vehicles",
            "Essex Police",
            "Zsofia Varga",
            "foi",
            "partially_successful",
        ),
        (
            "html-wdtk-nottingham-eir",
            "Air quality monitoring on Maid Marian Way",
            "Nottingham City Council",
            "Callum Oyelowo",
            "eir",
            "successful",
        ),
    ],
)
def test_dev_case_document_facts(
    name: str, title: str, authority: str, requester: str, regime: str, status: str
) -> None:
    doc, gold = _dev(name)
    assert (doc.format, doc.title, doc.authority, doc.requester, doc.regime, doc.status) == (
        "html",
        title,
        authority,
        requester,
        regime,
        status,
    )
    assert doc.authority == gold["thread"]["authority"]


def test_dev_case_incoming_author_kept_whole_and_attachment_listed() -> None:
    doc, _ = _dev("html-wdtk-essex-police")
    response = doc.parts[2]
    assert response.sender is not None and response.sender.name == "Daniel Coutts, Essex Police"
    assert response.attachments == ("PD FOI 22 00412 Response.pdf",)
    assert "View" not in response.text and "182K" not in response.text


# --- constructed fixtures -------------------------------------------------------------

HAMPSHIRE = [
    # kind_hint, party_hint, sender, sent_on, first line
    (None, "requester", "Aoife Brennan", "2023-10-02", "Dear Hampshire County Council,"),
    (
        "other",
        "platform",
        None,
        "2023-10-09",
        "Sent request to Hampshire County Council again, using a new contact address.",
    ),
    (None, "authority", "Information Governance, Hampshire County Council", "2023-10-09", "Dear Ms Brennan"),
    (None, "authority", "Marcus Webb, Hampshire County Council", "2023-11-06", "Dear Ms Brennan"),
    (
        "other",
        "platform",
        None,
        None,
        "This message has been hidden. It was sent to this request by mistake. Please contact us if you have any "
        "questions.",
    ),
    (None, "requester", "Aoife Brennan", "2023-11-20", "Dear Hampshire County Council,"),
    (
        "annotation",
        "requester",
        "Aoife Brennan",
        "2023-12-19",
        "No reply to the internal review after 20 working days. I have complained to the ICO.",
    ),
]


def test_hampshire_parts_in_page_order() -> None:
    doc = _read("wdtk-hampshire-internal-review")
    assert len(doc.parts) == len(HAMPSHIRE)
    for part, (kind, party, sender, sent_on, first) in zip(doc.parts, HAMPSHIRE, strict=False):
        assert part.kind_hint == kind
        assert part.party_hint == party
        assert (part.sender.name if part.sender else None) == sender
        assert part.sent_on == sent_on
        assert _first_line(part.text) == first
    _assert_offsets(doc)


def test_hampshire_document_facts() -> None:
    doc = _read("wdtk-hampshire-internal-review")
    assert doc.title == "Pothole compensation claims on the A31"
    assert doc.authority == "Hampshire County Council"
    assert doc.requester == "Aoife Brennan"
    assert doc.regime == "foi"
    assert doc.status == "internal_review"
    assert doc.warnings == ()


def test_hampshire_furniture_dropped_everywhere() -> None:
    doc = _read("wdtk-hampshire-internal-review")
    for part in doc.parts:
        for phrase in FURNITURE:
            assert phrase not in part.text, (phrase, part.text)


def test_hampshire_links_and_lists() -> None:
    doc = _read("wdtk-hampshire-internal-review")
    request, _, ack, response, _, review, _ = doc.parts
    assert "1. how many compensation claims" in request.text
    assert "2. how many were paid" in request.text
    assert "please email [email address]." in ack.text
    assert "https://www.hants.gov.uk/transport/roadmaintenance/claims-for-damage-to-vehicles and" in response.text
    assert "Information Commissioner's Office <https://ico.org.uk/make-a-complaint/>" in response.text
    assert "https://www.whatdotheyknow.com/request/pothole_compensation_claims_on_t" in review.text
    assert "..." not in response.text + review.text


def test_hampshire_attachments_from_name_or_link() -> None:
    doc = _read("wdtk-hampshire-internal-review")
    assert doc.parts[3].attachments == ("IG 23 4471 Response.pdf", "A31 claims 2021-2023.xlsx")
    assert all(not part.attachments for i, part in enumerate(doc.parts) if i != 3)


def test_old_markup_with_meta_charset() -> None:
    doc = _read("wdtk-old-markup")
    assert doc.title == "Grit bin locations"
    assert doc.authority == "Ceredigion County Council"
    assert [p.party_hint for p in doc.parts] == ["requester", "authority"]
    assert [p.sender.name for p in doc.parts if p.sender] == [
        "Rhys Evans",
        "Freedom of Information Officer, Ceredigion County Council",
    ]
    assert [p.sent_on for p in doc.parts] == ["2013-01-14", "2013-02-11"]
    assert doc.parts[1].attachments == ("Grit bins Aberystwyth.pdf",)
    assert "Cost of salt this winter: \u00a34,120." in doc.parts[1].text
    assert doc.parts[0].text.startswith("Dear Ceredigion County Council,\n\nPlease send me")
    _assert_offsets(doc)


def test_text_and_bytes_give_the_same_document() -> None:
    raw = (FIXTURES / "wdtk-hampshire-internal-review.html").read_bytes()
    assert read_html(raw) == read_html(raw.decode("utf-8"))


def test_source_is_recorded() -> None:
    assert _read("wdtk-old-markup").source == "wdtk-old-markup"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param((FIXTURES / "wdtk-authority-page.html").read_bytes(), id="authority-page"),
        pytest.param("", id="empty"),
        pytest.param("Dear Essex Police,\n\nPlain text, not HTML.", id="plain-text"),
        pytest.param(
            "<html><body><div class='correspondence_text'>orphan body</div></body></html>", id="body-without-block"
        ),
        pytest.param(b"\xff\xfe<\x00h\x00", id="binary-garbage"),
    ],
)
def test_no_correspondence_raises_parse_error(data: object) -> None:
    with pytest.raises(ParseError) as caught:
        read_html(data, source="page.html")  # type: ignore[arg-type]
    assert caught.value.source == "page.html"
    assert caught.value.format == "html"
    assert "correspondence" in str(caught.value)


def test_message_ids_from_dom_ids() -> None:
    doc = _read("wdtk-hampshire-internal-review")
    assert doc.parts[0].headers["x-alaveteli-outgoing-message-id"] == "1402215"
    assert doc.parts[2].headers["x-alaveteli-incoming-message-id"] == "2300117"
    assert doc.parts[2].headers["x-alaveteli-anchor"] == "incoming-2300117"
    assert doc.parts[-1].headers["x-alaveteli-comment-id"] == "99107"


def test_utf16_page_is_decoded() -> None:
    raw = (FIXTURES / "wdtk-hampshire-internal-review.html").read_bytes().decode("utf-8")
    assert read_html(raw.encode("utf-16")) == read_html(raw)
