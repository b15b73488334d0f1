"""Deadlines under a foreign regime (:data:`~foithread.regimes.tables.FOREIGN_REGIMES`).

The request's date (or the receipt the authority states) starts the clock; the regime's
:class:`~foithread.regimes.tables.Rule` and calendar give the due date. A delay notice before the
answer applies the regime's extension when it has one (a regime without one says so in the notes).
Clarifications are not modelled for these regimes: the notes say when one was sought.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from foithread.regimes.clock import due_date, units_between
from foithread.regimes.tables import FOREIGN_REGIMES, Regime, Rule

if TYPE_CHECKING:
    from foithread.deadlines import Deadline
    from foithread.model import Message, Thread


def _index(msgs: tuple[Message, ...], kinds: tuple[str, ...], start: int) -> int | None:
    return next((i for i in range(start, len(msgs)) if msgs[i].kind in kinds), None)


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def judge(
    stage: str, regime: Regime, rule: Rule, received: dt.date | None, responded: dt.date | None,
    answered: bool, today: dt.date | None, notes: list[str], extension: tuple[str, Rule] | None = None,
) -> Deadline:  # fmt: skip
    """A :class:`~foithread.deadlines.Deadline` for one stage counted on ``regime``'s calendar."""
    from foithread.deadlines import Deadline, lateness

    notes = [f"{regime.name}: {rule.source}; calendar: {regime.calendar}", *notes]
    due = due_date(received, rule, regime) if received else None
    extended = due_date(received, extension[1], regime) if received and extension else None
    if extension:
        notes.append(f"extension under {extension[0]}: {extension[1].source}")
    final = extended or due
    late = lateness(final, responded, today, answered, notes)
    taken = units_between(received, responded, rule, regime) if received and responded else None
    days_late = None
    if late is not None and final:
        days_late = max(1, units_between(final, responded or today or final, rule, regime) or 1) if late else 0
    return Deadline(
        stage, regime.code, regime.calendar, rule.limit, received, received, due,
        extension[0] if extension else None, extended, responded, taken, late, days_late, tuple(notes),
    )  # fmt: skip


def foreign_deadline(thread: Thread, today: dt.date | None, review: bool = False) -> Deadline | None:
    """The response (or, with ``review``, the review) deadline of ``thread`` under its foreign regime."""
    from foithread.deadlines import stated_receipt

    regime = FOREIGN_REGIMES[thread.regime or ""]
    msgs = thread.messages
    ask_kinds, answer_kinds = (("internal_review_request",), ("internal_review_response",)) if review else (
        ("request",), ("response",))  # fmt: skip
    first = _index(msgs, ask_kinds, 0)
    if first is None:
        return None
    answer = _index(msgs, answer_kinds, first + 1)
    stop = len(msgs) if answer is None else answer + 1
    notes: list[str] = []
    received = _iso(msgs[first].sent_on) or stated_receipt(msgs[first + 1 : stop])
    if received is None:
        notes.append("date of receipt unknown")
    responded = _iso(msgs[answer].sent_on) if answer is not None else None
    if answer is not None and responded is None:
        notes.append("the answer's date is unknown")
    rule = regime.review if review else regime.response
    if rule is None:
        notes.append(f"{regime.name} sets no time limit for this stage")
        return None if review else judge("response", regime, regime.response, received, responded, False, None, notes)
    extension = None
    if not review and _index(msgs[: stop - 1], ("delay_notice",), first + 1) is not None:
        extension = regime.extension
        if extension is None:
            notes.append(f"a delay notice was sent, but {regime.name} allows no extension")
    if _index(msgs[:stop], ("clarification_request",), first + 1) is not None:
        notes.append("clarification sought: the clock is counted from the first receipt (not modelled)")
    stage = "internal_review" if review else "response"
    return judge(stage, regime, rule, received, responded, answer is not None, today, notes, extension)
