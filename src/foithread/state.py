"""Request state: where a thread stands, in Alaveteli's vocabulary, inferred from its messages.

WhatDoTheyKnow asks each requester to classify the latest response ("successful", "refused" …);
tens of thousands of threads are never classified. :func:`request_state` reads the same states
from the message kinds, outcomes and a little wording, oldest message first:

==============================  ==========================================================
message                         state afterwards
==============================  ==========================================================
request, acknowledgement, …     ``waiting_response``
clarification_request           ``waiting_clarification`` (the requester's reply: waiting again)
response / internal review      by outcome: information_provided → ``successful``,
response                        partially_provided → ``partially_successful``, not_held →
                                ``not_held``, refused or neither_confirm_nor_deny →
                                ``rejected``, unknown → ``awaiting_classification``
internal_review_request         ``internal_review``
bounce                          ``error_message`` (unless an answer already closed the request)
platform resend after a bounce  ``waiting_response``
withdrawal wording              ``user_withdrawn`` (:data:`foithread.rules.states.WITHDRAWN`)
"sent by post" wording          ``gone_postal`` (:data:`foithread.rules.states.GONE_POSTAL`)
out_of_office, annotation, …    no change
==============================  ==========================================================

``waiting_response`` turns ``waiting_response_overdue`` after 20 working days from the start of
the clock and ``waiting_response_very_overdue`` after 40 (60 for schools), as Alaveteli counts
(extensions are ignored, as there). That needs a ``today``, so :meth:`Thread.to_dict`
carries the state as of the last message and only ``request_state(thread, today=...)`` gives
the overdue variants. The working-day arithmetic is :func:`foithread.deadline`'s.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import regex

from foithread import discipline
from foithread.deadlines import CALENDARS, UNKNOWN_LAW, add_working_days, deadline, working_days_between
from foithread.rules import RuleTable
from foithread.rules.literals import WRAPPED
from foithread.rules.states import CONDITIONAL, GONE_POSTAL, RESENT, STATUS_LINES, WITHDRAWN

if TYPE_CHECKING:  # the model imports this module where it needs it: no import cycle
    from foithread.model import Message, Thread

STATES = (
    "waiting_response",
    "waiting_response_overdue",
    "waiting_response_very_overdue",
    "waiting_clarification",
    "awaiting_classification",
    "successful",
    "partially_successful",
    "not_held",
    "rejected",
    "internal_review",
    "gone_postal",
    "error_message",
    "user_withdrawn",
)
#: the state a response's outcome leaves a request in
OUTCOME_STATES = {
    "information_provided": "successful",
    "partially_provided": "partially_successful",
    "not_held": "not_held",
    "refused": "rejected",
    "neither_confirm_nor_deny": "rejected",
    "unknown": "awaiting_classification",
}
#: states an answer or the requester closed; a later bounce or chaser does not reopen them
CLOSED = frozenset({"successful", "partially_successful", "not_held", "rejected", "gone_postal", "user_withdrawn"})
OVERDUE_AFTER = 20
VERY_OVERDUE_AFTER = 40
VERY_OVERDUE_AFTER_SCHOOLS = 60
_SENTENCE_END = discipline.compile(r"(?<=[.!?])\s+(?=[A-Z\[(\"'])")
_TIMEOUT = discipline.TEXT_TIMEOUT
_SEPARATORS = discipline.compile(r"[\s-]+")
#: a blank line (or several): from a line break over lines of white space to the last line break
_PARAGRAPH_BREAK = discipline.compile(r"\n(?:[^\S\n]*+\n)++")
_SCHOOL = discipline.compile(r"\b(?:school|academy|ysgol)\b", regex.I)

#: the input's own status words (WDTK ``described_state`` codes and page/display texts) → a state
DESCRIBED = {
    "waiting_response": "waiting_response",
    "awaiting_response": "waiting_response",
    "waiting_response_overdue": "waiting_response_overdue",
    "delayed": "waiting_response_overdue",
    "waiting_response_very_overdue": "waiting_response_very_overdue",
    "long_overdue": "waiting_response_very_overdue",
    "waiting_clarification": "waiting_clarification",
    "awaiting_clarification": "waiting_clarification",
    "awaiting_classification": "awaiting_classification",
    "successful": "successful",
    "partially_successful": "partially_successful",
    "not_held": "not_held",
    "information_not_held": "not_held",
    "rejected": "rejected",
    "refused": "rejected",
    "vexatious": "rejected",
    "internal_review": "internal_review",
    "awaiting_internal_review": "internal_review",
    "gone_postal": "gone_postal",
    "handled_by_post": "gone_postal",
    "error_message": "error_message",
    "delivery_error": "error_message",
    "user_withdrawn": "user_withdrawn",
    "withdrawn_by_the_requester": "user_withdrawn",
}
#: kinds whose wording is nobody's decision (auto-replies, delivery reports, notes)
_UNSAID = frozenset({"bounce", "out_of_office", "auto_acknowledgement", "annotation"})
_WAITING = frozenset({"waiting_response", "waiting_response_overdue", "waiting_response_very_overdue"})


@attrs.frozen
class RequestState:
    """A thread's inferred state, why, and how it compares with the state the input states."""

    state: str | None  # one of STATES; None for a thread without messages
    evidence: tuple[str, ...] = ()  # one line per message or rule that moved the state
    described: str | None = None  # the input's own status (``thread.status``), normalised when known
    agrees: bool | None = None  # None when the input states no comparable status

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "evidence": list(self.evidence),
            "described": self.described,
            "agrees": self.agrees,
        }


