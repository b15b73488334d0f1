"""A response's outcome: what it gave (information provided, partly, refused, not held, NCND).

Read from the exemptions found in the body, the response phrases (the names in
:mod:`foithread.rules.cues`) and whether the body states figures (:func:`has_data`).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from foithread import discipline
from foithread.rules import Rules
from foithread.rules.cues import ATTACHED, EXEMPT, NCND, NOT_HELD, PARTIAL_ACCESS, PROVIDED, REFUSED
from foithread.stages.classify.facts import phrase_hits, window

_NOT_DATA_LINE = discipline.compile(
    r"^\s*(?:Tel|Telephone|Fax|Phone|Mobile|Extn?|Ref|Reference|Our ref|Your ref|Cyf|Postanschrift|Anschrift|Postfach)\b|^\s*\d{1,2}\s+OJ\s+[LC]\b|<<|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b",
    regex.I,
)
#: what looks like a number but is not a figure: dates, section numbers, references, URLs, list labels
_NOT_FIGURES = discipline.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Ion|Chw|Maw|Ebr|Meh|Gor|Aws|Med|Hyd|Tach|Rhag)[a-z]*\.?(?:\s+\d{4})?"
    r"|\b\d+\s+(?:working\s+|calendar\s+)?(?:days?|weeks?|months?)\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    # citations of law (``section 40``, ``§ 4 Absatz 1 Nr. 5``, ``Art. 4(1)(b)``), units and rooms
    # (``Referat 31``, ``Room 204``) and numbered ids (``[#5617]``)
    r"|(?:\b(?:sections?|s\.|regulations?|regs?\.?|questions?|parts?|paragraphs?|articles?|art\.|absatz|abs\.|satz|nr\."
    r"|referat|abteilung|dezernat|units?|rooms?|zimmer|floor)|§§?|#)"
    r"\s*\d+[\w()]*(?:\s*(?:and|or|,|&)\s*\d+[\w()]*)*"
    # a reference after its scheme's capitals (``ATISN 15980``, ``FOI 12345``, ``EIR-2024``)
    r"|(?-i:\b[A-Z]{2,8}+)[ -]?\d++\b"
    # whole tokens, matched from their start and without backtracking (linear on long runs)
    r"|(?<!\S)[^\s\d]*+\d[^\s/-]*+[/-][^\s\d]*+\d\S*+|(?<!\S)(?:[^\s:]|:(?!//))*+://\S+|\bwww\.\S+"
    # a list label, with the blank lines before it: tried only at the first line of a run of
    # blank lines (a later start would re-scan the run: quadratic on 20,000 blank lines)
    r"|^(?<!(?:\A|\n)[^\S\n]*\n)\s*+\d{1,2}[.)]\s",
    regex.I | regex.M,
)
#: figures; the label form (``Total: 12``) is what ``^\s*(?:\d{4}|[A-Za-z ]{2,30})\s*[:–-]\s*\d``
#: matches in one line (``has_data`` tries it line by line), spelled so that no run of spaces is re-scanned (that form was quadratic):
#: the label's letters from the first to the last, or a lone letter beside a space, or spaces only
_DATA = discipline.compile(
    r"£\s?\d|\b\d{1,3}(?:,\d{3})+\b|\b\d+\.\d+\b|\b\d+(?:\.\d+)?\s?%"
    r"|^[^\S\n]*+(?:\d{4}|[A-Za-z][A-Za-z ]{0,28}[A-Za-z]|(?<= )[A-Za-z]|[A-Za-z](?= ))[^\S\n]*+[:–-][^\S\n]*+\d"
    r"|^(?:[^\S\n ]| (?! ))*+  [^\S\n]*+[:–-][^\S\n]*+\d"
    r"|\b\d+\s+(?:of|out of)\s+\d+\b",
    regex.M,
)
_NUMBER = discipline.compile(r"(?<![\d/.-])\d{2,}(?![\d/.-])")
_YEAR = discipline.compile(r"(?:19|20)\d\d")


_SPACES = discipline.compile(r"\s+")
_NOT_NEWLINE = discipline.compile(r"[^\n]")
_CONFIRM_HOLD = discipline.compile(r"\bI can confirm\b|\bwe (?:do )?hold\b", regex.I)


def _blank(m: regex.Match[str]) -> str:
    """The match's text with everything but line breaks turned into spaces."""
    return _NOT_NEWLINE.sub(" ", m.group())


