"""Case reference numbers (DOMAIN 4.1).

Two tables drive the extractor:

* :data:`REFERENCE_SHAPES` - the distinctive shapes issuers use (``01/FOI/21/021127``,
  ``FOI-120-2024``, ``IC-255369-Y7X2`` ...). A shape counts wherever it stands.
* :data:`REFERENCE_LABELS` - the labels that introduce a reference (``Our ref:``,
  ``Reference No:``, ``logged as`` ...). After a label, free-form values (``T3241/8``,
  ``DE00000642471``, ``FOI 21-1043``) and bare numbers of 5-13 digits count too; a bare
  number never counts without a label. The value must stand on the label's own line:
  an empty ``Your ref:`` yields nothing.

Placeholders, e-mail addresses, URLs and UK phone numbers are masked first, so
``[FOI #123 email]`` and WhatDoTheyKnow request addresses never yield references. Values are kept exactly as printed
(``IR 2022/0157`` keeps its space) and de-duplicated on their whitespace-free, case-folded form.
"""

from __future__ import annotations

import attrs
import regex

from foithread.model import Reference
from foithread.stages.extract.patterns import (
    POSTCODE,
    Span,
    SpanIndex,
    compile_pattern,
    finditer,
    fullmatch,
    match,
    search,
)
from foithread.stages.extract.scans import Scans

_PREFIX = r"(?:FOI|EIR|IR|SAR|FOIR)"

#: Ordered ``(name, pattern source)`` table of reference shapes; earlier entries win at a position.
REFERENCE_SHAPES: tuple[tuple[str, str], ...] = (
    ("met", r"(?:\d{2}|[A-Z]{2,4})[/.]FOI[/.]\d{2}[/.]\d{4,6}"),  # 01/FOI/21/021127, PD/FOI/22/00412
    ("foi_yy_serial", r"FOI/\d{2}/\d{4,6}"),  # FOI/21/021127
    ("police_scotland", r"IM-FOI-\d{4}-\d{3,5}"),  # IM-FOI-2021-0942
    ("ico_case", r"IC-\d{5,6}-[A-Z0-9]{4}"),  # IC-255369-Y7X2
    ("ico_fs", r"FS5\d{7}"),  # FS50441818
    ("tribunal", r"(?:FT/)?EA/(?:19|20)\d{2}/\d{4}"),  # EA/2022/0049
    ("tribunal_citation", r"\[(?:19|20)\d{2}\][ ]UKFTT[ ]\d{1,4}[ ]\(GRC\)"),  # [2022] UKFTT 263 (GRC)
    # FOI-0934-2122, FOI-2170-1819/GH, BH-FOI-22-0113, FOI-21-0934
    ("prefixed_dash", rf"(?:[A-Z]{{2,4}}-)?{_PREFIX}-\d{{2,4}}-\d{{2,6}}(?:/[A-Z]{{1,3}})?"),
    ("prefixed_serial", rf"(?:{_PREFIX}|F)-\d{{5,8}}"),  # FOI-1530259, IR-1451821, F-013412
    ("gmp", r"GSA/?\d{4}/\d{2}"),  # GSA/4762/12, GSA4850/11
    ("year_slash", rf"(?:{_PREFIX}|RFI)[ ]?(?:19|20)\d{{2}}/\d{{3,6}}"),  # FOI2023/93842, IR 2022/0157
    ("prefix_year_serial", rf"{_PREFIX}/(?:19|20)\d{{2}}/\d{{3,6}}"),  # FOI/2021/0456
    ("foi_long", r"FOI/\d{5,12}"),  # FOI/00013725, FOI/202300371292
    ("short_year_slash", rf"{_PREFIX}[ ]?\d{{2}}/\d{{2,6}}"),  # EIR 21/123, EIR22/0456
    ("short_year_dash", rf"{_PREFIX}[ ]\d{{2}}-\d{{3,6}}"),  # FOI 21-1043
    ("bbc_rfi", r"RFI(?:19|20)\d{2}-?\d{3,4}"),  # RFI20240191, RFI2022-0593
    ("bbc_ir", r"IR(?:19|20)\d{5}"),  # IR2013022
    ("foi_number", r"(?:FOI|EIR)[ ]?\d{5,9}"),  # FOI 70915, FOI18234, FOI 221101046
    ("atisn", r"ATISN[ ]?\d{4,6}"),  # ATISN 16301
    ("welsh_gov", r"[A-Z]{2}/\d{5}/\d{2}"),  # KS/03829/17
    ("scottish_decision", r"Decision[ ]\d{3}/(?:19|20)\d{2}"),  # Decision 268/2024
    ("dfe", r"(?:19|20)\d{2}[-/]\d{7}"),  # 2017-0046908, 2012/0072758
    ("met_legacy", r"20[01]\d(?:0[1-9]|1[0-2])\d{7}"),  # 2010080000104
    ("eu_gestdem", r"(?i:GestDem)[ ](?:19|20)\d{2}/\d{2,6}"),  # GestDem 2019/3602, GESTDEM 2021/6265 (Commission)
    # Ares(2020)2288426 (Commission), A(2015)11082 (Parliament), C(2019)123 (decision), SGS22/...
    ("eu_register", r"(?:Ares|[A-Z]{1,3})\((?:19|20)\d{2}\)\d{3,9}"),
    # an agency code glued to FOI: OMBFOI-2022-111784 (Commonwealth Ombudsman), DOHFOI-2023-0042
    ("agency_foi_year", r"[A-Z]{2,6}FOI-(?:19|20)\d{2}-\d{3,7}"),
    # CRM case numbers: CAS-123456-A1B2C3 (Dynamics), with letters and digits in the last block
    ("crm_case", r"[A-Z]{2,4}-\d{5,8}-(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,8}"),
    ("f_serial", r"F\d{7}"),  # F0012345 (unlabelled request numbers)
    # US FOIA tracking numbers: 2023-FOIA-01234, EPA-HQ-2023-001234, DOS-2023-12345
    ("us_tracking", r"(?:19|20)\d{2}-FOIA-\d{3,7}|[A-Z]{2,5}-(?:[A-Z]{2,4}-)?(?:19|20)\d{2}-\d{4,7}"),
)

