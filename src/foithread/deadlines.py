"""Statutory deadlines: when a first response (and an internal review) was due, and whether it was late.

The law implemented:

* **Working days.** FOIA s10(6), borrowed by EIR reg 2(1): any day other than a Saturday, a Sunday,
  Christmas Day, Good Friday or a bank holiday under the Banking and Financial Dealings Act 1971 *in any
  part of the United Kingdom*, so St Patrick's Day and 12 July (Northern Ireland), 2 January and
  St Andrew's Day (Scotland) stop a FOIA or EIR clock everywhere. FOISA s73, borrowed by EISR reg 2(1):
  bank holidays *in Scotland* only (English Easter Monday is a working day). The holidays, one-off
  days included (2022 jubilee, 19 September 2022, 8 May 2023), come from the ``holidays`` package.
* **Counting.** The limit ends on "the twentieth working day following the date of receipt" (FOIA
  s10(1), EIR reg 5(2), FOISA s10(1)). The day of receipt is never counted and may be a non-working
  day (ICO line to take LTT47); day one is the first working day after it.
* **Clarification.** The 20 working days run afresh from receipt of the clarification (FOIA s1(3) with
  s10(6)(b); EIR reg 9(4); FOISA s1(3) with s10(1)(b)): ``clock_started_on`` is that day.
* **Extensions.** FOIA s10(3): a "reasonable" time to weigh the public interest; the ICO expects at most
  20 more working days, so the extended limit is the 40th. EIR and EISR reg 7(1): 40 working days when
  the request is complex and voluminous. FOISA has none. The notice is due within the first 20 days
  (FOIA s17(1)-(2), EIR reg 7(3)); an extension notified later does not count.
* **Internal review** (:func:`review_deadline`): FOIA 20 working days (non-statutory, s45 Code of
  Practice 2018); EIR reg 11(4) 40; FOISA s21(1) 20; EISR reg 16(4) 20.

Page text seldom dates a request: the date of receipt is then read from the authority's own words
("which we received on 3 April 2023"). A thread without an answer is judged late only against an
explicit ``today``.

A thread under a regime of :data:`foithread.regimes.FOREIGN_REGIMES` (EU 1049/2001, Ireland, Australia,
New Zealand, US, Germany) is counted by :mod:`foithread.regimes.deadline` on that regime's rule and
calendar, never the UK's. A thread whose law is unknown (``thread.regime`` None: no law named, no
request site or UK public body behind the input) gets a :class:`Deadline` with no limit and no due
date whose ``calendar`` is :data:`UNKNOWN_LAW` and whose notes say why: FOIA is never assumed.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs
import regex

from foithread import discipline
from foithread.regimes.deadline import foreign_deadline
from foithread.regimes.tables import FOREIGN_REGIMES
from foithread.stages.extract.dates import date_candidates

if TYPE_CHECKING:  # the model imports this module where it needs it: no import cycle
    from foithread.model import Message, Thread

UK_SUBDIVISIONS = ("ENG", "NIR", "SCT", "WLS")
#: per regime: the ``holidays`` subdivisions whose bank holidays stop its clock, and the calendar's name
CALENDARS: dict[str, tuple[tuple[str, ...], str]] = {
    "foi": (UK_SUBDIVISIONS, "UK (FOIA s10(6))"),
    "eir": (UK_SUBDIVISIONS, "UK (EIR reg 2)"),
    "foisa": (("SCT",), "Scotland (FOISA s73)"),
    "eisr": (("SCT",), "Scotland (EISR reg 2)"),
}
TIME_LIMIT = 20
#: per regime: the extension it allows, the working days allowed in all, and why
EXTENSIONS = {
    "foi": ("s10(3)", 40, "s10(3) allows a 'reasonable' time; the ICO expects no more than 20 further working days"),
    "eir": ("reg7", 40, "reg 7(1): complex and voluminous"),
    "eisr": ("reg7", 40, "reg 7(1): complex and voluminous"),
}
#: per regime: working days for an internal review (EIR: reconsideration), and the source
REVIEWS = {
    "foi": (20, "FOIA internal review: non-statutory, 20 working days (s45 Code of Practice; 40 exceptionally)"),
    "eir": (40, "EIR reg 11(4): reconsideration within 40 working days"),
    "foisa": (20, "FOISA s21(1): review within 20 working days"),
    "eisr": (20, "EISR reg 16(4): review within 20 working days"),
}
_LAW = {"foi": "FOIA", "eir": "EIR", "foisa": "FOISA", "eisr": "EISR"}
_ONE_DAY = dt.timedelta(days=1)

# the words just before a date that make it a date of receipt: "which we received on 3 April 2023"
_RECEIPT = discipline.compile(
    r"(?:\breceiv(?:ed|ing)\b[^.;]{0,40}|\byour\s+(?:request|e-?mail|letter)\s+(?:dated|of)\s*)$", regex.I
)
_PUBLIC_INTEREST = discipline.compile(r"\bs(?:ection|ec\.?|\.)?\s*10\s*\(\s*3\s*\)|\bpublic[\s-]+interest\b", regex.I)
_REG7 = discipline.compile(
    r"\breg(?:ulation|\.)?\s*7\b|\bcomplex\w*\s+and\s+(?:the\s+)?volum|\bvolume\s+and\s+(?:the\s+)?complex|\b40\s+working\s+days",
    regex.I,
)
_EXTENDING = discipline.compile(
    r"\bwe\s+(?:are|have|will|must|need\s+to)\s+(?:now\s+|need\s+to\s+|be\s+)*extend"
    r"|\bextending\s+the\s+(?:time|deadline|period)|\ban\s+extension\s+(?:of|to)\s+the\s+(?:time|deadline|period)",
    regex.I,
)
_CONDITIONAL = discipline.compile(r"\b(?:if|may|might|where|should|unless)\b", regex.I)
_SILENT_KINDS = ("auto_acknowledgement", "bounce", "out_of_office", "annotation")


def _regime(regime: str | None) -> str:
    return regime if regime in CALENDARS else "foi"


def calendar_name(regime: str | None) -> str:
    """The calendar used for ``regime`` (``None`` or an unknown regime counts as FOIA)."""
    return CALENDARS[_regime(regime)][1]


@functools.lru_cache(maxsize=256)
def _bank_holidays(subdivisions: tuple[str, ...], year: int) -> frozenset[dt.date]:
    import holidays  # imported on first use: ``import foithread`` stays fast

    days: set[dt.date] = set()
    for sub in subdivisions:
        days.update(holidays.country_holidays("GB", subdiv=sub, years=year).keys())
    return frozenset(days)


def is_working_day(day: dt.date, regime: str | None = "foi") -> bool:
    """Whether ``day`` is a working day under ``regime``'s statutory definition."""
    return day.weekday() < 5 and day not in _bank_holidays(CALENDARS[_regime(regime)][0], day.year)