def has_data(body: str) -> bool:
    """Whether the body states figures (counts, amounts, percentages): an answer, not a cover note."""
    # blank out what is not a figure (keeping line breaks: a deadline may wrap)
    masked = _NOT_FIGURES.sub(_blank, body)
    for original, line in zip(body.splitlines(), masked.splitlines(), strict=False):
        if not line.strip() or _NOT_DATA_LINE.search(original):
            continue
        if _DATA.search(line):
            return True
        if sum(1 for n in _NUMBER.findall(line) if not _YEAR.fullmatch(n)) >= 1 and len(line.split()) >= 4:
            return True
    return False


_DECLINED = discipline.compile(
    r"\b(?:I|we|the \w+(?: \w+)?) (?:have |has )?(?:decided to )?(?:decline[ds]?|refuse[ds]?) (?:to |your |this )"
    r"|\bnot (?:been )?(?:considered|treated|dealt with) (?:your|this) (?:correspondence|request|e-?mail) (?:under|as)",
    regex.I,
)

_COST_LIMIT = discipline.compile(r"\bvexatious\b|\bexceed(?:s|ed)? the (?:appropriate|cost) limit", regex.I)
_WITHHELD = discipline.compile(
    r"\bwithhold(?:ing)?\b|\b(?:been|remains?|is|are) withheld\b|\bexempt from disclosure\b|\bis exempt\b", regex.I
)


#: a request the letter quotes in quotation marks (``You wrote: “…”``): what was asked, not answered
_QUOTED_REQUEST = discipline.compile(
    r"(?:\bYou (?:wrote|asked(?: for| us)?|requested|said)|\byour (?:request|e-?mail|application) (?:was|read|stated|said)(?: for| as follows)?)"
    r"\s*:?\s*(?:“[^”]{0,8000}+”|\"[^\"]{0,8000}+\"|„[^“”]{0,8000}+[“”])",
    regex.I,
)


def _without_quoted_request(body: str) -> str:
    """``body`` with the quoted request blanked out (line breaks kept)."""
    return _QUOTED_REQUEST.sub(_blank, body)


def _without_questions(body: str) -> str:
    """``body`` without the lines that end in a question mark (a response restating the request)."""
    lines = body.splitlines(keepends=True)
    kept = [ln for ln in lines if not ln.rstrip().endswith("?")]
    return body if len(kept) == len(lines) else "".join(kept)


def outcome_of(
    kind: str,
    body: str,
    exemptions: Sequence[str],
    rules: Rules,
    regime: str | None = None,
    response_phrases: frozenset[str] | None = None,
) -> str | None:
    """The outcome of a response or internal review response.

    ``response_phrases``: the response-table hits the classifier found in this body, if known.
    """
    if kind not in ("response", "internal_review_response"):
        return None
    body = window(body)
    answers = _without_questions(_without_quoted_request(body))
    if answers != body:  # restated questions say what was asked, not what was answered
        body, response_phrases = answers, None
    resp = response_phrases if response_phrases is not None else phrase_hits(rules, "response", body)
    text = _SPACES.sub(" ", body)
    real = [e for e in exemptions if not e.startswith(("s12", "s14"))]
    if NCND in resp:
        return "neither_confirm_nor_deny"
    if PARTIAL_ACCESS in resp:
        return "partially_provided"  # ``access to 34 documents in part``
    if real and all(e.startswith("reg12(4)(a)") for e in real):
        return "not_held"  # EIR 12(4)(a) is the not-held exception
    if real and all(e.startswith("s21") for e in real) and regime != "foisa":
        return "refused"  # FOIA s21: reasonably accessible elsewhere, so not provided by this authority
    if any(e.startswith(("s12", "s14")) for e in exemptions) or _COST_LIMIT.search(text):
        return "refused"
    if REFUSED in resp and not real and PROVIDED not in resp:
        return "refused"  # an outright refusal (``not obliged to supply``, ``kann nicht entsprochen werden``)
    if real or (EXEMPT in resp and _WITHHELD.search(text)):
        provided = bool(resp & {PROVIDED, ATTACHED}) or has_data(body)
        return "partially_provided" if provided else "refused"
    if NOT_HELD in resp:
        # some of it held and given, some not held
        return "partially_provided" if PROVIDED in resp and has_data(body) else "not_held"
    if _DECLINED.search(text):
        return "refused"
    if PROVIDED in resp or has_data(body) or _CONFIRM_HOLD.search(text):
        return "information_provided"
    return "unknown"
