"""Reader for WhatDoTheyKnow (Alaveteli, WDTK theme) request pages saved as HTML.

One :class:`Part` per correspondence block and per annotation, in page order:

- ``div.outgoing.correspondence`` → party ``requester``; ``div.incoming.correspondence`` →
  party ``authority``; a resend notice (``p.event_plain`` "Sent request to … again") or a
  hidden message (``This message has been hidden…``) → kind ``other``, party ``platform``;
- ``div.comment_in_request`` → kind ``annotation``, party ``requester``; its text is the
  comment body only (the ``h2`` "<user> left an annotation (<date>)" heading gives the
  sender and the date).

The decoded text of the page, the coordinate system of spans, is the part texts joined
with ``"\\n\\n"``; every ``Part.offset`` is its text's start there. Message text comes from
:func:`~foithread.readers.htmltext.html_to_text` after dropping page furniture (headers,
"Link to this" footers, suggestions, donate boxes, the "show quoted sections" link) and the
attachment list, whose file names go to ``Part.attachments``.
"""

from __future__ import annotations

from urllib.parse import unquote

import attrs
import regex
from bs4 import BeautifulSoup
from bs4.element import Tag

from foithread import discipline
from foithread.errors import ParseError, limit_exceeded
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.model import Sender
from foithread.readers.base import Document, Part
from foithread.readers.htmlguard import bound_html
from foithread.readers.htmltext import html_to_text
from foithread.readers.wdtk_zip import parse_text_date

__all__ = ["FORMAT", "read_html"]

FORMAT = "html"
_TIMEOUT = discipline.READER_TIMEOUT

_WS = regex.compile(r"\s+")
_ISO_DATE = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", regex.I)
_ANNOTATION = regex.compile(r"^(.*?)\s+left an annotation\b\s*:?\s*\(?([^()]*)\)?", regex.I)
_DOM_ID = regex.compile(r"^(incoming|outgoing|comment)-(\d+)")
_USER_LINK = regex.compile(r"/user/")
_FROM_PREFIX = regex.compile(r"^From:\s*", regex.I)
_RESENT = regex.compile(r"^\s*(?:Sent (?:request|a follow up) to .* again|Resent\b)", regex.I)
_HIDDEN = regex.compile(r"^\s*This message has been hidden\b", regex.I)
_TITLE_AUTHORITY = regex.compile(
    r"^(.*?) - an? (?:Freedom of Information|Environmental Information Regulations|FOI|EIR)?"
    r".*?request to (.+?)(?: - WhatDoTheyKnow.*)?$",
    regex.I,
)

# Furniture inside a correspondence or comment block that is not message text.
_DROP_CLASSES = (
    "correspondence__header",
    "correspondence__suggestion",
    "correspondence_info",
    "correspondence__footer",
    "donate-cta",
    "unfold_link",
    "event_actions",
    "js-delivery-log-ajax-error",
    "attachments",
    "user_photo_on_comment",
    "cplink__field",
)

# Alaveteli status sentences → described_state codes (first match wins).
_STATUS = (
    (regex.compile(r"partially successful", regex.I), "partially_successful"),
    (regex.compile(r"\bsuccessful", regex.I), "successful"),
    (regex.compile(r"not have the information|information not held|not held", regex.I), "not_held"),
    (regex.compile(r"\brefused|\brejected", regex.I), "rejected"),
    (regex.compile(r"internal review", regex.I), "internal_review"),
    (regex.compile(r"clarification", regex.I), "waiting_clarification"),
    (regex.compile(r"long overdue|very overdue", regex.I), "waiting_response_very_overdue"),
    (regex.compile(r"\bdelayed|overdue", regex.I), "waiting_response_overdue"),
    (regex.compile(r"waiting for a response|awaiting response", regex.I), "waiting_response"),
    (regex.compile(r"\bby post|handled by post", regex.I), "gone_postal"),
    (regex.compile(r"withdrawn", regex.I), "user_withdrawn"),
    (regex.compile(r"delivery error", regex.I), "error_message"),
    (regex.compile(r"unusual response|requires admin", regex.I), "requires_admin"),
    (regex.compile(r"vexatious", regex.I), "vexatious"),
    (regex.compile(r"not a valid (?:FOI|request)", regex.I), "not_foi"),
)


def _clean(value: str, timeout: float = _TIMEOUT) -> str:
    return _WS.sub(" ", value, timeout=timeout).strip()


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class")
    if not value:
        return []
    return value.split() if isinstance(value, str) else [str(v) for v in value]


def _is_user_link(href: str | None) -> bool:
    return href is not None and _USER_LINK.search(href) is not None


def _id_headers(block: Tag, timeout: float = _TIMEOUT) -> dict[str, str]:
    """The block's DOM id, and the Alaveteli message or comment id it encodes."""
    block_id = str(block.get("id") or "")
    if not block_id:
        return {}
    headers = {"x-alaveteli-anchor": block_id}
    match = _DOM_ID.match(block_id, timeout=timeout)
    if match:
        key = "comment-id" if match.group(1) == "comment" else f"{match.group(1)}-message-id"
        headers[f"x-alaveteli-{key}"] = match.group(2)
    return headers


