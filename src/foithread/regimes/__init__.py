"""Access regimes beyond the UK: tables (:mod:`.tables`), exemptions (:mod:`.exemptions`), clocks
(:mod:`.clock`) and deadlines (:mod:`.deadline`). The UK regimes live in :mod:`foithread.regime`."""

from __future__ import annotations

from foithread.regimes.tables import FOREIGN_REGIMES, Regime, Rule

__all__ = ["FOREIGN_REGIMES", "Regime", "Rule", "detect_foreign"]


def detect_foreign(text: str) -> str | None:
    """The first foreign regime of :data:`FOREIGN_REGIMES` whose markers ``text`` contains, else None."""
    import regex

    for code, regime in FOREIGN_REGIMES.items():
        if regex.search(regime.markers, text):
            return code
    return None
