"""Reader for WhatDoTheyKnow's "Download a zip of all correspondence" export.

The zip holds ``correspondence.txt`` (Alaveteli's ``request/show.text.erb``) and the
attachments (``<n>_<part>_<file>``). The text opens with
``This is a plain-text version of the Freedom of Information request "<title>".`` and each
event follows a rule of exactly 31 hyphens:

- incoming / outgoing mail: ``From:`` / ``To:`` / ``Date:`` lines, an optional blank line,
  the body, then (incoming) ``Attachment: <file> (<size>)`` lines;
- a resend: ``Date:`` then ``Sent request to <Authority> again[, using a new contact address].``
  (or ``Sent a follow up to … again``);
- an annotation: ``<user> left an annotation: (<date>)`` then its text;
- a hidden message: ``This message has been hidden. <reason>``.

Everything happens in memory: nothing is extracted or written to disk, and member path names
are never used to open files. A zip whose member names try to leave the archive (``../``, an
absolute path, a drive letter) is refused outright, as are zip bombs: too many members, a
declared total size or compression ratio beyond :class:`~foithread.limits.Limits`, or a
``correspondence.txt`` larger than its limit (checked on the header and again on the bytes
actually read). A zip holding no ``correspondence.txt`` but another zip is opened in turn only
while ``Limits.max_zip_depth`` allows (default 1: never). The decoded text (UTF-8, else cp1252 with a warning; CRLF/CR normalised to LF)
is the coordinate system of ``Part.offset``. Older zips that hold only
``correspondence.pdf`` are refused with a :class:`ParseError` that says so.
"""

from __future__ import annotations

import datetime
import io
import zipfile
import zlib
from typing import NamedTuple

import attrs
import regex

from foithread import discipline
from foithread.attachments.sources import from_zip, zip_files
from foithread.errors import ParseError, limit_exceeded
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.model import Sender
from foithread.readers.base import Document, Part
from foithread.readers.zipsafe import (
    base_name,
    check_archive,
    check_directory,
    nested_zip,
    read_member,
    shallowest,
)

__all__ = ["FORMAT", "MAX_MEMBER_BYTES", "MAX_RATIO", "parse_text_date", "read_wdtk_zip"]

