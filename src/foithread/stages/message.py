"""The stages one message goes through, each a pure function of a :class:`Work` record.

:data:`foithread.pipeline.MESSAGE_STAGES` lists them in order; each takes the record so far
and returns it with its own fields filled in (``attrs.evolve``), so a stage can be read,
tested or replaced on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from foithread import discipline
from foithread.attachments.referral import outcome_from_attachments
from foithread.model import Message, Reference, Removed, Sender
from foithread.rules import Rules
from foithread.rules.lines import ANNOTATION_HEADING
from foithread.stages import classifier, cleaner, extract
from foithread.stages.bounces import bounce_details, is_closed_notice, is_recall_notice
from foithread.stages.cleaner import Label
from foithread.stages.drafts import Draft, labels_for, text_of
from foithread.stages.envelope import envelope_of
from foithread.stages.extract import Extracted
from foithread.stages.zoner import Zoned
from foithread.stages.zones import zones_of

#: the heading of a page-text annotation: who left it and when
ANNOTATION_HEAD = discipline.compile(ANNOTATION_HEADING, regex.M)
_PLATFORM_TAG = discipline.compile(r"\[#(\d{1,9})\]")  # FragDenStaat's request id in a subject line
_DATE_ONLY_LINE = discipline.compile(
    r"^\s*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\s+\d{4}|(?:Date:?\s*).{6,30})\s*$"
)
#: the header names of a pasted block's ``From:`` and ``To:`` lines, in the languages quoted
_FIELD_NAMES = {"from": ("from", "von", "de", "van"), "to": ("to", "an", "à", "aan")}
#: the kinds whose body may cite exemptions
_DECISIONS = ("response", "internal_review_response", "delay_notice")


@attrs.frozen
class Context:
    """What a message's stages know of the thread so far."""

    rules: Rules
    earlier: frozenset[tuple[str, str]] = frozenset()  # distinct (kind, party) of the messages before
    requester_name: str | None = None
    requester_email: str | None = None
    regime: str | None = None
    authority: str | None = None
    paged: bool = False  # page text whose head (title, status) was taken off


@attrs.frozen
class Work:
    """One message on its way through the stages; each stage fills its own fields."""

    draft: Draft
    index: int
    context: Context
    labels: tuple[Label, ...] = ()
    body: str = ""
    removed: tuple[Removed, ...] = ()
    facts: Extracted = attrs.field(factory=Extracted)
    verdict: classifier.Verdict | None = None
    exemptions: tuple[str, ...] = ()
    outcome: str | None = None
    message: Message | None = None


# --- the stages, in order ------------------------------------------------------------------


def clean(work: Work) -> Work:
    """Label the lines to remove and split the text into ``body`` and ``removed``."""
    labels = labels_for(work.draft, work.context.rules)
    part = work.draft.part
    body, removed = cleaner.build(work.draft.zoned.lines, labels, part.text, part.offset)
    return attrs.evolve(work, labels=tuple(labels), body=body, removed=removed)


def extract_facts(work: Work) -> Work:
    """References, dates, signatories and addresses of the body (classification reads them too)."""
    return attrs.evolve(work, facts=extract.extract_all(work.body, subject=work.draft.part.subject))


def classify(work: Work) -> Work:
    """Kind, party and confidence from the evidence."""
    return attrs.evolve(work, verdict=classifier.classify(evidence_of(work), work.context.rules))


def strip_bounce_diagnostics(work: Work) -> Work:
    """A bounce's returned message and diagnostic tail go to ``removed`` (and facts are re-read)."""
    if _kind(work) != "bounce":
        return work
    z, part = work.draft.zoned, work.draft.part
    table = work.context.rules["bounce_diagnostic"]
    returned = part.part_starts[1] if len(part.part_starts) > 1 else None
    for i, line in enumerate(z.lines[1:], start=1):
        if returned is not None and line.start - part.offset >= returned:
            kind, rule = "quoted", "returned_message"
        elif work.labels[i] is None and table.matches(line.text):
            kind, rule = "other", "bounce_diagnostic"
        else:
            continue
        labels = list(work.labels)
        cleaner.tail_block(z, labels, i, kind, rule)
        body, removed = cleaner.build(z.lines, labels, part.text, part.offset)
        if body == work.body:
            return attrs.evolve(work, labels=tuple(labels), removed=removed)
        facts = extract.extract_all(body, subject=part.subject)
        return attrs.evolve(work, labels=tuple(labels), body=body, removed=removed, facts=facts)
    return work


def decide_outcome(work: Work) -> Work:
    """Exemptions cited and the outcome of a decision (read from the attachment when the body
    only says "please see attached")."""
    kind, rules, regime = _kind(work), work.context.rules, work.context.regime
    assert work.verdict is not None
    exemptions: tuple[str, ...] = ()
    if kind in _DECISIONS:
        exemptions = tuple(extract.extract_exemptions(work.body, regime))
    outcome = classifier.outcome_of(kind, work.body, exemptions, rules, regime, work.verdict.response_phrases)
    outcome, exemptions = outcome_from_attachments(
        kind, work.body, outcome, exemptions, work.draft.part.attachment_details, rules, regime
    )
    return attrs.evolve(work, outcome=outcome, exemptions=exemptions)


