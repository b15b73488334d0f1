"""Exemptions and exceptions cited in a message (DOMAIN 4.2), in normalised form.

Citations are parsed, expanded and filtered:

* FOIA/FOISA sections: ``section 40(2)``, ``s.40(2)``, ``S. 36(2)(b)(i)``, ``s36 (2) (b)``,
  dotted ``5.1.a``; EIR regulations: ``regulation 12(4)(b)``, ``reg. 13``, ``EIR 12(5)(e)``.
* Lists expand: ``section 31(1)(a) and (b)`` -> ``s31(1)(a)``, ``s31(1)(b)``;
  ``31(1)(a)(b)`` -> two; ``36(2)(b)(i) and (ii) and (c)`` -> three; ``5.1.a&b`` -> two;
  ``sections 40 and 41`` -> ``s40``, ``s41``.
* Output forms: ``s40(2)``, ``s31(1)(a)``, ``s36(2)(b)(i)``, ``reg12(4)(b)``, ``reg13``.
* Kept: FOIA/FOISA exemptions (sections 21-44, 22A) and the refusal grounds s12 (cost) and
  s14 (vexatious), which the contract lists; EIR regulations 12 and 13. Dropped: procedural
  sections (1, 10, 16, 17, 50 and anything else outside the list) and EIR regulations such
  as 7 (extension) or 14 (refusal notice). Section 25 is an exemption only under FOISA
  (``regime="foisa"``); under FOIA it is supplementary and dropped. Scottish EIR regulations
  10 and 11 are kept under ``regime="eisr"`` or ``"foisa"``.
* A citation counts only when its sentence talks about exemption, withholding, refusal,
  engaging or applying (:func:`is_exemption_context`), and never when it cites another Act
  (``section 20 of the Children Act 1989``).
"""

from __future__ import annotations

import regex

from foithread.stages.extract.patterns import (
    compile_pattern,
    findall,
    finditer,
    match,
    search,
    split,
)

_SUB = r"(?:\d{1,2}[A-Z]?|[ivx]{2,4}|[a-z])"  # (2), (3A), (ii), (b)
_PART = rf"\(\s?{_SUB}\s?\)"
_CITE = compile_pattern(
    r"(?<![\w.'\u2019])(?P<kw>sections?|ss?\.?|§|regulations?|regs?\.?|EIR)\s*(?P<num>\d{1,2}(?:AA|[A-Z])?)(?![\d])"
    rf"(?P<chain>\.\d{{1,2}}(?:\.[a-z]{{1,4}})?|(?:\s?{_PART})*)"
    rf"(?P<alts>(?:\s*(?:,|and|&|or)\s*(?:{_PART})+|&[a-z]{{1,4}}\b)*)",
    regex.IGNORECASE,
)
_MORE = compile_pattern(
    r"\s*(?:,|and|&|or)\s*(?:(?:section|s\.?|regulation|reg\.?)\s*)?"
    rf"(?P<num>\d{{1,2}}[A-Z]?)(?!\d)(?P<chain>(?:\s?{_PART})*)"
    r"(?!\s*(?:working\s+)?(?:days?|weeks?|months?|years?|hours?|%|per\b|of\s+which))",
    regex.IGNORECASE,
    anchored=True,
)
_TOKEN = compile_pattern(r"[0-9a-zA-Z]{1,4}")
#: "(a), (b) and (c)": tried where the last one ended or at the start of a white-space run only
#: (``\s*(?:,|and|&|or)\s*`` re-scanned every run: 4 s on 10,000 spaces)
_ALT_SEP = compile_pattern(r"(?:\G|(?<!\s))\s*+(?:,|and|&|or)\s*+", regex.IGNORECASE)
_OTHER_ACT = compile_pattern(
    r"\s*(?:\([^)]{0,12}\)\s*)*of\s+the\s+(?P<act>(?:[A-Z][\w']*\s+(?:and\s+|of\s+)?){1,6})Act\b",
    anchored=True,
)
_CONTEXT = compile_pattern(
    r"exempt|exemption|exception|excepted|withh[eo]ld|withholding|refus|engag|appl(?:y|ies|ied|ying)|rel(?:y|ies|ied|ying)\s+on|"
    r"cited|prejudice|neither\s+confirm|confirm\s+(?:n|or\s+deny)|cost\s+limit|appropriate\s+limit|exceed|"
    r"vexatious|repeated|manifestly\s+unreasonable|not\s+obliged|under\s+which|redact|public\s+interest\s+test|"
    r"by\s+virtue\s+of|(?:duty|obligation)\s+(?:to\s+\w+\s+)?(?:does\s+not|doesn't)\s+arise|confirming\s+or\s+denying",
    regex.IGNORECASE,
)
#: a citation followed (within its clause) by one of these is rejected, not relied on
_REJECTED_AFTER = compile_pattern(
    r"[^.;]{0,60}?\b(?:do(?:es)?\s+not|no\s+longer|did\s+not|cannot\s+be)\s+(?:apply|applies|engaged?|relied\s+on)\b"
    r"|[^.;]{0,60}?\b(?:is|was|are|were)\s+not\s+(?:engaged|applicable)\b"
    r"|[^.;]{0,30}?\bwas\s+wrongly\s+(?:applied|cited|relied)",
    regex.IGNORECASE,
    anchored=True,
)
#: … or preceded by one of these
_REJECTED_BEFORE = compile_pattern(
    r"\b(?:do\s+not|don't|no\s+longer)\s+(?:agree|accept|consider)\s+that\s+$", regex.IGNORECASE
)