def _decode(data: str | bytes, source: str | None, timeout: float = _TIMEOUT) -> tuple[str, list[str]]:
    """Text of the page and any decoding warnings."""
    if isinstance(data, str):
        return data.lstrip("\ufeff"), []
    if not isinstance(data, (bytes, bytearray)):
        raise ParseError("expected HTML text or bytes", source=source, format=FORMAT)
    raw = bytes(data)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace").lstrip("\ufeff"), []
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(raw[:4096], timeout=timeout)
    if match:
        charset = match.group(1).decode("ascii", "replace")
        try:
            return raw.decode(charset), []
        except (LookupError, UnicodeDecodeError):
            pass
    warning = "HTML is not valid UTF-8 and names no usable charset; decoded as cp1252"
    return raw.decode("cp1252", errors="replace"), [warning]


def _blocks(soup: BeautifulSoup) -> list[Tag]:
    """Correspondence and annotation blocks in page order (outermost only)."""
    found: list[Tag] = []
    for tag in soup.find_all("div"):
        names = _classes(tag)
        if "correspondence" not in names and "comment_in_request" not in names:
            continue
        if any(_is_block(parent) for parent in tag.parents if isinstance(parent, Tag)):
            continue
        found.append(tag)
    return found


def _is_block(tag: Tag) -> bool:
    names = _classes(tag)
    return tag.name == "div" and ("correspondence" in names or "comment_in_request" in names)


def _iso_date(block: Tag, timeout: float = _TIMEOUT) -> str | None:
    """The ISO date of the first ``time[datetime]`` in the block, else a written date."""
    for time_tag in block.find_all("time"):
        value = str(time_tag.get("datetime") or "")
        match = _ISO_DATE.match(value, timeout=timeout)
        if match:
            return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
        parsed = parse_text_date(time_tag.get_text(" "), timeout)
        if parsed:
            return parsed
    header = block.find(class_="correspondence__header__date") or block.find("h2")
    if isinstance(header, Tag):
        return parse_text_date(_clean(header.get_text(" "), timeout), timeout)
    return None


def _author(block: Tag, timeout: float = _TIMEOUT) -> str | None:
    """The header author ("Name, Authority" for incoming mail), whitespace collapsed."""
    span = block.find(class_="correspondence__header__author")
    if isinstance(span, Tag):
        return _clean(span.get_text(" "), timeout).replace(" ,", ",") or None
    for name in ("correspondence__header__from", "correspondence__header__from--with-delivery-status"):
        div = block.find(class_=name)
        if isinstance(div, Tag):
            parts = [str(s) for s in div.find_all(string=True, recursive=False)]
            value = _clean(" ".join(parts), timeout)
            if value:
                return value
    # Older Alaveteli: <h2>From: Name<br>Authority<br><br>date</h2> or <h2><a>User</a><br>date</h2>.
    heading = block.find("h2")
    body = block.find(class_="correspondence_text")
    if isinstance(heading, Tag) and not (isinstance(body, Tag) and body in heading.parents):
        pieces = []
        for string in heading.find_all(string=True):
            piece = _clean(str(string), timeout)
            piece = _FROM_PREFIX.sub("", piece, timeout=timeout)
            if piece and not parse_text_date(piece, timeout):
                pieces.append(piece)
        if pieces:
            return ", ".join(pieces)
    return None


def _attachments(block: Tag, timeout: float = _TIMEOUT) -> tuple[str, ...]:
    names: list[str] = []
    for box in block.find_all(class_="attachments"):
        for item in box.find_all(class_="attachment"):
            label = item.find(class_="attachment__name") or item.find("strong")
            name = _clean(label.get_text(" "), timeout) if isinstance(label, Tag) else ""
            if not name:
                link = item.find("a", href=True)
                if isinstance(link, Tag):
                    name = unquote(str(link["href"]).rstrip("/").rsplit("/", 1)[-1])
            if name and name not in names:
                names.append(name)
    return tuple(names)


def _strip_furniture(body: Tag) -> None:
    for name in _DROP_CLASSES:
        for tag in body.find_all(class_=name):
            tag.decompose()
    for tag in body.find_all(["script", "style"]):
        tag.decompose()


def _correspondence_part(block: Tag, timeout: float = _TIMEOUT) -> Part:
    names = _classes(block)
    party = "requester" if "outgoing" in names else "authority" if "incoming" in names else None
    author = _author(block, timeout)
    sent_on = _iso_date(block, timeout)
    attachments = _attachments(block, timeout)
    kind: str | None = None
    body = block.find("div", class_="correspondence_text")
    if isinstance(body, Tag):
        _strip_furniture(body)
        text = html_to_text(body)
    else:
        # Resend notices and hidden messages have no message body.
        body = block.find("p", class_="event_plain") or block.find(id="hidden_message") or block
        _strip_furniture(body)
        if body is block:
            for heading in block.find_all("h2"):
                heading.decompose()
        text = html_to_text(body)
        if _RESENT.match(text, timeout=timeout) or _HIDDEN.match(text, timeout=timeout):
            kind, party = "other", "platform"
    headers = _id_headers(block, timeout)
    return Part(
        text=text,
        headers=headers,
        sender=Sender(name=author) if author and party != "platform" else None,
        sent_on=sent_on,
        kind_hint=kind,
        party_hint=party,
        attachments=attachments,
        mime_type="text/html",
    )


