"""The head of a request page copied as text: title, requester, authority and status.

Alaveteli sites (WhatDoTheyKnow, AskTheEU, Right to Know, FYI) and MuckRock print, above the
first message, the request's title, a ``X made this … request to Y`` line and status lines
(``The request was successful.``, ``Response to this request is long overdue.``), sometimes
with banners before the title. When such a line is found near the top, everything above the
first message is the head: it is read for its facts and left out of the messages (it is page
chrome, not correspondence). A page with only a title keeps the old behaviour: the segmenter
removes the title from the first message.

:func:`without_page_head` applies this (and :func:`foithread.stages.dlog.disclosure_log`) to a page-text
document before segmentation. The line patterns live in :mod:`foithread.rules.pagetext`.
"""

from __future__ import annotations

import attrs

from foithread.readers.base import Document
from foithread.regimes import detect_foreign, detect_platform
from foithread.rules import Rules
from foithread.rules.literals import fold
from foithread.stages.dlog import disclosure_log

#: a head is looked for in this many non-blank lines at the top of a page
_HEAD_LINES = 40
#: at most this many unrecognised short lines between the last head line and the first message
_LOOSE_LINES = 2
_LOOSE_CHARS = 90


@attrs.frozen
class Head:
    end: int  # offset in the text where the correspondence starts
    title: str | None = None
    status: str | None = None
    requester: str | None = None
    authority: str | None = None
    references: tuple[str, ...] = ()  # the authority's tracking number printed in the head (MuckRock)


#: MuckRock prints the agency's tracking number on the line under its ``Tracking #`` label
_TRACKING_LABEL = "tracking #"
_TRACKING_MAX = 40


def _tracking_value(line: str) -> str | None:
    value = line.strip()
    if 0 < len(value) <= _TRACKING_MAX and " " not in value and any(ch.isdigit() for ch in value):
        return value
    return None


def _starts_message(line: str, rules: Rules) -> bool:
    folded = fold(line)
    return any(rules[name].first(line, folded) is not None for name in ("greeting", "annotation", "opener"))


def read_head(text: str, rules: Rules) -> Head | None:
    """The page head of ``text``, or None when the text does not open with one."""
    status_table, request_table, chrome = rules["page_status"], rules["page_request_line"], rules["page_head_chrome"]
    title: str | None = None
    status: str | None = None
    requester: str | None = None
    authority: str | None = None
    marker_end = -1  # offset after the last head line
    loose: list[tuple[int, str]] = []  # unrecognised lines after the last head line (start offset, text)
    message_at = -1
    pos = 0
    seen = 0
    tracking: list[str] = []
    after_label = False
    for raw in text.splitlines(keepends=True):
        start, pos = pos, pos + len(raw)
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        folded = fold(line)
        rule = status_table.first(line, folded)
        if after_label and (value := _tracking_value(line)) is not None:
            tracking.append(value)  # a head line: the tracking number under its label
        elif rule is not None:
            status = status or rule.name
        else:
            found = None
            for r in request_table.candidates(line, folded):
                found = r.search(line)
                if found:
                    break
            if found is not None:
                requester = requester or found.group("requester").strip()
                authority = authority or found.group("authority").strip()
            elif chrome.first(line, folded) is None:
                if _starts_message(line, rules):
                    message_at = start
                    break
                loose.append((start, line.strip()))
                continue
        after_label = line.strip().casefold() == _TRACKING_LABEL
        # a head line: any loose line above it is the title (the first) or a banner
        if title is None and loose:
            title = loose[0][1]
        loose = []
        marker_end = pos
    if status is None and authority is None:
        return None
    if title is None and loose and marker_end < 0:
        title = loose[0][1]
    end = marker_end
    if message_at >= 0:
        short = len(loose) <= _LOOSE_LINES and all(len(t) <= _LOOSE_CHARS for _, t in loose)
        end = message_at if short else loose[0][0]
    elif loose:
        end = loose[0][0]
    return Head(max(end, 0), title, status, requester, authority, tuple(tracking))


def without_page_head(doc: Document, rules: Rules) -> Document:
    """Page text that opens with a request page's head: its facts read, its lines left out."""
    if doc.format != "text" or len(doc.parts) != 1 or not doc.parts[0].segment:
        return doc
    part = doc.parts[0]
    layout = disclosure_log(part.text, rules)
    if layout is not None:
        (a, b), (c, d) = layout.request, layout.response
        parts = (
            attrs.evolve(
                part,
                text=part.text[a:b],
                offset=part.offset + a,
                segment=False,
                kind_hint="request",
                party_hint="requester",
            ),
            attrs.evolve(part, text=part.text[c:d], offset=part.offset + c, segment=False, party_hint="authority"),
        )
        chrome = rules["page_chrome"]
        title = next((ln.strip() for ln in part.text[:a].splitlines() if ln.strip() and not chrome.matches(ln)), None)
        return attrs.evolve(
            doc, parts=parts, title=doc.title or title, regime=doc.regime or _head_regime(part.text[:a])
        )
    head = read_head(part.text, rules)
    if head is None:
        return doc
    rest = attrs.evolve(part, text=part.text[head.end :], offset=part.offset + head.end)
    return attrs.evolve(
        doc,
        parts=(rest,),
        title=doc.title or head.title,
        status=doc.status or head.status,
        authority=doc.authority or head.authority,
        requester=doc.requester or head.requester,
        regime=doc.regime or _head_regime(part.text[: head.end]),
        references=doc.references + head.references,
    )


def _head_regime(head: str) -> str | None:
    """The law a page's head names (``... of the United States of America``), or the one its site implies."""
    return detect_foreign(head) or detect_platform((head,))
