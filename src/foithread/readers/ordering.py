"""Mailbox entries oldest first, whatever order the file keeps them in.

A mail client may write a mailbox newest first, or in the order messages arrived (a late
delivery, a re-sent message). The contract wants a thread oldest first, so the parts of a
whole mbox are ordered by their ``Date:`` header (the full time, time zones honoured), stably:
entries with the same time keep their file order. An entry without a usable date stays beside
the entry it follows in the file's own direction: after its predecessor in a file written
oldest first, after its successor in one written newest first (such a file is read in reverse
first).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import itertools
from collections.abc import Sequence

from foithread.readers.base import Part

__all__ = ["REORDERED", "oldest_first", "sent_at"]

#: the warning of a mailbox whose entries were not oldest first
REORDERED = "mbox entries were not in date order: ordered oldest first by their Date headers"


def sent_at(part: Part) -> dt.datetime | None:
    """The time of ``part``'s ``Date:`` header (UTC when it names no zone), or ``None``."""
    raw = part.headers.get("date")
    if not raw:
        return None
    try:
        when = email.utils.parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:  # pragma: no cover - older Pythons returned None for junk
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.timezone.utc)


def oldest_first(parts: Sequence[Part]) -> tuple[tuple[Part, ...], bool]:
    """``parts`` ordered oldest first (see the module), and whether the order changed."""
    times = [sent_at(p) for p in parts]
    dated = [t for t in times if t is not None]
    if len(dated) < 2:
        return tuple(parts), False
    falling = sum(1 for a, b in itertools.pairwise(dated) if b < a)
    rising = sum(1 for a, b in itertools.pairwise(dated) if b > a)
    order = list(range(len(parts)))
    if falling > rising:  # written newest first: read it the other way round
        order.reverse()
    carried: dict[int, dt.datetime] = {}
    last: dt.datetime | None = None
    for index in order:  # an undated entry takes the time of the one before it
        last = times[index] or last
        if last is not None:
            carried[index] = last
    first = next(t for t in (times[i] for i in order) if t is not None)
    position = {index: rank for rank, index in enumerate(order)}
    ordered = sorted(order, key=lambda i: (carried.get(i, first), position[i]))
    if ordered == list(range(len(parts))):
        return tuple(parts), False
    return tuple(parts[i] for i in ordered), True
