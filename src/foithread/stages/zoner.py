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
``h``  quote header (``On … wrote:``, ``-----Original Message-----``, an Outlook or Lotus block)
``w``  forwarded header (``---- Forwarded by … ----``, ``Begin forwarded message:`` and its block)
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
from foithread.rules import DEFAULT_RULES, Rules, RuleTable
from foithread.rules.literals import fold
from foithread.rules.quote_headers import letter_intro_pattern, opener_words, openers
from foithread.stages import runs
from foithread.stages.header_blocks import mark_header_blocks, mark_raw_headers


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


#: longer white-space lines are not folded (each is long, so they are few)
_FOLD_WIDTH = 80


def split_lines(text: str, offset: int = 0) -> tuple[Line, ...]:
    """Split on ``\\n`` keeping exact offsets (``offset`` is added to every position).

    A run of one white-space-only line repeated more than ``2 * FOLD_EDGE + 1`` times keeps
    ``FOLD_EDGE`` lines at each end and one :class:`Line` for the middle, whose ``stop`` lies past
    all the copies it stands for (see :mod:`foithread.stages.runs`): the stages read it alike,
    and 2 MB of blank lines cost 201 lines of work.
    """
    out: list[Line] = []
    pos = 0
    n = len(text)
    edge = runs.FOLD_EDGE
    fold_at = 2 * edge + 2  # copies a run needs to be folded
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            out.append(Line(offset + pos, offset + n, offset + n, text[pos:]))
            break
        line = text[pos:nl]
        unit = nl + 1 - pos
        if unit <= _FOLD_WIDTH and not line.strip() and text.startswith(text[pos : nl + 1], nl + 1):
            copies = _copies(text, pos, text[pos : nl + 1])  # a run of one white-space line, read once
            if copies < fold_at:
                out.extend(
                    Line(offset + a, offset + a + unit - 1, offset + a + unit, line)
                    for a in range(pos, pos + copies * unit, unit)
                )
            else:
                middle = pos + edge * unit  # one line for the copies - 2 * FOLD_EDGE in the middle
                tail = pos + (copies - edge) * unit
                for a in [*range(pos, middle, unit), middle, *range(tail, tail + edge * unit, unit)]:
                    stop = tail if a == middle else a + unit
                    out.append(Line(offset + a, offset + a + unit - 1, offset + stop, line))
            pos += copies * unit
            continue
        out.append(Line(offset + pos, offset + nl, offset + nl + 1, line))
        pos = nl + 1
    return tuple(out)


def _copies(text: str, pos: int, unit: str) -> int:
    """How many copies of ``unit`` follow one another from ``pos`` (at least two)."""
    low, high = 2, 4  # low copies are there; find one count that is not
    while text.startswith(unit * high, pos):
        low, high = high, high * 2
    while high - low > 1:  # low copies there, high copies not
        mid = (low + high) // 2
        if text.startswith(unit * mid, pos):
            low = mid
        else:
            high = mid
    return low


@attrs.frozen
class Zoned:
    """Lines and their zone codes (``codes[i]`` is the zone of ``lines[i]``)."""

    lines: tuple[Line, ...]
    codes: str
    rule_names: tuple[str, ...]  # name of the rule that set each zone ("" for content/blank)


