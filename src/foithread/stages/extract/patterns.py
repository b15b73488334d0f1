"""Shared regular-expression helpers for the extractors.

Every pattern in :mod:`foithread.stages.extract` is built with the third-party :mod:`regex` module,
compiled once at import time and matched through the helpers below, which always pass a
``timeout`` so that no input can make an extractor hang. A match that times out yields
nothing rather than raising (extraction is best-effort, parsing must not die), but it is not
silent: the timeout is recorded in the current parse (see :mod:`foithread.discipline`) and
becomes a warning of the thread. ``Limits.regex_timeout`` lowers the timeout below
:data:`TIMEOUT`, never raises it.

Besides the matching helpers this module holds the few patterns that several extractors
share: UK postcodes, telephone numbers, e-mail addresses and URLs (the date extractor
masks them, the address extractor reports them).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import regex

from foithread import discipline

#: Seconds any single match or scan may take before it is abandoned.
TIMEOUT = discipline.TEXT_TIMEOUT

Span = tuple[int, int]


def compile_pattern(
    source: str, flags: int = 0, *, anchored: bool = False, max_input: int | None = None, why: str = ""
) -> regex.Pattern[str]:
    """Compile and register ``source`` (call at import time only): matched with a timeout.

    ``anchored``: only ever used with :func:`match`/:func:`fullmatch` (one position);
    ``max_input``: callers never give it a longer text (``why`` says how).
    """
    return discipline.compile(
        source,
        flags,
        discipline=discipline.TIMEOUT,
        anchored=anchored,
        why=why or "extractor helpers pass a timeout",
        stacklevel=2,
        max_input=max_input,
    )


def _timeout() -> float:
    return discipline.current().timeout(TIMEOUT)


def _timed_out(pattern: regex.Pattern[str]) -> None:
    discipline.timed_out(discipline.name_of(pattern))


def finditer(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> list[regex.Match[str]]:
    """All non-overlapping matches of ``pattern`` in ``text``; empty on timeout (recorded)."""
    try:
        if endpos is None:
            return list(pattern.finditer(text, pos, timeout=_timeout()))
        return list(pattern.finditer(text, pos, endpos, timeout=_timeout()))
    except TimeoutError:
        _timed_out(pattern)
        return []


def search(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
    """The first match of ``pattern`` in ``text`` (or None, also on timeout, recorded)."""
    try:
        if endpos is None:
            return pattern.search(text, pos, timeout=_timeout())
        return pattern.search(text, pos, endpos, timeout=_timeout())
    except TimeoutError:
        _timed_out(pattern)
        return None


def match(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
    """``pattern`` anchored at ``pos`` (or None, also on timeout, recorded)."""
    try:
        if endpos is None:
            return pattern.match(text, pos, timeout=_timeout())
        return pattern.match(text, pos, endpos, timeout=_timeout())
    except TimeoutError:
        _timed_out(pattern)
        return None


def fullmatch(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pattern`` matching the whole of ``text`` (or None, also on timeout, recorded)."""
    try:
        return pattern.fullmatch(text, timeout=_timeout())
    except TimeoutError:
        _timed_out(pattern)
        return None


def findall(pattern: regex.Pattern[str], text: str) -> list[str]:
    """Every match of ``pattern`` in ``text`` as a string (the whole match); empty on timeout."""
    return [m.group(0) for m in finditer(pattern, text)]


def split(pattern: regex.Pattern[str], text: str) -> list[str]:
    """``text`` split at every match of ``pattern``; ``[text]`` on timeout (recorded)."""
    try:
        return pattern.split(text, timeout=_timeout())
    except TimeoutError:
        _timed_out(pattern)
        return [text]


