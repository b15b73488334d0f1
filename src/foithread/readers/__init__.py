"""Readers: turn any supported input into a :class:`~foithread.readers.base.Document`.

:func:`read` accepts a path, bytes or text (:mod:`~foithread.readers.source` tells them
apart), detects the format from the content (:mod:`~foithread.readers.detect`; the file name
only breaks ties) unless ``format=`` says otherwise, and hands the input to the reader that
:data:`READERS` lists for that format.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from types import MappingProxyType

import attrs

from foithread.errors import ParseError, limit_exceeded
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.readers.base import Document, Part
from foithread.readers.detect import HEAD_BYTES, UTF16_BOMS, detect_format
from foithread.readers.source import NAME_SUFFIXES, Source, load, looks_like_path, open_mbox, path_of, source_path

#: a reader: (bytes or None, text or None, a name for messages, limits) → Document
ReadFunction = Callable[[bytes | None, str | None, str, Limits], Document]


@attrs.frozen
class Reader:
    """One input format and the function that reads it (its module is imported on first use)."""

    format: str
    read: ReadFunction
    description: str


def _as_bytes(data: bytes | None, text: str | None) -> bytes:
    return data if data is not None else (text or "").encode("utf-8", "surrogatepass")


def _text(data: bytes | None, text: str | None, name: str, limits: Limits) -> Document:
    from foithread.readers.text import read_text

    return read_text(data if data is not None else (text or ""), name)


def _eml(data: bytes | None, text: str | None, name: str, limits: Limits) -> Document:
    from foithread.readers.email import read_eml

    return read_eml(_as_bytes(data, text), name, limits)


def _mbox(data: bytes | None, text: str | None, name: str, limits: Limits) -> Document:
    from foithread.readers.email import read_mbox

    return read_mbox(io.BytesIO(_as_bytes(data, text)), name, limits)


def _html(data: bytes | None, text: str | None, name: str, limits: Limits) -> Document:
    from foithread.readers.html import read_html
    from foithread.readers.html_message import is_platform_page, read_html_message

    payload: str | bytes = data if data is not None else (text or "")
    try:
        return read_html(payload, name, limits)
    except ParseError:
        sample = payload[:200_000].decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        if is_platform_page(sample):
            raise
        return read_html_message(payload, name)


def _wdtk_json(data: bytes | None, text: str | None, name: str, limits: Limits) -> Document:
    from foithread.readers.wdtk_json import read_wdtk_json

    return read_wdtk_json(data if data is not None else (text or ""), name)


def _wdtk_zip(data: bytes | None, text: str | None, name: str, limits: Limits) -> Document:
    from foithread.readers.wdtk_zip import read_wdtk_zip

    return read_wdtk_zip(_as_bytes(data, text), name, limits)


#: every input format, in the order the docs list them, and its reader
READERS: Mapping[str, Reader] = MappingProxyType(
    {
        r.format: r
        for r in (
            Reader("text", _text, "page text as copied from a request page, or any plain-text thread"),
            Reader("eml", _eml, "one e-mail (RFC 5322 / MIME)"),
            Reader("mbox", _mbox, "a mailbox of e-mails, streamed entry by entry from a path"),
            Reader("html", _html, "a WhatDoTheyKnow (Alaveteli) request page, or one HTML e-mail"),
            Reader("wdtk-json", _wdtk_json, "an Alaveteli request's JSON (the .json of its page)"),
            Reader("wdtk-zip", _wdtk_zip, 'an Alaveteli "download all correspondence" zip'),
        )
    }
)
FORMATS = tuple(READERS)


def read(
    source: Source,
    format: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    as_text: bool = False,
    name: str | None = None,
) -> Document:
    """Read ``source`` (path, bytes or text) into a Document.

    A ``str`` is a path or text as :func:`source_path` decides; ``as_text=True`` makes it
    text whatever it holds. An mbox file given by path is read entry by entry, never whole.
    ``name`` names input given in memory (``<bytes>`` / ``<text>`` without it).
    """
    if format is not None and format not in FORMATS:
        raise ParseError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    path = None if as_text else source_path(source, format)
    if path is not None:
        try:
            stream = open_mbox(path, format, limits)
            if stream is not None:
                from foithread.readers.email import read_mbox

                with stream:
                    return read_mbox(stream, str(path), limits)
        except ParseError as exc:
            raise exc.with_context(source=str(path)) from None
        except OSError as exc:
            raise ParseError(f"cannot read file: {exc.strerror or exc}", source=str(path), format="mbox") from None
    data, text, name = load(source, path, limits, name)
    if data is not None and format in (None, "text") and data.startswith(UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
        data = None
    if not (data if data is not None else text or "").strip():
        raise ParseError("empty input: nothing to parse", source=name, format=format)
    if format is None:
        if text is not None:
            format = detect_format(
                text[:HEAD_BYTES].encode("utf-8", "replace"), name if not name.startswith("<") else None
            )
        else:
            assert data is not None
            try:
                format = detect_format(data, name if not name.startswith("<") else None)
            except ParseError as exc:
                raise exc.with_context(source=name) from None
    try:
        doc = READERS[format].read(data, text, name, limits)
    except ParseError as exc:
        raise exc.with_context(source=name, format=format) from None
    except TimeoutError as exc:
        raise limit_exceeded(
            "regex_timeout",
            "timed out",
            f"{limits.regex_timeout}s",
            what="time for one pattern match",
            source=name,
            format=format,
        ) from exc
    except RecursionError as exc:
        raise ParseError("input too deeply nested", source=name, format=format) from exc
    except (ValueError, LookupError, UnicodeError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise ParseError(f"cannot parse: {type(exc).__name__}: {exc}", source=name, format=format) from exc
    if len(doc.parts) > limits.max_messages:
        raise limit_exceeded(
            "max_messages", len(doc.parts), limits.max_messages, what="number of messages", source=name, format=format
        )
    return doc


__all__ = [
    "FORMATS",
    "NAME_SUFFIXES",
    "READERS",
    "Document",
    "Part",
    "Reader",
    "Source",
    "detect_format",
    "looks_like_path",
    "open_mbox",
    "path_of",
    "read",
    "source_path",
]