#: Ordered ``(name, pattern source)`` table of labels; longer forms come first.
REFERENCE_LABELS: tuple[tuple[str, str], ...] = (
    ("foi_request_reference_no", r"Freedom\s+of\s+Information\s+Request\s+Reference\s+(?:No|Number)\.?"),
    # a request heading used as a label: "Freedom of Information Request: FOI/7734"
    (
        "request_heading",
        r"(?:Freedom\s+of\s+Information|Environmental\s+Information(?:\s+Regulations)?|FOI|EIR|FOIA|OIA)\s+"
        r"(?:Request|Application)(?=[ \t]*[:\-\u2013\u2014]|[ \t]+\d)",
    ),
    ("cyf_our_ref", r"Cyf(?:eirnod)?\s*/\s*(?:(?:Our|Your)\s+)?Ref(?:erence)?"),
    ("ein_cyf", r"(?:Ein|Eich)\s+cyf(?:eirnod)?"),
    ("cyfeirnod", r"Cyfeirnod(?:\s+(?:ein|eich))?"),  # Welsh "reference" on its own
    # a regulator's or a review's own label: "ICO reference", "OAIC ref", "Internal review reference"
    (
        "body_reference",
        r"(?:ICO|OAIC|IC|Ombudsman(?:'s)?|Commissioner(?:'s)?|Internal\s+Review|IR)\s+(?:Reference|Ref|Case)"
        r"(?:\s+(?:No\.?|Number))?",
    ),
    ("our_ref", r"(?:Our|Your|My)\s+ref(?:erence)?(?:\s+(?:No\.?|Number))?"),
    (
        "foi_reference",
        r"(?:FOI|FOIA|EIR|Request|Case|TfL|Complaint|Review)\s+(?:Reference|Ref)(?:\s+(?:No\.?|Number))?",
    ),
    ("reference_no", r"Ref(?:erence)?\s*(?:No\.?|Number|\#)"),
    ("case_number", r"Case\s+(?:Number|No\.?)"),
    ("request_id", r"Request\s+(?:ID|Number|No\.?)"),
    ("tracking_number", r"(?:FOIA\s+)?Tracking\s+(?:Number|No\.?|\#)"),
    ("logged_as", r"(?:logged|registered|recorded)\s+(?:as|under|with)(?:\s+(?:reference|ref)(?:\s+number)?)?"),
    (
        "with_reference",
        r"(?:with|under|allocated(?:\s+the)?|given(?:\s+the)?|quoting(?:\s+the)?)\s+reference(?:\s+number)?",
    ),
    ("reference", r"Reference|Ref"),
    ("aktenzeichen", r"Aktenzeichen|Gesch[äa]ftszeichen|Unser\s+Zeichen|Anfragenr\.?"),
    ("re", r"Re|Fwd?|AW|WG"),  # subject prefixes: shapes only in a body, free-form in a subject
)
_WEAK_LABELS = frozenset({"re"})

