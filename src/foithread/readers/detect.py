"""Format detection: what an input is, from its first bytes (the file name only breaks ties).

Binary formats foithread does not read are refused here with a message that names them.
"""

from __future__ import annotations

from pathlib import Path

import regex

from foithread.errors import ParseError

#: how much of an input detection looks at
HEAD_BYTES = 65536
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
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = frozenset(range(0x20)) - frozenset(b"\t\n\r\x0c\x0b\x1b")
SUFFIX_FORMATS = {
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
    head = data[:HEAD_BYTES]
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
        guess = SUFFIX_FORMATS.get(Path(name).suffix.lower())
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
