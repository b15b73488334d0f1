"""Plain text: WhatDoTheyKnow page-text dumps and single message bodies.

Bytes are decoded as UTF-8 (a BOM is dropped); failing that as Windows-1252 with a warning,
and as Latin-1 as the last resort. Line endings are normalised to ``\\n``: spans are offsets
into that normalised text.
"""

from __future__ import annotations

from foithread.readers.base import Document, Part


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data``, trying the declared charset, UTF-8, Windows-1252 and Latin-1 in turn."""
    warnings: list[str] = []
    tried: list[str] = []
    for enc in (declared, "utf-8-sig"):
        if not enc or enc in tried:
            continue
        tried.append(enc)
        try:
            return data.decode(enc), warnings
        except (UnicodeDecodeError, LookupError):
            if enc == declared:
                warnings.append(f"declared charset {declared!r} failed; decoded otherwise")
    try:
        text = data.decode("cp1252")
        warnings.append("input is not valid UTF-8; decoded as Windows-1252")
        return text, warnings
    except UnicodeDecodeError:
        warnings.append("input is not valid UTF-8 or Windows-1252; decoded as Latin-1")
        return data.decode("latin-1"), warnings


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: str | bytes, source: str | None = None) -> Document:
    """A page-text dump (or one message body) as a single part for the segmenter."""
    warnings: list[str] = []
    if isinstance(data, bytes):
        text, warnings = decode_bytes(data)
    else:
        text = data
    text = normalise_newlines(text).replace("\x00", "")
    return Document(
        format="text",
        parts=(Part(text=text, offset=0, segment=True),),
        warnings=tuple(warnings),
        source=source,
    )
