"""Segmentation of page-text dumps, where messages run together with no headers.

The segmenter walks the zone string once. A new message starts at

* an annotation heading (``… left an annotation (date)``);
* a greeting, once the current message has a body (a bilingual letter's second-language
  greeting before any closing does not count);
* an opener (``Thank you for your email``, ``I am out of the office``, ``Delivery has failed``)
  once the current message is closed (a closing, a disclaimer or a footer seen);
* the first line after a closing disclaimer, which in page text always ends a message.

A boundary then moves back over the new letter's letterhead: a classification marking or an
``Our ref:`` block just above the greeting belongs to the message it heads. The first line
is the page title when a greeting follows it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
import regex

from foithread import discipline
from foithread.rules import DEFAULT_RULES, Rules
from foithread.stages import codes as zone_codes
from foithread.stages.cleaner import Label
from foithread.stages.senderline import chrome_lines, sender_lines
from foithread.stages.zoner import Zoned


@attrs.frozen
class Segment:
    start: int  # line index
    stop: int  # line index, exclusive
    title: bool = False  # first line is the page title
    sender: bool = False  # first non-blank line is a sender line (see :mod:`foithread.stages.senderline`)
    pasted: bool = False  # opens with a pasted ``Date:``/``From:``/``To:``/``Subject:`` header block
    web_title: bool = False  # first line is a web page's title over a letter (see :func:`web_title`)


_LETTERHEAD_MAX = 70
_ANNOUNCES = discipline.compile(r"(?:\b(?:below|as follows|the following)\b[^.]{0,40}[.:]?|:)\s*$", regex.I)


def _letterhead_like(text: str) -> bool:
    s = text.strip()
    return 0 < len(s) <= _LETTERHEAD_MAX and not s.endswith((".", ",", "?", "!", ";"))


_PROSE_CHARS = 90
_PROSE_WORDS = 8


def _header_start(z: Zoned, i: int) -> bool:
    """The first line of a ``From:``/``Date:``/``To:``/``Subject:`` block."""
    return z.rule_names[i] == "outlook_header" and (i == 0 or z.codes[i - 1] != "h")


def _dated(z: Zoned, i: int) -> bool:
    """A header block that opens with ``Date:``: a message pasted whole (a reply's quote opens with From:)."""
    return z.lines[i].text.lstrip().lower().startswith("date:")


def _prose(text: str) -> bool:
    """A line of running text, not a letterhead, address or subject line."""
    s = text.strip()
    return len(s) > _PROSE_CHARS or (len(s.split()) >= _PROSE_WORDS and (s.endswith((".", "?", "!")) or ". " in s))


_SALUTATION = discipline.compile(r"^\s*(?:Annwyl|Dear)\s+(?P<rest>[^,:/]+)")


def _other_language_half(first: str, line: str) -> bool:
    """``Annwyl Mr Prys,`` … ``Dear Mr Prys,``: the English half of one bilingual letter."""
    a, b = _SALUTATION.match(first), _SALUTATION.match(line)
    if not a or not b or first.split()[0].lower() == line.split()[0].lower():
        return False
    return a.group("rest").strip().lower() == b.group("rest").strip().lower()


def find_title(z: Zoned) -> int:
    """Line index of the page title, or -1."""
    codes = z.codes
    i = next((k for k, c in enumerate(codes) if c != "b"), -1)
    if i < 0 or codes[i] != "c":
        return -1
    text = z.lines[i].text.strip()
    if len(text) > 200 or len(text.split()) < 2 or text.endswith((".", ",", ":", ";")):
        return -1
    j = next((k for k in range(i + 1, min(len(codes), i + 4)) if codes[k] != "b"), -1)
    if j >= 0 and codes[j] in "gx":
        return i
    return -1


def web_title(z: Zoned, rules: Rules) -> int:
    """Line index of a web page's title over a dated letter (short labels such as ``Details``, then the
    letter's date line), or -1. Dropped like a page title, but the letter under it is no request."""
    codes = z.codes
    i = next((k for k, c in enumerate(codes) if c != "b"), -1)
    if i < 0 or codes[i] != "c" or len(z.lines[i].text) > 200:
        return -1
    cue = rules["letter_cue"]
    for n, k in enumerate([k for k in range(i + 1, min(len(codes), i + 8)) if codes[k] != "b"][:3]):
        rule = cue.first(z.lines[k].text)
        if rule is not None and rule.name == "date_line":
            return i if n else -1  # with no label between, the first line is the letter's own
        if codes[k] != "c" or len(z.lines[k].text.split()) > 2:
            break
    return -1


def _attach_back(z: Zoned, labels: Sequence[Label], i: int, floor: int) -> int:
    """Move a boundary at line ``i`` back over the new message's letterhead."""
    codes = z.codes
    walked: list[int] = []
    k = i - 1
    while k > floor:
        code = codes[k]
        if code == "b":
            k -= 1
            continue
        if code == "k" or (labels[k] is not None and code != "m"):
            break
        if code in "mx" or (code == "c" and _letterhead_like(z.lines[k].text)):
            walked.append(k)
            k -= 1
            continue
        break
    walked.reverse()  # top to bottom
    for pos, k in enumerate(walked):
        if codes[k] == "m":
            nxt = walked[pos + 1] if pos + 1 < len(walked) else -1
            if nxt >= 0 and codes[nxt] == "m":
                continue  # a run of markings: the first closes the previous message
            return k
        if codes[k] == "x":
            return k
    return i


def segment(z: Zoned, labels: Sequence[Label], rules: Rules = DEFAULT_RULES) -> list[Segment]:
    """Split a page-text dump into message segments (line ranges)."""
    codes = z.codes
    n = len(codes)
    if n == 0:
        return []
    title = find_title(z)
    web = title < 0 and web_title(z, rules) >= 0
    if web:
        title = web_title(z, rules)
    chrome = chrome_lines(z, rules)
    senders = sender_lines(z, rules, chrome)
    sender_starts: set[int] = set()
    pasted_starts: set[int] = set()
    starts: list[int] = [0]
    start = 0
    greeting = ""  # rule name of the current message's first greeting
    greeting_line: str | None = None
    has_body = False
    closed = False
    quoting = False
    in_disclaimer = False
    announces = False  # the last content line announces what follows ("… below", "as follows:")
    first_line = title + 1 if title >= 0 else 0
    signed = -1  # content lines since the current message's closing (-1: no closing yet)
    prose = False  # the current message has a line of running text (not only a letterhead block)
    pasted = False  # inside the header block that opens the current message
    opened = False  # the current message began with an opener (an auto-reply, a bounce)

    def begin(at: int, i: int) -> None:
        nonlocal start, greeting, greeting_line, has_body, closed, quoting, in_disclaimer, announces, signed, prose
        nonlocal opened
        opened = codes[i] == "o"
        signed = -1
        if at <= start:
            at = i
        starts.append(at)
        start = at
        greeting = z.rule_names[i] if codes[i] == "g" else ""
        greeting_line = z.lines[i].text if codes[i] == "g" else None
        has_body = False
        closed = codes[i] == "a"
        quoting = False
        in_disclaimer = False
        announces = False
        prose = False

    for i in range(first_line, n):
        code = codes[i]
        label = labels[i]
        if label is not None and label[0] == "disclaimer":
            if label[1] != "preface" and (has_body or greeting):
                in_disclaimer = True
                closed = True
            continue
        if label is not None:
            if label[0] in ("platform_footer", "link_footer"):
                closed = True
                quoting = False
            continue
        if code == "b":
            continue
        if code == "r" or i in chrome:
            continue
        after_disclaimer = in_disclaimer
        in_disclaimer = False
        ended = closed or after_disclaimer or (senders.get(i, False) and prose)  # an opening follows it
        if i in senders and ended and has_body and i > first_line and signed != 0:
            begin(i, i)
            sender_starts.add(i)
            continue
        if code == "a":
            if i > first_line:
                begin(i, i)
            continue
        if (
            code == "h"
            and _header_start(z, i)
            and (_dated(z, i) or start in pasted_starts)  # once mails are pasted whole, each block is one
            and has_body
            and not (greeting or opened or quoting)
            and signed < 0
        ):
            begin(i, i)  # a pasted Date/From/To/Subject block after text that is no letter: a new message
            pasted = True
            pasted_starts.add(i)
            continue
        if code == "h" and pasted:
            continue
        pasted = False
        if code in zone_codes.QUOTING:
            quoting = True
            has_body = True
            continue
        if quoting:
            continue
        if code == "g":
            bilingual = greeting_line is not None and _other_language_half(greeting_line, z.lines[i].text)
            if bilingual:
                closed = has_body = False  # the second-language half of the same letter
            elif (closed or (has_body and not announces and (prose or greeting))) and i > first_line:
                begin(_attach_back(z, labels, i, start), i)
            elif not greeting:
                greeting = z.rule_names[i]
                greeting_line = z.lines[i].text
            continue
        if after_disclaimer and has_body:
            begin(_attach_back(z, labels, i, start), i)
            has_body = code not in "mx" and not _letterhead_like(z.lines[i].text)
            continue
        if code == "o" and closed and has_body:
            begin(i, i)
            has_body = True
            continue
        if code == "k":
            closed = True
            signed = 0
        elif signed >= 0:
            signed += 1  # content lines since the closing: the first is the signature, never a sender line
        if code in "ckox" and not (code in "cx" and not greeting and _letterhead_like(z.lines[i].text)):
            has_body = True
        if code in "cko":
            announces = bool(_ANNOUNCES.search(z.lines[i].text))
            prose = prose or code == "o" or _prose(z.lines[i].text)
            opened = opened or code == "o"
    bounds = [*starts, n]
    out = []
    for a, b in itertools.pairwise(bounds):
        if b > a:
            out.append(
                Segment(
                    a,
                    b,
                    title=(a == 0 and title >= 0 and not web),
                    sender=a in sender_starts,
                    pasted=a in pasted_starts,
                    web_title=a == 0 and web,
                )
            )
    return out
