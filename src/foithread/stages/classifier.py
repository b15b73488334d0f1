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
from foithread.rules.literals import WRAPPED, fold
from foithread.stages.party import PERSON_GREETING, Evidence, annotation_party, party_of
from foithread.stages.runs import head_lines, nonblank_count

_DAEMON = discipline.compile(r"\b(?:mailer-daemon|postmaster|mail delivery (?:system|subsystem))\b", regex.I)
_BOUNCE_SUBJECT = discipline.compile(
    r"^(?:Undeliver(?:able|ed)|Delivery Status Notification|Mail delivery failed|Returned mail|Delivery (?:failure|Failure)|Failure Notice|Non[- ]?delivery)",
    regex.I,
)

__all__ = ["Evidence", "Verdict", "classify", "has_data", "is_auto_reply", "outcome_of", "party_of"]


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
    return "\n".join(head_lines(body, lines))


def _multiline(rules: Rules, table_name: str, text: str) -> set[str]:
    """Phrase hits over a text with wrapped lines joined (phrases often wrap)."""
    return _hits(rules, table_name, WRAPPED.sub(" ", text))


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
    nonblank = nonblank_count(ev.body)
    if ("out_of_office" in hits or "welsh" in hits) and nonblank <= 25 and not PERSON_GREETING.search(head):
        return "body"
    if is_auto_reply(ev.headers) and hits:
        return "auto_header"
    return None


def classify(ev: Evidence, rules: Rules) -> Verdict:
    """Kind, party and confidence of one message."""
    if ev.kind_hint == "annotation" or ev.annotation:
        return Verdict("annotation", annotation_party(ev), 0.99, ("hint",))
    party = _pasted_party(ev, rules) or party_of(ev)
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
    notice = _hits(rules, "notification", _head(ev.body, 6)) or (
        _hits(rules, "notification", ev.subject) if ev.subject else set()
    )
    if notice:
        return Verdict("other", party, 0.7, tuple(sorted(notice)))
    return _authority_kind(ev, rules, party)


def _pasted_party(ev: Evidence, rules: Rules) -> str | None:
    """A pasted ``From:``/``To:`` block: the side that names an authority or FOI mailbox is the authority."""
    if not (ev.pasted_from or ev.pasted_to):
        return None

    def official(value: str | None) -> bool:
        return bool(value) and any(rules[t].first(value or "") for t in ("organisation_word", "mailbox_word"))

    if official(ev.pasted_from):
        return "authority"
    if official(ev.pasted_to):
        return "requester"
    return None


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


#: a letter at least this long that quotes the request is an answer (receipts are short)
_ANSWER_CHARS = 1500
#: delay cues that say the authority needs more time now (not the history of an earlier extension)
_PRESENT_DELAY = frozenset({"extending_now", "german", "public_interest_time", "eir_reg7"})
#: acknowledgement cues that promise a later answer
_PROMISE = frozenset({"will_respond", "within_days"})


def _authority_kind(ev: Evidence, rules: Rules, party: str) -> Verdict:
    joined = WRAPPED.sub(" ", _window(ev.body))  # phrases often wrap: one joined text for every table
    folded = fold(joined)
    resp = _hits(rules, "response", joined, folded)
    ack = _hits(rules, "acknowledgement", joined, folded)
    auto = _hits(rules, "auto_reply", joined, folded)
    delay = _hits(rules, "delay", joined, folded)
    clar = _hits(rules, "clarification", joined, folded)
    irr = _hits(rules, "internal_review_response", joined, folded)
    review_asked = any(k == "internal_review_request" for k, _ in ev.earlier)
    # the subject line and the names of attached files speak too (``Eingangsbestaetigung.pdf``)
    labels = " ".join((ev.subject or "", *ev.attachments))
    if labels.strip() and _hits(rules, "acknowledgement", labels) & {"german", "other_languages", "acknowledge"}:
        ack = ack | {"attached_ack"}
    quoted = bool(_hits(rules, "quoted_request", joined, folded))
    strong = resp & {"attached", "not_held", "ncnd", "provided", "cost_limit", "refused", "german_attached"}
    if "attached_ack" in ack:
        strong = strong - {"attached", "german_attached"}
    if {"exempt", "appeal_rights"} <= resp or ({"exempt", "answer"} <= resp):
        strong = strong | {"exempt"}
    # a long letter that quotes the request it answers is the answer, unless it says it needs more time
    if quoted and len(joined) >= _ANSWER_CHARS and not delay & _PRESENT_DELAY and not ack & _PROMISE:
        strong = strong | {"quoted_request"}
    review_ack = bool(
        ack & {"logged", "allocated_reference", "acknowledge", "will_respond", "within_days", "received_on"}
    )
    review_cues = irr & {"review_done", "decision", "confirmatory"}
    if (
        (review_asked and ("review_done" in irr or ("decision" in irr and not review_ack)))
        or ("review_done" in irr and irr & {"decision", "review_heading"})
        or ("confirmatory" in irr and not delay & _PRESENT_DELAY)
        or (len(irr) >= 2 and (review_cues or strong) and not (review_ack and not review_cues))
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
    strong_delay = delay & ({"extend", "public_interest_time", "eir_reg7", "apologise", "not_yet"} | _PRESENT_DELAY)
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
    r"|(?:\b(?:sections?|s\.|regulations?|reg\.|questions?|parts?|paragraphs?|articles?|art\.|absatz|abs\.|satz|nr\."
    r"|referat|abteilung|dezernat|units?|rooms?|zimmer|floor)|§§?|#)"
    r"\s*\d+[\w()]*(?:\s*(?:and|or|,|&)\s*\d+[\w()]*)*"
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
    body = _window(body)
    answers = _without_questions(body)
    if answers != body:  # restated questions say what was asked, not what was answered
        body, response_phrases = answers, None
    resp = response_phrases if response_phrases is not None else _multiline(rules, "response", body)
    text = _SPACES.sub(" ", body)
    real = [e for e in exemptions if not e.startswith(("s12", "s14"))]
    if "ncnd" in resp:
        return "neither_confirm_nor_deny"
    if "partial_access" in resp:
        return "partially_provided"  # ``access to 34 documents in part``
    if real and all(e.startswith("reg12(4)(a)") for e in real):
        return "not_held"  # EIR 12(4)(a) is the not-held exception
    if real and all(e.startswith("s21") for e in real) and regime != "foisa":
        return "refused"  # FOIA s21: reasonably accessible elsewhere, so not provided by this authority
    if any(e.startswith(("s12", "s14")) for e in exemptions) or _COST_LIMIT.search(text):
        return "refused"
    if "refused" in resp and not real and not resp & {"provided"}:
        return "refused"  # an outright refusal (``not obliged to supply``, ``kann nicht entsprochen werden``)
    if real or ("exempt" in resp and _WITHHELD.search(text)):
        provided = bool(resp & {"provided", "attached"}) or has_data(body)
        return "partially_provided" if provided else "refused"
    if "not_held" in resp:
        # some of it held and given, some not held
        return "partially_provided" if "provided" in resp and has_data(body) else "not_held"
    if _DECLINED.search(text):
        return "refused"
    if resp & {"provided"} or has_data(body) or _CONFIRM_HOLD.search(text):
        return "information_provided"
    return "unknown"
