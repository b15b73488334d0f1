"""Redaction for publishing an archive (Alaveteli's censor rules, froide's redaction).

:func:`redact` returns a copy of a thread with e-mail addresses, phone numbers, postal addresses,
the requester's name (and, on request, every signatory's name) and the user's own
:class:`CensorRule` matches replaced by WhatDoTheyKnow-style placeholders (:data:`PLACEHOLDERS`),
in each message's ``raw``, ``body`` and ``removed`` texts alike (attachments' text, as page text and
zip exports carry it, is part of ``raw``), in subjects, sender names, attachment names, the text of attached files and To/Cc addressees.
It is lossless: the redacted thread still has ``raw == body + removed``, with spans that refer to
the redacted text (each message keeps its start; later messages of a page shift by what the
earlier ones grew or shrank), and every replacement is recorded as a :class:`Mask` (where, what
was there, which placeholder) so that :func:`unredact` puts the text back and
:func:`redact_text` applies the same masks to the original input file.

What is masked comes from the extractors (:func:`foithread.stages.extract.extract_addresses` and
:func:`foithread.stages.extract.postal.extract_postal` run over the whole ``raw``, so footers and quoted
text are covered too) and from the thread's own facts (the request's signatory, the requester's
sender name): nothing here guesses data anew. Placeholders are ones the extractors already ignore,
so re-parsing a redacted archive reports none of them as data. Facts a mask removed (e-mail, phone
and postal addresses, the requester's signatory) are dropped from the redacted messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
import regex

from foithread import discipline
from foithread.model import Message, Sender, Thread
from foithread.stages.extract import extract_addresses, placeholder_spans
from foithread.stages.extract.postal import extract_postal

Span = tuple[int, int]

#: the placeholder each kind of data becomes (WhatDoTheyKnow's masks and censor-rule forms)
PLACEHOLDERS: Mapping[str, str] = {
    "emails": "[email address]",
    "phones": "[phone number]",
    "postal": "[address]",
    "requester": "[Requester name]",
    "names": "[name]",
}
#: what :func:`redact` masks unless told otherwise ("names": every signatory, is opt-in)
DEFAULT_WHAT = ("emails", "phones", "postal", "requester")
_ADDRESS_KINDS = {"emails": "email", "phones": "phone", "postal": "postal"}
_TITLES = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+)"
_TIMEOUT = discipline.TEXT_TIMEOUT
_PER_MESSAGE_SPANS = ("eml", "mbox")  # spans in each message's own body, not one document


@attrs.frozen
class CensorRule:
    """A user rule, as Alaveteli's CensorRule: ``text`` (a literal, or a pattern with ``regexp``) → ``replacement``."""

    text: str
    replacement: str = attrs.field(default="[redacted]", validator=attrs.validators.min_len(1))
    regexp: bool = False
    name: str | None = None

    def spans(self, text: str) -> list[Span]:
        pattern = self.text if self.regexp else regex.escape(self.text)
        try:
            return [
                m.span()
                for m in regex.finditer(pattern, text, regex.I | regex.V1, timeout=_TIMEOUT)
                if m.end() > m.start()
            ]
        except TimeoutError:
            return []


@attrs.frozen
class Mask:
    """One replacement: message ``index``, ``field`` ("raw", "subject", "sender.name", "sender.email",
    "attachments.<n>" for the n-th attachment name),
    ``span`` in the original field text (for "raw": add the message's ``span[0]`` for input offsets),
    the ``text`` that was there, its ``placeholder`` and where that stands in the redacted field."""

    index: int
    field: str
    span: Span
    text: str
    placeholder: str
    redacted_span: Span
    what: str  # a key of PLACEHOLDERS, or "rule"
    rule: str | None = None  # the censor rule's name (or text)
    offset: int = 0  # for "raw": the message's original ``span[0]``, so offset + span indexes the input


@attrs.frozen
class Redacted:
    """A redacted thread and the mask map that undoes it."""

    thread: Thread
    masks: tuple[Mask, ...] = ()


Edit = tuple[int, int, str, str, str | None]  # start, end, replacement, what, rule


