"""Reader for Alaveteli's request JSON (``https://www.whatdotheyknow.com/request/<slug>.json``).

The JSON has **no message bodies, subjects or senders** (Alaveteli issue #1420), so every
:class:`Part` has ``text=""`` at offset 0; what it does carry is the sequence of events, their
dates and the request-level facts. One part per correspondence event, in
``info_request_events`` order:

=====================================  ===========================  ==========
event_type                             kind_hint                    party_hint
=====================================  ===========================  ==========
``sent``                               ``request``                  requester
``followup_sent``                      ``follow_up``, or            requester
                                       ``internal_review_request``
                                       when its state/display
                                       status says internal review
``resent`` / ``followup_resent``       ``other``                    platform
``response``                           ``response``, or             authority
                                       ``clarification_request``
                                       when its calculated state is
                                       ``waiting_clarification``
``comment``                            ``annotation``               requester
``send_error``                         ``other``                    requester
=====================================  ===========================  ==========

Status updates, overdue markers, edits, hides and other administrative events are not
messages and are skipped. Each part's ``headers`` carry the event's metadata under
``x-alaveteli-*`` names (event type and id, states, display status, message ids).
"""

from __future__ import annotations

import json
from typing import Any

import regex

from foithread import discipline
from foithread.errors import ParseError
from foithread.model import Sender
from foithread.readers.base import Document, Part

__all__ = ["FORMAT", "read_wdtk_json"]

FORMAT = "wdtk-json"
_TIMEOUT = discipline.READER_TIMEOUT
_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")

_REQUESTER_EVENTS = {"sent": "request", "followup_sent": "follow_up", "send_error": "other"}
_PLATFORM_EVENTS = {"resent", "followup_resent"}
_REGIMES = {"foi": "foi", "eir": "eir", "foisa": "foisa", "eisr": "eir", "sar": "sar"}
_EVENT_FIELDS = (
    "id",
    "event_type",
    "described_state",
    "calculated_state",
    "display_status",
    "incoming_message_id",
    "outgoing_message_id",
    "comment_id",
)


def _decode(data: str | bytes, source: str | None) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if not isinstance(data, (bytes, bytearray)):
        raise ParseError("expected JSON text or bytes", source=source, format=FORMAT)
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError("JSON is not valid UTF-8", source=source, format=FORMAT, where=f"byte {exc.start}") from exc


def _load(text: str, source: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"invalid JSON ({exc.msg})", source=source, format=FORMAT, where=f"line {exc.lineno} column {exc.colno}"
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"invalid JSON ({exc})", source=source, format=FORMAT) from exc
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("info_request_events"), list)
        or not (value.get("title") or value.get("url_title"))
    ):
        raise ParseError(
            "JSON is not an Alaveteli request (expected an object with title and info_request_events)",
            source=source,
            format=FORMAT,
        )
    return value


def _text(value: Any) -> str | None:
    """A non-empty stripped string, or None."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _date(value: Any) -> str | None:
    """The local calendar date of an Alaveteli timestamp (``2022-01-12T10:41:05.000+00:00``)."""
    text = _text(value)
    if not text:
        return None
    match = _ISO_DATE.match(text, timeout=_TIMEOUT)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _name(value: Any, *keys: str) -> str | None:
    if isinstance(value, dict):
        for key in keys:
            found = _text(value.get(key))
            if found:
                return found
        return None
    return _text(value)


def _is_internal_review(event: dict[str, Any]) -> bool:
    said = " ".join(
        str(event.get(key) or "") for key in ("calculated_state", "described_state", "display_status")
    ).lower()
    return "internal_review" in said or "internal review" in said


def _hints(event: dict[str, Any]) -> tuple[str, str] | None:
    """``(kind_hint, party_hint)`` for a message event, None for any other event."""
    event_type = str(event.get("event_type") or "")
    if event_type in _REQUESTER_EVENTS:
        kind = _REQUESTER_EVENTS[event_type]
        if event_type == "followup_sent" and _is_internal_review(event):
            kind = "internal_review_request"
        return kind, "requester"
    if event_type in _PLATFORM_EVENTS:
        return "other", "platform"
    if event_type == "response":
        state = str(event.get("calculated_state") or event.get("described_state") or "")
        return ("clarification_request" if state == "waiting_clarification" else "response"), "authority"
    if event_type == "comment":
        return "annotation", "requester"
    return None


def read_wdtk_json(data: str | bytes, source: str | None = None) -> Document:
    """Read an Alaveteli ``/request/<slug>.json`` document into a :class:`Document`.

    Raises :class:`ParseError` for invalid JSON or JSON that is not an Alaveteli request.
    """
    request = _load(_decode(data, source), source)
    requester = _name(request.get("user"), "name", "display_name", "url_name") or _text(request.get("user_name"))
    authority = _name(request.get("public_body"), "name", "short_name", "url_name")
    warnings: list[str] = []
    parts: list[Part] = []
    for position, event in enumerate(request["info_request_events"]):
        if not isinstance(event, dict):
            warnings.append(f"info_request_events[{position}] is not an object; skipped")
            continue
        hints = _hints(event)
        if hints is None:
            continue
        kind, party = hints
        sent_on = _date(event.get("created_at"))
        if sent_on is None:
            warnings.append(f"info_request_events[{position}] has no usable created_at date")
        headers = {
            f"x-alaveteli-{key.replace('_', '-')}": str(event[key])
            for key in _EVENT_FIELDS
            if event.get(key) is not None and not isinstance(event.get(key), (dict, list))
        }
        if party == "requester" and kind != "annotation" and requester:
            sender: Sender | None = Sender(name=requester)
        elif party == "authority" and authority:
            sender = Sender(name=authority)
        else:
            sender = None
        parts.append(
            Part(
                text="",
                offset=0,
                headers=headers,
                sender=sender,
                sent_on=sent_on,
                kind_hint=kind,
                party_hint=party,
                mime_type="application/json",
            )
        )
    law = (_text(request.get("law_used")) or "").lower()
    return Document(
        format=FORMAT,
        parts=tuple(parts),
        title=_text(request.get("title")) or _text(request.get("url_title")),
        authority=authority,
        requester=requester,
        status=_text(request.get("described_state")) or _text(request.get("display_status")),
        regime=_REGIMES.get(law),
        warnings=tuple(warnings),
        source=source,
    )