#: Ordered ``(role, label pattern, value pattern)`` table: whose a reference is. The first row whose label
#: pattern finds the label, or whose value pattern matches the value from its start, gives the role.
REFERENCE_ROLE_RULES: tuple[tuple[str, str | None, str | None], ...] = (
    (
        "regulator",
        r"\b(?:ICO|OAIC|IC|Ombudsman(?:'s)?|Commissioner(?:'s)?|Tribunal)\b",
        r"IC-\d|FS5\d|(?:FT/)?EA/|\[(?:19|20)\d\d\][ ]UKFTT|Decision[ ]\d",
    ),
    ("review", r"\b(?:Internal\s+Review|Review|IR|Confirmatory|Complaint)\b", r"IR(?:[ /-]|\d)"),
    (
        "request",
        r"\b(?:Our|FOIA?|EIR|OIA|Request|Application|Case|Freedom|Environmental|logged|registered|recorded|"
        r"allocated|given|quoting|TfL|Cyf|Cyfeirnod|Ein|Aktenzeichen|Gesch[äa]ftszeichen|Unser|Anfragenr|Tracking)\b",
        None,
    ),
)
_ROLE_RULES = tuple(
    (
        role,
        compile_pattern(lab, regex.IGNORECASE) if lab else None,
        compile_pattern(val) if val else None,
    )
    for role, lab, val in REFERENCE_ROLE_RULES
)


def reference_role(value: str, label: str | None) -> str | None:
    """Whose the reference ``value`` introduced by ``label`` is (see :data:`REFERENCE_ROLE_RULES`)."""
    for role, lab, val in _ROLE_RULES:
        if (label and lab is not None and search(lab, label)) or (val is not None and match(val, value)):
            return role
    return None


_B = r"(?<![\w/.@#-])"  # nothing glued in front
_E = r"(?![\w/@-]|[.-]\w)"  # nothing glued behind (a full stop ending the sentence is fine)