def requester_names(thread: Thread) -> list[str]:
    """The requester's name as the thread gives it: the request's signatory and sender names."""
    names: list[str] = []
    for m in thread.messages:
        if m.party != "requester" or m.kind == "annotation":
            continue
        candidates = [s.name for s in m.signatories[:1]] if m.kind == "request" else []
        candidates.append(m.sender.name or "")
        for name in candidates:
            name = " ".join(name.split())
            if len(name.split()) >= 2 and "@" not in name and not name.startswith("[") and name not in names:
                names.append(name)
    return names


def _name_pattern(names: Iterable[str]) -> regex.Pattern[str] | None:
    forms: list[str] = []
    for name in names:
        forms.append(_TITLES + "?" + r"\s+".join(map(regex.escape, name.split())))
        forms.append(_TITLES + regex.escape(name.split()[-1]))
    # built per thread from its names (never registered: the registry is for import time), matched with a timeout
    return regex.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", regex.I | regex.V1) if forms else None


def _literal_spans(values: Iterable[str], text: str) -> list[Span]:
    spans: list[Span] = []
    for value in values:
        spans.extend(m.span() for m in regex.finditer(regex.escape(value), text, regex.I, timeout=_TIMEOUT))
    return spans


class _Finder:
    """Every stretch of a text to mask, for one thread and one choice of ``what``."""

    def __init__(
        self,
        thread: Thread,
        what: Sequence[str],
        rules: Sequence[CensorRule],
        placeholders: Mapping[str, str],
        requester: Sequence[str],
    ) -> None:
        self.what = set(what)
        unknown = self.what - set(PLACEHOLDERS)
        if unknown:
            raise ValueError(f"cannot redact {sorted(unknown)}: choose from {sorted(PLACEHOLDERS)}")
        self.rules = rules
        self.placeholders = {**PLACEHOLDERS, **placeholders}
        self.values: dict[str, set[str]] = {key: set() for key in _ADDRESS_KINDS}
        for m in thread.messages:
            found = list(m.addresses) + extract_addresses(m.raw)
            found += [a for file in m.attachment_details if file.text for a in extract_addresses(file.text)]
            for key, kind in _ADDRESS_KINDS.items():
                self.values[key].update(a.value for a in found if a.kind == kind and key != "postal")
            self.values["emails"].update(p.email for p in (m.sender, *m.to, *m.cc) if p.email)
        names = list(requester) or requester_names(thread)
        self.requester = _name_pattern(names) if "requester" in self.what else None
        others = {s.name for m in thread.messages for s in m.signatories if s.name not in names}
        self.names = _name_pattern(sorted(others, key=len, reverse=True)) if "names" in self.what else None

    def masks_name(self, name: str) -> bool:
        """Whether a signatory called ``name`` is masked (and so dropped from the facts)."""
        return any(p is not None and p.fullmatch(name) for p in (self.requester, self.names))

    def edits(self, text: str) -> list[Edit]:
        found: list[Edit] = []
        for rule in self.rules:
            found += [(s, e, rule.replacement, "rule", rule.name or rule.text) for s, e in rule.spans(text)]
        for key in ("emails", "phones"):
            if key in self.what:
                found += [(s, e, self.placeholders[key], key, None) for s, e in _literal_spans(self.values[key], text)]
        if "postal" in self.what:
            found += [
                (*p.span, self.placeholders["postal"], "postal", None)
                for p in extract_postal(text, placeholder_spans(text))
            ]
        for key, pattern in (("requester", self.requester), ("names", self.names)):
            if pattern is not None:
                found += [
                    (*m.span(), self.placeholders[key], key, None) for m in pattern.finditer(text, timeout=_TIMEOUT)
                ]
        return _non_overlapping(found)


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    """Edits apart, earliest first (the longest of those starting together). One that overlaps
    the edit before it widens that edit rather than being dropped, so nothing it covers leaks."""
    out: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e[0], -(e[1] - e[0]))):
        if out and edit[0] < out[-1][1]:
            if edit[1] > out[-1][1]:
                out[-1] = (out[-1][0], edit[1], *out[-1][2:])
            continue
        out.append(edit)
    return out


