"""A linear pre-pass over an email's header block, before the MIME parser reads it.

Two shapes made parsing one message take seconds to minutes: a header holding tens of
thousands of RFC 2047 encoded words (the standard library's ``decode_header`` is quadratic,
and worse on words never closed: 20,000 of them took two minutes) and a header block of
100,000 fields (mail-parser looks every name up again). :func:`bound_headers` rewrites only
such headers, in one pass, with a warning each:

- a field with more than :data:`MAX_ENCODED_WORDS` encoded words is decoded here, in one
  linear pass (a word never closed stays as it is written), and handed on as a single UTF-8
  encoded word, so the MIME parser reads the same text at once;
- fields beyond the first :data:`MAX_FIELDS` are dropped, except those foithread reads
  (``From``, ``Subject``, ``Content-Type``, ...), which are kept wherever they stand.

A header block within these bounds comes back unchanged (the same object).
"""

from __future__ import annotations

import base64
import binascii
import quopri

import regex

from foithread import discipline

__all__ = ["MAX_ENCODED_WORDS", "MAX_FIELDS", "bound_headers"]

#: encoded words one field may hold before foithread decodes it itself (a genuine Subject has a few)
MAX_ENCODED_WORDS = 64
#: header fields read before the rest are dropped (a genuine email has tens, a long relay path a few hundred)
MAX_FIELDS = 2000
_TIMEOUT = discipline.READER_TIMEOUT
#: one encoded word; no part can run past whitespace or ``?``, so scanning is linear
_WORD = regex.compile(rb"=\?([^?\s]{1,64})\?([BbQq])\?([^?\s]*)\?=")
_BETWEEN_WORDS = regex.compile(rb"[ \t\r\n]+")


def bound_headers(data: bytes, keep: frozenset[bytes]) -> tuple[bytes, list[str]]:
    """``data`` with its header block bounded, and a warning per change; ``keep`` are lower-case names."""
    end = _header_end(data)
    head = data[:end]
    if head.count(b"=?") <= MAX_ENCODED_WORDS and head.count(b"\n") <= MAX_FIELDS:
        return data, []  # cheap common case: nothing to bound
    warnings: list[str] = []
    fields = _fields(head)
    kept: list[bytes] = []
    dropped = 0
    for number, field in enumerate(fields):
        name = field.split(b":", 1)[0].strip().lower()
        if number >= MAX_FIELDS and name not in keep:
            dropped += 1
            continue
        if field.count(b"=?") > MAX_ENCODED_WORDS:
            field, words = _decoded_field(field)
            warnings.append(
                f"header {name.decode('ascii', 'replace')!r} holds {words} encoded words: decoded by foithread in one pass"
            )
        kept.append(field)
    if dropped:
        warnings.append(f"{len(fields)} header fields: {dropped} beyond the first {MAX_FIELDS} not read")
    return b"".join(kept) + data[end:], warnings


def _header_end(data: bytes) -> int:
    """Where the header block ends (its blank line included), or the end of ``data``."""
    candidates = [i for i in (data.find(b"\n\n"), data.find(b"\r\n\r\n")) if i >= 0]
    if not candidates:
        return len(data)
    first = min(candidates)
    return first + (2 if data[first : first + 2] == b"\n\n" else 4)


def _fields(head: bytes) -> list[bytes]:
    """The header block split into fields, each with its continuation lines and line ending."""
    fields: list[list[bytes]] = []
    for line in head.splitlines(keepends=True):
        if fields and line[:1] in (b" ", b"\t"):
            fields[-1].append(line)
        else:
            fields.append([line])
    return [b"".join(lines) for lines in fields]


def _decoded_field(field: bytes) -> tuple[bytes, int]:
    """A field with its encoded words decoded (linear) and re-encoded as one UTF-8 word."""
    name, _, value = field.partition(b":")
    ending = b"\r\n" if value.endswith(b"\r\n") else b"\n"
    pieces: list[str] = []
    position = 0
    words = 0
    for match in _WORD.finditer(value, timeout=_TIMEOUT):
        between = value[position : match.start()]
        if not (words and _BETWEEN_WORDS.fullmatch(between)):
            pieces.append(_unfold(between))  # whitespace between two encoded words is dropped (RFC 2047)
        pieces.append(_decode_word(*match.groups()))
        position = match.end()
        words += 1
    pieces.append(_unfold(value[position:]))
    text = "".join(pieces).strip()
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return name + b": =?utf-8?b?" + encoded.encode("ascii") + b"?=" + ending, words


def _unfold(raw: bytes) -> str:
    return raw.replace(b"\r", b"").replace(b"\n", b"").decode("utf-8", "replace")


def _decode_word(charset: bytes, encoding: bytes, payload: bytes) -> str:
    try:
        if encoding in (b"B", b"b"):
            raw = base64.b64decode(payload + b"=" * (-len(payload) % 4))
        else:
            raw = quopri.decodestring(payload.replace(b"_", b" "), header=True)
    except (binascii.Error, ValueError):
        return payload.decode("ascii", "replace")
    name = charset.split(b"*", 1)[0].decode("ascii", "replace")
    try:
        return raw.decode(name, "replace")
    except (LookupError, UnicodeError):  # unknown charsets, and codecs such as idna that refuse "replace"
        return raw.decode("utf-8", "replace")
