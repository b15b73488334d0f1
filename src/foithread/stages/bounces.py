"""Bounces: what a delivery report says (froide's bounce handling, RFC 3463 status codes).

:func:`bounce_details` reads a ``bounce`` message: whether delivery failed for good
(``permanent``: a ``5.x.x`` code or failure wording) or is only late (a ``4.x.x`` code or delay
wording: "will continue to retry"), why (:data:`foithread.model.BOUNCE_REASONS`: mailbox full,
recipient unknown, domain unknown, blocked, message too large, other), the status code and the
addresses delivery failed for. The report's text is the message's ``raw`` up to where the
returned message begins; given the whole e-mail as ``source``, the ``message/delivery-status``
fields (``Final-Recipient``, ``Status``) and ``X-Failed-Recipients`` are read first.

Three notices look like bounces and are not: a delay warning (:func:`is_delay_warning`), an
Outlook recall (:func:`is_recall_notice`) and WhatDoTheyKnow's notice that a request is closed to
new responses (:func:`is_closed_notice`). The wording is in :mod:`foithread.rules.bounces`.
"""

from __future__ import annotations

import email
import email.message
from email import policy

import regex

from foithread import discipline
from foithread.model import Bounce, Message
from foithread.rules import RuleTable
from foithread.rules.bounces import CLOSED, DELAY, PERMANENT, REASONS, RECALL, RETURNED
from foithread.rules.literals import WRAPPED
from foithread.stages.extract.patterns import EMAIL, compile_pattern, finditer

#: an RFC 3463 enhanced status code: class.subject.detail
STATUS_CODE = compile_pattern(r"(?<![\w.])([245])\.(\d{1,3})\.(\d{1,3})(?![.\d])")
#: an RFC 5321 reply code in front of text or an enhanced code ("550 5.1.1", "552-Mailbox full")
REPLY_CODE = compile_pattern(r"(?<![\w.])([45])\d\d(?=[ \t-]+#?(?:[245]\.\d|[A-Za-z<]))")
#: subject.detail → reason (RFC 3463 section 3)
CODE_REASONS = {
    "1.1": "recipient_unknown",  # bad destination mailbox address
    "1.2": "domain_unknown",  # bad destination system address
    "1.3": "recipient_unknown",  # bad destination mailbox address syntax
    "1.6": "recipient_unknown",  # destination mailbox has moved
    "1.10": "domain_unknown",  # null MX (RFC 7505)
    "2.1": "recipient_unknown",  # mailbox disabled
    "2.2": "mailbox_full",
    "2.3": "message_too_large",  # message length exceeds administrative limit
    "3.4": "message_too_large",  # message too big for system
    "4.4": "domain_unknown",  # unable to route
}
_DAEMON = discipline.compile(r"^(?:postmaster|mailer-daemon|mail-daemon|mailerdaemon|no-?reply)@", regex.I)
_HEADER_LINE = discipline.compile(
    r"^\s*(?:From|Sender|Reply-To|Reporting-MTA|Received-From-MTA|Arrival-Date)\s*:", regex.I
)


def _first(table: RuleTable, text: str) -> str | None:
    for line in dict.fromkeys(text.splitlines()):  # each distinct line once, in order (blank runs repeat)
        rule = table.first(line)
        if rule is not None:
            return rule.name
    return None


def report_text(message: Message) -> str:
    """The delivery report in ``message.raw``: up to the returned message (or its headers)."""
    raw = message.raw
    cut = len(raw)
    for r in message.removed:
        if r.kind == "quoted" or r.rule == "returned_message":
            cut = min(cut, r.span[0] - message.span[0])
    pos = 0
    for line in raw[:cut].splitlines(keepends=True):
        if pos and RETURNED.first(line.rstrip("\r\n")) is not None:
            return raw[:pos]
        pos += len(line)
    return raw[:cut]


def _dsn(source: bytes | str) -> tuple[list[str], list[str]]:
    """Status codes and failed recipients from a whole e-mail's delivery-status part and headers."""
    mail = (
        email.message_from_bytes(source, policy=policy.compat32)
        if isinstance(source, bytes)
        else email.message_from_string(source, policy=policy.compat32)
    )
    codes: list[str] = []
    recipients: list[str] = [a.strip() for a in str(mail.get("X-Failed-Recipients") or "").split(",") if a.strip()]
    for part in mail.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        for block in blocks if isinstance(blocks, list) else []:
            if not isinstance(block, email.message.Message):
                continue
            action = str(block.get("Action") or "").strip().lower()
            status = str(block.get("Status") or "").strip()
            if STATUS_CODE.match(status):
                codes.append(STATUS_CODE.match(status).group(0))  # type: ignore[union-attr]
            for field in ("Final-Recipient", "Original-Recipient"):
                value = str(block.get(field) or "")
                address = value.split(";", 1)[-1].strip()
                if address and action not in ("delivered", "relayed", "expanded"):
                    recipients.append(address)
                    break
    return codes, recipients


