"""Access regimes beyond the UK: tables (:mod:`.tables`), exemptions (:mod:`.exemptions`), clocks
(:mod:`.clock`) and deadlines (:mod:`.deadline`). The UK regimes live in :mod:`foithread.stages.regime`."""

from __future__ import annotations

from foithread.regimes.tables import FOREIGN_REGIMES, Regime, Rule
from foithread.stages.extract.patterns import compile_pattern, search

__all__ = ["FOREIGN_REGIMES", "Regime", "Rule", "detect_foreign"]


# a space in a marker matches any run of whitespace: the law's name often wraps ("Freedom of Information\nAct 1982")
_MARKERS = tuple((code, compile_pattern(r.markers.replace(" ", r"\s+"))) for code, r in FOREIGN_REGIMES.items())


def detect_foreign(text: str) -> str | None:
    """The first foreign regime of :data:`FOREIGN_REGIMES` whose markers ``text`` contains, else None."""
    for code, pattern in _MARKERS:
        if search(pattern, text) is not None:
            return code
    return None
