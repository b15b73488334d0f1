"""Long runs of blank lines, read once (issue 10).

A body of 2 MB of blank lines is two million lines; work done line by line on each of them
costs seconds although none can matter. Every stage that walks lines looks at most a few dozen
lines away (60 at most), so a run longer than ``2 * FOLD_EDGE + 1`` lines behaves exactly like a
run of ``2 * FOLD_EDGE + 1``: :func:`foithread.stages.zoner.split_lines` folds such a run of
:class:`~foithread.stages.zoner.Line` objects, and :func:`fold_blank` does the same for a list of
line strings. Nothing a genuine message holds comes near the threshold.
"""

from __future__ import annotations

import itertools

#: lines kept at each end of a folded run (the threshold: a run of more than ``2 * FOLD_EDGE + 1``)
FOLD_EDGE = 100


def fold_blank(lines: list[str]) -> list[str]:
    """``lines`` with each run of more than ``2 * FOLD_EDGE + 1`` empty strings cut to that many."""
    keep = 2 * FOLD_EDGE + 1
    if len(lines) <= keep or lines.count("") <= keep:
        return lines
    out: list[str] = []
    for line, run in itertools.groupby(lines):  # moving on skips the rest of a run at C speed
        if line:
            out.extend(run)
        else:
            out.extend(itertools.islice(run, keep))
    return out


def head_lines(text: str, count: int) -> list[str]:
    """The first ``count`` lines of ``text`` that are not white space alone (``str.splitlines`` lines)."""
    return list(itertools.islice(filter(str.strip, text.splitlines()), count))


def nonblank_count(text: str) -> int:
    """How many lines of ``text`` (``str.splitlines``) are not white space alone."""
    return len(list(filter(str.strip, text.splitlines())))
