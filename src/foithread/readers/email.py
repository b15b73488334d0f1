"""Raw email: ``.eml`` through mail-parser, and ``mbox`` streamed one entry at a time.

Body policy: the text/plain parts, joined by a blank line; when there are none, the HTML
parts converted to text (link text kept with its URL). In a ``multipart/report`` (bounce)
or a message with an attached ``message/rfc822``, the parts after the first are the
returned or forwarded message: the reader records where they begin (``Part.quoted_from``)
so that the cleaner removes them as quoted. Spans are offsets into this decoded body.
"""

from __future__ import annotations

import email.utils
import logging
from collections.abc import Iterator
from html import unescape
from typing import IO

import regex

from foithread import discipline
from foithread.attachments.sources import from_mail
from foithread.errors import ParseError, limit_exceeded
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.model import Sender
from foithread.readers.base import Document, Part
from foithread.readers.blankfold import parse_mail
from foithread.readers.charsets import reread_bodies
from foithread.readers.mailheaders import bound_headers
from foithread.readers.ordering import REORDERED, oldest_first
from foithread.readers.text import normalise_newlines

#: headers kept for classification (lower-case)
KEPT_HEADERS = (
    "from",
    "to",
    "cc",
    "date",
    "subject",
    "auto-submitted",
    "x-autoreply",
    "x-autorespond",
    "x-auto-response-suppress",
    "precedence",
    "return-path",
    "content-type",
    "in-reply-to",
    "references",
    "message-id",
    "x-failed-recipients",
    "x-post-messageclass",
    "x-ms-exchange-generated-message-source",
    "x-mailer",
    "delivered-to",
    "list-id",
)
#: the fields foithread (and mail-parser for the body) reads: never dropped by bound_headers
_READ_HEADERS = frozenset(name.encode() for name in (*KEPT_HEADERS, "mime-version", "content-transfer-encoding"))
_PART_SEPARATOR = "\n\n"
_C1 = regex.compile(r"[\x80-\x9f]")
_FOLD = discipline.compile(
    r"(?<![ \t])[ \t]*+(?:\r?\n[ \t]*+)++",
    why="possessive runs, one line break each; tried only where a blank run starts",
)
#: mail-parser names an unnamed RTF or attached text part with ten random letters
_INVENTED_NAME = regex.compile(r"^[a-z]{10}\.(?:rtf|txt)$")

# mail-parser logs what it skips (e.g. "Email content 'ms-tnef' not handled") and, with no
# logging configured, Python prints that on stderr; foithread reports it as a warning instead.
# Records still propagate to the application's own handlers.
logging.getLogger("mailparser").addHandler(logging.NullHandler())


def _c1_as_cp1252(text: str) -> tuple[str, bool]:
    """C1 control characters read as Windows-1252 (mail labelled ISO-8859-1 that is not)."""
    if not _C1.search(text):
        return text, False

    def fix(match: regex.Match[str]) -> str:
        try:
            return bytes([ord(match.group())]).decode("cp1252")
        except UnicodeDecodeError:
            return match.group()

    return _C1.sub(fix, text), True