def normalise_status(status: str | None) -> str | None:
    """The state named by an input's status: a code or display text (``"successful"``, ``"Awaiting response"``),
    else a status sentence (:data:`foithread.rules.states.STATUS_LINES`); failing both, the text itself."""
    if not status:
        return None
    key = _SEPARATORS.sub("_", status.strip().lower()).strip("_.")
    if key in DESCRIBED:
        return DESCRIBED[key]
    line = STATUS_LINES.first(" ".join(status.split()))
    return line.name if line is not None else status.strip()


def _family(state: str | None) -> str | None:
    return "waiting_response" if state in _WAITING else state


def _sentences(body: str) -> list[str]:
    """``body`` as sentences, wrapped lines joined (a condition may sit on the line before)."""
    paragraphs = _PARAGRAPH_BREAK.split(body, timeout=_TIMEOUT)
    joined = (WRAPPED.sub(" ", p, timeout=_TIMEOUT) for p in paragraphs)
    return [s for p in joined for s in _SENTENCE_END.split(p, timeout=_TIMEOUT) if s.strip()]


def _cue(table: RuleTable, body: str, *, conditional_ok: bool = False) -> str | None:
    """The first rule of ``table`` matching a sentence of ``body`` (sentences saying "if …" skipped)."""
    for sentence in _sentences(body):
        rule = table.first(sentence)
        if rule is not None and (conditional_ok or CONDITIONAL.first(sentence) is None):
            return rule.name
    return None


def _step(state: str | None, m: Message) -> tuple[str | None, str | None]:
    """The state after message ``m`` and the reason, or ``(state, None)`` when ``m`` changes nothing."""
    where = f"message {m.index} ({m.kind}, {m.party})"
    said = m.party in ("requester", "authority") and m.kind not in _UNSAID
    if said and m.outcome in (None, "unknown"):
        cue = _cue(WITHDRAWN, m.body)
        if cue:
            return "user_withdrawn", f"{where}: withdrawal wording [{cue}]"
        cue = _cue(GONE_POSTAL, m.body)
        if cue:
            return "gone_postal", f"{where}: answer by post [{cue}]"
    kind = m.kind
    if kind in ("response", "internal_review_response"):
        new = OUTCOME_STATES[m.outcome or "unknown"]
        return new, f"{where}: outcome {m.outcome or 'unknown'} → {new}"
    if kind == "request":
        return "waiting_response", f"{where}: request sent"
    if kind == "clarification_request":
        return "waiting_clarification", f"{where}: the authority asks for clarification"
    if kind == "internal_review_request":
        return "internal_review", f"{where}: internal review asked for"
    if kind == "follow_up" and state in (None, "waiting_clarification"):
        reason = "clarification given" if state else "requester wrote first"
        return "waiting_response", f"{where}: {reason}"
    if kind in ("acknowledgement", "auto_acknowledgement", "delay_notice") and state is None:
        return "waiting_response", f"{where}: the request was received"
    if kind == "bounce" and m.bounce is not None and m.bounce.permanent is False:
        return state, f"{where}: a delay warning only (the server keeps trying): no change"
    if kind == "bounce" and state not in CLOSED:
        return "error_message", f"{where}: delivery failed"
    if (
        state == "error_message"
        and m.party == "platform"
        and (not m.body.strip() or _cue(RESENT, m.body, conditional_ok=True))
    ):
        return "waiting_response", f"{where}: sent again"
    return state, None


def _overdue(thread: Thread, today: dt.date, school: bool | None) -> tuple[str, str]:
    d = deadline(thread, today=today)
    if d is not None and d.calendar == UNKNOWN_LAW:
        return "waiting_response", f"as of {today}: the access law is unknown, so lateness is not judged"
    if d is None or d.clock_started_on is None or d.due_on is None:
        return "waiting_response", f"as of {today}: the clock's start is unknown, so lateness is not judged"
    if d.regime not in CALENDARS:  # a foreign regime: its own due date, on its own calendar
        said = f"as of {today}: due {d.final_due_on} under {d.regime} ({d.calendar})"
        return ("waiting_response_overdue" if d.late else "waiting_response"), said
    start = d.clock_started_on
    taken = working_days_between(start, today, d.regime)
    if school is None:
        school = bool(thread.authority and _SCHOOL.search(thread.authority))
    very = add_working_days(start, VERY_OVERDUE_AFTER_SCHOOLS if school else VERY_OVERDUE_AFTER, d.regime)
    said = f"as of {today}: {taken} working days since {start} (due {d.due_on}, very overdue after {very})"
    if today > very:
        return "waiting_response_very_overdue", said
    if today > add_working_days(start, OVERDUE_AFTER, d.regime):
        return "waiting_response_overdue", said
    return "waiting_response", said


def request_state(thread: Thread, today: dt.date | str | None = None, *, school: bool | None = None) -> RequestState:
    """Where ``thread`` stands, with the evidence, compared with the state its input states.

    ``today`` (a date or ISO string) lets a request still waiting for its answer turn overdue;
    ``school`` chooses the 60-working-day "very overdue" limit (None: from the authority's name).
    """
    state: str | None = None
    evidence: list[str] = []
    for m in thread.messages:
        state, reason = _step(state, m)
        if reason:
            evidence.append(reason)
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    if state == "waiting_response" and today is not None:
        state, reason = _overdue(thread, today, school)
        evidence.append(reason)
    described = normalise_status(thread.status)
    comparable = described in STATES and state is not None
    agrees = _family(state) == _family(described) if comparable else None
    return RequestState(state, tuple(evidence), described, agrees)


__all__ = ["DESCRIBED", "OUTCOME_STATES", "STATES", "RequestState", "normalise_status", "request_state"]
