"""Tests for foithread.readers.wdtk_zip.read_wdtk_zip on WhatDoTheyKnow correspondence zips."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from foithread.errors import ParseError
from foithread.limits import Limits
from foithread.readers.base import Document
from foithread.readers.wdtk_zip import parse_text_date, read_wdtk_zip

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "zip"
PREAMBLE = (
    'This is a plain-text version of the Freedom of Information request "Bus lane fines".  '
    "The latest, full version is available online at https://www.whatdotheyknow.com/request/bus_lane_fines.\n\n"
)
RULE = "-" * 31


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _text_of(data: bytes) -> str:
    raw = zipfile.ZipFile(io.BytesIO(data)).read("correspondence.txt")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _assert_offsets(data: bytes, doc: Document) -> None:
    text = _text_of(data)
    for part in doc.parts:
        assert text[part.offset : part.offset + len(part.text)] == part.text


def _first_line(text: str) -> str | None:
    return next((line for line in text.splitlines() if line.strip()), None)


WILTSHIRE = [
    # kind_hint, party_hint, sender, sent_on, first line
    (None, "requester", "Priya Raman", "2024-03-04", "Dear Wiltshire Council,"),
    (
        None,
        "authority",
        "Information Governance, Wiltshire Council",
        "2024-03-04",
        "Thank you for your request for information. This is an automatic acknowledgement that your email has "
        "been received by the Information Governance Team.",
    ),
    ("other", "platform", None, "2024-03-12", "Sent request to Wiltshire Council again, using a new contact address."),
    (None, "authority", "Gareth Pryce, Wiltshire Council", "2024-03-13", "Dear Ms Raman"),
    (
        "other",
        "platform",
        None,
        None,
        "This message has been hidden. It contained personal information about a member of staff.",
    ),
    (None, "authority", "Gareth Pryce, Wiltshire Council", "2024-04-02", "Dear Ms Raman"),
    (None, "requester", "Priya Raman", "2024-04-20", "Dear Wiltshire Council,"),
    (
        "annotation",
        "requester",
        "Priya Raman",
        "2024-04-21",
        "The spreadsheet covers 28 of the 31 libraries; Calne, Corsham and Tisbury are missing.",
    ),
]


@pytest.fixture(scope="module")
def wiltshire() -> tuple[bytes, Document]:
    data = (FIXTURES / "wdtk-wiltshire.zip").read_bytes()
    return data, read_wdtk_zip(data, source="wdtk-wiltshire.zip")


def test_wiltshire_events(wiltshire: tuple[bytes, Document]) -> None:
    data, doc = wiltshire
    assert len(doc.parts) == len(WILTSHIRE)
    for part, (kind, party, sender, sent_on, first) in zip(doc.parts, WILTSHIRE, strict=False):
        assert part.kind_hint == kind
        assert part.party_hint == party
        assert (part.sender.name if part.sender else None) == sender
        assert part.sent_on == sent_on
        assert _first_line(part.text) == first
    _assert_offsets(data, doc)


def test_wiltshire_document_facts(wiltshire: tuple[bytes, Document]) -> None:
    _, doc = wiltshire
    assert doc.format == "wdtk-zip"
    assert doc.title == "Library opening hours and volunteer staffing in Wiltshire"
    assert doc.authority == "Wiltshire Council"
    assert doc.requester == "Priya Raman"
    assert doc.source == "wdtk-wiltshire.zip"
    assert doc.warnings == ()


def test_wiltshire_bodies_exclude_headers_and_attachment_lines(wiltshire: tuple[bytes, Document]) -> None:
    _, doc = wiltshire
    response = doc.parts[5]
    assert response.attachments == ("FOI-2024-03117 response.pdf", "Library hours (2019 and 2024).xlsx")
    assert response.text.endswith("Information Governance Officer")
    assert "Attachment: FOI" not in response.text
    # A 31-hyphen line inside a message body does not start a new event.
    assert "\n" + RULE + "\nAttachment references follow" in response.text
    for part in doc.parts:
        assert not part.text.startswith(("From:", "To:", "Date:"))
        assert part.text == part.text.strip()
    assert doc.parts[0].headers["to"] == "Wiltshire Council"
    assert doc.parts[0].headers["date"] == "March 4, 2024"


def test_wiltshire_annotation_text_is_body_only(wiltshire: tuple[bytes, Document]) -> None:
    _, doc = wiltshire
    assert "left an annotation" not in doc.parts[-1].text


def test_cp1252_fallback_warns_and_decodes() -> None:
    data = (FIXTURES / "wdtk-cp1252.zip").read_bytes()
    doc = read_wdtk_zip(data)
    assert doc.warnings == ("correspondence.txt is not valid UTF-8; decoded as cp1252",)
    assert doc.title == "Cost of the \u201cClean Air\u201d campaign"
    assert "\u00a314,250" in doc.parts[1].text
    assert [p.party_hint for p in doc.parts] == ["requester", "authority"]
    _assert_offsets(data, doc)


@pytest.mark.parametrize(
    ("fixture", "needle"),
    [
        ("pdf-only.zip", "older PDF-only"),
        ("no-correspondence.zip", "no correspondence.txt"),
        ("bomb.zip", "compression ratio"),
    ],
)
def test_refused_zips(fixture: str, needle: str) -> None:
    with pytest.raises(ParseError) as caught:
        read_wdtk_zip((FIXTURES / fixture).read_bytes(), source=fixture)
    assert needle in str(caught.value)
    assert caught.value.source == fixture and caught.value.format == "wdtk-zip"


def test_pdf_only_message_says_download_newer_zip() -> None:
    with pytest.raises(ParseError, match="download a newer zip"):
        read_wdtk_zip((FIXTURES / "pdf-only.zip").read_bytes())


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"This is not a zip file at all", id="not-a-zip"),
        pytest.param(b"", id="empty"),
        pytest.param((FIXTURES / "wdtk-wiltshire.zip").read_bytes()[:900], id="truncated"),
        pytest.param(b"PK\x03\x04" + b"\x00" * 60, id="bad-header"),
    ],
)
def test_corrupt_input_raises_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        read_wdtk_zip(data, source="x.zip")


def test_text_instead_of_bytes_raises_parse_error() -> None:
    with pytest.raises(ParseError):
        read_wdtk_zip("correspondence.txt", source="x")  # type: ignore[arg-type]


def test_oversized_member_refused() -> None:
    data = (FIXTURES / "wdtk-wiltshire.zip").read_bytes()
    with pytest.raises(ParseError, match="too large") as caught:
        read_wdtk_zip(data, limits=Limits(max_zip_member_bytes=1000))
    assert caught.value.limit == "max_zip_member_bytes"


def test_member_in_folder_crlf_and_anonymous_requester() -> None:
    body = (
        PREAMBLE + RULE + "\n  From: [An anonymous user]\n  To: Leeds City Council\n  Date: 5 May 2024\n"
        "  Dear Leeds City Council,\n\nHow many bus lane fines were issued in 2023?\n\n"
        + RULE
        + "\n  From:, Leeds City Council\n  To: [An anonymous user]\n  Date: 20 May 2024\n\n"
        "  Dear Requester\n\n41,302 fines were issued.\n    Attachment: fines.csv (2K)\n"
    ).replace("\n", "\r\n")
    data = _zip({"bus_lane_fines/correspondence.txt": body.encode("utf-8"), "bus_lane_fines/2_2_fines.csv": b"a"})
    doc = read_wdtk_zip(data)
    assert doc.title == "Bus lane fines"
    assert doc.authority == "Leeds City Council"
    assert doc.requester is None
    request, reply = doc.parts
    assert (request.party_hint, request.sender, request.sent_on) == ("requester", None, "2024-05-05")
    assert (reply.party_hint, reply.sender.name if reply.sender else None) == ("authority", "Leeds City Council")
    assert reply.text == "Dear Requester\n\n41,302 fines were issued."
    assert reply.attachments == ("fines.csv",)
    assert "\r" not in request.text + reply.text


def test_export_without_rules_raises() -> None:
    data = _zip({"correspondence.txt": PREAMBLE.encode("utf-8")})
    with pytest.raises(ParseError, match="31 hyphens"):
        read_wdtk_zip(data)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("March 4, 2024", "2024-03-04"),
        ("4 March 2024", "2024-03-04"),
        ("Sept 30, 2023", "2023-09-30"),
        ("2022-01-12T10:41:05+00:00", "2022-01-12"),
        ("04/03/2024", "2024-03-04"),
        ("12 Ionawr 2024", "2024-01-12"),
        ("sometime soon", None),
        ("February 31, 2024", None),
    ],
)
def test_parse_text_date(written: str, iso: str | None) -> None:
    assert parse_text_date(written) == iso