def _annotation_part(block: Tag, timeout: float = _TIMEOUT) -> Part:
    heading = block.find("h2")
    author: str | None = None
    sent_on = _iso_date(heading, timeout) if isinstance(heading, Tag) else None
    if isinstance(heading, Tag):
        user = heading.find("a", attrs={"href": _is_user_link})
        if isinstance(user, Tag):
            author = _clean(user.get_text(" "), timeout) or None
        if author is None:
            match = _ANNOTATION.match(_clean(heading.get_text(" "), timeout), timeout=timeout)
            if match:
                author = match.group(1) or None
    if sent_on is None:
        sent_on = _iso_date(block, timeout)
    body = block.find(class_="comment_in_request_text")
    if not isinstance(body, Tag):
        body = block
    if isinstance(heading, Tag):
        heading.decompose()
    _strip_furniture(body)
    headers = _id_headers(block, timeout)
    return Part(
        text=html_to_text(body),
        headers=headers,
        sender=Sender(name=author) if author else None,
        sent_on=sent_on,
        kind_hint="annotation",
        party_hint="requester",
        mime_type="text/html",
    )


def _status(soup: BeautifulSoup, timeout: float = _TIMEOUT) -> str | None:
    box = soup.find(id="request_status") or soup.find(class_="request-status-message")
    if not isinstance(box, Tag):
        box = soup.find(class_="request-status")
    if not isinstance(box, Tag):
        return None
    text = _clean(box.get_text(" "), timeout)
    if not text:
        return None
    for pattern, code in _STATUS:
        if pattern.search(text, timeout=timeout):
            return code
    return text


def _header_facts(soup: BeautifulSoup, timeout: float = _TIMEOUT) -> dict[str, str | None]:
    """Title, authority, requester and regime from the request header (or the <title>)."""
    facts: dict[str, str | None] = {"title": None, "authority": None, "requester": None, "regime": None}
    header = soup.find("div", class_="request-header")
    h1 = header.find("h1") if isinstance(header, Tag) else None
    if isinstance(h1, Tag):
        facts["title"] = _clean(h1.get_text(" "), timeout) or None
    subtitle = soup.find(class_="request-header__subtitle")
    if not isinstance(subtitle, Tag) and isinstance(header, Tag):
        subtitle = header.find("p")
    if isinstance(subtitle, Tag):
        for link in subtitle.find_all("a", href=True):
            href = str(link["href"])
            if "/body/" in href and facts["authority"] is None:
                facts["authority"] = _clean(link.get_text(" "), timeout) or None
            elif "/user/" in href and facts["requester"] is None:
                facts["requester"] = _clean(link.get_text(" "), timeout) or None
        said = _clean(subtitle.get_text(" "), timeout).lower()
        facts["regime"] = "eir" if "environmental information regulations" in said else "foi"
    page_title = soup.find("title")
    if isinstance(page_title, Tag) and (facts["title"] is None or facts["authority"] is None):
        match = _TITLE_AUTHORITY.match(_clean(page_title.get_text(" "), timeout)[:500], timeout=timeout)
        if match:
            facts["title"] = facts["title"] or match.group(1) or None
            facts["authority"] = facts["authority"] or match.group(2) or None
    return facts


def read_html(data: str | bytes, source: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a WhatDoTheyKnow request page into a :class:`Document` of per-message parts.

    Raises :class:`ParseError` when the page holds no correspondence or annotation block.
    """
    timeout = limits.regex_timeout
    text, warnings = _decode(data, source, timeout)
    try:
        text, guarded = bound_html(text, timeout)
        warnings = [*warnings, *guarded]
        soup = BeautifulSoup(text, "html.parser")
        facts = _header_facts(soup, timeout)
        status = _status(soup, timeout)
        blocks = _blocks(soup)
        if not blocks:
            raise ParseError(
                "no WhatDoTheyKnow correspondence blocks (div.correspondence) found in the HTML",
                source=source,
                format=FORMAT,
            )
        parts: list[Part] = []
        offset = 0
        for block in blocks:
            if "comment_in_request" in _classes(block):
                part = _annotation_part(block, timeout)
            else:
                part = _correspondence_part(block, timeout)
            parts.append(attrs.evolve(part, offset=offset))
            offset += len(part.text) + 2
    except TimeoutError as exc:
        raise limit_exceeded(
            "regex_timeout",
            "timed out",
            f"{timeout}s",
            what="time for one pattern match on this HTML",
            source=source,
            format=FORMAT,
        ) from exc
    return Document(
        format=FORMAT,
        parts=tuple(parts),
        title=facts["title"],
        authority=facts["authority"],
        requester=facts["requester"],
        status=status,
        regime=facts["regime"],
        warnings=tuple(warnings),
        source=source,
    )
