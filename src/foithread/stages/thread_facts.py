"""The last stage: a thread's own facts, folded over its messages.

Duplicates are merged (with a warning), thread references collected in order, and the
authority, title and regime read from the reader's document or, failing that, from the
messages themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from foithread import discipline
from foithread.merge import drop_duplicates
from foithread.model import Message, Thread
from foithread.readers.base import Document
from foithread.regimes import detect_platform
from foithread.stages.regime import detect_regime

_AUTHORITY_GREETING = discipline.compile(r"^\s*Dear\s+(?P<name>[^,\n]{3,90}?)\s*(?:\([A-Z]{2,10}\))?\s*,?\s*$", regex.M)
_NOT_AUTHORITY = discipline.compile(
    r"^(?:Sir|Madam|Sir or Madam|Sir/Madam|Mr|Mrs|Ms|Miss|Dr|FOI|Freedom of Information|\[)", regex.I
)
_WRONG_ADDRESS = discipline.compile(r"requests to (?P<name>[^?\n]{3,90})\?")
_SPACE_RUN = discipline.compile(r"\s+")


def thread_of(doc: Document, messages: list[Message], warnings: tuple[str, ...] = ()) -> Thread:
    """The thread of ``doc`` made of ``messages`` (from :func:`foithread.pipeline.iter_messages`); ``warnings`` are
    added to the reader's."""
    kept, repeats = drop_duplicates(messages)  # same Message-ID, or same sender, date and body
    messages = list(kept)
    refs: list[str] = []
    seen: set[str] = set()
    for value in (*doc.references, *(ref.value for msg in messages for ref in msg.references)):
        key = _norm_ref(value)
        if key not in seen:
            seen.add(key)
            refs.append(value)
    return Thread(
        format=doc.format,
        messages=tuple(messages),
        authority=_authority(doc, messages),
        title=doc.title or _title(messages),
        references=tuple(refs),
        warnings=tuple(doc.warnings) + warnings + tuple(repeats),
        source=doc.source,
        status=doc.status,
        regime=_thread_regime(doc, messages),
    )


def _thread_regime(doc: Document, messages: list[Message]) -> str | None:
    """The law the messages name; failing that, the one the input's origin implies (its site, a UK
    public body's domain, an authority's UK postal address); failing that None: unknown, never FOIA
    by default."""
    regime = doc.regime
    for msg in messages:
        regime = detect_regime(msg.raw, regime)
    if regime is None and messages:
        regime = detect_platform(_origin_texts(doc, messages))
    if regime is None and any(a.country == "GB" for m in messages if m.party == "authority" for a in m.addresses):
        regime = "foi"
    return regime


def _origin_texts(doc: Document, messages: list[Message]) -> Iterator[str]:
    """The input's text, headers and addresses: where platform evidence is looked for."""
    for part in doc.parts:
        yield part.text
        yield "\n".join(part.headers.values())
    for msg in messages:
        people = (msg.sender, *msg.to, *msg.cc)
        yield "\n".join(filter(None, (msg.message_id, *(p.email for p in people if p is not None))))


def _title(messages: list[Message]) -> str | None:
    if messages:
        for r in messages[0].removed:
            if r.rule == "page_title":
                return r.text.strip()
    return None


def _authority(doc: Document, messages: list[Message]) -> str | None:
    if doc.authority:
        return doc.authority
    for msg in messages:
        m = _WRONG_ADDRESS.search(msg.raw)
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
        for m in _AUTHORITY_GREETING.finditer(msg.raw):
            name = m.group("name").strip()
            if not _NOT_AUTHORITY.match(name) and len(name.split()) >= 2:
                return name
    return None


def _norm_ref(value: str) -> str:
    return _SPACE_RUN.sub("", value).upper()
