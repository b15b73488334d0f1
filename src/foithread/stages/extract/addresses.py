"""Addresses written in a message: postal, e-mail, URL and phone (DOMAIN 4.5, CONTRACT).

:func:`extract_addresses` returns postal addresses first (see :mod:`.postal`), then e-mail
addresses, URLs and phone numbers, each kind in order of appearance and de-duplicated.

* E-mails are real addresses only: placeholders (``[email address]``, ``xxxx@xxxx.xxx``)
  never count, trailing punctuation is stripped, ``mailto:`` links give e-mails, not URLs.
  WhatDoTheyKnow request addresses count when literally written.
* URLs are ``http(s)://...`` or ``www....`` (normalised to ``http://www....``), without elinks
  markers glued in front (``[2]www.met.police.uk``), trailing punctuation or unbalanced
  closing brackets; a URL truncated with ``...`` keeps the text before the dots. The hidden
  target of a worded HTML link, written ``Web Portal <https://…>`` by the converter, is not a
  URL the message shows and does not count.
* Phones follow ``Tel:``/``Telephone:``/``Phone:``/``Fax:``/``Mobile:`` or have a UK shape
  (``0303 123 1113``, ``+44 (0) 116 2222222``); ``101`` and ``999`` never count. The value is
  the number as printed, trimmed, with an extension on its line (``ext. 2245``); ``0044 20 ...``
  counts like ``+44 20 ...``. References and dates are never read as phones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from foithread.model import Address
from foithread.stages.extract.patterns import (
    PHONE_EXTENSION,
    Span,
    SpanIndex,
    match,
    phone_digits,
)
from foithread.stages.extract.postal import extract_postal
from foithread.stages.extract.references import mask_spans
from foithread.stages.extract.scans import Matches, Scans

_TRAILING = ".,;:!?'\"»›’”*"
_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<"}


def _trim_url(url: str) -> str:
    for dots in ("...", "\u2026"):
        if dots in url:
            url = url.split(dots, 1)[0]
    while url:
        last = url[-1]
        if last in _TRAILING or (last in _PAIRS and url.count(last) > url.count(_PAIRS[last])):
            url = url[:-1]
        else:
            break
    return url


def _link_target(text: str, start: int) -> bool:
    """``Web Portal <https://…>``: how the HTML converter writes the hidden target of a worded link
    (one space, the URL in angle brackets after a word). The message shows the words, not the URL."""
    return start >= 3 and text[start - 2 : start] == " <" and text[start - 3].isalnum()


def _urls(found: Matches, blocked: SpanIndex) -> list[tuple[Span, str]]:
    out = []
    for m in found:
        if blocked.hits(m.span()) or _link_target(m.string, m.start()):
            continue
        url = _trim_url(m.group(0))
        if url.lower().startswith("www."):
            url = "http://" + url
        host = url.split("://", 1)[-1].split("/", 1)[0]
        if "." not in host or host.endswith("."):
            continue
        out.append((m.span(), url))
    return out


def _emails(found: Matches, blocked: SpanIndex) -> list[tuple[Span, str]]:
    out = []
    for m in found:
        if blocked.hits(m.span()):
            continue
        value = m.group(0).rstrip(_TRAILING + "-")
        if "." not in value.split("@", 1)[1]:
            continue
        out.append((m.span(), value))
    return out


def _phones(text: str, scans: Scans, blocked: SpanIndex) -> list[tuple[Span, str]]:
    out: list[tuple[Span, str]] = []
    taken = SpanIndex()
    for found in (scans.phone_labels, scans.phone_shapes):
        for m in found:
            span = m.span("number")
            number = m.group("number").strip()
            if blocked.hits(span) or taken.hits(span):
                continue
            if not 10 <= phone_digits(number) <= 13:
                continue
            ext = match(PHONE_EXTENSION, text, span[1])
            if ext is not None:
                span, number = (span[0], ext.end()), number + " " + ext.group(0).strip(" \t,")
            taken.add(span)
            out.append((span, number))
    return sorted(out)


def _unique(kind: str, found: Iterable[tuple[Span, str]]) -> list[Address]:
    seen: set[str] = set()
    out = []
    for _span, value in sorted(found):
        key = value.rstrip("/").casefold() if kind == "url" else "".join(value.split()).casefold()
        if key not in seen:
            seen.add(key)
            out.append(Address(kind=kind, value=value))
    return out


def extract_addresses(text: str, references: Sequence[Span] | None = None, scans: Scans | None = None) -> list[Address]:
    """Postal addresses, then e-mails, URLs and phones written in ``text`` (see module doc).

    ``references`` are the reference spans from :func:`mask_spans` if the caller has them;
    otherwise the reference extractor runs here. ``scans``: :meth:`Scans.of` the text, if known.
    """
    text = text or ""
    scans = scans if scans is not None else Scans.of(text)
    masks = list(scans.placeholders)
    url_found = _urls(scans.urls, SpanIndex(masks))
    email_found = _emails(
        scans.emails, SpanIndex(masks + [s for s, u in url_found if "@" not in u.split("://", 1)[-1]])
    )
    contact_spans = masks + [s for s, _ in url_found] + [s for s, _ in email_found]
    refs = list(references) if references is not None else mask_spans(text, scans)
    phone_found = _phones(text, scans, SpanIndex(contact_spans + refs))
    skip = contact_spans + refs + [s for s, _ in phone_found]
    out: list[Address] = []
    seen_postal: set[str] = set()
    for postal in extract_postal(text, skip):
        key = "".join(ch for ch in postal.value.casefold().replace("p.o.", "po") if ch.isalnum())
        if key not in seen_postal:
            seen_postal.add(key)
            out.append(Address(kind="postal", value=postal.value, postcode=postal.postcode, country=postal.country))
    out.extend(_unique("email", email_found))
    out.extend(_unique("url", url_found))
    out.extend(_unique("phone", phone_found))
    return out
