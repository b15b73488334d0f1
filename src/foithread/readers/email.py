"""Raw email: ``.eml`` through mail-parser, and ``mbox`` streamed one entry at a time.

Body policy: the text/plain parts, joined by a blank line; when there are none, the HTML
parts converted to text (link text kept with its URL). In a ``multipart/report`` (bounce)
or a message with an attached ``message/rfc822``, the parts after the first are the
returned or forwarded message: the reader records where they begin (``Part.quoted_from``)
so that the cleaner removes them as quoted. Spans are offsets into this decoded body.
"""

from __future__ import annotations

import email.utils
from collections.abc import Iterator
from typing import IO, Optional

import mailparser

from foithread.errors import ParseError
from foithread.model import Sender
from foithread.readers.base import Document, Part
from foithread.readers.text import normalise_newlines

#: headers kept for classification (lower-case)
KEPT_HEADERS = (
    "from", "to", "cc", "date", "subject", "auto-submitted", "x-autoreply", "x-autorespond",
    "x-auto-response-suppress", "precedence", "return-path", "content-type", "in-reply-to",
    "references", "message-id", "x-failed-recipients", "x-post-messageclass", "x-ms-exchange-generated-message-source",
    "x-mailer", "delivered-to", "list-id",
)
_PART_SEPARATOR = "\n\n"


def _html_to_text(html: str) -> str:
    try:
        from foithread.readers.htmltext import html_to_text
    except ImportError:  # pragma: no cover - the converter ships with the package
        from bs4 import BeautifulSoup

        return BeautifulSoup(html, "html.parser").get_text("\n")
    return html_to_text(html)


def _header_value(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _sent_on(raw_date: Optional[str]) -> Optional[str]:
    if not raw_date:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(raw_date.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed.date().isoformat()


def _strip_from_line(data: bytes) -> bytes:
    if data.startswith(b"From "):
        nl = data.find(b"\n")
        return data[nl + 1 :] if nl >= 0 else b""
    return data


def parse_email_bytes(data: bytes, source: Optional[str] = None) -> tuple[Part, list[str]]:
    """One email as a :class:`Part` plus warnings."""
    warnings: list[str] = []
    data = _strip_from_line(data)
    if not data.strip():
        raise ParseError("empty email", source=source, format="eml")
    try:
        mail = mailparser.parse_from_bytes(data)
    except Exception as exc:  # mail-parser wraps many failures; report them as ours
        raise ParseError(f"cannot parse email: {type(exc).__name__}: {exc}", source=source, format="eml") from exc
    msg = mail.message
    headers: dict[str, str] = {}
    for key in KEPT_HEADERS:
        value = msg.get(key)
        if value is not None:
            headers[key] = _header_value(value).strip()
    content_type = msg.get_content_type()
    plain = [normalise_newlines(t) for t in (mail.text_plain or [])]
    html = [normalise_newlines(t) for t in (mail.text_html or [])]
    chunks = plain or [_html_to_text(h) for h in html]
    if not plain and html:
        warnings.append("no text/plain part: HTML converted to text")
    has_embedded = content_type == "multipart/report" or any(
        a.get("mail_content_type") == "message/rfc822" for a in mail.attachments or []
    )
    text = ""
    quoted_from: Optional[int] = None
    starts: list[int] = []
    for index, chunk in enumerate(chunks):
        if index:
            text += _PART_SEPARATOR
            if has_embedded and quoted_from is None:
                quoted_from = len(text)
        starts.append(len(text))
        text += chunk.strip("\n") + "\n"
    if mail.has_defects:
        warnings.extend(f"MIME defect: {d}" for d in sorted(mail.defects_categories))
    senders = mail.from_ or []
    name, address = (senders[0] if senders else ("", ""))
    sender = Sender(name=(name or None), email=(address or None)) if (name or address) else None
    attachments = tuple(
        str(a.get("filename") or "") for a in (mail.attachments or []) if a.get("filename")
    )
    part = Part(
        text=text,
        offset=0,
        segment=False,
        headers=headers,
        sender=sender,
        subject=(mail.subject or None),
        sent_on=_sent_on(msg.get("date")),
        attachments=attachments,
        mime_type=content_type,
        part_starts=tuple(starts),
        quoted_from=quoted_from,
    )
    return part, warnings


def read_eml(data: bytes, source: Optional[str] = None) -> Document:
    part, warnings = parse_email_bytes(data, source)
    return Document(format="eml", parts=(part,), warnings=tuple(warnings), source=source)


def iter_mbox_entries(stream: IO[bytes]) -> Iterator[bytes]:
    """Yield the raw bytes of each mbox entry, reading ``stream`` line by line.

    An entry starts at a ``From `` line at the start of the file or after a blank line.
    ``>From `` quoting (mboxrd) is undone.
    """
    current: list[bytes] = []
    previous_blank = True
    for line in stream:
        if line.startswith(b"From ") and previous_blank:
            if current:
                yield b"".join(current)
            current = []
        elif line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
            line = line[1:]
        current.append(line)
        previous_blank = not line.strip()
    if current and b"".join(current).strip():
        yield b"".join(current)


def iter_mbox_parts(stream: IO[bytes], source: Optional[str] = None,
                    warnings: Optional[list[str]] = None) -> Iterator[Part]:
    """Parts of an mbox, one entry at a time; problems are appended to ``warnings``."""
    sink = warnings if warnings is not None else []
    for number, entry in enumerate(iter_mbox_entries(stream), start=1):
        try:
            part, part_warnings = parse_email_bytes(entry, source)
        except ParseError as exc:
            sink.append(f"mbox entry {number} skipped: {exc.problem}")
            continue
        sink.extend(f"mbox entry {number}: {w}" for w in part_warnings)
        yield part


def read_mbox(stream: IO[bytes], source: Optional[str] = None) -> Document:
    warnings: list[str] = []
    parts = list(iter_mbox_parts(stream, source, warnings))
    if not parts:
        raise ParseError("mbox holds no readable message", source=source, format="mbox")
    return Document(format="mbox", parts=tuple(parts), warnings=tuple(warnings), source=source)