def add_working_days(start: dt.date, n: int, regime: str | None = "foi") -> dt.date:
    """The ``n``-th working day after ``start``; ``start`` never counts, whatever day it is."""
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    day = start
    while n:
        day += _ONE_DAY
        n -= is_working_day(day, regime)
    return day


def working_days_between(start: dt.date, end: dt.date, regime: str | None = "foi") -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
    if end < start:
        return -working_days_between(end, start, regime)
    return sum(is_working_day(start + dt.timedelta(days=k), regime) for k in range(1, (end - start).days + 1))


@attrs.frozen
class Deadline:
    """When one stage of a thread was due and how the authority did. Dates are :class:`datetime.date`."""

    stage: str  # "response" (the first response) or "internal_review"
    regime: str | None  # the regime whose clock applies (foi, eir, foisa, eisr, eu1049 ...); None: unknown
    calendar: str
    limit: int  # working days allowed before any extension
    received_on: dt.date | None = None
    clock_started_on: dt.date | None = None  # the receipt, or the clarification's receipt
    due_on: dt.date | None = None
    extension: str | None = None  # "s10(3)" or "reg7" when a valid extension applies
    extended_due_on: dt.date | None = None
    responded_on: dt.date | None = None
    working_days_taken: int | None = None  # from received_on to responded_on
    late: bool | None = None  # None: not known (no date, or no answer and no ``today``)
    days_late: int | None = None  # working days past the final due date (at least 1 when late)
    notes: tuple[str, ...] = ()

    @property
    def final_due_on(self) -> dt.date | None:
        """The due date that decides lateness: the extended one if a valid extension applies."""
        return self.extended_due_on or self.due_on

    @property
    def within_limit(self) -> bool | None:
        """Whether the answer came within the unextended limit (20 working days from the clock's start)."""
        if self.responded_on is None or self.due_on is None:
            return None
        return self.responded_on <= self.due_on

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: dates as ISO strings, notes as a list."""
        data = {f.name: getattr(self, f.name) for f in attrs.fields(Deadline)}
        return {
            k: v.isoformat() if isinstance(v, dt.date) else list(v) if isinstance(v, tuple) else v
            for k, v in data.items()
        }


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _find(messages: Sequence[Message], kind: str, start: int, stop: int | None = None) -> int | None:
    for pos in range(start, len(messages) if stop is None else stop):
        if messages[pos].kind == kind:
            return pos
    return None


def _stop(messages: Sequence[Message], ask: int, answer_kind: str) -> int:
    """Where the stage that opens at ``ask`` ends: just after its answer, else the thread's end."""
    answer = _find(messages, answer_kind, ask + 1)
    return len(messages) if answer is None else answer + 1