def _segments(m: Message) -> list[tuple[int, int, int | None]]:
    """``raw`` as consecutive stretches: (start, end, index in ``removed`` or None for body)."""
    out: list[tuple[int, int, int | None]] = []
    pos = 0
    for i, r in sorted(enumerate(m.removed), key=lambda p: p[1].span[0]):
        start, end = r.span[0] - m.span[0], r.span[1] - m.span[0]
        if start > pos:
            out.append((pos, start, None))
        out.append((start, end, i))
        pos = end
    if pos < len(m.raw) or not out:
        out.append((pos, len(m.raw), None))
    return out


def _split(edits: list[Edit], cuts: Sequence[int]) -> list[Edit]:
    """Edits cut at segment boundaries (a postal address running into a footer): each piece
    gets the placeholder, so every segment stays whole and the cut can be undone."""
    out: list[Edit] = []
    for start, end, repl, what, rule in edits:
        bounds = [start, *(c for c in cuts if start < c < end), end]
        out.extend((bounds[k], bounds[k + 1], repl, what, rule) for k in range(len(bounds) - 1))
    return out


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[Span]]:
    """``text`` with ``edits`` (sorted, apart) applied, and where each replacement now stands."""
    pieces: list[str] = []
    spans: list[Span] = []
    pos = 0
    size = 0
    for start, end, repl, _what, _rule in edits:
        pieces += [text[pos:start], repl]
        size += start - pos
        spans.append((size, size + len(repl)))
        size += len(repl)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), spans


def _shifted(pos: int, edits: list[Edit]) -> int:
    return pos + sum(len(e[2]) - (e[1] - e[0]) for e in edits if e[1] <= pos)


def _rewrite(m: Message, edits: list[Edit], start: int) -> tuple[Message, list[Edit], list[Span]]:
    """``m`` with ``edits`` (spans in ``raw``) applied to raw, body and removed alike, its raw
    starting at ``start``; also the edits as applied (cut at segment ends) and their new spans."""
    segments = _segments(m)
    edits = _split(edits, [s for s, _e, _i in segments[1:]])
    raw, spans = _apply(m.raw, edits)
    body: list[str] = []
    removed = list(m.removed)
    for s, e, i in segments:
        ns, ne = _shifted(s, edits), _shifted(e, edits)
        if i is None:
            body.append(raw[ns:ne])
        else:
            removed[i] = attrs.evolve(removed[i], text=raw[ns:ne], span=(start + ns, start + ne))
    new = attrs.evolve(m, raw=raw, body="".join(body), removed=tuple(removed), span=(start, start + len(raw)))
    return new, edits, spans


def _field(index: int, field: str, value: str | None, finder: _Finder) -> tuple[str | None, list[Mask]]:
    if not value:
        return value, []
    edits = finder.edits(value)
    new, spans = _apply(value, edits)
    return new, [
        Mask(index, field, (s, e), value[s:e], r, span, w, rule)
        for (s, e, r, w, rule), span in zip(edits, spans, strict=True)
    ]