#: the line tables in the order the zoner tries them: the first that matches gives the zone
ZONE_ORDER = (
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


#: GroupWise's ``>>> Name <addr> 17/04/2008 15:57 >>>`` header (a line that only starts with ``>>>`` is a deep quote)
_GROUPWISE = discipline.compile(
    r">>>.{1,120}>>>\s*+$", anchored=True, why="only used with match at the line start; a 120-character window"
)


def _zone_line(text: str, rules: Rules) -> tuple[str, str]:
    stripped = text.strip()
    if not stripped:
        return "b", ""
    if stripped.startswith(">") and not _GROUPWISE.match(stripped):
        if len(stripped) < 30:
            rule = rules["quote_header"].first(text)
            if rule is not None and rule.name in ("wrote_tail", "wrote_after_address"):
                return "h", "wrote_tail"
        return "q", "quoted"
    if len(stripped) > 400:  # prose paragraphs on one line: only cheap structural rules apply
        rule = rules["disclaimer_start"].first(text[:400])
        return ("d", rule.name) if rule else ("c", "")
    folded = fold(text)
    for table_name, code in ZONE_ORDER:
        rule = rules[table_name].first(text, folded)
        if rule is not None:
            if code is None:
                code = "l" if rule.name == "heading" else "L"
            return code, rule.name
    return "c", ""


def _forwards(lines: Sequence[Line], codes: list[str], names: list[str]) -> None:
    """A forwarding line is ``w``; ``----- Forwarded by Name on 08/28/2000`` / ``08:42 AM -----`` wraps."""
    for i, line in enumerate(lines):
        if codes[i] != "h" or names[i] != "forwarded":
            continue
        codes[i] = "w"
        j = i + 1
        wraps = j < len(lines) and len(lines[j].text) < 80 and not line.text.rstrip().endswith("-")
        if wraps and _DASHES_END.search(lines[j].text):
            codes[j] = "w"
            names[j] = "forwarded"


_DASHES_END = discipline.compile(r"(?<!-)-{3,}+\s*+$")  # tried at run starts only


#: unmarked lines a wrapped ``>`` paragraph may run over before the next ``>`` line
_MAX_WRAP = 3


def _wraps(prev: str, line: str) -> bool:
    """``line`` continues the sentence of ``prev`` (no sentence end, or a lower-case start)."""
    p, t = prev.rstrip(), line.lstrip()
    return bool(p and t) and (not p.endswith((".", "!", "?", ":", ";")) or t[0].islower())


def _wrapped_quotes(lines: Sequence[Line], codes: list[str], names: list[str]) -> None:
    """A long ``>`` line whose wrapped end lost its marker: up to three unmarked lines between two ``>``
    lines, each continuing the sentence above it, are ``q``."""
    n = len(lines)
    for i in range(1, n):
        if codes[i] != "c" or codes[i - 1] != "q" or len(lines[i - 1].text) < 50:
            continue
        j = i
        while j < n and j - i < _MAX_WRAP and codes[j] == "c" and _wraps(lines[j - 1].text, lines[j].text):
            j += 1
        if j < n and j > i and codes[j] == "q":
            for k in range(i, j):
                codes[k] = "q"
                names[k] = "quoted_wrap"


def _attribution_head(lines: Sequence[Line], codes: Sequence[str], i: int) -> int:
    """The line an attribution ending at line ``i`` opens on (``On …``/a date, up to two lines up), or -1."""
    k = i - 1
    for _ in range(2):
        while k >= 0 and i - k <= 3 and lines[k].blank:
            k -= 1
        if k < 0 or i - k > 3 or codes[k] not in "cx" or len(lines[k].text) > 160:
            return -1
        head = lines[k].text.lstrip()
        if _OPENS_QUOTE_HEAD.match(head) and any(ch.isdigit() for ch in head):
            return k
        k -= 1
    return -1


def _wrapped_on_wrote(lines: Sequence[Line], codes: list[str], names: list[str]) -> None:
    """``On Thu, 5 May 2021 at 10:00, Tim Cole <`` / ``tim@example.org`` / ``> wrote:``: a header wrapped
    over two or three lines."""
    for i, line in enumerate(lines):
        if codes[i] != "h" or not (names[i].startswith("wrote_") or names[i] == "address_colon_tail"):
            continue
        k = _attribution_head(lines, codes, i)
        if k >= 0:
            for m in range(k, i):
                if not lines[m].blank:
                    codes[m] = "h"
                    names[m] = names[i]
        elif names[i] == "address_colon_tail":
            codes[i] = "c"  # an address and a colon with no attribution above: content
            names[i] = ""
        elif names[i] == "wrote_tail" and "@" not in line.text and " wrote:" not in line.text:
            # the tail alone counts as "Name <addr> wrote:" (Gmail/Apple forms) or over '>' lines
            nxt = i + 1
            while nxt < len(lines) and lines[nxt].blank and nxt - i <= 2:
                nxt += 1
            if nxt >= len(lines) or codes[nxt] != "q":
                codes[i] = "c"
                names[i] = ""


_OPENS_QUOTE_HEAD = discipline.compile(openers())
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


_INTRO_DATE = discipline.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\b\d{1,2}:\d{2}\b")
_INTRO_ADDRESS = discipline.compile(r"[(<\[]?[^\s<>@]+@[^\s<>@]+\.[^\s<>@)\]]+[>)\]]?\s*:?\s*$")


_LETTER_INTRO = discipline.compile(letter_intro_pattern(), regex.I)


def _quote_intros(lines: Sequence[Line], codes: list[str], names: list[str]) -> None:
    """``2012/11/15 Roman <roman@example.com>`` over ``>`` lines: a line opening with a date and
    ending in an address, with no verb, alone just above a quote, is its attribution."""
    n = len(lines)
    for i in range(n):
        if codes[i] != "c" or len(lines[i].text) > 160 or (i > 0 and codes[i - 1] not in "bh"):
            continue
        j = i + 1
        while j < n and lines[j].blank and j - i <= 2:
            j += 1
        if j < n and codes[j] == "q":
            text = lines[i].text
            if _INTRO_DATE.search(text[:40]) and _INTRO_ADDRESS.search(text):
                codes[i] = "h"
                names[i] = "quote_intro"
            elif _LETTER_INTRO.search(text):  # ``On 2 January 2019 you wrote:`` over ``>`` lines
                codes[i] = "h"
                names[i] = "letter_quote_intro"


#: own lines a forwarding note may have above the header it hands over
_MAX_NOTE_LINES = 4


def _forward_notes(lines: Sequence[Line], codes: list[str], names: list[str], notes: RuleTable) -> None:
    """``FYI`` / ``See below.`` over the first header block: the block is a forward's (``w``), so the
    message under it (the service area's answer) stays as the content."""
    first = codes.index("h") if "h" in codes else -1
    if first < 0 or "w" in codes[:first] or names[first] in ("wrote_tail", "quote_intro"):
        return
    own = [k for k in range(first) if codes[k] not in "bgkmn"]
    if not own or len(own) > _MAX_NOTE_LINES or not any(notes.matches(lines[k].text) for k in own):
        return
    j = first
    while j < len(codes) and codes[j] in "hb":
        if codes[j] == "h":
            codes[j] = "w"
        j += 1
    if j < len(codes) and codes[j] == "q":  # an attribution over '>' lines is a reply's, not a forward's
        for k in range(first, j):
            if codes[k] == "w":
                codes[k] = "h"


def zone(text: str, offset: int = 0, rules: Rules = DEFAULT_RULES) -> Zoned:
    """Split ``text`` into lines and zone each one."""
    codes: list[str] = []
    names: list[str] = []
    seen: dict[str, tuple[str, str]] = {}  # a line's zone depends on its text alone: quoted history repeats
    lines: list[Line] = []
    for line in split_lines(text, offset):
        zoned = seen.get(line.text)
        if zoned is None:
            zoned = seen[line.text] = _zone_line(line.text, rules)
        code, name = zoned
        shared = _shared_header(line, rules) if code == "c" or name in _UNANCHORED else None
        if shared is not None:
            lines.extend(shared)
            codes.extend(("c", "h"))
            names.extend(("", "shared_line"))
            continue
        lines.append(line)
        codes.append(code)
        names.append(name)
    _forwards(lines, codes, names)
    mark_header_blocks(lines, codes, names, rules["outlook_header"])
    mark_raw_headers(lines, codes, names, rules["mail_header_field"])
    _wrapped_on_wrote(lines, codes, names)
    _lotus_blocks(lines, codes, names)
    _wrapped_quotes(lines, codes, names)
    _quote_intros(lines, codes, names)
    _forward_notes(lines, codes, names, rules["forward_note"])
    return Zoned(tuple(lines), "".join(codes), tuple(names))


#: quote-header rules that match a whole line even when a reply opens it
_UNANCHORED = frozenset({"wrote_tail", "date_address_colon"})
_SHARED_AT = discipline.compile(rf"[.!?]\s+(?=(?:{opener_words()})\s)")


def _shared_header(line: Line, rules: Rules) -> tuple[Line, Line] | None:
    """``Sounds good. On Tue, 8 Mar 2022, Jane <jane@example.org> wrote:``: a reply sharing its line
    with the attribution is split in two lines (the first without its newline), reply and header."""
    text = line.text
    if len(text) > 400 or not text.rstrip().endswith((":", "：")):
        return None
    for m in _SHARED_AT.finditer(text):
        at = m.end()
        rule = rules["quote_header"].first(text[at:])
        if rule is not None and rule.name.startswith("wrote_") and rule.name != "wrote_tail":
            cut = line.start + at
            return Line(line.start, cut, cut, text[:at]), Line(cut, line.end, line.stop, text[at:])
    return None


def sub_zoned(zoned: Zoned, start: int, stop: int) -> Zoned:
    """The zoning of lines ``start:stop`` (line indices)."""
    return Zoned(zoned.lines[start:stop], zoned.codes[start:stop], zoned.rule_names[start:stop])
