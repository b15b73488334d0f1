"""Full calendar dates written in a message (DOMAIN 4.4).

Procedure: (1) mask references (they parse as dates), phone numbers, postcodes, URLs,
e-mail addresses and placeholders; (2) strict ISO ``2021-09-22``; (3) numeric day-first
``dd/mm/yyyy``, ``dd.mm.yyyy``, ``dd-mm-yyyy`` and two-digit years ``dd.mm.yy``;
(4) written months: ``22 September 2021``, ``22nd Sept 2021``, ``3rd of March 2020``,
``Wednesday, 22 September 2021``, ``September 22, 2021``, ``Sept 22nd, 2021``, in English,
Welsh (with mutations: ``Fedi``, ``Orffennaf``), German (``3. März 2021``), French (``1er mars 2021``),
Spanish (``15 de marzo de 2021``), Italian and Dutch (:data:`MONTH_NAMES`).

Only full dates count: ``September 2021``, ``12th February`` and the literal ``dd/mm/yyyy``
are skipped, as are impossible dates (``31/02/2021``) and digits glued to file names
(``report_20080408.pdf``). The day/month/year assembly uses :class:`datetime.date`; no
fuzzy parser runs on free text. The date in a WhatDoTheyKnow annotation header
(``Jane left an annotation (20 October 2021)``) is that message's ``sent_on`` metadata,
not a date written in it, so it is skipped too.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import regex

from foithread.model import DateMention
from foithread.rules.lines import ANNOTATION_HEADING
from foithread.stages.extract.patterns import (
    Span,
    SpanIndex,
    compile_pattern,
    finditer,
)
from foithread.stages.extract.references import mask_spans
from foithread.stages.extract.scans import Scans

#: Month names per language, January first (one spelling or a tuple of spellings per month).
MONTH_NAMES: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType(
    {
        "en": (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
               ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
               ("october", "oct"), ("november", "nov"), ("december", "dec")),
        # Welsh, with the soft/nasal/aspirate mutations met after "o", "ym", "ar" and so on.
        "cy": (("ionawr",), ("chwefror",), ("mawrth", "fawrth"), ("ebrill",), ("mai", "fai"), ("mehefin", "fehefin"),
               ("gorffennaf", "orffennaf"), ("awst",), ("medi", "fedi"), ("hydref",),
               ("tachwedd", "dachwedd", "nhachwedd", "thachwedd"), ("rhagfyr", "ragfyr")),
        "de": (("januar", "jänner"), ("februar",), ("märz", "maerz", "mär"), ("april",), ("mai",), ("juni",),
               ("juli",), ("august",), ("september",), ("oktober", "okt"), ("november",), ("dezember", "dez")),
        "fr": (("janvier", "janv"), ("février", "fevrier", "févr"), ("mars",), ("avril", "avr"), ("mai",), ("juin",),
               ("juillet", "juil"), ("août", "aout"), ("septembre",), ("octobre",), ("novembre",),
               ("décembre", "decembre", "déc")),
        "es": (("enero",), ("febrero",), ("marzo",), ("abril",), ("mayo",), ("junio",), ("julio",), ("agosto",),
               ("septiembre", "setiembre"), ("octubre",), ("noviembre",), ("diciembre",)),
        "it": (("gennaio",), ("febbraio",), ("marzo",), ("aprile",), ("maggio",), ("giugno",), ("luglio",),
               ("agosto",), ("settembre",), ("ottobre",), ("novembre",), ("dicembre",)),
        "nl": (("januari",), ("februari",), ("maart",), ("april",), ("mei",), ("juni",), ("juli",), ("augustus",),
               ("september",), ("oktober",), ("november",), ("december",)),
    }
)  # fmt: skip

#: Every month name and abbreviation of :data:`MONTH_NAMES` -> month number.
MONTHS: Mapping[str, int] = MappingProxyType(
    {name: month for names in MONTH_NAMES.values() for month, spellings in enumerate(names, 1) for name in spellings}
)

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+"
    r"|(?:Dydd\s+)?(?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul),?\s+)?"
)
_FILE_EXT = r"\.(?:pdf|docx?|xlsx?|csv|txt|tiff?|jpe?g|png|zip|msg|odt|ods|rtf)\b"
_NUM_B = r"(?<![\w/.:+\-]|\d[.,])"  # a number not glued to another token
_NUM_E = rf"(?![\w/\-]|[.,:]\d|{_FILE_EXT})"

_ISO = compile_pattern(rf"{_NUM_B}(?P<year>(?:19|20)\d{{2}})-(?P<month>\d{{2}})-(?P<day>\d{{2}}){_NUM_E}")
# Two-digit years: any day/month width with slashes (17/4/08), but dotted or dashed forms need
# two-digit day and month (22.09.21), so that status codes such as "5.1.10" are not dates.
_NUMERIC = compile_pattern(
    rf"{_NUM_B}(?:(?P<day>\d{{1,2}})(?P<sep>[/.\-])(?P<month>\d{{1,2}})(?P=sep)(?P<year>(?:19|20)\d{{2}})"
    rf"|(?P<day>\d{{1,2}})(?P<sep>/)(?P<month>\d{{1,2}})/(?P<year>\d{{2}})"
    rf"|(?P<day>\d{{2}})(?P<sep>[.\-])(?P<month>\d{{2}})(?P=sep)(?P<year>\d{{2}})){_NUM_E}"
)
# the year may run into a word in page text ("16 February 2012was"), never into digits or capitals
_YEAR_END = r"(?![\d_/]|(?-i:[A-Z])|[.,]\d)"
_DAY_MONTH_YEAR = compile_pattern(
    rf"(?<![\w/.\-]){_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?(?:\s+of|\s+o|\s+de)?\s+{_MONTH},?"
    rf"(?:\s+de|\s+del)?\s+(?P<year>(?:19|20)\d{{2}}){_YEAR_END}",
    regex.IGNORECASE,
)
_MONTH_DAY_YEAR = compile_pattern(
    rf"(?<![\w/.\-]){_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d),?\s+"
    rf"(?P<year>(?:19|20)\d{{2}}){_YEAR_END}",
    regex.IGNORECASE,
)
_ANNOTATION_HEADER = compile_pattern(ANNOTATION_HEADING, regex.M)
_YEAR = compile_pattern(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_WINDOW = 60  # a written date ends at its year and starts at most this many characters before it


def _two_digit_year(year: int) -> int:
    """Fixed pivot (no clock): 00-69 are 2000s, 70-99 are 1900s."""
    return 2000 + year if year < 70 else 1900 + year


def _assemble(m: regex.Match[str]) -> datetime.date | None:
    raw_month = m.group("month")
    month = int(raw_month) if raw_month.isdigit() else MONTHS.get(raw_month.lower().rstrip("."))
    if month is None:
        return None
    year_text = m.group("year")
    year = int(year_text)
    if len(year_text) == 2:
        year = _two_digit_year(year)
    day = int(m.group("day"))
    if raw_month.isdigit() and month > 12 and day <= 12:
        day, month = month, day  # 09/22/2021 can only be month-first
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _masked(text: str, scans: Scans) -> list[Span]:
    spans = list(scans.placeholders)
    for found in (scans.emails, scans.urls, scans.postcodes, scans.phone_labels, scans.phone_shapes):
        spans.extend(m.span() for m in found)
    spans.extend(m.span() for m in finditer(_ANNOTATION_HEADER, text))
    return spans


def _matches(text: str) -> list[regex.Match[str]]:
    """Numeric candidates from a scan; written-month candidates from a window before each year
    (scanning only there keeps the month-name alternation off most of the text)."""
    found = finditer(_ISO, text) + finditer(_NUMERIC, text)
    for year in finditer(_YEAR, text):
        low, high = max(0, year.start() - _WINDOW), min(len(text), year.end() + 3)
        for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
            found.extend(m for m in finditer(pattern, text, low, high) if m.end() == year.end())
    return found


def date_candidates(
    text: str, skip: Sequence[Span] | None = None, scans: Scans | None = None
) -> list[tuple[Span, datetime.date, str]]:
    """Every full date in ``text`` as ``(span, date, text as written)``, in order, repeats kept.

    ``skip`` lists spans not to read (the reference spans, when the caller has them); when it
    is None the references are found here.
    """
    scans = scans if scans is not None else Scans.of(text)
    masked = SpanIndex(list(mask_spans(text, scans) if skip is None else skip) + _masked(text, scans))
    used = SpanIndex()
    taken: list[tuple[Span, datetime.date, str]] = []
    for m in _matches(text):
        span = m.span()
        if masked.hits(span) or used.hits(span):
            continue
        value = _assemble(m)
        if value is not None:
            used.add(span)
            taken.append((span, value, " ".join(m.group(0).split())))
    return sorted(taken, key=lambda t: t[0])


def extract_dates(text: str, skip: Sequence[Span] | None = None, scans: Scans | None = None) -> list[DateMention]:
    """Full calendar dates written in ``text``, in order, one per ISO value (first spelling kept).

    ``skip`` lists spans not to read, normally the reference spans from :func:`mask_spans`;
    when it is None the reference extractor runs here. Phones, postcodes, URLs, e-mails and
    placeholders are masked in any case.
    """
    out: dict[str, DateMention] = {}
    for _span, value, written in date_candidates(text or "", skip, scans):
        iso = value.isoformat()
        out.setdefault(iso, DateMention(value=iso, text=written))
    return list(out.values())
