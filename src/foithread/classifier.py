"""Classification: the kind and party of each message, and a response's outcome.

Evidence is combined in a fixed order, strongest first: reader hints (an HTML annotation, a
JSON event type), mail headers (multipart/report, Auto-Submitted, out-of-office subjects,
mailer-daemon senders), the message's position and who it addresses, and last the phrase
tables of :mod:`foithread.rules.phrases` run over the cleaned body. A keyword alone never
decides: a reference, a greeting to a person, an appeal-rights block or a closing weigh in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import regex

from foithread import discipline
from foithread.rules import Rules
from foithread.rules.literals import fold

_REQUEST_ADDRESS = discipline.compile(r"(?:request|foi\+request|request-bounce)-\d+-[0-9a-f]{6,}@", regex.I)
_PLATFORM_DOMAIN = discipline.compile(
    r"@(?:[\w.-]+\.)?(?:whatdotheyknow\.com|ukcod\.org\.uk|mysociety\.org|asktheeu\.org|righttoknow\.org\.au)\b",
    regex.I,
)
_DAEMON = discipline.compile(r"\b(?:mailer-daemon|postmaster|mail delivery (?:system|subsystem))\b", regex.I)
_BOUNCE_SUBJECT = discipline.compile(
    r"^(?:Undeliver(?:able|ed)|Delivery Status Notification|Mail delivery failed|Returned mail|Delivery (?:failure|Failure)|Failure Notice|Non[- ]?delivery)",
    regex.I,
)
_PERSON_GREETING = discipline.compile(
    r"^\s*(?:Dear|Annwyl|Hello|Hi|Good (?:morning|afternoon|evening))\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\b\.?\s+\S",
    regex.I,
)
_REQUESTER_GREETING = discipline.compile(
    r"^\s*Dear\s+(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\b)(?:Sir(?:\s+or\s+|/)Madam|FOI|Freedom of Information|Information|Data|[A-Z][\w&'.-]*(?:\s+[\w&'().,-]+){0,9}?\s*(?:Council|Police|Constabulary|Service|Trust|University|Department|Office|Ministry|Authority|Commission(?:er)?|Agency|Board|Executive|Customs|College|Government|Team|Unit|Borough|Fire|Rescue|Parliament|Assembly|Court|Tribunal|Corporation|Inspectorate|Partnership|Group|Health|London|Wales|Scotland|England)\b)",
)
_REQUESTER_CLOSING = discipline.compile(r"^\s*Yours\s+faithfully", regex.I)
_DATE_LINE = discipline.compile(
    r"^\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\s+\d{4}|[A-Za-z]{3,9}\s+\d{1,2},?\s+\d{4})\s*$"
)


@attrs.frozen
class Evidence:
    """What the classifier looks at for one message."""

    body: str
    index: int
    earlier: frozenset[tuple[str, str]] = frozenset()  # the distinct (kind, party) of the messages before it
    subject: str | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    mime_type: str | None = None
    kind_hint: str | None = None
    party_hint: str | None = None
    sender_email: str | None = None
    sender_name: str | None = None
    has_reference: bool = False
    greeting: str | None = None  # the first greeting line of the body
    requester_name: str | None = None  # the requester's sign-off name, when known
    requester_email: str | None = None  # the address the request came from, when known
    annotation: bool = False  # the message opens with an annotation heading
    title: bool = False  # the message opens with the page title (first message of page text)
    closing: str | None = None  # the first closing line of the body
    signatory: str | None = None  # the first signatory's name


@attrs.frozen
class Verdict:
    kind: str
    party: str
    confidence: float
    cues: tuple[str, ...] = ()
    #: the response-table phrases found in the body (None when classification did not read them)
    response_phrases: frozenset[str] | None = None


def _hits(rules: Rules, table_name: str, text: str, folded: str | None = None) -> set[str]:
    return rules[table_name].hits(text, folded)


def _head(body: str, lines: int) -> str:
    out = [ln for ln in body.splitlines() if ln.strip()]
    return "\n".join(out[:lines])


def _multiline(rules: Rules, table_name: str, text: str) -> set[str]:
    """Phrase hits over a text with wrapped lines joined (phrases often wrap)."""
    return _hits(rules, table_name, _WRAP.sub(" ", text))


def is_auto_reply(headers: Mapping[str, str]) -> bool:
    auto = headers.get("auto-submitted", "").strip().lower()
    if auto and auto != "no":
        return True
    if "x-autoreply" in headers or "x-autorespond" in headers:
        return True
    if headers.get("precedence", "").strip().lower() == "auto_reply":
        return True
    return "return-path" in headers and headers["return-path"].strip() in ("", "<>")


def _bounce(ev: Evidence, rules: Rules) -> str | None:
    ctype = (ev.mime_type or "").lower()
    if (
        ctype == "multipart/report"
        and "delivery-status" in (ev.headers.get("content-type", "").lower() + ev.body.lower()[:0] + "delivery-status")
        and not _hits(rules, "out_of_office", _head(ev.body, 3))
    ):
        return "multipart_report"
    if "x-failed-recipients" in ev.headers:
        return "x_failed_recipients"
    sender = f"{ev.sender_name or ''} {ev.sender_email or ''}"
    if _DAEMON.search(sender) and _hits(rules, "bounce", ev.body):
        return "daemon_sender"
    if ev.subject and _BOUNCE_SUBJECT.search(ev.subject.strip()):
        return "bounce_subject"
    head = _head(ev.body, 3)
    opener = rules["opener"]
    if any(r is not None and r.name == "bounce" for r in map(opener.first, head.splitlines())):
        return "bounce_opener"
    if {"failed", "smtp"} <= _hits(rules, "bounce", _window(ev.body)):
        return "bounce_phrase"
    return None


def _out_of_office(ev: Evidence, rules: Rules) -> str | None:
    subject = (ev.subject or "").strip()
    if "9; autoresponder" in ev.headers.get("x-post-messageclass", "").lower():
        return "messageclass"
    subject_hits = _hits(rules, "out_of_office", subject) if subject else set()
    if "subject" in subject_hits:
        return "subject"
    head = _head(ev.body, 4)
    hits = _multiline(rules, "out_of_office", head) - {"subject", "subject_auto"}
    if "subject_auto" in subject_hits and hits:
        return "subject_auto"
    nonblank = sum(1 for ln in ev.body.splitlines() if ln.strip())
    if ("out_of_office" in hits or "welsh" in hits) and nonblank <= 25 and not _PERSON_GREETING.search(head):
        return "body"
    if is_auto_reply(ev.headers) and hits:
        return "auto_header"
    return None


def party_of(ev: Evidence) -> str:
    if ev.party_hint:
        return ev.party_hint
    frm = (ev.sender_email or "").lower()
    to = ev.headers.get("to", "").lower()
    if frm and ev.requester_email:
        mine = ev.requester_email.lower()
        if frm == mine:
            return "requester"
        if mine in to:
            return "authority"
    if frm:
        if _REQUEST_ADDRESS.search(frm):
            return "requester"
        if _PLATFORM_DOMAIN.search(frm):
            return "platform"
        if _REQUEST_ADDRESS.search(to):
            return "authority"
        if _PLATFORM_DOMAIN.search(to):
            return "requester"  # a site user's mail client answering a platform alert
    if ev.signatory and ev.requester_name and ev.signatory.strip().lower() == ev.requester_name.strip().lower():
        return "requester"
    greeting = ev.greeting or ""
    if greeting and _PERSON_GREETING.search(greeting):
        return "authority"
    if greeting and _REQUESTER_GREETING.search(greeting):
        return "requester"
    if ev.index == 0 and not frm and (ev.title or _REQUESTER_CLOSING.search(ev.closing or "")):
        return "requester"
    if ev.index == 0 and frm and not ev.requester_email and not ev.headers.get("to"):
        return "requester"
    return "authority"


def _annotation_party(ev: Evidence) -> str:
    name = (ev.sender_name or "").strip().lower()
    if name and ev.requester_name and name == ev.requester_name.strip().lower():
        return "requester"
    if ev.party_hint:
        return ev.party_hint
    return "platform"


def classify(ev: Evidence, rules: Rules) -> Verdict:
    """Kind, party and confidence of one message."""
    if ev.kind_hint == "annotation" or ev.annotation:
        return Verdict("annotation", _annotation_party(ev), 0.99, ("hint",))
    party = party_of(ev)
    bounce = _bounce(ev, rules)
    if bounce:
        return Verdict("bounce", party if party != "requester" or ev.headers else "authority", 0.95, (bounce,))
    ooo = _out_of_office(ev, rules)
    if ooo:
        return Verdict("out_of_office", party, 0.9 if ooo != "body" else 0.8, (ooo,))
    if ev.kind_hint and ev.kind_hint != "response":
        return Verdict(ev.kind_hint, party, 0.9, ("hint",))
    if party == "requester":
        return _requester_kind(ev, rules, party)
    if party == "platform" and not ev.body.strip():
        return Verdict("other", party, 0.5, ())
    return _authority_kind(ev, rules, party)


def _requester_kind(ev: Evidence, rules: Rules, party: str) -> Verdict:
    ir = _multiline(rules, "internal_review_request", _window(ev.body))
    if ir:
        return Verdict("internal_review_request", party, 0.95, tuple(sorted(ir)))
    if not any(p == "requester" for _, p in ev.earlier):
        return Verdict("request", party, 0.9 if ev.index == 0 else 0.75, ("first_from_requester",))
    return Verdict("follow_up", party, 0.8, ("later_from_requester",))


#: classification reads at most this much of a body's start and end: a letter's cues are in
#: its opening and closing paragraphs, and a 50 MB data dump must not cost 50 MB of phrase scans
_HEAD_CHARS = 30_000
_TAIL_CHARS = 10_000


def _window(body: str) -> str:
    if len(body) <= _HEAD_CHARS + _TAIL_CHARS:
        return body
    return body[:_HEAD_CHARS] + "\n" + body[-_TAIL_CHARS:]


def _authority_kind(ev: Evidence, rules: Rules, party: str) -> Verdict:
    joined = _WRAP.sub(" ", _window(ev.body))  # phrases often wrap: one joined text for every table
    folded = fold(joined)
    resp = _hits(rules, "response", joined, folded)
    ack = _hits(rules, "acknowledgement", joined, folded)
    auto = _hits(rules, "auto_reply", joined, folded)
    delay = _hits(rules, "delay", joined, folded)
    clar = _hits(rules, "clarification", joined, folded)
    irr = _hits(rules, "internal_review_response", joined, folded)
    review_asked = any(k == "internal_review_request" for k, _ in ev.earlier)
    strong = resp & {"attached", "not_held", "ncnd", "provided", "cost_limit"}
    if "attached_ack" in ack:
        strong = strong - {"attached"}
    if {"exempt", "appeal_rights"} <= resp or ({"exempt", "answer"} <= resp):
        strong = strong | {"exempt"}
    review_ack = bool(
        ack & {"logged", "allocated_reference", "acknowledge", "will_respond", "within_days", "received_on"}
    )
    if (review_asked and ("review_done" in irr or ("decision" in irr and not review_ack))) or (
        "review_done" in irr and irr & {"decision", "review_heading"}
    ):
        return Verdict("internal_review_response", party, 0.85, tuple(sorted(irr)), frozenset(resp))
    if "appeal_rights" in resp and not ack & {
        "logged",
        "allocated_reference",
        "within_days",
        "will_respond",
        "attached_ack",
    }:
        strong = strong | {"appeal_rights"}
    if strong and not (strong <= {"exempt"} and delay & {"extend", "public_interest_time", "eir_reg7", "not_yet"}):
        return Verdict("response", party, 0.85, tuple(sorted(strong)), frozenset(resp))
    if clar and not delay:
        return Verdict("clarification_request", party, 0.8, tuple(sorted(clar)))
    strong_delay = delay & {"extend", "public_interest_time", "eir_reg7", "apologise", "not_yet"}
    delay_score = len(strong_delay) + ("new_date" in delay)
    if (strong_delay and delay_score >= len(ack)) or ("new_date" in delay and not (ack or auto)):
        return Verdict("delay_notice", party, 0.8, tuple(sorted(delay)))
    if ack or auto:
        if ev.has_reference:
            return Verdict("acknowledgement", party, 0.8, tuple(sorted(ack | auto)))
        return Verdict("auto_acknowledgement", party, 0.8, tuple(sorted(ack | auto)))
    if is_auto_reply(ev.headers):
        return Verdict("auto_acknowledgement", party, 0.6, ("auto_header",))
    return Verdict("response", party, 0.55 if resp else 0.4, tuple(sorted(resp)), frozenset(resp))


_NOT_DATA_LINE = discipline.compile(
    r"^\s*(?:Tel|Telephone|Fax|Phone|Mobile|Extn?|Ref|Reference|Our ref|Your ref|Cyf)\b|<<|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b",
    regex.I,
)
#: what looks like a number but is not a figure: dates, section numbers, references, URLs, list labels
_NOT_FIGURES = discipline.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Ion|Chw|Maw|Ebr|Meh|Gor|Aws|Med|Hyd|Tach|Rhag)[a-z]*\.?(?:\s+\d{4})?"
    r"|\b\d+\s+(?:working\s+|calendar\s+)?(?:days?|weeks?|months?)\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b(?:sections?|s\.|regulations?|reg\.|questions?|parts?|paragraphs?|articles?)\s*\d+[\w()]*(?:\s*(?:and|or|,|&)\s*\d+[\w()]*)*"
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


#: a run of white space holding a line break (tried at a run's start only: linear on long runs)
_WRAP = discipline.compile(r"(?<!\s)[^\S\n]*+\n\s*+")
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
    body = _window(body)
    resp = response_phrases if response_phrases is not None else _multiline(rules, "response", body)
    text = _SPACES.sub(" ", body)
    real = [e for e in exemptions if not e.startswith(("s12", "s14"))]
    if "ncnd" in resp:
        return "neither_confirm_nor_deny"
    if real and all(e.startswith("reg12(4)(a)") for e in real):
        return "not_held"  # EIR 12(4)(a) is the not-held exception
    if real and all(e.startswith("s21") for e in real) and regime != "foisa":
        return "refused"  # FOIA s21: reasonably accessible elsewhere, so not provided by this authority
    if any(e.startswith(("s12", "s14")) for e in exemptions) or _COST_LIMIT.search(text):
        return "refused"
    if real or ("exempt" in resp and _WITHHELD.search(text)):
        provided = bool(resp & {"provided", "attached"}) or has_data(body)
        return "partially_provided" if provided else "refused"
    if "not_held" in resp:
        return "not_held"
    if _DECLINED.search(text):
        return "refused"
    if resp & {"provided"} or has_data(body) or _CONFIRM_HOLD.search(text):
        return "information_provided"
    return "unknown"