UNKNOWN_LAW = "none: the access law is unknown"


def unknown_law(stage: str, messages: Sequence[Message], regime: str | None) -> Deadline:
    """A stage whose law cannot be told: its dates where known, no limit, no due date, and the notes
    saying why (no law named, no site or UK public body behind the input). Never FOIA by default."""
    said = "no access law named in the thread and no platform evidence of one (a request site, a UK public body)"
    notes = [f"{said}: no time limit is known, so no due date is counted" if regime is None else
             f"{regime}: a regime without a statutory clock here, so no due date is counted"]  # fmt: skip
    received = _day(messages[0].sent_on) if messages else None
    answer = messages[-1] if len(messages) > 1 and messages[-1].kind.endswith("response") else None
    return Deadline(
        stage, regime, UNKNOWN_LAW, 0, received, None, responded_on=_day(answer.sent_on) if answer else None,
        notes=tuple(notes),
    )  # fmt: skip


def stated_receipt(messages: Sequence[Message], about: str | None = None) -> dt.date | None:
    """The first date an authority message gives as a date of receipt ("which we received on 3 April 2023").

    ``about`` (a pattern) must also match the words just before the date, e.g. ``"clarif"``.
    """
    for m in messages:
        if m.party != "authority" or m.kind in _SILENT_KINDS:
            continue
        for (start, _end), value, _text in date_candidates(m.body):
            before = m.body[max(0, start - 80) : start]
            if _RECEIPT.search(before[-60:]) and (about is None or regex.search(about, before, regex.I)):
                return value
    return None


def _claims_extension(body: str) -> bool:
    """Whether ``body`` says time is being extended (not "if we need to extend ..." boilerplate)."""
    for m in _EXTENDING.finditer(body):
        start = max(body.rfind(".", 0, m.start()), body.rfind("\n", 0, m.start())) + 1
        if not _CONDITIONAL.search(body, start, m.start()):
            return True
    return False


def _extension(messages: Sequence[Message], regime: str) -> tuple[str | None, Message | None, list[str]]:
    """The extension the authority claimed before answering, with the message that claimed it."""
    notes: list[str] = []
    for m in messages:
        if m.party != "authority" or m.kind in _SILENT_KINDS:
            continue
        if m.kind != "delay_notice" and not _claims_extension(m.body):
            continue
        basis = _PUBLIC_INTEREST if regime == "foi" else _REG7 if regime in ("eir", "eisr") else None
        if basis is not None and basis.search(m.body):
            return EXTENSIONS[regime][0], m, notes
        notes.append(f"message {m.index} ({m.kind}) asks for more time under no extension the {_LAW[regime]} allows")
    return None, None, notes


def lateness(
    final: dt.date | None, responded: dt.date | None, today: dt.date | None, answered: bool, notes: list[str]
) -> bool | None:
    """Whether the answer (or, with none yet, ``today``) is past ``final``; None when it cannot be told."""
    if final and responded:
        return responded > final
    if final and today and not answered:
        notes.append(f"no answer yet: judged against today, {today}")
        return today > final
    return None


def _judge(
    stage: str,
    regime: str,
    limit: int,
    received: dt.date | None,
    clock: dt.date | None,
    responded: dt.date | None,
    answered: bool,
    today: dt.date | None,
    notes: list[str],
    extension: tuple[str | None, int, dt.date | None] = (None, 0, None),
) -> Deadline:
    basis, extended_limit, notice_day = extension
    due = add_working_days(clock, limit, regime) if clock else None
    extended = add_working_days(clock, extended_limit, regime) if clock and basis else None
    if clock and not is_working_day(clock, regime):
        notes.append(f"clock started on a non-working day ({clock:%A %d %B %Y}); day one is the next working day")
    if extended and due and notice_day and notice_day > due:
        notes.append(f"extension notified on {notice_day}, after the due date {due}: it does not apply")
        basis, extended = None, None
    if answered and responded is None:
        notes.append("the answer's date is unknown")
    final = extended or due
    taken = working_days_between(received, responded, regime) if received and responded else None
    late = lateness(final, responded, today, answered, notes)
    days_late: int | None = None
    if late is not None and final:
        days_late = max(1, working_days_between(final, responded or today or final, regime)) if late else 0
    dates = (received, clock, due, basis, extended, responded, taken, late, days_late)
    return Deadline(stage, regime, CALENDARS[regime][1], limit, *dates, notes=tuple(notes))


