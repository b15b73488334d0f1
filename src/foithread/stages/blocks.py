"""Blocks of lines and the small helpers the cleaning stages share."""

from __future__ import annotations

import attrs

from foithread.rules import Rules
from foithread.stages.zoner import Zoned

Label = tuple[str, str] | None  # (removed kind, rule name) or None for kept lines

SENTENCE_END = (".", "!", "?", ":", ";", ")")


@attrs.frozen
class Block:
    start: int  # line index
    stop: int  # line index, exclusive
    kind: str
    rule: str


def next_nonblank(z: Zoned, i: int) -> int:
    n = len(z.lines)
    while i < n and z.lines[i].blank:
        i += 1
    return i


def prev_nonblank(z: Zoned, i: int) -> int:
    while i >= 0 and z.lines[i].blank:
        i -= 1
    return i


def cue_count(rules: Rules, text: str) -> int:
    return rules["disclaimer_cue"].count(text)


def continues(prev: str, line: str) -> bool:
    """Whether ``line`` continues the sentence of ``prev`` (a wrapped paragraph)."""
    p = prev.rstrip()
    s = line.lstrip()
    if not p or not s:
        return False
    if not p.endswith(SENTENCE_END):
        return True
    return not (s[0].isupper() or s[0].isdigit() or s[0] in "[(\"'*•-")
