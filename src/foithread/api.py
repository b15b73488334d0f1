"""The public entry points: :func:`parse` and :func:`iter_parse`.

Whatever the input, the only exception that leaves these functions is
:class:`~foithread.errors.ParseError`: bad input and inputs beyond the
:class:`~foithread.limits.Limits` raise it by design, and as a last resort any unexpected
failure inside foithread is turned into one too (``internal=True``, message
``internal error: …``), naming the source, so that one bad file never takes a caller down.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable, Iterator

import attrs

from foithread import recover
from foithread.errors import ParseError, ParseWarning, limit_exceeded
from foithread.limits import Limits, limits_or_default
from foithread.model import Message, Thread
from foithread.pipeline import build_thread, iter_messages
from foithread.readers import Source, looks_like_path, open_mbox, path_of, read, source_path
from foithread.readers.base import Part
from foithread.readers.email import iter_mbox_parts
from foithread.rules import Rules, rules_or_default


def source_name(source: object, name: str | None = None) -> str:
    """How error messages name ``source``: its path, else ``name`` when given, else ``<bytes>`` or ``<text>``."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return name or "<bytes>"
    path = path_of(source)
    if path is not None:
        return str(path)
    if isinstance(source, str):
        return source if looks_like_path(source) and len(source) < 300 else name or "<text>"
    return name or f"<{type(source).__name__}>"


def _internal(exc: BaseException, source: object, format: str | None, name: str | None = None) -> ParseError:
    """A stand-in ParseError for a failure that is foithread's fault, not the input's."""
    shown = source_name(source, name)
    if isinstance(exc, RecursionError):
        return ParseError("input too deeply nested", source=shown, format=format)
    if isinstance(exc, MemoryError):
        return ParseError("input too large for the memory available", source=shown, format=format)
    problem = f"internal error: {type(exc).__name__}: {exc}"[:500]
    return ParseError(
        problem + " (a bug in foithread; please report it with the input)",
        source=shown,
        format=format,
        internal=True,
    )


def _capped(messages: Iterable[Message], limits: Limits, source: str | None, format: str | None) -> Iterator[Message]:
    for count, message in enumerate(messages, start=1):
        if count > limits.max_messages:
            raise limit_exceeded(
                "max_messages",
                f"more than {limits.max_messages}",
                limits.max_messages,
                what="number of messages",
                source=source,
                format=format,
            )
        yield message


def _warn(found: list[str]) -> None:
    """Issue (and forget) what a reader appended to ``found``."""
    for text in found:
        warnings.warn(text, ParseWarning, stacklevel=3)
    found.clear()


def _surfacing(parts: Iterable[Part], found: list[str]) -> Iterator[Part]:
    """``parts`` unchanged, issuing the warnings each one's reading left in ``found`` first."""
    for part in parts:
        _warn(found)
        yield part


def parse(
    source: Source,
    format: str | None = None,
    *,
    rules: Rules | None = None,
    limits: Limits | None = None,
    name: str | None = None,
    recover_quoted: bool = False,
) -> Thread:
    """Parse one input (a path, raw bytes, or text) into a :class:`~foithread.model.Thread`.

    ``format`` is ``None`` (detect from the content) or one of ``"text"``, ``"eml"``,
    ``"mbox"``, ``"html"``, ``"wdtk-json"``, ``"wdtk-zip"``. ``rules`` replaces the default
    rule tables (``None``: :data:`~foithread.rules.DEFAULT_RULES`, see :mod:`foithread.rules`);
    ``limits`` the default resource limits (``None``: :data:`~foithread.limits.DEFAULT_LIMITS`).
    ``name`` is what ``thread.source`` and error messages call an input given in memory
    (default ``<bytes>`` or ``<text>``; the command line passes ``<stdin>``); a name with a
    file suffix also breaks format ties as a file name would. Raises
    :class:`~foithread.errors.ParseError`, and nothing else, for input that cannot be handled.

    A ``str`` naming an existing file is read from that file. Any other ``str`` is the input
    itself, except one that looks like a file name (a single line with a known suffix such as
    ``.txt`` or ``.eml``, or a path separator): that raises ``ParseError("file not found")``
    rather than parse the name as text. ``format="text"`` turns that guess off; to parse a
    ``str`` as text whatever it holds, use :func:`parse_text`.

    ``recover_quoted=True`` adds the messages that the input's messages quote, rebuilt as messages of
    their own (:func:`foithread.recover_quoted`); by default the thread holds the input's own messages.
    """
    return _parse(source, format, rules, limits, as_text=False, name=name, recover_quoted=recover_quoted)