def _codes(text: str) -> list[str]:
    return [m.group(0) for m in finditer(STATUS_CODE, text) if m.group(1) != "2"]


def _recipients(text: str, sender: str | None) -> list[str]:
    found: list[str] = []
    for line in text.splitlines():
        if _HEADER_LINE.match(line):
            continue
        for m in finditer(EMAIL, line):
            address = m.group(0).rstrip(".")
            if not _DAEMON.match(address) and (sender is None or address.lower() != sender.lower()):
                found.append(address)
    return found


def _unique(items: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.lower(), item)
    return tuple(seen.values())


def _reason(codes: list[str], text: str) -> str:
    for code in codes:
        _cls, subject, detail = code.split(".")
        if f"{subject}.{detail}" in CODE_REASONS:
            return CODE_REASONS[f"{subject}.{detail}"]
        if subject == "7":
            return "blocked"
    return _first(REASONS, text) or "other"


def _permanent(codes: list[str], text: str) -> bool | None:
    classes = {code[0] for code in codes} | {m.group(1) for m in finditer(REPLY_CODE, text)}
    if "5" in classes:
        return True
    if "4" in classes:
        return False
    if _first(PERMANENT, text):
        return True
    if _first(DELAY, text):
        return False
    return None


def details_of_text(text: str, *, sender: str | None = None, source: bytes | str | None = None) -> Bounce:
    """:class:`~foithread.model.Bounce` facts from a delivery report's text (and the whole e-mail)."""
    codes, recipients = _dsn(source) if source is not None else ([], [])
    codes += _codes(text)
    if not recipients:
        recipients = _recipients(text, sender)
    permanent = _permanent(codes, text)
    status = next((c for c in codes if c[0] == "5"), None) or (codes[0] if codes else None)
    return Bounce(permanent, _reason(codes, text), status, _unique(recipients))


def bounce_details(message: Message, source: bytes | str | None = None) -> Bounce | None:
    """What the bounce ``message`` says; ``None`` for a message of another kind.

    ``source``: the whole e-mail, when at hand, for its ``message/delivery-status`` part.
    """
    if message.kind != "bounce":
        return None
    return details_of_text(report_text(message), sender=message.sender.email, source=source)


def is_delay_warning(text: str, subject: str | None = None) -> bool:
    """A report that a message is only late (``4.x.x``, "will continue to retry"): not a bounce."""
    whole = f"{subject or ''}\n{text}"
    return _permanent(_codes(whole), whole) is False


def _body_rules(table: RuleTable) -> RuleTable:
    """``table`` without its rules for subjects (``*subject``): what a notice's text is checked against."""
    return table.disable(*(name for name in table.names() if name.endswith("subject")))


#: built once (a table built per message cost a tenth of the text pipeline's time)
_RECALL_TEXT, _CLOSED_TEXT = _body_rules(RECALL), _body_rules(CLOSED)


def _notice(table: RuleTable, text_rules: RuleTable, text: str, subject: str | None) -> bool:
    """The subject against the whole table; the text against its rules for text (not ``*subject``)."""
    if subject and table.first(subject) is not None:
        return True
    return _first(text_rules, text) is not None


def is_recall_notice(text: str, subject: str | None = None) -> bool:
    """Outlook's request to recall an earlier message ("… would like to recall the message …")."""
    return _notice(RECALL, _RECALL_TEXT, text, subject)


def is_closed_notice(text: str, subject: str | None = None) -> bool:
    """WhatDoTheyKnow's notice that a reply was not delivered because the request is closed to responses."""
    return _notice(CLOSED, _CLOSED_TEXT, WRAPPED.sub(" ", text), subject)  # the notice wraps its sentences


__all__ = [
    "CODE_REASONS",
    "Bounce",
    "bounce_details",
    "details_of_text",
    "is_closed_notice",
    "is_delay_warning",
    "is_recall_notice",
    "report_text",
]
