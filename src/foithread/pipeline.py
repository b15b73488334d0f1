"""The pipeline: readers → segmenter → zoner/cleaner → classifier → extractors → Thread.

Every stage is a pure function of its inputs; :func:`build_thread` wires them together for
one :class:`~foithread.readers.base.Document`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator

import attrs
import regex

from foithread import classifier, cleaner, discipline, extract
from foithread.cleaner import Label
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.model import Message, Removed, Sender, Thread
from foithread.readers.base import Document, Part
from foithread.regime import detect_regime
from foithread.rules import Rules
from foithread.segmenter import segment
from foithread.zoner import Zoned, sub_zoned, zone

_ANNOTATION_HEAD = discipline.compile(
    r"^\s*(?P<name>\S.{0,80}?)\s+left an annotation:?\s*\((?P<date>[^)]{4,40})\)", regex.M
)
_AUTHORITY_GREETING = discipline.compile(r"^\s*Dear\s+(?P<name>[^,\n]{3,90}?)\s*(?:\([A-Z]{2,10}\))?\s*,?\s*$", regex.M)
_NOT_AUTHORITY = discipline.compile(
    r"^(?:Sir|Madam|Sir or Madam|Sir/Madam|Mr|Mrs|Ms|Miss|Dr|FOI|Freedom of Information|\[)", regex.I
)
_WRONG_ADDRESS = discipline.compile(r"requests to (?P<name>[^?\n]{3,90})\?")
_DATE_ONLY_LINE = discipline.compile(
    r"^\s*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\s+\d{4}|(?:Date:?\s*).{6,30})\s*$"
)

_SPACE_RUN = discipline.compile(r"\s+")


@attrs.frozen
class _Draft:
    """A message before classification: where it is and what the reader said about it."""

    part: Part
    zoned: Zoned
    labels: tuple[Label, ...]
    title: bool = False


def _drafts(parts: Iterable[Part], rules: Rules) -> Iterator[_Draft]:
    for part in parts:
        z = zone(part.text, part.offset, rules)
        labels = cleaner.structural_labels(z, rules)
        if not part.segment:
            yield _Draft(part, z, tuple(labels))
            continue
        for seg in segment(z, labels):
            yield _Draft(part, sub_zoned(z, seg.start, seg.stop), tuple(labels[seg.start : seg.stop]), seg.title)


def _text_of(z: Zoned, part: Part) -> tuple[str, int]:
    if not z.lines:
        return "", part.offset
    a = z.lines[0].start
    b = z.lines[-1].stop
    return part.text[a - part.offset : b - part.offset], a


def _labels_for(draft: _Draft, rules: Rules) -> list[Label]:
    z = draft.zoned
    labels = cleaner.message_labels(z, rules, draft.labels)
    if draft.title and z.lines:
        first = next(i for i, ln in enumerate(z.lines) if not ln.blank)
        labels[first] = ("platform_footer", "page_title")
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
        has_reference=bool(facts.references),
        greeting=_first_code(z, labels, "g"),
        requester_name=requester_name,
        requester_email=requester_email,
        annotation=_first_code(z, labels, "abcdgkmox") is not None and z.codes.lstrip("b")[:1] == "a",
        title=draft.title,
        closing=_first_code(z, labels, "k"),
        signatory=facts.signatories[0].name if facts.signatories else None,
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
    )


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


def _authority(doc: Document, messages: list[Message]) -> str | None:
    if doc.authority:
        return doc.authority
    for msg in messages:
        for text in (msg.raw,):
            m = _WRONG_ADDRESS.search(text)
            if m:
                return m.group("name").strip()
    for msg in messages:
        if msg.party != "requester":
            continue
        for m in _AUTHORITY_GREETING.finditer(msg.raw):
            name = m.group("name").strip()
            if not _NOT_AUTHORITY.match(name):
                return name
    for msg in messages:
        for text in (msg.raw,):
            for m in _AUTHORITY_GREETING.finditer(text):
                name = m.group("name").strip()
                if not _NOT_AUTHORITY.match(name) and len(name.split()) >= 2:
                    return name
    return None


def _norm_ref(value: str) -> str:
    return _SPACE_RUN.sub("", value).upper()


def iter_messages(
    parts: Iterable[Part],
    rules: Rules,
    requester: str | None = None,
    initial_regime: str | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    warnings: list[str] | None = None,
    budget_each: bool = False,
    source: str | None = None,
    format: str | None = None,
) -> Iterator[Message]:
    """Messages one by one from reader parts (which may be a lazy stream).

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
            msg = _message(draft, index, earlier, rules, requester_name, requester_email, regime)
        timed_out = budget.take()
        if timed_out and warnings is not None:
            warnings.append(_timeout_warning(timed_out, index))
        if msg.kind == "request":
            if requester_name is None and msg.signatories:
                requester_name = msg.signatories[0].name
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
    warnings: list[str] = []
    stream = iter_messages(
        doc.parts, rules, doc.requester, limits=limits, warnings=warnings, source=doc.source, format=doc.format
    )
    return thread_of(doc, list(wrap(stream)), tuple(warnings))


def thread_of(doc: Document, messages: list[Message], warnings: tuple[str, ...] = ()) -> Thread:
    """The thread of ``doc`` made of ``messages`` (from :func:`iter_messages`); ``warnings`` are
    added to the reader's."""
    refs: list[str] = []
    seen: set[str] = set()
    for msg in messages:
        for ref in msg.references:
            key = _norm_ref(ref.value)
            if key not in seen:
                seen.add(key)
                refs.append(ref.value)
    return Thread(
        format=doc.format,
        messages=tuple(messages),
        authority=_authority(doc, messages),
        title=doc.title or _title(messages),
        references=tuple(refs),
        warnings=tuple(doc.warnings) + warnings,
        source=doc.source,
        status=doc.status,
        regime=_thread_regime(doc, messages),
    )


def _thread_regime(doc: Document, messages: list[Message]) -> str | None:
    regime = doc.regime
    for msg in messages:
        regime = detect_regime(msg.raw, regime)
    return regime or ("foi" if messages else None)


def _title(messages: list[Message]) -> str | None:
    if messages:
        for r in messages[0].removed:
            if r.rule == "page_title":
                return r.text.strip()
    return None
