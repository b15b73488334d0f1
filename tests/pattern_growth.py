"""Growth check: does a pattern take superlinear time on generated worst-case inputs?

Used by ``tests/test_reliability_patterns.py``: each input is a repeated unit (white space of
every kind, digits, letters, the pattern's own words and punctuation), timed at 10 KB and at
100 KB; linear patterns grow ~10x, quadratic ones ~100x.
"""

from __future__ import annotations

import time

import regex

Pattern = regex.Pattern[str] | regex.Pattern[bytes]

SMALL, LARGE = 10_000, 100_000
#: a pattern whose small input costs less than this is not worth timing at the large size
#: (a quadratic one at this cost takes ~0.1 s per 100 KB; the reproducer tests cover 2 MB)
SCREEN = 0.0008
#: t(100 KB) / t(10 KB): ~10 when linear, ~100 when quadratic (60, not lower: on a 2-core
#: machine under load linear patterns measured up to ~50, the small run fast and the large preempted)
MAX_RATIO = 60.0
FLOOR = 0.002  # seconds: below this at 10 KB, timer noise dominates


def _source(pattern: Pattern) -> str:
    return pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")


def worst_cases(pattern: Pattern, single_line: bool = False) -> list[str]:
    """Repeated units that make backtracking patterns slow: white space of every kind, digits,
    letters, and the literal words and punctuation of the pattern itself."""
    source = _source(pattern)
    words = sorted(set(regex.findall(r"(?<![\\?(])\b[A-Za-z]{2,}", source)))[:6]
    punct = sorted({c for c in source if not c.isalnum() and not c.isspace() and c not in "\\()[]{}?*+|^$"})
    units = [" ", "\n", " \n", "\t ", "1", "12 ", "a", "aB ", "a1", ". ", "- 1"]
    units += [w + " " for w in words] + words[:3] + punct + [c + " " for c in punct]
    if single_line:
        units = [u.replace("\n", " ") for u in units]
    return list(dict.fromkeys(units))


#: seconds after which one timing is abandoned (and counted as "very slow")
GIVE_UP = 0.5


def cost(pattern: Pattern, text: str | bytes, anchored: bool) -> float:
    start = time.perf_counter()
    try:
        if anchored:
            pattern.match(text, timeout=GIVE_UP)  # type: ignore[call-overload]
        else:
            pattern.subn(text[:0], text, timeout=GIVE_UP)  # type: ignore[call-overload]  # finditer, in C
    except TimeoutError:
        return float("inf")
    return time.perf_counter() - start


def best_cost(pattern: Pattern, text: str | bytes, anchored: bool, repeats: int = 3) -> float:
    """The best of ``repeats`` timings: a bound on it fails on the pattern, not on a busy machine."""
    return min(cost(pattern, text, anchored) for _ in range(repeats))


#: what follows the run: engines skip a text lacking a required character, so the run must be
#: followed by one for the backtracking to show
SUFFIXES = ("", "Ab1:.\n")


def _repeat(unit: str, size: int, suffix: str, raw: bool) -> str | bytes:
    text = (unit * (size // len(unit) + 1))[:size] + suffix
    return text.encode("utf-8") if raw else text


def _timings(
    pattern: Pattern, small: str | bytes, large: str | bytes, anchored: bool, repeats: int
) -> tuple[float, float]:
    """The best of ``repeats`` timings at both sizes (a large one over :data:`GIVE_UP` stops there)."""
    t_small = min(cost(pattern, small, anchored) for _ in range(repeats))
    t_large = float("inf")
    for _ in range(repeats):
        t_large = min(t_large, cost(pattern, large, anchored))
        if t_large == float("inf"):
            break
    return t_small, t_large


def superlinear(
    pattern: Pattern, anchored: bool, single_line: bool = False, units: tuple[str, ...] | None = None
) -> list[str]:
    """The generated inputs on which ``pattern`` grows faster than linearly (empty: none);
    ``units``: only these repeated units (default: :func:`worst_cases`)."""
    bad = []
    raw = isinstance(pattern.pattern, bytes)
    for unit in units if units is not None else worst_cases(pattern, single_line):
        for suffix in [x.replace("\n", " ") for x in SUFFIXES] if single_line else SUFFIXES:
            small = _repeat(unit, SMALL, suffix, raw)
            if cost(pattern, small, anchored) < SCREEN:
                continue
            large = _repeat(unit, LARGE, suffix, raw)
            t_small, t_large = _timings(pattern, small, large, anchored, 1)
            for repeats in (3, 3):  # a loaded machine is noisy: it must be slow every time
                if t_small != float("inf") and t_large <= MAX_RATIO * max(t_small, FLOOR):
                    break
                t_small, t_large = _timings(pattern, small, large, anchored, repeats)
            if t_small == float("inf") or t_large > MAX_RATIO * max(t_small, FLOOR):
                bad.append(f"{unit!r}+{suffix!r}: {t_small:.4f}s at 10 KB, {t_large:.3f}s at 100 KB")
    return bad