def parse_text(
    text: str,
    format: str | None = None,
    *,
    rules: Rules | None = None,
    limits: Limits | None = None,
    name: str | None = None,
    recover_quoted: bool = False,
) -> Thread:
    """Parse ``text`` itself (never a file name) into a :class:`~foithread.model.Thread`.

    As :func:`parse`, but the ``str`` is always the input: ``parse_text("notes.txt")`` parses
    the nine characters, where ``parse("notes.txt")`` reads the file (or raises "file not
    found"). ``format`` is detected from the content unless given.
    """
    if not isinstance(text, str):
        raise ParseError(f"parse_text expects a str, not {type(text).__name__}; use parse for paths and bytes")
    return _parse(text, format, rules, limits, as_text=True, name=name, recover_quoted=recover_quoted)


def _parse(
    source: Source,
    format: str | None,
    rules: Rules | None,
    limits: Limits | None,
    *,
    as_text: bool,
    name: str | None,
    recover_quoted: bool = False,
) -> Thread:
    rules, limits = rules_or_default(rules), limits_or_default(limits)
    doc = None
    try:
        doc = read(source, format, limits, as_text=as_text, name=name)
        read_doc = doc
        thread = build_thread(
            doc, rules, lambda messages: _capped(messages, limits, read_doc.source, read_doc.format), limits
        )
        return recover.recover_quoted(thread, rules=rules, limits=limits) if recover_quoted else thread
    except ParseError:
        raise
    except Exception as exc:
        raise _internal(exc, "<text>" if as_text else source, doc.format if doc is not None else format, name) from exc


def iter_parse(
    source: Source,
    format: str | None = None,
    *,
    rules: Rules | None = None,
    limits: Limits | None = None,
    name: str | None = None,
) -> Iterator[Message]:
    """Yield the messages of ``source`` one by one.

    An mbox given by path is read, parsed and yielded entry by entry, so memory stays flat
    however large the file, and ``limits.max_messages`` (a cap on one thread held in memory)
    does not apply to it: a mailbox of a million messages streams through. Every other limit
    applies to each entry. Other inputs are parsed whole first, with all limits. Thread-level facts (authority,
    thread references) need :func:`parse`; the warnings :func:`parse` lists in
    ``thread.warnings`` (an unreadable mbox entry skipped, a bad charset) are issued as
    :class:`~foithread.errors.ParseWarning` through Python's ``warnings`` (for a streamed mbox as
    soon as the entry is read, before the next message is yielded). A streamed mbox comes in
    the file's order, repeats included: :func:`parse` orders an mbox oldest first and merges
    repeated messages, which needs the whole mailbox at once. ``rules``, ``limits`` and
    ``name`` are as for :func:`parse`. Raises only :class:`~foithread.errors.ParseError`, also
    while iterating.
    """
    rules, limits = rules_or_default(rules), limits_or_default(limits)
    try:
        path = source_path(source, format)
        stream = open_mbox(path, format, limits, whole=False) if path is not None else None
    except ParseError:
        raise
    except Exception as exc:
        raise _internal(exc, source, format, name) from exc
    if stream is None:
        thread = parse(source, format, rules=rules, limits=limits, name=name)
        _warn(list(thread.warnings))
        yield from thread.messages
        return
    shown = str(path)
    try:
        with stream:
            found: list[str] = []
            parts = iter_mbox_parts(stream, shown, found, attrs.evolve(limits, max_messages=sys.maxsize))
            yield from iter_messages(
                _surfacing(parts, found),
                rules,
                limits=limits,
                warnings=found,
                budget_each=True,
                source=shown,
                format="mbox",
            )
            _warn(found)
    except ParseError as exc:
        raise exc.with_context(source=shown, format="mbox") from None
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=shown, format="mbox") from None
    except ParseWarning:  # the caller turned warnings into errors: theirs to see
        raise
    except Exception as exc:
        raise _internal(exc, source, "mbox") from exc
