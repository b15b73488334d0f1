"""MIME-parse an email with its long runs of blank lines folded (issue 10).

The standard library's MIME parser works line by line in Python: 2 MB of blank lines in a
body are two million lines and take it seconds. :func:`parse_mail` cuts every run of more than
``2 * KEEP + 1`` copies of one blank line to ``KEEP`` copies, a marker line and ``KEEP``
copies, parses that, and writes the cut copies back into the decoded text parts. The result is
the one the whole input gives, or the whole input is parsed instead: the shortcut is taken only
when every marker comes back exactly once, between its ``KEEP`` copies, in a text/plain part
whose charset decodes ASCII as itself byte by byte, and the message has no attachment, HTML,
other inline part or defect that a marker could have reached.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

import regex

from foithread import discipline

if TYPE_CHECKING:
    import mailparser

#: copies of the blank line kept on each side of a marker
KEEP = 100
#: a run of one blank line (spaces or tabs, up to 78, and its line end) more than ``2 * KEEP + 1``
#: times; tried at line starts, where it reads the run once
_RUN = discipline.compile(
    rb"^([ \t]{0,78}+\r?+\n)(?:\1){201,}+", regex.M, why="a line start, then copies of that one line"
)
#: codecs that read every ASCII byte as that character, one byte at a time or self-synchronising
_ASCII_SAFE = ("utf-8", "ascii", "latin-1", "iso8859", "cp125", "windows-125")


def parse_mail(data: bytes) -> tuple[mailparser.MailParser, list[str]]:
    """The parsed mail and its text/plain parts, decoded, as ``mailparser.parse_from_bytes`` reads them."""
    import mailparser  # here, not at the top: its import is paid by e-mail inputs only

    runs = [(m.start(), m.end(), m.group(1)) for m in _RUN.finditer(data)] if len(data) > 16_384 else []
    if runs:
        token = _token(data)
        folded = _folded(data, runs, token)
        try:
            mail = mailparser.parse_from_bytes(folded)
        except Exception:  # the whole input is parsed instead, and reports its own error
            mail = None
        plain = _restored(mail, runs, token) if mail is not None else None
        if plain is not None:
            return mail, plain
    mail = mailparser.parse_from_bytes(data)
    return mail, list(mail.text_plain or [])


def _token(data: bytes) -> bytes:
    number = 0
    while b"FoiThreadFold%d" % number in data:
        number += 1
    return b"FoiThreadFold%dx" % number


def _marker(token: bytes, index: int, unit: bytes) -> bytes:
    return token + b"%d" % index + (b"\r\n" if unit.endswith(b"\r\n") else b"\n")


def _folded(data: bytes, runs: list[tuple[int, int, bytes]], token: bytes) -> bytes:
    pieces = []
    at = 0
    for index, (start, _, unit) in enumerate(runs):
        pieces += [data[at:start], unit * KEEP, _marker(token, index, unit), unit * KEEP]
        at = runs[index][1]
    pieces.append(data[at:])
    return b"".join(pieces)


def _restored(mail: mailparser.MailParser, runs: list[tuple[int, int, bytes]], token: bytes) -> list[str] | None:
    if mail.attachments or mail.text_html or mail.text_not_managed or mail.has_defects:
        return None
    for part in mail.message.walk():
        if part.get_content_maintype() == "text" and not _ascii_safe(part.get_content_charset() or "ascii"):
            return None
    texts = list(mail.text_plain or [])
    for index, (start, end, unit) in enumerate(runs):
        marker = _marker(token, index, unit).decode("ascii")
        line = unit.decode("ascii")
        found = [(k, t.find(marker)) for k, t in enumerate(texts) if marker in t]
        if len(found) != 1:
            return None
        k, at = found[0]
        text = texts[k]
        if text.count(marker) != 1 or not text.endswith(line * KEEP, 0, at):
            return None
        if not text.startswith(line * KEEP, at + len(marker)):
            return None
        copies = (end - start) // len(unit) - 2 * KEEP
        texts[k] = text[:at] + line * copies + text[at + len(marker) :]
    return texts


def _ascii_safe(charset: str) -> bool:
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return False
    return name.startswith(_ASCII_SAFE)
