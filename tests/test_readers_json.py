"""Tests for foithread.readers.wdtk_json.read_wdtk_json on Alaveteli request JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foithread.errors import ParseError
from foithread.readers.base import Document
from foithread.readers.wdtk_json import read_wdtk_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "json"


def _read(name: str) -> Document:
    return read_wdtk_json((FIXTURES / f"{name}.json").read_bytes(), source=name)


SCHOOL_STREETS = [
    # event type, kind_hint, party_hint, sent_on, sender
    ("sent", "request", "requester", "2023-09-04", "Hannah Okafor"),
    ("response", "response", "authority", "2023-09-04", "London Borough of Lewisham"),
    ("response", "clarification_request", "authority", "2023-09-18", "London Borough of Lewisham"),
    ("followup_sent", "follow_up", "requester", "2023-09-19", "Hannah Okafor"),
    ("response", "response", "authority", "2023-10-20", "London Borough of Lewisham"),
    ("followup_sent", "internal_review_request", "requester", "2023-10-30", "Hannah Okafor"),
    ("followup_resent", "other", "platform", "2023-11-14", None),
    ("comment", "annotation", "requester", "2024-01-15", None),
]


def test_school_streets_message_events() -> None:
    doc = _read("wdtk-school-streets")
    assert len(doc.parts) == len(SCHOOL_STREETS)
    for part, (event, kind, party, sent_on, sender) in zip(doc.parts, SCHOOL_STREETS, strict=False):
        assert part.headers["x-alaveteli-event-type"] == event
        assert part.kind_hint == kind
        assert part.party_hint == party
        assert part.sent_on == sent_on
        assert (part.sender.name if part.sender else None) == sender


def test_school_streets_skips_non_message_events() -> None:
    doc = _read("wdtk-school-streets")
    types = {part.headers["x-alaveteli-event-type"] for part in doc.parts}
    assert not types & {"status_update", "overdue", "very_overdue", "edit_outgoing"}


def test_school_streets_parts_have_no_text() -> None:
    doc = _read("wdtk-school-streets")
    assert all(part.text == "" and part.offset == 0 for part in doc.parts)


def test_school_streets_document_facts() -> None:
    doc = _read("wdtk-school-streets")
    assert doc.format == "wdtk-json"
    assert doc.title == "School Streets enforcement cameras"
    assert doc.authority == "London Borough of Lewisham"
    assert doc.requester == "Hannah Okafor"
    assert doc.status == "internal_review"
    assert doc.regime == "foi"
    assert doc.warnings == ()
    assert doc.source == "wdtk-school-streets"


def test_event_metadata_in_headers() -> None:
    doc = _read("wdtk-school-streets")
    review = doc.parts[5]
    assert review.headers["x-alaveteli-id"] == "15630022"
    assert review.headers["x-alaveteli-outgoing-message-id"] == "1471188"
    assert review.headers["x-alaveteli-display-status"] == "Internal review request"
    assert "x-alaveteli-incoming-message-id" not in review.headers


def test_minimal_eir_request_with_string_user_and_bad_date() -> None:
    doc = _read("wdtk-eir-minimal")
    assert doc.regime == "eir"
    assert doc.requester == "Leah Quint"
    assert doc.authority == "Environment Agency"
    assert doc.status == "successful"
    assert [(p.kind_hint, p.party_hint) for p in doc.parts] == [
        ("request", "requester"),
        ("other", "platform"),
        ("response", "authority"),
        ("response", "authority"),
    ]
    assert [p.sent_on for p in doc.parts] == ["2024-02-01", "2024-02-08", "2024-02-27", None]
    assert doc.warnings == ("info_request_events[4] has no usable created_at date",)


def test_text_and_bytes_give_the_same_document() -> None:
    raw = (FIXTURES / "wdtk-school-streets.json").read_bytes()
    assert read_wdtk_json(raw) == read_wdtk_json(raw.decode("utf-8"))
    assert read_wdtk_json(b"\xef\xbb\xbf" + raw) == read_wdtk_json(raw)


def test_non_object_events_are_skipped_with_warning() -> None:
    data = json.dumps({"title": "T", "info_request_events": [42, {"event_type": "sent", "created_at": "2024-01-02"}]})
    doc = read_wdtk_json(data)
    assert [p.kind_hint for p in doc.parts] == ["request"]
    assert doc.warnings == ("info_request_events[0] is not an object; skipped",)


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        pytest.param((FIXTURES / "wdtk-truncated.json").read_bytes(), "invalid JSON", id="truncated"),
        pytest.param(b"{not json", "invalid JSON", id="garbage"),
        pytest.param("", "invalid JSON", id="empty"),
        pytest.param(b"\xff\xfe{}", "UTF-8", id="not-utf8"),
        pytest.param(
            (FIXTURES / "wdtk-public-body.json").read_bytes(), "not an Alaveteli request", id="public-body-json"
        ),
        pytest.param("[1, 2, 3]", "not an Alaveteli request", id="list"),
        pytest.param('{"title": "x", "info_request_events": {}}', "not an Alaveteli request", id="events-not-list"),
        pytest.param("[" * 100000 + "]" * 100000, "JSON", id="deep-nesting"),
    ],
)
def test_bad_input_raises_parse_error(data: object, needle: str) -> None:
    with pytest.raises(ParseError) as caught:
        read_wdtk_json(data, source="req.json")  # type: ignore[arg-type]
    assert needle in str(caught.value)
    assert caught.value.source == "req.json" and caught.value.format == "wdtk-json"
