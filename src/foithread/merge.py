"""One conversation from several inputs, and duplicate messages dropped.

:func:`drop_duplicates` runs on every parsed thread: a message that repeats an earlier one (the
same Message-ID, or the same sender, date and body) is merged into it, the richer of the two kept,
with a thread warning. :func:`merge` joins threads of one request read from different inputs
(page text and the e-mails, a zip export and an mbox): messages that are the same across them
(the same Message-ID, or the same date and nearly the same text) become one, the richer version
kept, and the result is ordered oldest first.

A message's ``span`` stays relative to the input it came from; in a merged thread, inputs differ.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import attrs

from foithread import discipline
from foithread.model import Message, Thread

__all__ = ["SIMILARITY", "drop_duplicates", "merge", "richness", "same_message"]

#: how alike two bodies must be (difflib ratio of their normalised text) to be one message across inputs
SIMILARITY = 0.9
_COMPARED = 4000  # characters of normalised body compared
_NOT_WORD = discipline.compile(r"[\W_]+")


def _norm(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _who(message: Message) -> str | None:
    sender = message.sender
    return (sender.email or "").casefold() or (sender.name or "").casefold() or None


def richness(message: Message) -> int:
    """How much a version of a message knows: the filled envelope and header facts, then its length."""
    facts = (
        message.message_id,
        message.in_reply_to,
        message.sent_on,
        message.subject,
        message.sender.email,
        message.sender.name,
        message.attachment_details,
        message.to,
        message.cc,
    )
    return sum(1 for fact in facts if fact)


def _exact(message: Message) -> tuple[str, ...] | None:
    """The key of a message's exact repeats: its Message-ID, else its sender, date and body."""
    if message.message_id:
        return ("id", message.message_id)
    who, body = _who(message), _norm(message.body)
    return ("text", who, message.sent_on, body) if who and message.sent_on and body else None


def _why(key: tuple[str, ...]) -> str:
    return f"same Message-ID <{key[1]}>" if key[0] == "id" else "same sender, date and body"


def _alike(a: Message, b: Message) -> bool:
    """The same date (or one unknown) and bodies at least :data:`SIMILARITY` alike, neither
    carrying a Message-ID other than the other's."""
    if (a.message_id and b.message_id) or (a.sent_on and b.sent_on and a.sent_on != b.sent_on):
        return False
    left, right = _norm(a.body)[:_COMPARED], _norm(b.body)[:_COMPARED]
    if not left or not right:
        return False
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILARITY
        and matcher.quick_ratio() >= SIMILARITY
        and matcher.ratio() >= SIMILARITY
    )


def same_message(a: Message, b: Message, *, similar: bool = False) -> str | None:
    """Why ``a`` and ``b`` are one message (``None`` if they are not): the same Message-ID; the
    same sender, date and body; or, with ``similar``, the same date (or one unknown) and bodies
    at least :data:`SIMILARITY` alike."""
    key = _exact(a)
    if key is not None and key == _exact(b):
        return _why(key)
    return "same date and text" if similar and _alike(a, b) else None


def _fold(messages: Iterable[tuple[int, Message]], similar: bool) -> tuple[list[Message], list[str]]:
    """Messages with duplicates merged (the richer kept, at the first one's place), and warnings.
    Each message comes with the number of its input; ``similar`` matching is only across inputs
    (exact repeats are found by key, so a long thread costs one pass)."""
    kept: list[tuple[int, Message]] = []
    seen: dict[tuple[str, ...], int] = {}
    warnings: list[str] = []
    for source, message in messages:
        key = _exact(message)
        at, why = (seen[key], _why(key)) if key is not None and key in seen else (None, "")
        if at is None and similar:
            at = next(
                (n for n, (s, m) in enumerate(kept) if s != source and _alike(m, message)),
                None,
            )
            why = "same date and text"
        if at is None:
            if key is not None:
                seen[key] = len(kept)
            kept.append((source, message))
            continue
        first = kept[at][1]
        label = f"message {message.index}" + (f" of input {source + 1}" if similar else "")
        warnings.append(f"{label} duplicates message {first.index} ({why}): merged, the richer version kept")
        if richness(message) > richness(first):
            kept[at] = (source, message)
            if key is not None:
                seen.setdefault(key, at)
    return [message for _, message in kept], warnings


def _reindexed(messages: Sequence[Message]) -> tuple[Message, ...]:
    return tuple(m if m.index == i else attrs.evolve(m, index=i) for i, m in enumerate(messages))


def drop_duplicates(messages: Sequence[Message]) -> tuple[tuple[Message, ...], list[str]]:
    """``messages`` without repeats (same Message-ID, or same sender, date and body), re-indexed,
    and one warning per repeat merged."""
    folded, warnings = _fold(((0, m) for m in messages), similar=False)
    if not warnings:
        return tuple(messages), []
    return _reindexed(folded), warnings


def _dated(thread: Thread) -> list[tuple[str, Message]]:
    """Each message with its date, or the date of the last dated message before it."""
    out: list[tuple[str, Message]] = []
    last = ""
    for message in thread.messages:
        last = message.sent_on or last
        out.append((last, message))
    return out


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def merge(threads: Sequence[Thread]) -> Thread:
    """One thread from several readings of the same request, oldest first.

    Messages that are one across inputs (:func:`same_message` with ``similar``) are merged, the
    richer version kept (an e-mail's over page text's: it has the envelope and the attachments);
    thread facts are the first input's that has them; ``references`` and ``warnings`` are joined,
    with one warning per merged message. ``format`` is the first input's.
    """
    if not threads:
        raise ValueError("merge needs at least one thread")
    ordered: list[tuple[str, int, int, Message]] = []
    for number, thread in enumerate(threads):
        ordered.extend((date, number, i, m) for i, (date, m) in enumerate(_dated(thread)))
    ordered.sort(key=lambda item: (item[0], item[1], item[2]))
    messages, notes = _fold(((number, m) for _, number, _, m in ordered), similar=True)
    references = tuple(dict.fromkeys(ref for thread in threads for ref in thread.references))
    warnings = tuple(dict.fromkeys(w for thread in threads for w in thread.warnings)) + tuple(notes)
    sources = [t.source for t in threads if t.source]
    return Thread(
        format=threads[0].format,
        messages=_reindexed(messages),
        authority=_first(t.authority for t in threads),
        title=_first(t.title for t in threads),
        references=references,
        warnings=warnings,
        source=" + ".join(dict.fromkeys(sources)) or None,
        status=_first(t.status for t in threads),
        regime=_first(t.regime for t in threads),
    )
