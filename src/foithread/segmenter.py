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
from foithread.cleaner import Label
from foithread.zoner import Zoned


@attrs.frozen
class Segment:
    start: int  # line index
    stop: int  # line index, exclusive
    title: bool = False  # first line is the page title


_LETTERHEAD_MAX = 70
_ANNOUNCES = discipline.compile(r"(?:\b(?:below|as follows|the following)\b[^.]{0,40}[.:]?|:)\s*$", regex.I)
_REMOVABLE = "brmflLdn"


def _letterhead_like(text: str) -> bool:
    s = text.strip()
    return 0 < len(s) <= _LETTERHEAD_MAX and not s.endswith((".", ",", "?", "!", ";"))


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
    return i if j >= 0 and codes[j] in "gx" else -1


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


def segment(z: Zoned, labels: Sequence[Label]) -> list[Segment]:
    """Split a page-text dump into message segments (line ranges)."""
    codes = z.codes
    n = len(codes)
    if n == 0:
        return []
    title = find_title(z)
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

    def begin(at: int, i: int) -> None:
        nonlocal start, greeting, greeting_line, has_body, closed, quoting, in_disclaimer, announces
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
        if code == "r":
            continue
        after_disclaimer = in_disclaimer
        in_disclaimer = False
        if code == "a":
            if i > first_line:
                begin(i, i)
            continue
        if code in "hq":
            quoting = True
            has_body = True
            continue
        if quoting:
            continue
        if code == "g":
            bilingual = greeting_line is not None and _other_language_half(greeting_line, z.lines[i].text)
            if bilingual:
                closed = has_body = False  # the second-language half of the same letter
            elif (closed or (has_body and not announces)) and i > first_line:
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
        if code in "ckox" and not (code in "cx" and not greeting and _letterhead_like(z.lines[i].text)):
            has_body = True
        if code in "cko":
            announces = bool(_ANNOUNCES.search(z.lines[i].text))
    bounds = [*starts, n]
    out = []
    for a, b in itertools.pairwise(bounds):
        if b > a:
            out.append(Segment(a, b, title=(a == 0 and title >= 0)))
    return out