# The look-aheads only let the engine skip quickly to plausible starting characters.
_SHAPE_ALTERNATIVES = "|".join(f"(?P<{n}>{p})" for n, p in REFERENCE_SHAPES)
_SHAPES = compile_pattern(r"(?=[\dA-Z\[])" + _B + "(?:" + _SHAPE_ALTERNATIVES + ")" + _E)
_SHAPE_AT = compile_pattern("(?:" + "|".join(f"(?:{p})" for _n, p in REFERENCE_SHAPES) + ")" + _E, anchored=True)
_LABEL_STARTS = (
    r"(?=fre|cyf|ein|eic|our|you|my\s|foi|eir|req|cas|tfl|com|rev|ref|tra|log|reg|rec|wit|und|all|giv|quo|"
    r"akt|ges|uns|anf|ico|oai|ic\s|omb|int|ir\s|oia|re\b|fwd?\b|aw\b|wg\b)"
)
_LABELS = compile_pattern(
    r"\b" + _LABEL_STARTS + r"(?:" + "|".join(f"(?P<{n}>{p})" for n, p in REFERENCE_LABELS) + r")(?![\w])"
    r"(?P<sep>[ \t]*(?:[:#.\-\u2013\u2014]|is)?[ \t]*)",
    regex.IGNORECASE,
)
#: the shapes a free-form value may take after a label, tried in order (longest first)
FREE_FORM_SHAPES: tuple[tuple[str, str], ...] = (
    # a prefix word then digits: FOI 21-1043, LEX 65102, NUH 23975, GESTDEM 2021/6265, DC/FOI 782/17, Vg. 069-2018
    ("prefix_number", r"(?:[A-Z]{2,10}(?:/[A-Z]{2,5})?|Decision|[A-Z][a-z]{1,3}\.)[ ]\d[\d/\-]*\d"),
    # one token, optionally followed by the handler's initials: T3241/8, DE00000642471, 13000382 KD/Ne
    ("token", r"[A-Z0-9][A-Za-z0-9]*(?:[/\-.][A-Za-z0-9]+)*(?:[ ][A-Z]{1,3}/[A-Z][a-z]{0,2}(?![\w/]))?"),
)
_FREE_FORM = compile_pattern("(?:" + "|".join(f"(?:{p})" for _n, p in FREE_FORM_SHAPES) + ")" + _E, anchored=True)
# a further value on the label's line: "Our ref: FOI-2022-10073 & OMBFOI-2022-111784"
_AND_MORE = compile_pattern(r"[ \t]*(?:&|and|,|;|/)[ \t]*", regex.IGNORECASE, anchored=True)
# a ticketing system's tag leading a subject: "[#32154] Freedom of Information request - Bus lanes". A tag at the
# end of a subject ("... Arbeitsschutzgesetz [#25054]") is a platform's request id (FragDenStaat), not a reference.
_SUBJECT_TAG = compile_pattern(r"^(?:(?:Re|Fwd?|AW|WG|RE|FW)\s*:\s*)*\[#(?P<value>\d{3,9})\]")
_DATE_LIKE = compile_pattern(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|(?:19|20)\d{2}", anchored=True)
_PHONE_LIKE = compile_pattern(r"0\d{9,10}", anchored=True)


@attrs.frozen
class _Found:
    start: int
    end: int
    value: str
    label: str | None


def _norm(value: str) -> str:
    return "".join(value.split()).casefold()


def _blocked(scans: Scans) -> SpanIndex:
    spans = list(scans.placeholders)
    spans.extend(m.span() for m in scans.emails)
    spans.extend(m.span() for m in scans.urls)
    spans.extend(m.span("number") for m in scans.phone_shapes)
    return SpanIndex(spans)


def _label_name(m: regex.Match[str]) -> str:
    for name, _p in REFERENCE_LABELS:
        if m.group(name) is not None:
            return name
    return "reference"


def _free_form_ok(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    if digits == 0 or len(value) < 4:
        return False
    if value.isdigit():
        return 5 <= len(value) <= 13 and not fullmatch(_PHONE_LIKE, value)
    return not (digits < 2 or fullmatch(_DATE_LIKE, value) or fullmatch(POSTCODE, value))


def _free_value(text: str, pos: int, blocked: SpanIndex, found: dict[int, _Found]) -> tuple[int, str] | None:
    """A free-form value starting at ``pos`` that passes the checks: ``(start, value)``, or None."""
    free = match(_FREE_FORM, text, pos)
    if free is None or blocked.hits(free.span()) or free.start() in found:
        return None
    value = free.group(0).rstrip(".-/")
    return (free.start(), value) if _free_form_ok(value) else None


def _more_on_line(text: str, end: int, label: str, blocked: SpanIndex, found: dict[int, _Found]) -> None:
    """Further values joined to a labelled one on its line (``A & B``, ``A, B``) take the same label."""
    while (sep := match(_AND_MORE, text, end)) is not None and sep.end() > end:
        shape = match(_SHAPE_AT, text, sep.end())
        if shape is not None and not blocked.hits(shape.span()):
            start, value = shape.start(), shape.group(0)
        elif (free := _free_value(text, sep.end(), blocked, found)) is not None:
            start, value = free
        else:
            return
        prior = found.get(start)
        found[start] = _Found(start, start + len(value), value, label if prior is None else prior.label or label)
        end = start + len(value)


def _scan(text: str, subject_mode: bool, scans: Scans | None = None) -> list[_Found]:
    blocked = _blocked(scans if scans is not None else Scans.of(text))
    found: dict[int, _Found] = {}
    for m in finditer(_SHAPES, text):
        if not blocked.hits(m.span()):
            found[m.start()] = _Found(m.start(), m.end(), m.group(0), None)
    for lm in finditer(_LABELS, text):
        pos = lm.end()
        label = " ".join(text[lm.start() : lm.end("sep")].split()).rstrip(":#.-\u2013\u2014 ")
        label = label[:-3].rstrip() if label.lower().endswith(" is") else label
        name = _label_name(lm)
        weak = name in _WEAK_LABELS  # "Re:" introduces a subject, it does not label a reference
        shape = match(_SHAPE_AT, text, pos)
        if shape is not None and not blocked.hits(shape.span()):
            prior = found.get(shape.start())
            if prior is not None and prior.label is None and not weak:
                found[shape.start()] = attrs.evolve(prior, label=label)
            elif prior is None:
                found[shape.start()] = _Found(shape.start(), shape.end(), shape.group(0), None if weak else label)
            if not weak:
                _more_on_line(text, shape.end(), label, blocked, found)
            continue
        if weak and not subject_mode:
            continue
        free = _free_value(text, pos, blocked, found)
        if free is not None:
            start, value = free
            found[start] = _Found(start, start + len(value), value, None if weak else label)
            if not weak:
                _more_on_line(text, start + len(value), label, blocked, found)
    if subject_mode:
        for tm in finditer(_SUBJECT_TAG, text):
            found.setdefault(tm.start(), _Found(tm.start("value"), tm.end("value"), tm.group("value"), None))
    return [found[k] for k in sorted(found)]


def _dedupe(items: list[_Found]) -> list[_Found]:
    out: dict[str, _Found] = {}
    for item in items:
        key = _norm(item.value)
        prior = out.get(key)
        if prior is None:
            out[key] = item
        elif prior.label is None and item.label is not None:
            out[key] = attrs.evolve(prior, label=item.label)
    return list(out.values())


def scan_references(
    text: str, subject: str | None = None, scans: Scans | None = None
) -> tuple[list[Reference], list[Span]]:
    """:func:`extract_references` and :func:`mask_spans` from one scan of ``text``
    (``scans``: :meth:`Scans.of` the text, when the caller has it)."""
    body = _scan(text or "", subject_mode=False, scans=scans)
    items = _scan(subject, subject_mode=True) if subject else []
    refs = [
        Reference(value=i.value, label=i.label, role=reference_role(i.value, i.label)) for i in _dedupe(items + body)
    ]
    return refs, [(i.start, i.end) for i in body]


def extract_references(text: str, subject: str | None = None) -> list[Reference]:
    """References in ``subject`` (if given) then ``text``, in order, de-duplicated by value."""
    return scan_references(text, subject)[0]


def mask_spans(text: str, scans: Scans | None = None) -> list[Span]:
    """The spans of every reference found in ``text`` (repeats included), for other extractors to skip."""
    return [(i.start, i.end) for i in _scan(text or "", subject_mode=False, scans=scans)]
