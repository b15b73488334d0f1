"""Sender lines: the name Alaveteli prints above each message in page text.

A request page lists every reply under its sender, ``FOI Team, Some Council`` (the mailbox or
officer, then the authority), and copied as text that header becomes a line of its own between
blank lines, just above the reply. Such a line is a free message boundary and says the message
is the authority's. A line counts when it stands alone (blank lines round it), is short, has no
sentence punctuation and is either ``name, organisation`` (:data:`~foithread.rules.pagetext.SENDER_LINE`)
or an organisation's name alone, and the next line opens a message (a greeting, an opener,
attachment chrome) or a paragraph. Whether the message above has ended is for the segmenter.
"""

from __future__ import annotations

from foithread.rules import Rules
from foithread.rules.pagetext import OPENING_CHROME
from foithread.stages import codes as zone_codes
from foithread.stages.blocks import next_nonblank, prev_nonblank
from foithread.stages.zoner import Zoned

_MAX_CHARS = 120
_PARAGRAPH = 40  # a following content line this long opens a paragraph, not a signature block


def _shape(text: str, rules: Rules) -> bool:
    s = text.strip()
    table = {r.name: r for r in rules["sender_line"]}  # enabled rules only
    dated = table["dated"].search(s) if "dated" in table else None
    if dated is not None:
        s = dated.group("rest").strip()
    if not s or len(s) > _MAX_CHARS or s.endswith((".", ",", ":", ";", "?", "!")) or any(ch.isdigit() for ch in s):
        return False
    m = table["name_comma_org"].search(s) if "name_comma_org" in table else None
    if m is not None:
        org, name = m.group("org"), m.group("name")
        return rules["organisation_word"].first(org) is not None or rules["mailbox_word"].first(name) is not None
    words = s.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 2 and capitalised * 2 >= len(words) and rules["organisation_word"].first(s) is not None


def chrome_lines(z: Zoned, rules: Rules) -> dict[int, str]:
    """Content lines that are page chrome (:data:`~foithread.rules.pagetext.PAGE_CHROME`), by rule name."""
    table = rules["page_chrome"]
    out: dict[int, str] = {}
    for i, code in enumerate(z.codes):
        if code in "cl":  # ``l``: a link-list heading, chrome only when its list is gone
            rule = table.first(z.lines[i].text)
            if rule is not None:
                out[i] = rule.name
    return out


def sender_lines(z: Zoned, rules: Rules, chrome: dict[int, str] | None = None) -> dict[int, bool]:
    """The lines that look like sender lines, each with whether a letter's opening (a greeting, an
    opener, attachment chrome) follows it: then it needs no closing above it to count."""
    codes = z.codes
    n = len(codes)
    out: dict[int, bool] = {}
    chrome = chrome_lines(z, rules) if chrome is None else chrome
    for i, code in enumerate(codes):
        if code != "c" or i in chrome or (i > 0 and codes[i - 1] != "b") or (i + 1 < n and codes[i + 1] != "b"):
            continue
        j = next_nonblank(z, i + 1)
        if j >= n or prev_nonblank(z, i - 1) < 0:
            continue
        nxt = codes[j]
        strong = nxt in zone_codes.MESSAGE_START or chrome.get(j) in OPENING_CHROME
        opens = strong or (nxt == "c" and len(z.lines[j].text.strip()) >= _PARAGRAPH)
        if opens and _shape(z.lines[i].text, rules):
            out[i] = strong
    return out
