"""Disclaimers: where a legal notice starts, how far it runs, and whether to believe it.

A disclaimer starts at a disclaimer-start line (or the score line just above it) and runs
while its lines carry disclaimer cues or continue a wrapped sentence, up to a closing score
line when it opened with one. A notice between two score lines (or after one, at a message's
tail) is taken only when its lines carry disclaimer cues: a rule line with ordinary content
below it (a table, a list of answers) is never enough. Weak starts need a second cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from foithread.rules import Rules
from foithread.stages import codes as zone_codes
from foithread.stages.blocks import Block, Label, continues, cue_count, next_nonblank, prev_nonblank
from foithread.stages.zoner import Zoned

#: disclaimer starts too weak to stand alone: they need a second cue (every other start,
#: including rules a user adds, stands alone)
_WEAK_STARTS = frozenset({"this_email_short", "views", "monitored"})
#: the longest disclaimer taken, in lines
_MAX_DISCLAIMER_LINES = 60


def disclaimer_blocks(z: Zoned, rules: Rules, taken: Sequence[Label]) -> list[Block]:
    """Find disclaimer blocks (see module docstring)."""
    out: list[Block] = []
    codes = z.codes
    n = len(codes)
    i = 0
    while i < n:
        if taken[i] is not None:
            i += 1
            continue
        if codes[i] == "r":
            found = _ruled_block(z, rules, i, taken)
            if found is not None:
                out.append(found)
                i = found.stop
                continue
        if codes[i] != "d":
            i += 1
            continue
        start_rule = z.rule_names[i]
        start = i
        p = prev_nonblank(z, i - 1)
        opened_by_rule = p >= 0 and codes[p] == "r" and i - p <= 2 and taken[p] is None
        if opened_by_rule:
            start = p
        stop = _disclaimer_end(z, rules, i, opened_by_rule, taken)
        cues = sum(min(2, cue_count(rules, z.lines[k].text)) for k in range(i, stop))
        if start_rule not in _WEAK_STARTS or cues >= 2 or opened_by_rule:
            out.append(Block(start, stop, "disclaimer", start_rule))
            i = stop
        else:
            i += 1
    return out


_BRACKET_BREAK = "gahwqfkm"
_TAIL_OK = "gaorflLmdn"
_MAX_TAIL_LINES = 15


def _ruled_block(z: Zoned, rules: Rules, i: int, taken: Sequence[Label]) -> Block | None:
    """A notice between two score lines, or after one score line at a message's tail.

    Taken only when its lines carry disclaimer cues: two, or one when nothing but
    boilerplate or a new message follows it. A rule line with ordinary content below
    (a table, a list of answers) is never enough.
    """
    codes = z.codes
    n = len(codes)
    limit = min(n, i + _MAX_DISCLAIMER_LINES)
    inner: list[int] = []
    close = -1
    for j in range(i + 1, limit):
        if taken[j] is not None or codes[j] in _BRACKET_BREAK:
            break
        if codes[j] == "r":
            close = j
            break
        if codes[j] != "b":
            inner.append(j)
    if not inner:
        return None
    cues = sum(min(2, cue_count(rules, z.lines[k].text)) for k in inner)
    cues += 2 * sum(1 for k in inner if codes[k] == "d")
    if close >= 0:
        after = next_nonblank(z, close + 1)
        tail = after >= n or codes[after] in _TAIL_OK or taken[after] is not None
        if cues >= 2 or (cues >= 1 and tail):
            return Block(i, close + 1, "disclaimer", "ruled_notice")
        return None
    # no closing rule: the notice runs to the end of the text or the next message
    end = inner[-1] + 1
    after = next_nonblank(z, end)
    tail = after >= n or codes[after] in zone_codes.MESSAGE_START + zone_codes.MARKING or taken[after] is not None
    if tail and len(inner) <= _MAX_TAIL_LINES and cues >= 1:
        return Block(i, end, "disclaimer", "ruled_tail")
    return None


_DISCLAIMER_STOP = "gaohwqfmlLk"


def _disclaimer_end(z: Zoned, rules: Rules, i: int, opened_by_rule: bool, taken: Sequence[Label]) -> int:
    codes = z.codes
    n = len(codes)
    limit = min(n, i + _MAX_DISCLAIMER_LINES)
    if opened_by_rule:
        # take everything up to the closing score line, if one comes before any new message
        for j in range(i + 1, limit):
            if codes[j] == "r":
                return j + 1
            if codes[j] in "gaqhwf" or taken[j] is not None:
                break
    j = i + 1
    last = i
    while j < limit:
        code = codes[j]
        line = z.lines[j]
        if taken[j] is not None:
            break
        if code == "r":
            return j + 1
        if code == "b":
            k = next_nonblank(z, j)
            if k >= limit or codes[k] in _DISCLAIMER_STOP:
                break
            if codes[k] == "d" or cue_count(rules, z.lines[k].text) >= 1:
                j = k
                continue
            break
        if code in _DISCLAIMER_STOP and not (code == "o" and cue_count(rules, line.text)):
            break
        if code == "d" or cue_count(rules, line.text) or continues(z.lines[last].text, line.text):
            last = j
            j += 1
            continue
        # a sentence whose cue words wrap onto the next line
        k = j + 1
        if (
            k < limit
            and codes[k] == "c"
            and taken[k] is None
            and continues(line.text, z.lines[k].text)
            and cue_count(rules, z.lines[k].text)
        ):
            last = k
            j = k + 1
            continue
        break
    return last + 1
