"""Exemptions under the regimes of :mod:`.tables`, each in its regime's own citation form.

:data:`EXEMPTION_TABLES` holds, per regime, the provisions that are exemptions or refusal grounds:

* ``eu1049`` - Art. 4(1)(a), 4(1)(b), 4(2) (first to third indent), 4(3), 4(5): ``Art. 4(1)(b)``.
* ``ie_foi`` - s15 (administrative refusal) and ss28-42: ``s37(1)`` (s36 and s37 are not the UK's).
* ``au_foi`` - s24AA (practical refusal), ss33-47J and s47C-s47G conditional exemptions: ``s47F(1)``.
* ``nz_oia`` - s6, s7, s9 (withholding), s10 (neither confirm nor deny), s18 (refusal): ``s9(2)(a)``.
* ``us_foia`` - (b)(1) to (b)(9), with the (b)(7) letters: ``(b)(6)``, ``(b)(7)(C)``.
* German laws - the sections that exclude access (IFG §§ 3-6, UIG §§ 8-9, VIG § 3, Länder laws):
  the citation as printed, spaces normalised: ``§ 5 Abs. 1 IFG``, ``§ 4 Absatz 1 Nr. 5 AIG``.

UK-style section citations (Ireland, Australia, New Zealand) reuse the parser of
:mod:`foithread.stages.extract.exemptions` and its context rule (the sentence speaks of refusal).
"""

from __future__ import annotations

import regex

from foithread.stages.extract.exemptions import is_exemption_context, parse_citations
from foithread.stages.extract.patterns import compile_pattern, finditer

_AU = {"24AA", "33", "34", "37", "38", "42", "45", "45A", "46", "47", "47A", "47B", "47C", "47D", "47E", "47F", "47G"}
_AU |= {"47H", "47J"}

#: per regime: the section numbers (or German ``§`` numbers per law) that are exemptions or refusal grounds
EXEMPTION_TABLES: dict[str, frozenset[str]] = {
    "ie_foi": frozenset({"15", *(str(n) for n in range(28, 43))}),
    "au_foi": frozenset(_AU),
    "nz_oia": frozenset({"6", "7", "9", "10", "18"}),
    "eu1049": frozenset({"4(1)(a)", "4(1)(b)", "4(2)", "4(3)", "4(5)"}),
    "us_foia": frozenset(f"(b)({n})" for n in range(1, 10)),
    # German laws: "LAW:section"
    "de": frozenset(
        {"IFG:3", "IFG:4", "IFG:5", "IFG:6", "UIG:8", "UIG:9", "VIG:3", "AIG:4", "AIG:5", "AIG:6", "IZG:9", "IZG:10"}
        | {"HmbTG:4", "HmbTG:6", "HmbTG:7", "IFG NRW:6", "IFG NRW:7", "IFG NRW:8", "IFG NRW:9"}
    ),
}

_EU = compile_pattern(
    r"Art(?:icle|\.)?\s*4\s*\(\s*(?P<para>[1235])\s*\)(?:\s*\(\s*(?P<point>[ab])\s*\))?", regex.IGNORECASE
)
_US = compile_pattern(
    r"\(b\)\s*\(\s*(?P<n>[1-9])\s*\)(?:\s*\(\s*(?P<letter>[A-F])\s*\))?|\bExemptions?\s+(?P<n>[1-9])(?:\s*\((?P<letter>[A-F])\))?"
)
_DE = compile_pattern(
    r"§§?\s*(?P<num>\d{1,2})[a-z]?"
    r"(?:\s+(?:Abs\.|Absatz)\s*\d{1,2}(?:\s*,?\s*(?:S\.|Satz)\s*\d)?)?(?:\s+(?:Nr\.|Nummer)\s*\d{1,2})?"
    r"(?:\s+(?:lit\.|Buchst(?:abe)?\.?)\s*[a-z])?"
    r"\s+(?P<law>IFG[ ]NRW|IFG|UIG|VIG|AIG|IZG|HmbTG|LIFG|BlnIFG|BremIFG)\b"
)


def _sections(text: str, regime: str) -> list[str]:
    keep = EXEMPTION_TABLES[regime]
    out: list[str] = []
    for _kind, num, chain, start, end in parse_citations(text):
        if num.upper() in keep and is_exemption_context(text, start, end):
            out.append("s" + num.upper() + "".join(f"({t})" for t in chain if t))
    return out


def _eu(text: str) -> list[str]:
    out = []
    for m in finditer(_EU, text):
        code = f"4({m.group('para')})" + (f"({m.group('point')})" if m.group("point") else "")
        if code in EXEMPTION_TABLES["eu1049"] or f"4({m.group('para')})" in EXEMPTION_TABLES["eu1049"]:
            out.append("Art. " + code)
    return out


def _us(text: str) -> list[str]:
    out = []
    for m in finditer(_US, text):
        letter = m.group("letter")
        out.append(f"(b)({m.group('n')})" + (f"({letter})" if letter and m.group("n") == "7" else ""))
    return out


def _de(text: str) -> list[str]:
    out = []
    for m in finditer(_DE, text):
        if f"{m.group('law')}:{m.group('num')}" in EXEMPTION_TABLES["de"]:
            out.append(" ".join(m.group(0).split()))
    return out


def extract_regime_exemptions(text: str, regime: str) -> list[str]:
    """Exemptions cited in ``text`` under the foreign ``regime`` (a code of ``FOREIGN_REGIMES``), in order,
    de-duplicated, most specific form only."""
    text = text or ""
    if regime == "eu1049":
        found = _eu(text)
    elif regime == "us_foia":
        found = _us(text)
    elif regime.startswith("de_"):
        found = _de(text)
    elif regime in EXEMPTION_TABLES:
        found = _sections(text, regime)
    else:
        return []
    unique = list(dict.fromkeys(found))
    return [c for c in unique if not any(o != c and o.startswith(c + "(") for o in unique)]
