"""Zones: the lossless line zoning of a message as public data (``Message.zones``).

Every line of ``raw`` belongs to exactly one zone; consecutive lines of one kind form one
zone, and blank lines join the zone above them (at the top, the one below), so the zones'
spans tile ``raw`` end to end. A zone's kind says what the stretch *is*, whatever the cleaner
did with it: a single ``>`` line kept inside an interleaved reply is still ``quoted``, a
signature stays in ``body`` (signatories are data) but is its own zone.

==================  ===================================================================
kind                stretch
==================  ===================================================================
content             what the author wrote
greeting            ``Dear …``, ``Hi Simon,``
closing             ``Yours sincerely``, ``Kind regards``
signature           the name/role/contact lines under a closing, or under ``-- ``
quote_header        ``On … wrote:``, ``-----Original Message-----``, an Outlook/Lotus block
quoted              quoted history: ``>`` lines, the unmarked text under a quote header
forwarded_header    ``---- Forwarded by … ----``, ``Begin forwarded message:`` and its block
forwarded           the forwarded message itself (kept in ``body``: it is the content)
disclaimer          legal notices
platform_footer     WhatDoTheyKnow footer, donate box, page title
link_footer         ``References`` / numbered links
classification      ``OFFICIAL``
signature_noise     ``Sent from my iPhone``
other               anything else the cleaner removed (bounce diagnostics, attachments)
==================  ===================================================================
"""

from __future__ import annotations

from collections.abc import Sequence

from foithread import discipline
from foithread.model import Zone
from foithread.stages import codes as zone_codes
from foithread.stages.blocks import Label
from foithread.stages.zoner import Zoned

_BY_CODE = {"g": "greeting", "k": "closing", "q": "quoted", "h": "quote_header", "w": "forwarded_header"}
#: a signature is at most this many non-blank lines under a closing
_MAX_SIGNATURE = 8
_SIG_DELIMITER = discipline.compile(r"^(?:--|__)\s*$")
_SENTENCE = discipline.compile(r"(?<![a-z])[a-z]{3,}+[.!?]\s*+$")  # tried at word starts only


def _line_kinds(z: Zoned, labels: Sequence[Label]) -> list[str]:
    kinds: list[str] = []
    forwarded = False
    for code, label in zip(z.codes, labels, strict=True):
        if code == "w":
            forwarded = True
        elif code in zone_codes.QUOTING:
            forwarded = False
        if code == "b":
            kinds.append("")
        elif label is not None and label[0] != "quoted":
            kinds.append(label[0])
        elif label is not None:  # quoted history: its own headers stay headers, the rest is quoted
            kinds.append(_BY_CODE[code] if code in "hw" else "quoted")
        elif code in _BY_CODE:
            kinds.append(_BY_CODE[code])
        else:
            kinds.append("forwarded" if forwarded else "content")
    return kinds


def _signature_end(z: Zoned, kinds: list[str], start: int) -> int:
    """Where a signature opening at line ``start`` stops (exclusive); ``start`` if it is no signature."""
    n = len(kinds)
    taken = 0
    last = start - 1
    gap = 0
    for j in range(start, n):
        if kinds[j] == "":
            gap += 1
            if gap >= 2 and taken:
                break
            continue
        if kinds[j] != "content":
            break
        text = z.lines[j].text.strip()
        if len(text) > 80 or (_SENTENCE.search(text) and len(text) > 40) or taken >= _MAX_SIGNATURE:
            break
        gap = 0
        taken += 1
        last = j
    return last + 1


def _mark_signatures(z: Zoned, kinds: list[str]) -> None:
    n = len(kinds)
    for i in range(n):
        if kinds[i] == "content" and _SIG_DELIMITER.match(z.lines[i].text) and z.lines[i].text.startswith(("--", "__")):
            j = i + 1
            while j < n and kinds[j] in ("content", ""):
                j += 1
            for k in range(i, j):
                if kinds[k]:
                    kinds[k] = "signature"
            return
    closings = [i for i in range(n) if kinds[i] == "closing"]
    if not closings:
        return
    start = closings[-1] + 1
    for k in range(start, _signature_end(z, kinds, start)):
        if kinds[k]:
            kinds[k] = "signature"


def zones_of(z: Zoned, labels: Sequence[Label]) -> tuple[Zone, ...]:
    """The zones of one message (``z`` its zoning, ``labels`` the cleaner's labels)."""
    if not z.lines:
        return ()
    kinds = _line_kinds(z, labels)
    _mark_signatures(z, kinds)
    # blank lines join the zone above (at the top: the first zone below)
    first = next((k for k in kinds if k), "content")
    current = first
    for i, kind in enumerate(kinds):
        if kind:
            current = kind
        else:
            kinds[i] = current
    out: list[Zone] = []
    i = 0
    n = len(kinds)
    while i < n:
        j = i
        while j < n and kinds[j] == kinds[i]:
            j += 1
        out.append(Zone(kinds[i], (z.lines[i].start, z.lines[j - 1].stop)))
        i = j
    return tuple(out)