_BOUNDARY = regex.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))""", regex.I)
_DELIMITER = regex.compile(rb"^--([^\r\n]{1,202})", regex.M)


def multipart_depth(data: bytes, ceiling: int) -> int:
    """How deeply multipart containers nest in raw ``data``, from delimiter lines alone.

    Cheap and done before parsing, so that a message nested thousands deep is refused
    before the MIME parser spends time (or recursion) on it. Stops counting above ``ceiling``.
    """
    declared = {m.group(1) or m.group(2) for m in _BOUNDARY.finditer(data)}
    if not declared:
        return 0
    stack: list[bytes] = []
    deepest = 0
    for match in _DELIMITER.finditer(data):
        token = match.group(1)
        if token not in declared:
            token = token.rstrip(b" \t")
        closing = token.endswith(b"--") and token[:-2] in declared and token not in declared
        if closing:
            token = token[:-2]
        if token not in declared:
            continue
        if token in stack:
            del stack[stack.index(token) + (0 if closing else 1) :]
        elif not closing:
            stack.append(token)
            deepest = max(deepest, len(stack))
            if deepest > ceiling:
                break
    return deepest


def _tree_depth(message: object) -> int:
    """Nesting of multipart containers and attached messages in a parsed message (iterative)."""
    deepest = 0
    pending: list[tuple[object, int]] = [(message, 0)]
    while pending:
        node, depth = pending.pop()
        # only a container's payload: decoding a leaf's would run its charset's codec (idna raises)
        multipart = getattr(node, "is_multipart", None)
        payload = node.get_payload() if callable(multipart) and multipart() else None  # type: ignore[attr-defined]
        if isinstance(payload, list):
            deepest = max(deepest, depth + 1)
            pending.extend((child, depth + 1) for child in payload)
    return deepest


def _html_to_text(html: str) -> str:
    try:
        from foithread.readers.htmltext import html_to_text
    except ImportError:  # pragma: no cover - the converter ships with the package
        from bs4 import BeautifulSoup

        return BeautifulSoup(html, "html.parser").get_text("\n")
    return _titled(html, html_to_text(html))


#: the document title of an HTML mail part (looked for in its head only)
_TITLE = regex.compile(r"<title\b[^>]{0,200}>([^<]{1,500})</title>", regex.I)
_TITLE_WINDOW = 20_000


def _titled(html: str, text: str) -> str:
    """An HTML-only mail whose ``<title>`` is its first heading written in full (a gateway's bilingual
    ``Benachrichtigung über verschlüsselte Nachricht / Encrypted mail notification`` over the heading
    ``Benachrichtigung über verschlüsselte Nachricht``): the title leads the text. Any other title
    (Outlook's copy of the Subject, ``Untitled``) stays unread."""
    m = _TITLE.search(html, 0, _TITLE_WINDOW)
    if m is None:
        return text
    title = " ".join(unescape(m.group(1)).split())
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first and len(title) > len(first) and title.casefold().startswith(first.casefold()):
        return f"{title}\n\n{text}"
    return text


def unfold(value: str) -> str:
    """A header value on one line: each fold (a line break and the white space around it) one space."""
    return _FOLD.sub(" ", value)


def _header_value(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(unfold(str(v)) for v in value)
    return unfold(str(value))


def _subject(value: object, raw: object) -> str | None:
    """The decoded Subject (``value``, from mail-parser), or the folded ``raw`` one unfolded and
    then decoded (decoding first loses the space of a fold after an encoded word). mail-parser
    gives a list when a message repeats its Subject: the first one counts."""
    if isinstance(raw, str) and ("\n" in raw or "\r" in raw):
        from mailparser.utils import decode_header_part  # only once an e-mail is read (import time)

        value = decode_header_part(unfold(raw))
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return unfold(str(value)).strip() or None if value else None


def _attachment_names(attachments: list[dict[str, object]], data: bytes) -> tuple[str, ...]:
    """Attachment file names; mail-parser's invented random ones replaced by stable ones."""
    names: list[str] = []
    for number, attachment in enumerate(attachments, start=1):
        name = str(attachment.get("filename") or "")
        if name and _INVENTED_NAME.match(name) and name.encode() not in data:
            name = f"attachment-{number}{name[-4:]}"  # output must not depend on a random draw
        if name:
            names.append(name)
    return tuple(names)


def _sent_on(raw_date: str | None) -> str | None:
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


def _too_deep(depth: object, limits: Limits, source: str | None) -> ParseError:
    return limit_exceeded(
        "max_mime_depth", depth, limits.max_mime_depth, what="MIME nesting depth", source=source, format="eml"
    )


def parse_email_bytes(
    data: bytes, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[Part, list[str]]:
    """One email as a :class:`Part` plus warnings."""
    warnings: list[str] = []
    data = _strip_from_line(data)
    if not data.strip():
        raise ParseError("empty email", source=source, format="eml")
    data, header_warnings = bound_headers(data, _READ_HEADERS)
    warnings.extend(header_warnings)
    depth = multipart_depth(data, limits.max_mime_depth)
    if depth > limits.max_mime_depth:
        raise _too_deep(f"more than {limits.max_mime_depth}", limits, source)

    try:
        mail, plain_texts = parse_mail(data)
    except RecursionError:
        raise _too_deep("too deep for the MIME parser", limits, source) from None
    except Exception as exc:  # mail-parser wraps many failures; report them as ours
        raise ParseError(f"cannot parse email: {type(exc).__name__}: {exc}", source=source, format="eml") from exc
    msg = mail.message
    depth = _tree_depth(msg)
    if depth > limits.max_mime_depth:
        raise _too_deep(depth, limits, source)
    headers: dict[str, str] = {}
    for key in KEPT_HEADERS:
        value = msg.get(key)
        if value is not None:
            headers[key] = _header_value(value).strip()
    content_type = msg.get_content_type()
    (plain, html), charset_warnings = reread_bodies(msg, (plain_texts, mail.text_html or []))
    warnings.extend(charset_warnings)
    plain = [normalise_newlines(t) for t in plain]
    html = [normalise_newlines(t) for t in html]
    chunks = plain or [_html_to_text(h) for h in html]
    if not plain and html:
        warnings.append("no text/plain part: HTML converted to text")
    if mail.text_not_managed:
        warnings.append(
            f"{len(mail.text_not_managed)} inline part(s) of an unsupported type (not text/plain or text/html) not read"
        )
    if not any(chunk.strip() for chunk in chunks):
        warnings.append("no readable text part: the message body is empty")
    fixed = [_c1_as_cp1252(chunk) for chunk in chunks]
    chunks = [chunk for chunk, _ in fixed]
    if any(changed for _, changed in fixed):
        warnings.append("C1 control characters in the text read as Windows-1252 (mislabelled charset)")
    has_embedded = content_type == "multipart/report" or any(
        a.get("mail_content_type") == "message/rfc822" for a in mail.attachments or []
    )
    text = ""
    quoted_from: int | None = None
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
    name, address = senders[0] if senders else ("", "")
    sender = Sender(name=(name or None), email=(address or None)) if (name or address) else None
    attachments = _attachment_names(mail.attachments or [], data)
    part = Part(
        text=text,
        offset=0,
        segment=False,
        headers=headers,
        sender=sender,
        subject=_subject(mail.subject, msg.get("subject")),
        sent_on=_sent_on(msg.get("date")),
        attachments=attachments,
        mime_type=content_type,
        part_starts=tuple(starts),
        quoted_from=quoted_from,
        attachment_details=from_mail(mail.attachments or [], attachments, limits),
    )
    return part, warnings


def read_eml(data: bytes, source: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    part, warnings = parse_email_bytes(data, source, limits)
    return Document(format="eml", parts=(part,), warnings=tuple(warnings), source=source)


def iter_mbox_entries(stream: IO[bytes], max_bytes: int | None = None, source: str | None = None) -> Iterator[bytes]:
    """Yield the raw bytes of each mbox entry, reading ``stream`` line by line.

    An entry starts at a ``From `` line at the start of the file or after a blank line.
    ``>From `` quoting (mboxrd) is undone. An entry (or a line) longer than ``max_bytes``
    raises a ParseError, so memory stays bounded whatever the file holds.
    """
    current: list[bytes] = []
    size = 0
    previous_blank = True
    cap = -1 if max_bytes is None else max_bytes + 1
    for line in iter(lambda: stream.readline(cap), b""):
        if line.startswith(b"From ") and previous_blank:
            if current:
                yield b"".join(current)
            current = []
            size = 0
        elif line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
            line = line[1:]
        current.append(line)
        size += len(line)
        if max_bytes is not None and size > max_bytes:
            raise limit_exceeded(
                "max_input_bytes",
                f"more than {max_bytes} bytes",
                max_bytes,
                what="size of one mbox entry",
                source=source,
                format="mbox",
            )
        previous_blank = not line.strip()
    if current and b"".join(current).strip():
        yield b"".join(current)


def iter_mbox_parts(
    stream: IO[bytes], source: str | None = None, warnings: list[str] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Part]:
    """Parts of an mbox, one entry at a time; problems are appended to ``warnings``.

    An unreadable entry is skipped with a warning; an entry beyond a limit stops the mbox.
    """
    sink = warnings if warnings is not None else []
    for number, entry in enumerate(iter_mbox_entries(stream, limits.max_input_bytes, source), start=1):
        if number > limits.max_messages:
            raise limit_exceeded(
                "max_messages",
                f"more than {limits.max_messages}",
                limits.max_messages,
                what="number of mbox entries",
                source=source,
                format="mbox",
                where=f"entry {number}",
            )
        try:
            part, part_warnings = parse_email_bytes(entry, source, limits)
        except ParseError as exc:
            if exc.limit:
                raise ParseError(
                    exc.problem, source=source, format="mbox", where=f"entry {number}", limit=exc.limit
                ) from None
            sink.append(f"mbox entry {number} skipped: {exc.problem}")
            continue
        sink.extend(f"mbox entry {number}: {w}" for w in part_warnings)
        yield part


def read_mbox(stream: IO[bytes], source: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """A whole mailbox, its entries oldest first (:mod:`.ordering`); repeated messages are
    merged later, with the thread's other duplicates (:func:`foithread.merge.drop_duplicates`)."""
    warnings: list[str] = []
    parts = list(iter_mbox_parts(stream, source, warnings, limits))
    if not parts:
        raise ParseError("mbox holds no readable message", source=source, format="mbox")
    ordered, moved = oldest_first(parts)
    if moved:
        warnings.append(REORDERED)
    return Document(format="mbox", parts=ordered, warnings=tuple(warnings), source=source)