FORMAT = "wdtk-zip"
#: the defaults of ``Limits.max_zip_member_bytes`` and ``Limits.max_zip_ratio``
MAX_MEMBER_BYTES = DEFAULT_LIMITS.max_zip_member_bytes
MAX_RATIO = DEFAULT_LIMITS.max_zip_ratio
_TIMEOUT = discipline.READER_TIMEOUT

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "ionawr"),
            ("february", "feb", "chwefror"),
            ("march", "mar", "mawrth"),
            ("april", "apr", "ebrill"),
            ("may", "mai"),
            ("june", "jun", "mehefin"),
            ("july", "jul", "gorffennaf"),
            ("august", "aug", "awst"),
            ("september", "sep", "sept", "medi"),
            ("october", "oct", "hydref"),
            ("november", "nov", "tachwedd"),
            ("december", "dec", "rhagfyr"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = r"([A-Za-z]{3,10})"
_DATE_MDY = regex.compile(r"\b" + _MONTH_NAME + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DATE_DMY = regex.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r"\.?,?\s+(\d{4})\b")
_DATE_ISO = regex.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DATE_NUM = regex.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")

_RULE = regex.compile(r"^-{31}[ \t]*$", regex.MULTILINE)
_PREAMBLE = regex.compile(
    r"This is a plain-text version of the (?:Freedom of Information|Environmental Information"
    r" Regulations|[^\n\"]{0,80}?) request\s+\"(?P<title>[^\n]*)\"(?:\s+(?:made |sent )?to\s+"
    r"(?P<authority>[^\n.]+?))?\.(?:\s|$)",
    regex.IGNORECASE,
)
_EIR = regex.compile(r"Environmental Information Regulations", regex.IGNORECASE)
_HEADER = regex.compile(r"[ \t]*(From|To|Date):[ \t]*(.*?)[ \t]*$", regex.IGNORECASE)
_ATTACHMENT = regex.compile(r"[ \t]*Attachment:[ \t]*(.+?)[ \t]+\(([^()\n]*)\)[ \t]*$")
_RESENT = regex.compile(r"\s*Sent (?:request|a follow up) to (?P<authority>.+?) again\b", regex.IGNORECASE)
_ANNOTATION = regex.compile(
    r"[ \t]*(?P<user>.+?)[ \t]+left an annotation:?[ \t]*(?:\((?P<date>[^()\n]*)\))?[ \t]*$",
    regex.IGNORECASE,
)
_HIDDEN = regex.compile(r"\s*This message has been hidden\b", regex.IGNORECASE)
# What may follow a rule: anything else after a 31-hyphen line is message text that
# happens to contain such a line. Used as a yes/no at one position, it says what
# ``\s*(?:(?:From|To|Date):|This message has been hidden\b|Sent (?:request|a follow up) to |
# [^\n]{1,200}?\sleft an annotation\b)`` said, in linear time (that form re-tried the 200-character
# window at every split of a long white-space run): the run is read once, since the first three
# start with a letter and so can only start at its end, and so can the annotation's name window,
# unless that window is one blank character of the run (``  left an annotation``), which the
# lookbehind reads (``\G`` keeps it inside the run).
_EVENT_START = regex.compile(
    r"\s*+(?:(?:From|To|Date):|This message has been hidden\b|Sent (?:request|a follow up) to "
    r"|[^\n]{1,200}?\sleft an annotation\b|(?<=\G\s*[^\S\n]\s)left an annotation\b)",
    regex.IGNORECASE,
)


def parse_text_date(value: str, timeout: float = _TIMEOUT) -> str | None:
    """ISO ``YYYY-MM-DD`` from a written date (``March 4, 2024``, ``4 March 2024``,
    ``2024-03-04``, UK ``04/03/2024``), or ``None``."""
    if not value:
        return None
    candidates: list[tuple[int, int, int]] = []
    match = _DATE_ISO.search(value, timeout=timeout)
    if match:
        candidates.append((int(match.group(1)), int(match.group(2)), int(match.group(3))))
    match = _DATE_MDY.search(value, timeout=timeout)
    if match and match.group(1).lower() in _MONTHS:
        candidates.append((int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2))))
    match = _DATE_DMY.search(value, timeout=timeout)
    if match and match.group(2).lower() in _MONTHS:
        candidates.append((int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1))))
    match = _DATE_NUM.search(value, timeout=timeout)
    if match:
        candidates.append((int(match.group(3)), int(match.group(2)), int(match.group(1))))
    for year, month, day in candidates:
        if not 1900 <= year <= 2999:
            continue
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def _member(archive: zipfile.ZipFile, source: str | None) -> zipfile.ZipInfo:
    """The ``correspondence.txt`` member (shallowest wins), or a ParseError saying why not."""
    infos = [i for i in archive.infolist() if not i.is_dir()]
    base = {i.filename: base_name(i) for i in infos}
    texts = shallowest([i for i in infos if base[i.filename] == "correspondence.txt"])
    if texts:
        return texts[0]
    if any(base[i.filename] == "correspondence.pdf" for i in infos):
        problem = (
            "this zip holds only correspondence.pdf: the older PDF-only WhatDoTheyKnow export is "
            "not supported; download a newer zip (one with correspondence.txt) from the request page"
        )
    else:
        problem = (
            "no correspondence.txt in this zip: not a WhatDoTheyKnow correspondence export "
            "(download a newer zip from the request page)"
        )
    raise ParseError(problem, source=source, format=FORMAT)