def deadline(thread: Thread, *, today: dt.date | str | None = None) -> Deadline | None:
    """The deadline for the first response to ``thread``'s request; ``None`` when it has no request.

    ``today`` (a date or ISO string) judges a thread still waiting for its answer; without it such a
    thread has ``late=None``. Unknown dates leave the fields that need them ``None`` and say why in
    ``notes``.
    """
    if thread.regime in FOREIGN_REGIMES:  # its own rule and calendar, never the UK's
        return foreign_deadline(thread, _day(today))
    msgs = thread.messages
    first = _find(msgs, "request", 0)
    if first is None:
        return None
    if thread.regime not in CALENDARS:
        return unknown_law("response", msgs[first : _stop(msgs, first, "response")], thread.regime)
    regime = thread.regime
    notes: list[str] = []
    answer = _find(msgs, "response", first + 1)
    stop = len(msgs) if answer is None else answer + 1
    ask = _find(msgs, "clarification_request", first + 1, stop)
    received = _day(msgs[first].sent_on)
    if received is None:
        received = stated_receipt(msgs[first + 1 : stop if ask is None else ask])
        notes.append("date of receipt read from the authority's messages" if received else "date of receipt unknown")
    clock = received
    if ask is not None:
        reply = next((p for p in range(ask + 1, stop) if msgs[p].party == "requester"), None)
        clock = None
        if reply is None:
            notes.append("clarification sought and no reply in the thread: the clock has not restarted")
        else:
            clock = _day(msgs[reply].sent_on) or stated_receipt(msgs[reply + 1 : stop], r"clarif|repl|narrow|refine")
            notes.append(
                "clarification sought: the 20 working days run afresh from its receipt"
                + ("" if clock else ", a date the thread does not give")
            )
    basis, notice, ext_notes = _extension(msgs[first + 1 : len(msgs) if answer is None else answer], regime)
    notes += ext_notes
    extension: tuple[str | None, int, dt.date | None] = (None, 0, None)
    if basis and notice is not None:
        notice_day = _day(notice.sent_on)
        _basis, allowed, why = EXTENSIONS[regime]
        extension = (basis, allowed, notice_day)
        notes.append(f"extension under {basis}: {allowed} working days in all ({why})")
        if notice_day is None:
            notes.append("the extension notice is undated: assumed given in time")
        due = add_working_days(clock, TIME_LIMIT, regime) if clock else None
        said = [value for _span, value, _text in date_candidates(notice.body) if due and value > due]
        if said:
            notes.append(f"the authority said it would answer by {said[-1]}")
    responded = _day(msgs[answer].sent_on) if answer is not None else None
    return _judge(
        "response", regime, TIME_LIMIT, received, clock, responded, answer is not None, _day(today), notes, extension
    )


def review_deadline(thread: Thread, *, today: dt.date | str | None = None) -> Deadline | None:
    """The deadline for the internal review first asked for in ``thread``; ``None`` when none was asked."""
    if thread.regime in FOREIGN_REGIMES:
        return foreign_deadline(thread, _day(today), review=True)
    msgs = thread.messages
    ask = _find(msgs, "internal_review_request", 0)
    if ask is None:
        return None
    if thread.regime not in CALENDARS:
        return unknown_law("internal_review", msgs[ask : _stop(msgs, ask, "internal_review_response")], thread.regime)
    regime = thread.regime
    answer = _find(msgs, "internal_review_response", ask + 1)
    stop = len(msgs) if answer is None else answer + 1
    limit, why = REVIEWS[regime]
    notes = [why]
    received = _day(msgs[ask].sent_on) or stated_receipt(msgs[ask + 1 : stop])
    if received is None:
        notes.append("date the review was asked for unknown")
    responded = _day(msgs[answer].sent_on) if answer is not None else None
    return _judge(
        "internal_review", regime, limit, received, received, responded, answer is not None, _day(today), notes
    )
