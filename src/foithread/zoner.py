"""Zoning: give every line a one-letter zone code (talon's idea).

The codes of a text form a string such as ``"tgccckcrdddr"``; segmentation and cleaning then
run readable patterns over that string and the lines' neighbourhoods instead of one giant
regex over the text.

=====  ==========================================================
code   zone
=====  ==========================================================
``b``  blank line
``c``  content
``g``  greeting (``Dear …``, ``Annwyl …``, ``Good morning …``)
``k``  closing (``Yours sincerely``, ``Kind regards``)
``q``  quoted line (``>``)
``h``  quote header (``On … wrote:``, ``-----Original Message-----``, an Outlook block)
``d``  disclaimer start
``r``  rule (score) line: 8+ of ``- _ * = #``
``m``  classification marking (``OFFICIAL``)
``f``  platform footer (WhatDoTheyKnow footer, donate box)
``l``  link footer heading (``References``, ``Visible links``)
``L``  link footer item (``1. http://…``)
``a``  annotation heading (``… left an annotation (date)``)
``o``  opener of a new, often automatic, message (``Thank you for your email``)
``n``  signature noise (``Sent from my iPhone``)
``x``  reference line (``Our ref:``)
=====  ==========================================================
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from foithread import discipline
from foithread.rules import DEFAULT_RULES, Rules
from foithread.rules.literals import fold


@attrs.frozen
class Line:
    """One line of a text: ``text`` is ``source[start:end]``; ``stop`` includes the newline."""

    start: int
    end: int
    stop: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str, offset: int = 0) -> tuple[Line, ...]:
    """Split on ``\\n`` keeping exact offsets (``offset`` is added to every position)."""
    out: list[Line] = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            out.append(Line(offset + pos, offset + n, offset + n, text[pos:]))
            break
        out.append(Line(offset + pos, offset + nl, offset + nl + 1, text[pos:nl]))
        pos = nl + 1
    return tuple(out)


@attrs.frozen
class Zoned:
    """Lines and their zone codes (``codes[i]`` is the zone of ``lines[i]``)."""

    lines: tuple[Line, ...]
    codes: str
    rule_names: tuple[str, ...]  # name of the rule that set each zone ("" for content/blank)


_SIMPLE = (
    ("rule_line", "r"),
    ("link_footer", None),  # heading -> l, item -> L
    ("annotation", "a"),
    ("platform_footer", "f"),
    ("marking", "m"),
    ("quote_header", "h"),
    ("greeting", "g"),
    ("closing", "k"),
    ("disclaimer_start", "d"),
    ("opener", "o"),
    ("signature_noise", "n"),
    ("ref_line", "x"),
)


def _zone_line(text: str, rules: Rules) -> tuple[str, str]:
    stripped = text.strip()
    if not stripped:
        return "b", ""
    if stripped.startswith(">") and not stripped.startswith(">>>"):
        return "q", "quoted"
    if len(stripped) > 400:  # prose paragraphs on one line: only cheap structural rules apply
        rule = rules["disclaimer_start"].first(text[:400])
        return ("d", rule.name) if rule else ("c", "")
    folded = fold(text)
    for table_name, code in _SIMPLE:
        rule = rules[table_name].first(text, folded)
        if rule is not None:
            if code is None:
                code = "l" if rule.name == "heading" else "L"
            return code, rule.name
    return "c", ""


def _outlook_blocks(lines: Sequence[Line], codes: list[str], names: list[str], rules: Rules) -> None:
    """Mark ``From:`` / ``Sent:`` / ``To:`` / ``Subject:`` header blocks as quote headers."""
    outlook = rules["outlook_header"]
    n = len(lines)
    for i, line in enumerate(lines):
        if codes[i] not in "cx" or not outlook.rules[0].enabled:
            continue
        first = outlook.first(line.text)
        if first is None or first.name not in ("from", "sent"):
            continue
        if i > 0 and codes[i - 1] == "h":
            continue  # inside a block already marked
        block = [i]
        seen = {first.name}
        j = i + 1
        while j < n and len(block) < 8:
            if lines[j].blank:
                j += 1
                continue
            rule = outlook.first(lines[j].text)
            if rule is None:
                # a wrapped header value (long subject) continues the block
                if seen and len(lines[j].text) < 80 and j == block[-1] + 1 and "subject" not in seen:
                    block.append(j)
                    j += 1
                    continue
                break
            seen.add(rule.name)
            block.append(j)
            j += 1
        if "from" in seen and len(seen & {"sent", "to", "subject"}) >= 2:
            for k in block:
                codes[k] = "h"
                names[k] = "outlook_header"


def _wrapped_on_wrote(lines: Sequence[Line], codes: list[str], names: list[str]) -> None:
    """``On Thu, 5 May 2021 at 10:00, Name`` / ``<addr> wrote:`` split over two or three lines."""
    for i, line in enumerate(lines):
        if codes[i] == "h" and names[i] == "wrote_tail":
            # the tail alone only counts when an ``On …`` line opens it just above
            k = i - 1
            while k >= 0 and i - k <= 2 and lines[k].blank:
                k -= 1
            head = lines[k].text.lstrip() if k >= 0 else ""
            if k >= 0 and i - k <= 3 and _OPENS_QUOTE_HEAD.match(head) and any(ch.isdigit() for ch in head):
                for m in range(k, i):
                    if not lines[m].blank:
                        codes[m] = "h"
                        names[m] = "on_wrote"
            elif not _OPENS_QUOTE_HEAD.match(head) and "@" not in line.text and " wrote:" not in line.text:
                # "Name <addr> wrote:" on its own is a header too (Gmail/Apple forms)
                codes[i] = "c"
                names[i] = ""


_OPENS_QUOTE_HEAD = discipline.compile(r"(?:On|Am|Le|El|Op|Den|Ar|Il|Em)\s|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_NAME_ADDR = discipline.compile(r"^\s*\S[^<>]{0,80}<[^<>@\s]+@[^<>\s]+>\s*$")
_LOTUS_DATE = discipline.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*$", regex.I)


def _lotus_blocks(lines: Sequence[Line], codes: list[str], names: list[str]) -> None:
    """Lotus Notes: ``Name <addr>`` then a ``dd/mm/yy hh:mm`` line (or ``Sent by:``)."""
    n = len(lines)
    for i, line in enumerate(lines):
        if codes[i] not in "c" or not _NAME_ADDR.match(line.text):
            continue
        for j in range(i + 1, min(n, i + 3)):
            if lines[j].blank:
                continue
            if _LOTUS_DATE.match(lines[j].text) or names[j] == "lotus_sent_by":
                codes[i] = "h"
                names[i] = "lotus_header"
            break


def zone(text: str, offset: int = 0, rules: Rules = DEFAULT_RULES) -> Zoned:
    """Split ``text`` into lines and zone each one."""
    lines = split_lines(text, offset)
    codes: list[str] = []
    names: list[str] = []
    seen: dict[str, tuple[str, str]] = {}  # a line's zone depends on its text alone: quoted history repeats
    for line in lines:
        zoned = seen.get(line.text)
        if zoned is None:
            zoned = seen[line.text] = _zone_line(line.text, rules)
        code, name = zoned
        codes.append(code)
        names.append(name)
    _outlook_blocks(lines, codes, names, rules)
    _wrapped_on_wrote(lines, codes, names)
    _lotus_blocks(lines, codes, names)
    return Zoned(lines, "".join(codes), tuple(names))


def sub_zoned(zoned: Zoned, start: int, stop: int) -> Zoned:
    """The zoning of lines ``start:stop`` (line indices)."""
    return Zoned(zoned.lines[start:stop], zoned.codes[start:stop], zoned.rule_names[start:stop])
