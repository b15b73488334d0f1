"""Which access regime a thread is under: FOIA (``foi``), the EIR (``eir``), FOISA (``foisa``) or
the Scottish EIRs (``eisr``).

The regime decides how exemptions are read (FOISA s25 is FOIA s21) and which calendar counts
the statutory deadline, so a passing mention must not switch it. Authorities' boilerplate often
*lists* the regimes they handle ("• Requests under the Environmental Information Regulations",
"requests under FOIA or the EIR"); such a mention is not evidence. A mention of the EIR counts when
it stands in a sentence that does not also name the FOI Act, or that contrasts the two ("under the
EIR rather than FOIA"), and is not a bullet of a list. Scottish markers (FOISA, "(Scotland)", the
Scottish Information Commissioner) are specific enough to count wherever they appear.
"""

from __future__ import annotations

import regex

from foithread import discipline
from foithread.regimes import FOREIGN_REGIMES, detect_foreign

SCOTTISH = discipline.compile(r"\(Scotland\)|\bFOISA\b|\bEISRs?\b|Scottish Information Commissioner", regex.I)
EIR = discipline.compile(r"Environmental Information (?:\(Scotland\) )?Regulations|\bEIRs?\b", regex.I)
FOI_ACT = discipline.compile(r"Freedom of Information (?:\(Scotland\) )?Act|\bFOI\s?S?A\b", regex.I)
#: a sentence naming both that says which one applies
CONTRAST = discipline.compile(r"\b(?:rather than|instead of|not under|and not|not the)\b", regex.I)
#: a line that is an item of a list (bullet, number or roman numeral)
LIST_ITEM = discipline.compile(r"^\s*(?:[•*·▪‣◦-]|\d{1,2}[.)]|[ivx]{1,4}[.)])\s", regex.I)
_SENTENCE_END = discipline.compile(r"(?<=[.!?])\s+")

#: regimes in the order a thread may move through them (a later mention never moves it back)
RANK = {None: 0, "foi": 1, "eir": 2, "foisa": 3, "eisr": 4}


def _units(text: str) -> list[tuple[str, bool]]:
    """``(text, is a list item)`` for each paragraph or list item, wrapped lines joined."""
    units: list[tuple[str, bool]] = []
    current: list[str] = []
    item = False
    for line in text.splitlines():
        starts_item = bool(LIST_ITEM.match(line))
        if not line.strip() or starts_item:
            if current:
                units.append((" ".join(current), item))
            current, item = [], starts_item
        if line.strip():
            current.append(line.strip())
    if current:
        units.append((" ".join(current), item))
    return units


def applies_eir(text: str) -> bool:
    """True when ``text`` says the EIR apply, not merely that they exist."""
    if not EIR.search(text):
        return False
    for unit, is_item in _units(text):
        if is_item:
            continue
        for sentence in _SENTENCE_END.split(unit):
            if EIR.search(sentence) and (not FOI_ACT.search(sentence) or CONTRAST.search(sentence)):
                return True
    return False


def detect_regime(text: str, current: str | None = None) -> str | None:
    """The access regime ``text`` speaks of, or ``current`` when it says nothing stronger.

    A foreign regime (:data:`foithread.regimes.FOREIGN_REGIMES`: ``eu1049``, ``ie_foi``, ``au_foi``,
    ``nz_oia``, ``us_foia``, ``de_ifg``, ``de_uig``, ``de_vig``) is taken from its law's markers when no
    regime is known yet, and is kept once known; a UK regime found first is never replaced by one.
    """
    if current in FOREIGN_REGIMES:
        return current
    if current is None and (foreign := detect_foreign(text)) is not None:
        return foreign
    scottish = bool(SCOTTISH.search(text))
    eir = applies_eir(text)
    found = "eisr" if scottish and eir else "foisa" if scottish else "eir" if eir else None
    return found if RANK[found] > RANK.get(current, 0) else current
