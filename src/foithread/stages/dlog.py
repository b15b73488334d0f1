"""Disclosure-log pages: one page that holds a request and its answer, with no letters around them.

Authorities publish answered requests as web pages (gov.scot, gov.wales, police forces,
councils): a title and reference lines, a request heading (``Information requested``,
``Request``) with the request under it, then the answer, under a heading of its own
(``Response``) or opening with an answering phrase (``With regards to questions 1 and 3``),
or restating the first question. Page chrome (cookie banners, ``Leave this site``) may lead.
A page like that is cut into two messages here; a letter (a greeting before the request
heading) is not a disclosure log and is left to the segmenter.

The headings and openers live in :mod:`foithread.rules.pagetext`.
"""

from __future__ import annotations

import attrs

from foithread.rules import Rules
from foithread.rules.literals import fold

#: the request heading (or, on a chrome-led page, the request) is looked for this far down
_TOP_LINES = 40


@attrs.frozen
class Layout:
    """Offsets of a disclosure log's request and response in the page text."""

    request: tuple[int, int]
    response: tuple[int, int]


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        out.append((pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def _matches(rules: Rules, name: str, line: str, folded: str) -> bool:
    return rules[name].first(line, folded) is not None


def disclosure_log(text: str, rules: Rules) -> Layout | None:
    """The request and response of a disclosure-log page, or None when ``text`` is not one."""
    lines = [(pos, line) for pos, line in _lines(text) if line.strip()]
    if not lines:
        return None
    chrome_led = False
    begin = -1  # index of the first request line
    first_real = -1  # on a chrome-led page with no heading, the request is the first real line
    for k, (_pos, line) in enumerate(lines[:_TOP_LINES]):
        folded = fold(line)
        if _matches(rules, "greeting", line, folded) or _matches(rules, "letter_cue", line, folded):
            return None  # a letter
        if _matches(rules, "page_chrome", line, folded):
            chrome_led = chrome_led or k == 0
            continue
        if _matches(rules, "dlog_request_heading", line, folded):
            begin = k + 1
            break
        if first_real < 0:
            first_real = k
    heading = begin >= 0
    if not heading and chrome_led:
        begin = first_real
    if begin < 0 or begin >= len(lines):
        return None
    first = lines[begin][1].strip()
    answer = -1
    for k in range(begin + 1, len(lines)):
        line = lines[k][1]
        folded = fold(line)
        if _matches(rules, "greeting", line, folded):
            return None
        if _matches(rules, "dlog_response_heading", line, folded):
            answer = k + 1 if k + 1 < len(lines) else -1
            break
        if _matches(rules, "dlog_response_opener", line, folded) or line.strip() == first:
            answer = k
            break
    if answer < 0:
        return None
    heading_pos = lines[begin - 1][0] if heading else lines[begin][0]
    response_pos = lines[answer - 1][0] if answer > 0 and _is_heading(rules, lines[answer - 1][1]) else lines[answer][0]
    return Layout(request=(heading_pos, response_pos), response=(response_pos, len(text)))


def _is_heading(rules: Rules, line: str) -> bool:
    return _matches(rules, "dlog_response_heading", line, fold(line))
