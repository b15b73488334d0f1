"""Readers: turn any supported input into a :class:`~foithread.readers.base.Document`.

:func:`read` accepts a path, bytes or text, detects the format from the content (the file
name only breaks ties) unless ``format=`` says otherwise, and dispatches to one reader.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path
from typing import IO, Union

import attrs
import regex

from foithread.errors import ParseError, limit_exceeded
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.readers.base import Document, Part

FORMATS = ("text", "eml", "mbox", "html", "wdtk-json", "wdtk-zip")
Source = Union[str, bytes, "os.PathLike[str]"]

_HEADER_LINE = regex.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]?\S?.*$")
_KNOWN_HEADERS = {
    b"from",
    b"to",
    b"subject",
    b"date",
    b"received",
    b"mime-version",
    b"return-path",
    b"message-id",
    b"delivered-to",
    b"content-type",
    b"x-mailer",
    b"reply-to",
    b"cc",
}
_HTML_START = regex.compile(rb"^\s*(?:<!DOCTYPE\s+html|<html\b|<head\b|<body\b|<div\b|<p\b)", regex.I)
#: signatures of binary formats foithread does not read: refused by detection with a clear message
_BINARY_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (an Outlook .msg, or a Word or Excel 97-2003 document)"),
    (b"\x1f\x8b", "a gzip file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"{\\rtf", "an RTF document"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = frozenset(range(0x20)) - frozenset(b"\t\n\r\x0c\x0b\x1b")
_SUFFIX_FORMATS = {
    ".eml": "eml",
    ".msg": "eml",
    ".mbox": "mbox",
    ".mbx": "mbox",
    ".html": "html",
    ".htm": "html",
    ".json": "wdtk-json",
    ".zip": "wdtk-zip",
    ".txt": "text",
}


def _looks_like_email(head: bytes) -> bool:
    known = 0
    for raw in head.splitlines()[:60]:
        line = raw.rstrip(b"\r")
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue
        if not _HEADER_LINE.match(line):
            return False
        if line.split(b":", 1)[0].lower() in _KNOWN_HEADERS:
            known += 1
            if line[:24].lower().startswith(b"content-type: multipart/"):
                known += 1  # a MIME container announces itself
    return known >= 2


def detect_format(data: bytes, name: str | None = None) -> str:
    """The format of ``data``: from its content first, then from the file name."""
    head = data[:65536]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "wdtk-zip"
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise ParseError(
                f"input is {what}, which foithread does not read; convert it to text first", source=name, where="byte 0"
            )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] == b"{" or (stripped[:1] == b"[" and stripped[1:].lstrip()[:1] == b"{"):
        # the JSON reader says precisely what is wrong when this is not an Alaveteli request
        return "wdtk-json"
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith(b"From "):
        rest = stripped.split(b"\n", 1)[1] if b"\n" in stripped else b""
        if _looks_like_email(rest):
            entries = data.count(b"\n\nFrom ") + data.count(b"\r\n\r\nFrom ")
            suffix = Path(name).suffix.lower() if name else ""
            return "eml" if entries == 0 and suffix == ".eml" else ("mbox" if entries or suffix != ".eml" else "eml")
    if _looks_like_email(stripped):
        return "eml"
    if b"<html" in head[:4096].lower() and b"</" in head:
        return "html"
    if name:
        guess = _SUFFIX_FORMATS.get(Path(name).suffix.lower())
        if guess in ("text", None):
            pass
        elif guess:
            return guess
    if b"\x00" in head and head.count(b"\x00") > len(head) // 100:
        raise ParseError("input looks binary (NUL bytes) and is no known format", source=name, where="byte 0")
    sample = head[:4096]
    if len(sample) >= 16 and sum(byte in _CONTROL for byte in sample) > len(sample) // 10:
        raise ParseError("input looks binary (control bytes) and is no known format", source=name, where="byte 0")
    return "text"


def _regular_file(path: Path, limits: Limits) -> None:
    """Refuse what is not a readable regular file of acceptable size, before opening it.

    A FIFO or device is refused up front: opening one could block for ever.
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        problem = "dangling symlink (its target does not exist)" if path.is_symlink() else "file not found"
        raise ParseError(problem, source=name) from None
    except (OSError, ValueError) as exc:
        raise ParseError(f"cannot read file: {getattr(exc, 'strerror', None) or exc}", source=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise ParseError("is a directory, not a file", source=name)
    if not stat.S_ISREG(info.st_mode):
        raise ParseError("not a regular file (a FIFO, socket or device)", source=name)
    if info.st_size > limits.max_input_bytes:
        raise limit_exceeded(
            "max_input_bytes", f"{info.st_size} bytes", limits.max_input_bytes, what="input size", source=name
        )


def _load(
    source: Source, path: Path | None, limits: Limits, name: str | None = None
) -> tuple[bytes | None, str | None, str]:
    """(bytes or None, text or None, a name for messages); ``path`` as :func:`source_path` decided,
    ``name`` what to call input given in memory (default ``<bytes>`` / ``<text>``)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        shown = name or "<bytes>"
        if len(data) > limits.max_input_bytes:
            raise limit_exceeded(
                "max_input_bytes", f"{len(data)} bytes", limits.max_input_bytes, what="input size", source=shown
            )
        return data, None, shown
    if path is None:
        if not isinstance(source, str):
            raise ParseError(f"unsupported source type {type(source).__name__}; expected a path, bytes or str")
        if len(source) > limits.max_input_bytes:
            raise limit_exceeded(
                "max_input_bytes",
                f"{len(source)} characters",
                limits.max_input_bytes,
                what="input size",
                source=name or "<text>",
            )
        return None, source, name or "<text>"
    _regular_file(path, limits)
    try:
        return path.read_bytes(), None, str(path)
    except FileNotFoundError:
        raise ParseError("file not found", source=str(path)) from None
    except IsADirectoryError:
        raise ParseError("is a directory, not a file", source=str(path)) from None
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from None


_HEAD_BYTES = 65536


#: suffixes that make a one-line ``str`` a file name rather than text (see :func:`source_path`)
NAME_SUFFIXES = frozenset(
    (
        *_SUFFIX_FORMATS,
        *(".text", ".jsonl", ".xml", ".csv", ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx"),
        *(".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".gz", ".7z", ".rar", ".parquet"),
    )
)
_MAX_PATH_CHARS = 4096


def looks_like_path(text: str) -> bool:
    """True when a ``str`` reads as a file name: one line, and a known suffix or a path separator."""
    if not text or len(text) >= _MAX_PATH_CHARS or "\n" in text or "\r" in text or not text.strip():
        return False
    return "/" in text or "\\" in text or os.sep in text or Path(text).suffix.lower() in NAME_SUFFIXES


def source_path(source: object, format: str | None = None) -> Path | None:
    """The file ``source`` names, or ``None`` when it is the input itself (bytes or text).

    The one rule every entry point uses (``parse``, ``iter_parse``, batches, Dask) to tell a
    ``str`` path from text: a ``str`` is a path when it names an existing file-system entry
    (even a dangling symlink, which is then reported); otherwise it is text, unless it *looks
    like* a file name (one line with a known suffix such as ``.txt``/``.eml`` or a path
    separator), which raises ``ParseError("file not found")`` rather than parse the name as
    text. ``format="text"`` turns that guess off (the ``str`` is text unless the file
    exists); :func:`foithread.parse_text` never reads a file at all.
    """
    if isinstance(source, os.PathLike):
        return Path(source)
    if not isinstance(source, str) or not source or len(source) >= _MAX_PATH_CHARS or "\n" in source:
        return None
    try:
        exists = os.path.lexists(source)
    except (OSError, ValueError):
        exists = False
    if exists:
        return Path(source)
    if format != "text" and looks_like_path(source):
        raise ParseError("file not found", source=source)
    return None


def path_of(source: object) -> Path | None:
    """The file ``source`` names, never raising: :func:`source_path` without the file-name check."""
    try:
        return source_path(source, "text")
    except ParseError:  # pragma: no cover - format="text" never raises
        return None


def open_mbox(path: Path, format: str | None, limits: Limits, *, whole: bool = True) -> IO[bytes] | None:
    """``path`` opened for streaming when it is (or is said to be) an mbox, else ``None``.

    ``whole=False`` (streaming entry by entry) drops the size limit on the whole file; the
    reader still holds each entry to ``limits.max_input_bytes``.
    """
    if format not in (None, "mbox"):
        return None
    _regular_file(path, limits if whole else attrs.evolve(limits, max_input_bytes=sys.maxsize))
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from None
    try:
        fmt = format or detect_format(fh.read(_HEAD_BYTES), str(path))
        if fmt == "mbox":
            fh.seek(0)
            return fh
    except BaseException:
        fh.close()
        raise
    fh.close()
    return None


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
    data, text, name = _load(source, path, limits, name)
    if data is not None and format in (None, "text") and data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
        data = None
    if not (data if data is not None else text or "").strip():
        raise ParseError("empty input: nothing to parse", source=name, format=format)
    if format is None:
        if text is not None:
            format = detect_format(
                text[:_HEAD_BYTES].encode("utf-8", "replace"), name if not name.startswith("<") else None
            )
        else:
            assert data is not None
            try:
                format = detect_format(data, name if not name.startswith("<") else None)
            except ParseError as exc:
                raise exc.with_context(source=name) from None
    try:
        doc = _dispatch(format, data, text, name, limits)
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


def _as_bytes(data: bytes | None, text: str | None) -> bytes:
    return data if data is not None else (text or "").encode("utf-8", "surrogatepass")


def _dispatch(format: str, data: bytes | None, text: str | None, name: str, limits: Limits) -> Document:
    if format == "text":
        from foithread.readers.text import read_text

        return read_text(data if data is not None else (text or ""), name)
    if format == "eml":
        from foithread.readers.email import read_eml

        return read_eml(_as_bytes(data, text), name, limits)
    if format == "mbox":
        from foithread.readers.email import read_mbox

        return read_mbox(io.BytesIO(_as_bytes(data, text)), name, limits)
    if format == "html":
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
    if format == "wdtk-json":
        from foithread.readers.wdtk_json import read_wdtk_json

        return read_wdtk_json(data if data is not None else (text or ""), name)
    if format == "wdtk-zip":
        from foithread.readers.wdtk_zip import read_wdtk_zip

        return read_wdtk_zip(_as_bytes(data, text), name, limits)
    raise ParseError(f"unknown format {format!r}")


__all__ = [
    "FORMATS",
    "Document",
    "Part",
    "detect_format",
    "looks_like_path",
    "open_mbox",
    "path_of",
    "read",
    "source_path",
]