def redact(
    thread: Thread,
    what: Sequence[str] = DEFAULT_WHAT,
    rules: Sequence[CensorRule] = (),
    *,
    placeholders: Mapping[str, str] | None = None,
    requester: Sequence[str] = (),
) -> Redacted:
    """``thread`` with personal data masked (see the module doc), and the masks.

    ``what``: keys of :data:`PLACEHOLDERS`; ``rules``: censor rules (where masks overlap, the one
    starting first, or the longer, stands for both); ``placeholders``: other placeholders for some keys;
    ``requester``: the requester's names when the thread does not give them.
    """
    from foithread.redaction_fields import extras  # it builds on this module's masks

    finder = _Finder(thread, what, rules, placeholders or {}, requester)
    dropped = {kind for key, kind in _ADDRESS_KINDS.items() if key in finder.what}
    messages: list[Message] = []
    masks: list[Mask] = []
    shift = 0
    for m in thread.messages:
        start = m.span[0] if thread.format in _PER_MESSAGE_SPANS else m.span[0] + shift
        new, edits, spans = _rewrite(m, finder.edits(m.raw), start)
        shift += len(new.raw) - len(m.raw)
        masks += [
            Mask(m.index, "raw", (s, e), m.raw[s:e], r, span, w, rule, m.span[0])
            for (s, e, r, w, rule), span in zip(edits, spans, strict=True)
        ]
        subject, subject_masks = _field(m.index, "subject", m.subject, finder)
        name, name_masks = _field(m.index, "sender.name", m.sender.name, finder)
        masks += subject_masks + name_masks
        attachments: list[str] = []
        for i, file in enumerate(m.attachments):
            renamed, file_masks = _field(m.index, f"attachments.{i}", file, finder)
            attachments.append(renamed or file)
            masks += file_masks
        email = m.sender.email
        if email and "emails" in finder.what:
            masks.append(Mask(m.index, "sender.email", (0, len(email)), email, "", (0, 0), "emails"))
            email = None
        files, to, cc, extra_masks = extras(m, finder)
        masks += extra_masks
        messages.append(
            attrs.evolve(
                new,
                attachment_details=files,
                to=to,
                cc=cc,
                subject=subject,
                sender=Sender(name, email),
                attachments=tuple(attachments),
                addresses=tuple(a for a in m.addresses if a.kind not in dropped),
                signatories=tuple(s for s in m.signatories if not finder.masks_name(s.name)),
            )
        )
    return Redacted(attrs.evolve(thread, messages=tuple(messages)), tuple(masks))


def unredact(redacted: Redacted) -> Thread:
    """The texts of the thread before :func:`redact` (raw, body, removed, spans, subjects, senders).

    Facts the redaction dropped (addresses, signatories) stay dropped: re-parse for those.
    """
    from foithread.redaction_fields import restored

    thread = redacted.thread
    by_message: dict[int, list[Mask]] = {}
    for mask in redacted.masks:
        by_message.setdefault(mask.index, []).append(mask)
    messages: list[Message] = []
    shift = 0
    for m in thread.messages:
        mine = by_message.get(m.index, [])
        start = m.span[0] if thread.format in _PER_MESSAGE_SPANS else m.span[0] - shift
        new, _edits, _spans = _rewrite(m, _undo(mine, "raw"), start)
        shift += len(m.raw) - len(new.raw)
        subject = _apply(m.subject, _undo(mine, "subject"))[0] if m.subject else m.subject
        name = _apply(m.sender.name, _undo(mine, "sender.name"))[0] if m.sender.name else m.sender.name
        email = next((k.text for k in mine if k.field == "sender.email"), m.sender.email)
        files = tuple(_apply(f, _undo(mine, f"attachments.{i}"))[0] for i, f in enumerate(m.attachments))
        details, to, cc = restored(m, mine)
        messages.append(
            attrs.evolve(
                new,
                subject=subject,
                sender=Sender(name, email),
                attachments=files,
                attachment_details=details,
                to=to,
                cc=cc,
            )
        )
    return attrs.evolve(thread, messages=tuple(messages))


def _undo(masks: list[Mask], field: str) -> list[Edit]:
    return sorted((k.redacted_span[0], k.redacted_span[1], k.text, k.what, k.rule) for k in masks if k.field == field)


def redact_text(text: str, masks: Iterable[Mask]) -> str:
    """The original input ``text`` with the ``raw`` masks applied at their input offsets.

    For page text, HTML text and zip exports (one coordinate system for the whole input): the
    redacted file to publish. Raises ``ValueError`` when ``text`` is not the text the masks were made on.
    """
    edits: list[Edit] = []
    for k in masks:
        if k.field != "raw":
            continue
        start, end = k.offset + k.span[0], k.offset + k.span[1]
        if text[start:end] != k.text:
            raise ValueError(f"mask of message {k.index} at {start}-{end} does not match the text given")
        edits.append((start, end, k.placeholder, k.what, k.rule))
    return _apply(text, sorted(edits))[0]
