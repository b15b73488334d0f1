"""What the classifier knows about one message, as phrase hits and fact tokens.

:func:`facts_of` reads an :class:`~foithread.stages.party.Evidence` once: the phrase hits of
every meaning's tables (:mod:`foithread.rules.cues`), with their weights, and the structural
facts (party, position, headers, references, delivery reports, out-of-office replies) as the
tokens that :mod:`foithread.rules.cues.signals` is searched in.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import regex

from foithread import discipline
from foithread.rules import Rules
from foithread.rules.cues import (
    BODY_MEANINGS,
    BOUNCE_FAILED,
    BOUNCE_SMTP,
    OOO_PHRASE,
    OOO_SUBJECT,
    OOO_SUBJECT_AUTO,
    OPENER_BOUNCE,
    RECEIPT_LABELS,
    tables_of,
)
from foithread.rules.literals import WRAPPED, fold
from foithread.stages.party import PERSON_GREETING, Evidence, party_basis
from foithread.stages.runs import head_lines, nonblank_count

_DAEMON = discipline.compile(r"\b(?:mailer-daemon|postmaster|mail delivery (?:system|subsystem))\b", regex.I)
_BOUNCE_SUBJECT = discipline.compile(
    r"^(?:Undeliver(?:able|ed)|Delivery Status Notification|Mail delivery failed|Returned mail|Delivery (?:failure|Failure)|Failure Notice|Non[- ]?delivery)",
    regex.I,
)
#: a line that names a reference (``Reference No: 2008040590``): says nothing by itself
_REFERENCE_LINE = discipline.compile(r"\b(?:ref(?:erence)?|our ref|your ref|case)\b[^\n]{0,60}\d", regex.I)

#: classification reads at most this much of a body's start and end: a letter's cues are in
#: its opening and closing paragraphs, and a 50 MB data dump must not cost 50 MB of phrase scans
_HEAD_CHARS = 30_000
_TAIL_CHARS = 10_000
#: a letter at least this long is ``long`` (receipts are short)
LONG_CHARS = 1500


def window(body: str) -> str:
    if len(body) <= _HEAD_CHARS + _TAIL_CHARS:
        return body
    return body[:_HEAD_CHARS] + "\n" + body[-_TAIL_CHARS:]


def _head(body: str, lines: int) -> str:
    return "\n".join(head_lines(body, lines))


def weighted_hits(rules: Rules, meaning: str, text: str, folded: str | None = None) -> dict[str, float]:
    """The rules of ``meaning`` (every language) that match ``text``, by name, with the largest weight."""
    if folded is None:
        folded = fold(text)
    found: dict[str, float] = {}
    for tab in tables_of(rules, meaning):
        for rule in tab.candidates(text, folded, combined=False):
            if rule.search(text):
                found[rule.name] = max(found.get(rule.name, rule.weight), rule.weight)
    return found


def phrase_hits(rules: Rules, meaning: str, text: str) -> frozenset[str]:
    """The names of the rules of ``meaning`` that match ``text`` with wrapped lines joined."""
    return frozenset(weighted_hits(rules, meaning, WRAPPED.sub(" ", text)))


def is_auto_reply(headers: Mapping[str, str]) -> bool:
    auto = headers.get("auto-submitted", "").strip().lower()
    if auto and auto != "no":
        return True
    if "x-autoreply" in headers or "x-autorespond" in headers:
        return True
    if headers.get("precedence", "").strip().lower() == "auto_reply":
        return True
    return "return-path" in headers and headers["return-path"].strip() in ("", "<>")


def _bounce(ev: Evidence, rules: Rules, joined: str) -> str | None:
    ctype = (ev.mime_type or "").lower()
    if (
        ctype == "multipart/report"
        and "delivery-status" in ev.headers.get("content-type", "").lower()
        and not phrase_hits(rules, "out_of_office", _head(ev.body, 3))
    ):
        return "multipart_report"
    if "x-failed-recipients" in ev.headers:
        return "x_failed_recipients"
    sender = f"{ev.sender_name or ''} {ev.sender_email or ''}"
    if _DAEMON.search(sender) and phrase_hits(rules, "bounce", ev.body):
        return "daemon_sender"
    if ev.subject and _BOUNCE_SUBJECT.search(ev.subject.strip()):
        return "bounce_subject"
    opener = rules["opener"]
    if any(r is not None and r.name == OPENER_BOUNCE for r in map(opener.first, _head(ev.body, 3).splitlines())):
        return "bounce_opener"
    if {BOUNCE_FAILED, BOUNCE_SMTP} <= phrase_hits(rules, "bounce", joined):
        return "bounce_phrase"
    return None


def _out_of_office(ev: Evidence, rules: Rules) -> str | None:
    subject = (ev.subject or "").strip()
    if "9; autoresponder" in ev.headers.get("x-post-messageclass", "").lower():
        return "messageclass"
    subject_hits = phrase_hits(rules, "out_of_office", subject) if subject else frozenset()
    if OOO_SUBJECT in subject_hits:
        return "subject"
    head = _head(ev.body, 4)
    hits = phrase_hits(rules, "out_of_office", head) - {OOO_SUBJECT, OOO_SUBJECT_AUTO}
    if OOO_SUBJECT_AUTO in subject_hits and hits:
        return "subject_auto"
    nonblank = nonblank_count(ev.body)
    if OOO_PHRASE in hits and nonblank <= 25 and not PERSON_GREETING.search(head):
        return "body"
    if is_auto_reply(ev.headers) and hits:
        return "auto_header"
    return None


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


def _bare_letter(ev: Evidence) -> bool:
    """A greeting and a closing with nothing between them but a reference line."""
    if not (ev.greeting and ev.closing):
        return False
    for line in ev.body.splitlines():
        text = line.strip()
        if not text or text == ev.greeting:
            continue
        if text == ev.closing:
            return True
        if not _REFERENCE_LINE.search(text):
            return False
    return False


def _unaddressed(ev: Evidence) -> bool:
    return not (
        ev.greeting
        or ev.closing
        or ev.signatory
        or ev.headers
        or ev.pasted_from
        or ev.pasted_to
        or ev.sender_line
        or ev.title
        or ev.annotation
        or ev.kind_hint
    )


@attrs.frozen
class Facts:
    """One message as the classifier sees it."""

    party: str
    party_default: bool  # nothing said who sent it
    #: phrase hits by meaning: rule name → weight
    hits: Mapping[str, Mapping[str, float]]
    #: the structural fact tokens (see :data:`foithread.rules.cues.signals.FACTS`)
    tokens: tuple[str, ...]

    def line(self) -> str:
        """The facts line the signals are searched in: tokens, then ``meaning:rule`` phrase hits."""
        phrases = (f"{meaning}:{name}" for meaning, found in self.hits.items() for name in sorted(found))
        return " ".join((*self.tokens, *phrases))


def facts_of(ev: Evidence, rules: Rules) -> Facts:
    """Read ``ev`` once: phrase hits and fact tokens."""
    pasted = _pasted_party(ev, rules)
    party, default = (pasted, False) if pasted else party_basis(ev)
    joined = WRAPPED.sub(" ", window(ev.body))  # phrases often wrap: one joined text for every table
    folded = fold(joined)
    hits: dict[str, Mapping[str, float]] = {}
    for meaning in BODY_MEANINGS:
        found = weighted_hits(rules, meaning, joined, folded)
        if found:
            hits[meaning] = found
    head = _head(ev.body, 6)
    notice = weighted_hits(rules, "notification", head)
    if ev.subject:
        notice = {**weighted_hits(rules, "notification", ev.subject), **notice}
    if notice:
        hits["notification"] = notice
    tokens = [f"party={party}"]
    tokens += ["party_default"] if default else []
    tokens += ["first"] if ev.index == 0 else []
    # an annotation is a note about the thread, not correspondence: it starts no conversation
    tokens += ["requester_before"] if any(p == "requester" and k != "annotation" for k, p in ev.earlier) else []
    tokens += sorted({f"earlier={k}" for k, _ in ev.earlier})
    tokens += [f"hint={ev.kind_hint}"] if ev.kind_hint else []
    tokens += ["annotation_heading"] if ev.annotation else []
    tokens += ["reference"] if ev.has_reference else []
    tokens += ["long"] if len(joined) >= LONG_CHARS else []
    tokens += ["auto_header"] if is_auto_reply(ev.headers) else []
    labels = " ".join((ev.subject or "", *ev.attachments))
    if labels.strip() and set(weighted_hits(rules, "acknowledgement", labels)) & RECEIPT_LABELS:
        tokens.append("ack_label")
    bounce = _bounce(ev, rules, joined)
    tokens += [f"bounce={bounce}"] if bounce else []
    ooo = None if bounce else _out_of_office(ev, rules)
    tokens += [f"ooo={ooo}"] if ooo else []
    tokens += ["empty"] if not ev.body.strip() else []
    tokens += ["unaddressed"] if _unaddressed(ev) else []
    tokens += ["bare_letter"] if _bare_letter(ev) else []
    first_line = next((ln for ln in ev.body.splitlines() if ln.strip()), "")
    tokens += ["response_heading"] if first_line and rules["dlog_response_heading"].first(first_line) else []
    return Facts(party, default, hits, tuple(tokens))