def _decode(content: bytes) -> tuple[str, list[str]]:
    try:
        text = content.decode("utf-8-sig")
        warnings: list[str] = []
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
        warnings = ["correspondence.txt is not valid UTF-8; decoded as cp1252"]
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` narrowed to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(line_start, line_end)`` of each line in ``text[start:end]`` (no newline)."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        if stop < 0:
            stop = end
        spans.append((pos, stop))
        pos = stop + 1
    return spans


class _Names:
    """Authority and requester names, learnt from the whole export before parts are made."""

    def __init__(self, authority: str | None, heads: list[dict[str, str]], resent: list[str]) -> None:
        self.authority = authority or (resent[0] if resent else None)
        if self.authority is None:
            to_values = [h["to"] for h in heads if h.get("to")]
            for candidate in to_values:  # the authority is the To whose name ends someone's From
                if any(h.get("from", "").endswith(", " + candidate) for h in heads):
                    self.authority = candidate
                    break
            if self.authority is None and to_values:
                self.authority = to_values[0]  # the first event is normally the request
        self.requester: str | None = None
        for head in heads:
            if self.authority and head.get("to") == self.authority and head.get("from"):
                self.requester = head["from"]
                break
        if self.requester is None:
            for head in heads:
                if head.get("to") and head.get("to") != self.authority:
                    self.requester = head["to"]
                    break

    def party(self, head: dict[str, str]) -> str | None:
        sender, recipient = head.get("from", ""), head.get("to", "")
        if self.authority and recipient == self.authority:
            return "requester"
        if self.authority and (sender == self.authority or sender.endswith(", " + self.authority)):
            return "authority"
        if self.requester and recipient == self.requester:
            return "authority"
        if self.requester and sender == self.requester:
            return "requester"
        return None


class _Event(NamedTuple):
    """One event between two rules: its header lines, body span and attachment names."""

    head: dict[str, str]
    start: int
    end: int
    attachments: tuple[str, ...]


def _parse_event(text: str, start: int, end: int, timeout: float = _TIMEOUT) -> _Event:
    """Pieces of one event between two rules: headers, body span, attachments, shape."""
    lines = _lines(text, start, end)
    index = 0
    while index < len(lines) and lines[index][0] == lines[index][1]:
        index += 1  # blank lines after the rule
    head: dict[str, str] = {}
    first_content = lines[index][0] if index < len(lines) else end
    while index < len(lines):
        match = _HEADER.match(text, lines[index][0], lines[index][1], timeout=timeout)
        if not match or match.group(1).lower() in head:
            break
        head[match.group(1).lower()] = match.group(2)
        index += 1
    body_start = lines[index][0] if index < len(lines) else end
    if not head:
        body_start = first_content
    # Trailing "Attachment: name (size)" lines belong to attachments, not the body.
    attachments: list[str] = []
    body_end = end
    for line_start, line_end in reversed(lines[index:]):
        if line_start == line_end or text[line_start:line_end].isspace():
            continue
        match = _ATTACHMENT.match(text, line_start, line_end, timeout=timeout)
        if not match:
            break
        attachments.insert(0, match.group(1))
        body_end = line_start
    body_start, body_end = _trimmed(text, body_start, max(body_start, body_end))
    return _Event(head, body_start, body_end, tuple(attachments))


def read_wdtk_zip(data: bytes, source: str | None = None, limits: Limits = DEFAULT_LIMITS, depth: int = 1) -> Document:
    """Read a WhatDoTheyKnow correspondence zip (in memory) into a :class:`Document`.

    ``depth`` is how many zips deep ``data`` sits (1 for the input itself).
    """
    if not isinstance(data, (bytes, bytearray)):
        raise ParseError("a WhatDoTheyKnow zip must be given as bytes", source=source, format=FORMAT)
    data = bytes(data)
    check_directory(data, limits, source)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, len(data), limits, source)
            inner = nested_zip(archive)
            try:
                info = _member(archive, source)
            except ParseError:
                if inner is None:
                    raise
                if depth >= limits.max_zip_depth:
                    raise limit_exceeded(
                        "max_zip_depth",
                        f"a zip inside a zip at depth {depth + 1}",
                        limits.max_zip_depth,
                        what="zip nesting",
                        source=source,
                        format=FORMAT,
                        where=f"member {inner.filename!r}",
                    ) from None
                nested = read_member(archive, inner, source, limits)
                return read_wdtk_zip(nested, source, limits, depth + 1)
            content = read_member(archive, info, source, limits)
            files = zip_files(archive, info.filename, limits)
    except ParseError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as exc:
        raise ParseError(f"not a readable zip file ({exc})", source=source, format=FORMAT) from exc
    except (NotImplementedError, RuntimeError, ValueError) as exc:  # encrypted, odd compression
        raise ParseError(f"cannot read this zip ({exc})", source=source, format=FORMAT) from exc
    text, warnings = _decode(content)
    try:
        document = _document(text, warnings, source, limits.regex_timeout)
    except TimeoutError as exc:
        raise limit_exceeded(
            "regex_timeout",
            "timed out",
            f"{limits.regex_timeout}s",
            what="time for one pattern match on correspondence.txt",
            source=source,
            format=FORMAT,
        ) from exc
    parts = tuple(attrs.evolve(p, attachment_details=from_zip(p.attachments, files, limits)) for p in document.parts)
    return attrs.evolve(document, parts=parts)


def _document(text: str, warnings: list[str], source: str | None, timeout: float = _TIMEOUT) -> Document:
    rules = [
        rule
        for i, rule in enumerate(_RULE.finditer(text, timeout=timeout))
        if i == 0 or _EVENT_START.match(text, rule.end(), timeout=timeout)
    ]
    if not rules:
        raise ParseError("correspondence.txt has no event rules (lines of 31 hyphens)", source=source, format=FORMAT)
    preamble = _PREAMBLE.search(text, 0, rules[0].start(), timeout=timeout)
    title = preamble.group("title").strip() if preamble else None
    named_authority = (preamble.group("authority") or "").strip() or None if preamble else None
    # Alaveteli's preamble says "Freedom of Information request" whatever the law, so only
    # an explicit EIR mention is evidence of the regime.
    regime = "eir" if _EIR.search(text, 0, rules[0].start(), timeout=timeout) else None
    if preamble is None:
        warnings.append("correspondence.txt does not open with the usual plain-text preamble")
    events = []
    for i, rule in enumerate(rules):
        stop = rules[i + 1].start() if i + 1 < len(rules) else len(text)
        events.append(_parse_event(text, rule.end(), stop, timeout))
    resent = []
    for event in events:
        match = _RESENT.match(text, event.start, event.end, timeout=timeout)
        if match:
            resent.append(match.group("authority").strip())
    heads = [e.head for e in events if {"from", "to"} <= set(e.head)]
    names = _Names(named_authority, heads, resent)
    parts = [_part(text, event, names, timeout) for event in events]
    return Document(
        format=FORMAT,
        parts=tuple(parts),
        title=title,
        authority=names.authority,
        requester=names.requester if names.requester and names.requester != "[An anonymous user]" else None,
        regime=regime,
        warnings=tuple(warnings),
        source=source,
    )


def _part(text: str, event: _Event, names: _Names, timeout: float = _TIMEOUT) -> Part:
    head, start, end, attachments = event
    sent_on = parse_text_date(head.get("date", ""), timeout)
    headers = dict(head.items())
    kind: str | None = None
    party: str | None = None
    sender: Sender | None = None
    if {"from", "to"} <= set(head):
        party = names.party(head)
        name = head["from"].lstrip(", ").strip()
        sender = Sender(name=name) if name and not name.startswith("[") else None
    elif _RESENT.match(text, start, end, timeout=timeout) or _HIDDEN.match(text, start, end, timeout=timeout):
        kind, party = "other", "platform"
    else:
        first_end = text.find("\n", start, end)
        first_end = end if first_end < 0 else first_end
        match = _ANNOTATION.match(text, start, first_end, timeout=timeout)
        if match:
            kind, party = "annotation", "requester"
            sender = Sender(name=match.group("user").strip())
            sent_on = sent_on or parse_text_date(match.group("date") or "", timeout)
            start, end = _trimmed(text, first_end, end)
    if _HIDDEN.match(text, start, end, timeout=timeout) and kind is None:
        kind, party = "other", "platform"
    return Part(
        text=text[start:end],
        offset=start,
        headers=headers,
        sender=sender,
        sent_on=sent_on,
        kind_hint=kind,
        party_hint=party,
        attachments=attachments,
        mime_type="text/plain",
    )