class SpanIndex:
    """Disjoint sorted spans answering "does this span overlap any of them?" in O(log n).

    Built per call (never shared), so that masking stays linear on long inputs.
    """

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        merged = merge_spans(spans)
        self._starts = [s for s, _e in merged]
        self._ends = [e for _s, e in merged]

    def hits(self, span: Span) -> bool:
        """True when ``span`` shares at least one character with an indexed span."""
        start, end = span
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end

    def add(self, span: Span) -> None:
        """Index ``span``; it must not overlap what is already indexed (check :meth:`hits` first)."""
        i = bisect.bisect_right(self._starts, span[0])
        self._starts.insert(i, span[0])
        self._ends.insert(i, span[1])


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort ``spans`` and merge the overlapping or touching ones."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# --- patterns shared by several extractors -------------------------------------------------

# UK postcode (DOMAIN 4.5): outward code shapes AN, ANN, AAN, AANN, ANA, AANA with the letter
# rules; inward code NAA never using C, I, K, M, O, V. One optional space between the halves.
# It must stand alone: only whitespace or ( [ , ; : before it, whitespace or , . ; : ) ] after.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]"  # AANA
    r"|[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]"  # ANA
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"  # AAN, AANN
    r"|[A-PR-UWYZ][0-9][0-9]?)"  # AN, ANN
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
POSTCODE = compile_pattern(
    r"\b(?=[A-Za-z][A-Za-z0-9]{1,3}[ \t]?[0-9])"  # cheap pre-check so most positions fail fast
    r"(?<![^\s(\[,;:])"
    rf"(?:(?P<out>{_OUTWARD})(?P<sep>[ \t]?)(?P<in>{_INWARD})|(?P<out>GIR)(?P<sep>[ \t]?)(?P<in>0AA))"
    r"(?=[\s,.;:)\]]|$)",
    regex.IGNORECASE,
)

# E-mail addresses (real ones; placeholders are filtered by the caller).
EMAIL = compile_pattern(
    r"(?<![\w.%+'-])[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)

# URLs: an explicit scheme, or a bare www. host. Trailing punctuation is trimmed by the caller.
URL = compile_pattern(r"(?:https?://|(?<![\w./@-])www\.)[^\s<>\"\[\]{}|\\^`]+", regex.IGNORECASE)

# Telephone numbers. Labelled numbers follow Tel:/Telephone:/Phone:/Fax:/Mobile:/Ffôn:;
# unlabelled ones must have a UK shape (0 + 9-10 digits, or +44).
PHONE_LABEL = compile_pattern(
    r"(?<![\w])(?P<label>Tel(?:ephone)?|Phone|Fax|Mobile|Mob|Direct\s+(?:line|dial)|DDI|Ff[ôo]n|Ffacs)"
    r"(?:\s*(?:no|number)\.?)?[ \t]*[:.]?[ \t]*"
    r"(?P<number>\(?\+?[ \t]?\d[\d \t\-]{0,5}\)?(?:[ \t]?\(0\))?[\d \t\-]{5,18}\d)",
    regex.IGNORECASE,
)
PHONE_SHAPE = compile_pattern(
    r"(?<![\w+/.-])(?P<number>"
    r"(?:\+[ \t]?|00[ \t]?)44[ \t]?(?:\(0\)[ \t]?)?\d{2,5}[ \t]?\d{3,4}[ \t]?\d{3,4}"
    r"|\(?0\d{2,4}\)?[ \t]?\d{3,4}[ \t]?\d{3,4}"
    r")(?![\w/-]|[.,]\d)"
)


# an extension after a number on its line: "020 7946 0000 ext. 2245", "(x 31)"
PHONE_EXTENSION = compile_pattern(
    r"[ \t]*+,?[ \t]*+\(?(?:ext(?:ension|n)?|x)\.?[ \t]*+(?P<ext>\d{2,6})\)?(?!\w)",
    regex.IGNORECASE,
    anchored=True,
    why="only used with match just after a phone number; possessive white space",
)


def phone_digits(number: str) -> int:
    """How many digits a phone candidate has (UK numbers have 10-13 with the country code;
    the international prefix ``00`` of ``0044 20 ...`` is not counted)."""
    digits = sum(ch.isdigit() for ch in number)
    return digits - 2 if number.lstrip("( ").startswith("00") else digits