def _rejected(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    return match(_REJECTED_AFTER, text, end) is not None or search(_REJECTED_BEFORE, before) is not None


_QUALIFIER = compile_pattern(
    r"(?:by\s+virtue\s+of|read\s+with|as\s+defined\s+(?:in|by)|in\s+accordance\s+with)\s+$", regex.IGNORECASE
)
_SENTENCE_END = compile_pattern(r"(?<!\b(?:s|ss|reg|regs|no|para|e\.g|i\.e|cf))[.!?](?=\s+[A-Z(]|\s*\n\s*\n|\s*$)")
_FOI_ACT_WORDS = frozenset({"freedom", "information", "foi", "foia", "foisa"})
_ROMAN = frozenset(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"])

_FOIA_KEEP = frozenset([str(n) for n in range(21, 45) if n != 25] + ["22A", "12", "14"])
_EIR_KEEP = frozenset({"12", "13"})
_UK_REGIMES = frozenset({"foi", "eir", "foisa", "eisr"})


def _depth(token: str, previous: int) -> int:
    if token[:1].isdigit():
        return 1
    if token.lower() in _ROMAN and previous >= 2:
        return 3
    return 2


def _expand(chain_text: str, alts_text: str) -> list[tuple[str, ...]]:
    """Subsection chains: ``(1)(a)`` + ``and (b)`` -> [("1", "a"), ("1", "b")]."""
    tokens = [t for t in chain_text.split(".") if t] if chain_text.startswith(".") else findall(_TOKEN, chain_text)
    results: list[tuple[str, ...]] = []
    current: list[tuple[int, str]] = []
    for token in tokens:
        depth = _depth(token, current[-1][0] if current else 0)
        if current and depth <= current[-1][0]:
            results.append(tuple(t for _d, t in current))
            current = [c for c in current if c[0] < depth]
        current.append((depth, token if token[:1].isdigit() else token.lower()))
    results.append(tuple(t for _d, t in current))
    for alt in split(_ALT_SEP, alts_text.strip()):
        alt_tokens = findall(_TOKEN, alt)
        if not alt_tokens or not current:
            continue
        base = list(current)
        depth = _depth(alt_tokens[0], base[-1][0])
        if depth == 3 and not any(d == 3 for d, _t in base):
            depth = 2  # "(a) and (i)": letters, not roman numerals
        new = [c for c in base if c[0] < depth]
        for k, token in enumerate(alt_tokens):
            d = depth if k == 0 else _depth(token, new[-1][0] if new else 0)
            new.append((d, token if token[:1].isdigit() else token.lower()))
        results.append(tuple(t for _d, t in new))
        current = new
    return list(dict.fromkeys(results))


def _sentence(text: str, start: int, end: int) -> str:
    left = 0
    for m in finditer(_SENTENCE_END, text, max(0, start - 400), start):
        left = m.end()
    right_m = search(_SENTENCE_END, text, end, min(len(text), end + 400))
    right = right_m.end() if right_m else min(len(text), end + 400)
    return text[left:right]


def is_exemption_context(text: str, start: int, end: int) -> bool:
    """True when the sentence around ``text[start:end]`` speaks of exemption or refusal."""
    return search(_CONTEXT, _sentence(text, start, end)) is not None


def _cites_other_act(text: str, end: int) -> bool:
    m = match(_OTHER_ACT, text, end)
    if m is None:
        return False
    act = m.group("act").lower().split()
    return not any(word in _FOI_ACT_WORDS for word in act)


def _keep(kind: str, num: str, regime: str | None) -> bool:
    if kind == "reg":
        return num in _EIR_KEEP or (num in {"10", "11"} and regime in {"eisr", "foisa"})
    return num in _FOIA_KEEP or (num == "25" and regime == "foisa")


def _format(kind: str, num: str, chain: tuple[str, ...]) -> str:
    return ("reg" if kind == "reg" else "s") + num.upper() + "".join(f"({t})" for t in chain if t)


def parse_citations(text: str) -> list[tuple[str, str, tuple[str, ...], int, int]]:
    """Every section/regulation citation in ``text`` as ``(kind, number, chain, start, end)``, expanded."""
    out: list[tuple[str, str, tuple[str, ...], int, int]] = []
    for m in finditer(_CITE, text):
        kw = m.group("kw").lower()
        kind = "reg" if kw.startswith(("reg", "eir")) else "s"
        for chain in _expand(m.group("chain") or "", m.group("alts") or ""):
            out.append((kind, m.group("num"), chain, m.start(), m.end()))
        pos = m.end()
        while True:
            more = match(_MORE, text, pos)
            if more is None:
                break
            for chain in _expand(more.group("chain") or "", ""):
                out.append((kind, more.group("num"), chain, more.start("num"), more.end()))
            pos = more.end()
    return out


def extract_exemptions(text: str, regime: str | None = None) -> list[str]:
    """Exemptions cited in ``text`` in their normalised most specific form, in order, de-duplicated.

    ``regime`` (``"foi"``, ``"eir"``, ``"foisa"``, ``"eisr"`` or None) decides whether FOISA section 25
    and Scottish EIR regulations 10 and 11 count; a foreign regime (``"eu1049"``, ``"au_foi"`` ...) reads
    its own table and citation form (:mod:`foithread.regimes.exemptions`).
    """
    if regime is not None and regime not in _UK_REGIMES:
        from foithread.regimes.exemptions import extract_regime_exemptions  # imported here: no import cycle

        return extract_regime_exemptions(text, regime)
    out: dict[str, None] = {}
    numbers: set[tuple[str, str]] = set()
    text = text or ""
    for kind, num, chain, start, end in parse_citations(text):
        if not _keep(kind, num, regime):
            continue
        if _cites_other_act(text, end) or not is_exemption_context(text, start, end):
            continue
        if kind == "reg" and num == "12" and chain[:1] in (("1",), ("2",), ("3",), ()):
            continue  # reg 12(1)-(3): the public interest test and presumption, not an exception
        if _rejected(text, start, end):
            continue  # "I do not agree that section 43(2) applies": cited only to be set aside
        if (kind, num) in numbers and search(_QUALIFIER, text, max(0, start - 20), start):
            continue  # "section 40(2) by virtue of section 40(3A)(a)": the condition, not a second exemption
        numbers.add((kind, num))
        out.setdefault(_format(kind, num, chain), None)
    for exemption, pattern, regimes in IMPLIED_EXEMPTIONS:
        cited = any(c == exemption or c.startswith(exemption + "(") for c in out)
        if regime in regimes and not cited and _applied(pattern, text):
            out.setdefault(exemption, None)
    # Most specific form only: "section 35(1)(d)" then "Section 35 is a qualified exemption" is s35(1)(d).
    return [c for c in out if not any(other.startswith(c + "(") for other in out)]


#: refusal grounds a letter applies without citing their section: (exemption, wording, regimes).
#: The cost limit is section 12 of FOIA and of FOISA ("the cost ... exceeds the appropriate limit"),
#: whether or not the letter names the section; a sentence that only supposes it does not count.
IMPLIED_EXEMPTIONS: tuple[tuple[str, regex.Pattern[str], frozenset[str | None]], ...] = (
    (
        "s12",
        compile_pattern(
            r"\bexceed(?:s|ed)?\b[^.\n]{0,80}?\b(?:the\s+)?[\"“']?appropriate\s+(?:limit|level)\b"
            r"|\b(?:exceeds?|above|over)\s+the\s+(?:cost|fees)\s+limit\b",
            regex.IGNORECASE,
        ),
        frozenset({"foi", "foisa", None}),
    ),
)


def _applied(pattern: regex.Pattern[str], text: str) -> bool:
    """``pattern`` matches in a sentence that states it (not one that supposes it: ``if …``)."""
    return any(not search(_HYPOTHETICAL, _sentence(text, *m.span()), 0) for m in finditer(pattern, text))


_HYPOTHETICAL = compile_pattern(r"\b(?:if|unless|whether|should|were\s+to)\b", regex.IGNORECASE)
