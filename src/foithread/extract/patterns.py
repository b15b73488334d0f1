"""Shared regular-expression helpers for the extractors.

Every pattern in :mod:`foithread.extract` is built with the third-party :mod:`regex` module,
compiled once at import time and matched through the helpers below, which always pass a
``timeout`` so that no input can make an extractor hang. A match that times out yields
nothing rather than raising: extraction is best-effort, parsing must not die.

Besides the matching helpers this module holds the few patterns that several extractors
share: UK postcodes, telephone numbers, e-mail addresses and URLs (the date extractor
masks them, the address extractor reports them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Optional

import regex

#: Seconds any single match or scan may take before it is abandoned.
TIMEOUT = 1.0

Span = tuple[int, int]
FLAGS = regex.VERSION0


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile ``source`` once (call at import time only)."""
    return regex.compile(source, flags | FLAGS)


def finditer(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: Optional[int] = None) -> list[regex.Match[str]]:
    """All non-overlapping matches of ``pattern`` in ``text``; empty on timeout."""
    try:
        if endpos is None:
            return list(pattern.finditer(text, pos, timeout=TIMEOUT))
        return list(pattern.finditer(text, pos, endpos, timeout=TIMEOUT))
    except TimeoutError:
        return []


def search(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: Optional[int] = None) -> Optional[regex.Match[str]]:
    """The first match of ``pattern`` in ``text`` (or None, also on timeout)."""
    try:
        if endpos is None:
            return pattern.search(text, pos, timeout=TIMEOUT)
        return pattern.search(text, pos, endpos, timeout=TIMEOUT)
    except TimeoutError:
        return None


def match(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: Optional[int] = None) -> Optional[regex.Match[str]]:
    """``pattern`` anchored at ``pos`` (or None, also on timeout)."""
    try:
        if endpos is None:
            return pattern.match(text, pos, timeout=TIMEOUT)
        return pattern.match(text, pos, endpos, timeout=TIMEOUT)
    except TimeoutError:
        return None


def fullmatch(pattern: regex.Pattern[str], text: str) -> Optional[regex.Match[str]]:
    """``pattern`` matching the whole of ``text`` (or None, also on timeout)."""
    try:
        return pattern.fullmatch(text, timeout=TIMEOUT)
    except TimeoutError:
        return None


def overlaps(span: Span, spans: Iterable[Span]) -> bool:
    """True when ``span`` shares at least one character with any of ``spans``."""
    start, end = span
    return any(start < e and s < end for s, e in spans)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort ``spans`` and merge the overlapping or touching ones."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, line)`` for every line of ``text`` (without the line break)."""
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)


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
    rf"(?<![^\s(\[,;:])(?:(?P<out>{_OUTWARD})(?P<sep>[ \t]?)(?P<in>{_INWARD})|(?P<out>GIR)(?P<sep>[ \t]?)(?P<in>0AA))"
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
    r"(?P<number>\+?[ \t]?\d[\d \t()\-]{6,22}\d)",
    regex.IGNORECASE,
)
PHONE_SHAPE = compile_pattern(
    r"(?<![\w+/.-])(?P<number>"
    r"\+[ \t]?44[ \t]?(?:\(0\)[ \t]?)?\d{2,5}[ \t]?\d{3,4}[ \t]?\d{3,4}"
    r"|\(?0\d{2,4}\)?[ \t]?\d{3,4}[ \t]?\d{3,4}"
    r")(?![\w/-]|[.,]\d)"
)


def phone_digits(number: str) -> int:
    """How many digits a phone candidate has (UK numbers have 10-13 with the country code)."""
    return sum(ch.isdigit() for ch in number)