def assemble(work: Work) -> Work:
    """The :class:`~foithread.model.Message`."""
    draft, part, facts, verdict = work.draft, work.draft.part, work.facts, work.verdict
    assert verdict is not None
    raw, start = text_of(draft.zoned, part)
    sender = part.sender or Sender()
    if not part.sender and facts.signatories and verdict.kind != "annotation":
        sender = Sender(name=facts.signatories[0].name)
    elif verdict.kind == "annotation" and not part.sender:
        sender = Sender(name=annotation_author(work.body))
    message = Message(
        index=work.index,
        kind=verdict.kind,
        party=verdict.party,
        raw=raw,
        span=(start, start + len(raw)),
        body=work.body,
        removed=work.removed,
        sent_on=_sent_on(draft, work.body, verdict.kind),
        subject=part.subject,
        sender=sender,
        outcome=work.outcome,
        exemptions=work.exemptions,
        references=tuple(facts.references),
        dates=tuple(facts.dates),
        signatories=tuple(facts.signatories),
        addresses=tuple(facts.addresses),
        confidence=verdict.confidence,
        attachments=part.attachments,
        zones=zones_of(draft.zoned, list(work.labels)),
        attachment_details=part.attachment_details,
        **attrs.asdict(envelope_of(part.headers), recurse=False),
    )
    return attrs.evolve(work, message=message)


def read_notices(work: Work) -> Work:
    """A bounce's delivery facts; a recall or "closed to new responses" notice is ``other``."""
    msg = work.message
    assert msg is not None
    if msg.kind == "bounce":
        msg = attrs.evolve(msg, bounce=bounce_details(msg))
    elif msg.kind != "other" and (is_recall_notice(msg.body, msg.subject) or is_closed_notice(msg.body, msg.subject)):
        msg = attrs.evolve(msg, kind="other", outcome=None, exemptions=())  # not a reply: DOMAIN 2, kind other
    return attrs.evolve(work, message=msg)


# --- what the stages read ------------------------------------------------------------------


def evidence_of(work: Work) -> classifier.Evidence:
    """What the classifier looks at for ``work``'s message."""
    draft, part, ctx, facts = work.draft, work.draft.part, work.context, work.facts
    z, labels = draft.zoned, list(work.labels)
    sender = part.sender or Sender()
    return classifier.Evidence(
        body=work.body,
        index=work.index,
        earlier=ctx.earlier,
        subject=part.subject,
        headers=part.headers,
        mime_type=part.mime_type,
        kind_hint=part.kind_hint,
        party_hint=part.party_hint,
        sender_email=sender.email,
        sender_name=sender.name or annotation_author(work.body),
        has_reference=_own_reference(facts.references, part.subject) or _reference_line(z, labels),
        greeting=_first_code(z, labels, "g"),
        requester_name=ctx.requester_name,
        requester_email=ctx.requester_email,
        annotation=_first_code(z, labels, "abcdgkmox") is not None and z.codes.lstrip("b")[:1] == "a",
        title=draft.title or (ctx.paged and work.index == 0),
        sender_line=_first_code(z, [None] * len(z.lines), "c") if draft.sender else None,
        authority=ctx.authority,
        closing=_first_code(z, labels, "k"),
        signatory=facts.signatories[0].name if facts.signatories else None,
        attachments=part.attachments,
        pasted_from=_pasted_field(z, "from") if draft.pasted else None,
        pasted_to=_pasted_field(z, "to") if draft.pasted else None,
    )


def annotation_author(body: str) -> str | None:
    m = ANNOTATION_HEAD.search(body)
    return m.group("name").strip() if m else None


def name_after_closing(z: Zoned) -> str | None:
    """The line under a letter's last closing (``Yours faithfully,`` / ``Ann Smith.``), when it is a name."""
    k = z.codes.rfind("k")
    if k < 0:
        return None
    for line, code in zip(z.lines[k + 1 :], z.codes[k + 1 :], strict=False):
        if code == "b":
            continue
        name = line.text.strip().rstrip(".,")
        words = name.split()
        if code == "c" and 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return name
        return None
    return None


def _kind(work: Work) -> str:
    assert work.verdict is not None
    return work.verdict.kind


def _sent_on(draft: Draft, body: str, kind: str) -> str | None:
    if draft.part.sent_on:
        return draft.part.sent_on
    if kind == "annotation":
        m = ANNOTATION_HEAD.search(body)
        if m:
            found = extract.extract_dates(m.group("date"))
            return found[0].value if found else None
        return None
    # a letter's own date line near its top
    head = [ln for ln in body.splitlines() if ln.strip()][:14]
    for ln in head:
        if _DATE_ONLY_LINE.match(ln):
            found = extract.extract_dates(ln)
            if found:
                return found[0].value
    return None


def _own_reference(refs: Sequence[Reference], subject: str | None) -> bool:
    """Whether the authority gave a reference: a platform's ``[#1234]`` subject tag is not one."""
    tags = set(_PLATFORM_TAG.findall(subject or ""))
    return any(ref.value not in tags for ref in refs)


def _pasted_field(z: Zoned, name: str) -> str | None:
    """The value of the ``From:`` (``name="from"``) or ``To:`` line of the block that opens ``z``."""
    for line, code in zip(z.lines, z.codes, strict=False):
        if code == "b":
            continue
        if code != "h":
            return None
        head, _, value = line.text.partition(":")
        if head.strip().strip("*").lower() in _FIELD_NAMES[name]:
            return value.strip()
    return None


def _reference_line(z: Zoned, labels: list[Label]) -> bool:
    """An ``Our reference: LEX 1234`` line with a number in it (whether or not extraction read it)."""
    return any(
        code == "x" and label is None and any(ch.isdigit() for ch in line.text)
        for line, code, label in zip(z.lines, z.codes, labels, strict=False)
    )


def _first_code(z: Zoned, labels: list[Label], codes: str) -> str | None:
    for line, code, label in zip(z.lines, z.codes, labels, strict=False):
        if code in codes and label is None:
            return line.text.strip()
    return None
