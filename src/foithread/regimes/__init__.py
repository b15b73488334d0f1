"""Access regimes beyond the UK: tables (:mod:`.tables`), exemptions (:mod:`.exemptions`), clocks
(:mod:`.clock`) and deadlines (:mod:`.deadline`). The UK regimes live in :mod:`foithread.stages.regime`."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from foithread.regimes.tables import FOREIGN_REGIMES, PLATFORM_EVIDENCE, Regime, Rule
from foithread.stages.extract.patterns import compile_pattern, search

__all__ = ["FOREIGN_REGIMES", "PLATFORM_EVIDENCE", "Regime", "Rule", "detect_foreign", "detect_platform"]


# a space in a marker matches any run of whitespace: the law's name often wraps ("Freedom of Information\nAct 1982")
_MARKERS = tuple((code, compile_pattern(r.markers.replace(" ", r"\s+"))) for code, r in FOREIGN_REGIMES.items())


def detect_foreign(text: str) -> str | None:
    """The first foreign regime of :data:`FOREIGN_REGIMES` whose markers ``text`` contains, else None."""
    for code, pattern in _MARKERS:
        if search(pattern, text) is not None:
            return code
    return None


_PLATFORMS = tuple((regime, compile_pattern(p, regex.MULTILINE)) for _name, regime, p in PLATFORM_EVIDENCE)


def detect_platform(texts: Iterable[str]) -> str | None:
    """The regime of the first :data:`PLATFORM_EVIDENCE` row any of ``texts`` matches (the input's
    site, a UK public body's mail domain, the UK Act's name), else None: the law cannot be told."""
    texts = tuple(texts)
    for regime, pattern in _PLATFORMS:
        if any(search(pattern, text) is not None for text in texts):
            return regime
    return None
