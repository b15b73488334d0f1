"""The pipeline: readers → segmenter → zoner/cleaner → classifier → extractors → Thread.

Every stage is a pure function of its inputs; :func:`build_thread` wires them together for
one :class:`~foithread.readers.base.Document`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs
import regex

from foithread import discipline
from foithread.attachments.referral import outcome_from_attachments
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.model import Message, Reference, Removed, Sender, Thread
from foithread.readers.base import Document, Part
from foithread.rules import Rules
from foithread.stages import classifier, cleaner, extract
from foithread.stages.bounces import bounce_details, is_closed_notice, is_recall_notice
from foithread.stages.cleaner import Label
from foithread.stages.envelope import envelope_of
from foithread.stages.pagehead import without_page_head
from foithread.stages.regime import detect_regime
from foithread.stages.segmenter import segment
from foithread.stages.senderline import chrome_lines
from foithread.stages.thread_facts import thread_of
from foithread.stages.zoner import Zoned, sub_zoned, zone
from foithread.stages.zones import zones_of

_ANNOTATION_HEAD = discipline.compile(
    r"^\s*(?P<name>\S.{0,80}?)\s+left an annotation:?\s*\((?P<date>[^)]{0,40})\)", regex.M
)
_PLATFORM_TAG = discipline.compile(r"\[#(\d{1,9})\]")  # FragDenStaat's request id in a subject line
_DATE_ONLY_LINE = discipline.compile(
    r"^\s*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\s+\d{4}|(?:Date:?\s*).{6,30})\s*$"
)


@attrs.frozen
class _Draft:
    """A message before classification: where it is and what the reader said about it."""

    part: Part
    zoned: Zoned
    labels: tuple[Label, ...]
    title: bool = False
    sender: bool = False  # the first non-blank line is a sender line
    pasted: bool = False  # opens with a pasted mail-header block
    web_title: bool = False  # the first line is a web page's title over a letter


def _drafts(parts: Iterable[Part], rules: Rules) -> Iterator[_Draft]:
    for part in parts:
        z = zone(part.text, part.offset, rules)
        labels = cleaner.structural_labels(z, rules)
        if not part.segment:
            yield _Draft(part, z, tuple(labels))
            continue
        for seg in segment(z, labels, rules):
            sub = sub_zoned(z, seg.start, seg.stop)
            yield _Draft(
                part, sub, tuple(labels[seg.start : seg.stop]), seg.title, seg.sender, seg.pasted, seg.web_title
            )


def _text_of(z: Zoned, part: Part) -> tuple[str, int]:
    if not z.lines:
        return "", part.offset
    a = z.lines[0].start
    b = z.lines[-1].stop
    return part.text[a - part.offset : b - part.offset], a


def _labels_for(draft: _Draft, rules: Rules) -> list[Label]:
    z = draft.zoned
    labels = cleaner.message_labels(z, rules, draft.labels)
    if (draft.title or draft.sender or draft.web_title) and z.lines:
        first = next(i for i, ln in enumerate(z.lines) if not ln.blank)
        labels[first] = ("platform_footer", "sender_line" if draft.sender else "page_title")
    if draft.pasted:  # the header lines are the pasted message's envelope, not its text
        for i, code in enumerate(z.codes):
            if code not in "hb":
                break
            if code == "h":
                labels[i] = ("other", "pasted_header")
    if draft.part.segment or not draft.part.headers:  # page text, not mail
        for i, name in chrome_lines(z, rules).items():
            if labels[i] is None:
                labels[i] = ("platform_footer", name)
    quoted_from = draft.part.quoted_from
    if quoted_from is not None:
        for i, line in enumerate(z.lines):
            if line.start - draft.part.offset >= quoted_from:
                cleaner.tail_block(z, labels, i, "quoted", "embedded_message")
                break
    return labels


def _sent_on(draft: _Draft, body: str, kind: str) -> str | None:
    if draft.part.sent_on:
        return draft.part.sent_on
    if kind == "annotation":
        m = _ANNOTATION_HEAD.search(body)
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


_FIELD_NAMES = {"from": ("from", "von", "de", "van"), "to": ("to", "an", "à", "aan")}


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


def _message(
    draft: _Draft,
    index: int,
    earlier: set[tuple[str, str]],
    rules: Rules,
    requester_name: str | None,
    requester_email: str | None,
    regime: str | None = None,
    authority: str | None = None,
    paged: bool = False,
) -> Message:
    z = draft.zoned
    part = draft.part
    raw, start = _text_of(z, part)
    budget = discipline.current()
    labels = _labels_for(draft, rules)
    body, removed = cleaner.build(z.lines, labels, part.text, part.offset)
    budget.check("cleaning", index)
    facts = extract.extract_all(body, subject=part.subject)  # once: classification reads them too
    budget.check("extraction", index)
    sender = part.sender or Sender()
    evidence = classifier.Evidence(
        body=body,
        index=index,
        earlier=frozenset(earlier),
        subject=part.subject,
        headers=part.headers,
        mime_type=part.mime_type,
        kind_hint=part.kind_hint,
        party_hint=part.party_hint,
        sender_email=sender.email,
        sender_name=sender.name or _annotation_author(body),
        has_reference=_own_reference(facts.references, part.subject) or _reference_line(z, labels),
        greeting=_first_code(z, labels, "g"),
        requester_name=requester_name,
        requester_email=requester_email,
        annotation=_first_code(z, labels, "abcdgkmox") is not None and z.codes.lstrip("b")[:1] == "a",
        title=draft.title or (paged and index == 0),
        sender_line=_first_code(z, [None] * len(z.lines), "c") if draft.sender else None,
        authority=authority,
        closing=_first_code(z, labels, "k"),
        signatory=facts.signatories[0].name if facts.signatories else None,
        attachments=part.attachments,
        pasted_from=_pasted_field(z, "from") if draft.pasted else None,
        pasted_to=_pasted_field(z, "to") if draft.pasted else None,
    )
    verdict = classifier.classify(evidence, rules)
    budget.check("classification", index)
    if verdict.kind == "bounce":
        labels, stripped, removed = _strip_bounce_diagnostics(z, labels, part, rules, body, removed)
        if stripped != body:
            body, facts = stripped, extract.extract_all(stripped, subject=part.subject)
    exemptions: tuple[str, ...] = ()
    if verdict.kind in ("response", "internal_review_response", "delay_notice"):
        exemptions = tuple(extract.extract_exemptions(body, regime))
    outcome = classifier.outcome_of(verdict.kind, body, exemptions, rules, regime, verdict.response_phrases)
    outcome, exemptions = outcome_from_attachments(  # "please see attached": read the attachment instead
        verdict.kind, body, outcome, exemptions, part.attachment_details, rules, regime
    )
    if not part.sender and facts.signatories and verdict.kind not in ("annotation",):
        sender = Sender(name=facts.signatories[0].name)
    elif verdict.kind == "annotation" and not part.sender:
        sender = Sender(name=_annotation_author(body))
    return Message(
        index=index,
        kind=verdict.kind,
        party=verdict.party,
        raw=raw,
        span=(start, start + len(raw)),
        body=body,
        removed=removed,
        sent_on=_sent_on(draft, body, verdict.kind),
        subject=part.subject,
        sender=sender,
        outcome=outcome,
        exemptions=exemptions,
        references=tuple(facts.references),
        dates=tuple(facts.dates),
        signatories=tuple(facts.signatories),
        addresses=tuple(facts.addresses),
        confidence=verdict.confidence,
        attachments=part.attachments,
        zones=zones_of(z, labels),
        attachment_details=part.attachment_details,
        **attrs.asdict(envelope_of(part.headers), recurse=False),
    )


def _name_after_closing(z: Zoned) -> str | None:
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


def _annotation_author(body: str) -> str | None:
    m = _ANNOTATION_HEAD.search(body)
    return m.group("name").strip() if m else None


def _strip_bounce_diagnostics(
    z: Zoned, labels: list[Label], part: Part, rules: Rules, body: str, removed: tuple[Removed, ...]
) -> tuple[list[Label], str, tuple[Removed, ...]]:
    table = rules["bounce_diagnostic"]
    returned = part.part_starts[1] if len(part.part_starts) > 1 else None
    for i, line in enumerate(z.lines):
        if i > 0 and returned is not None and line.start - part.offset >= returned:
            labels = list(labels)
            cleaner.tail_block(z, labels, i, "quoted", "returned_message")
            body, removed = cleaner.build(z.lines, labels, part.text, part.offset)
            break
        if i > 0 and labels[i] is None and table.matches(line.text):
            labels = list(labels)
            cleaner.tail_block(z, labels, i, "other", "bounce_diagnostic")
            body, removed = cleaner.build(z.lines, labels, part.text, part.offset)
            break
    return labels, body, removed


def iter_messages(
    parts: Iterable[Part],
    rules: Rules,
    requester: str | None = None,
    initial_regime: str | None = None,
    *,
    authority: str | None = None,
    paged: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    warnings: list[str] | None = None,
    budget_each: bool = False,
    source: str | None = None,
    format: str | None = None,
) -> Iterator[Message]:
    """Messages one by one from reader parts (which may be a lazy stream).

    ``authority``: the authority the request went to, when the input names it; ``paged``: the
    parts are a request page whose head (title, status) was taken off.

    The work on each message runs under a :class:`~foithread.discipline.ParseContext` made
    from ``limits`` (regex timeout, ``max_seconds_per_input`` for the whole stream, or for each
    message when ``budget_each``); a pattern timeout is appended to ``warnings``.
    """
    earlier: set[tuple[str, str]] = set()  # distinct (kind, party) so far: bounded, however long the mbox
    requester_name: str | None = requester
    requester_email: str | None = None
    regime = initial_regime
    budget = _budget(limits, source, format)
    drafts = _drafts(parts, rules)
    for index in itertools.count():
        if budget_each:
            budget = _budget(limits, source, format)
        with discipline.active(budget):  # only while working on this message, never across a yield
            draft = next(drafts, None)
            if draft is None:
                return
            budget.check("segmentation", index)
            regime = detect_regime(_text_of(draft.zoned, draft.part)[0], regime)
            msg = _message(draft, index, earlier, rules, requester_name, requester_email, regime, authority, paged)
            if msg.kind == "bounce":
                msg = attrs.evolve(msg, bounce=bounce_details(msg))
            elif msg.kind != "other" and (
                is_recall_notice(msg.body, msg.subject) or is_closed_notice(msg.body, msg.subject)
            ):
                msg = attrs.evolve(msg, kind="other", outcome=None, exemptions=())  # not a reply: DOMAIN 2, kind other
        timed_out = budget.take()
        if timed_out and warnings is not None:
            warnings.append(_timeout_warning(timed_out, index))
        if msg.kind == "request":
            if requester_name is None:
                requester_name = msg.signatories[0].name if msg.signatories else _name_after_closing(draft.zoned)
            if requester_email is None and draft.part.sender and draft.part.sender.email:
                requester_email = draft.part.sender.email
        earlier.add((msg.kind, msg.party))
        yield msg


def _timeout_warning(timed_out: list[str], index: int) -> str:
    names = ", ".join(timed_out[:5]) + (f" and {len(timed_out) - 5} more" if len(timed_out) > 5 else "")
    return f"regex timeout at message {index} in {names}: result may be incomplete"


def _budget(limits: Limits, source: str | None, format: str | None) -> discipline.ParseContext:
    return discipline.ParseContext.starting_now(limits.regex_timeout, limits.max_seconds_per_input, source, format)


def build_thread(
    doc: Document,
    rules: Rules,
    wrap: Callable[[Iterator[Message]], Iterable[Message]] = iter,
    limits: Limits = DEFAULT_LIMITS,
) -> Thread:
    """The thread of ``doc``; ``wrap`` sees the message stream first (the API caps its length)."""
    paged = without_page_head(doc, rules)
    warnings: list[str] = []
    messages = iter_messages(
        paged.parts,
        rules,
        paged.requester,
        authority=paged.authority,
        paged=paged is not doc,
        limits=limits,
        warnings=warnings,
        source=doc.source,
        format=doc.format,
    )
    return thread_of(paged, list(wrap(messages)), tuple(warnings))
