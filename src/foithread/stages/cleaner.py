"""Cleaning without loss: decide which lines of a message are boilerplate, and why.

Blocks are found from the zone codes and their neighbourhood, never from one keyword:

* a **disclaimer** starts at a disclaimer-start line (or the score line just above it) and runs
  while its lines carry disclaimer cues or continue a wrapped sentence, up to a closing score
  line when it opened with one; it must carry enough cues to be taken;
* a **link footer** is a ``References``/``Visible links`` heading followed by numbered links;
* a **platform footer** is a run of WhatDoTheyKnow footer lines with their rules and wrapped
  continuations, or the donate box;
* **quoted** history runs from a quote header (not at the top) to the end, or is a run of
  ``>`` lines;
* **classification** markings and **signature noise** are single lines.

The result is one label per line; :func:`build` turns labels into ``body`` and ``removed``
such that the raw text is exactly the body and the removed spans interleaved.
"""

from __future__ import annotations

from collections.abc import Sequence

from foithread.model import Removed
from foithread.rules import Rules
from foithread.stages.blocks import Block, Label, continues, next_nonblank, prev_nonblank
from foithread.stages.disclaimers import disclaimer_blocks
from foithread.stages.zoner import Line, Zoned

__all__ = ["Block", "Label", "build", "disclaimer_blocks", "message_labels", "structural_labels", "tail_block"]


def structure_blocks(z: Zoned, rules: Rules, table_name: str) -> list[Block]:
    """Blocks found by the patterns of a structure table over the zone-code string."""
    from foithread.rules.structure import KIND_OF

    out: list[Block] = []
    for rule in rules[table_name]:
        for start, stop in rule.spans(z.codes):
            out.append(Block(start, stop, KIND_OF.get(rule.name, "other"), rule.name))
    return out


def _url_only(text: str) -> bool:
    s = text.strip()
    return bool(s) and " " not in s and ("://" in s or s.startswith("www.") or "@" in s)


def platform_footer_blocks(z: Zoned) -> list[Block]:
    """Runs of platform-footer lines with their score lines, URLs and wrapped continuations."""
    out: list[Block] = []
    codes = z.codes
    n = len(codes)
    i = 0
    while i < n:
        if codes[i] != "f":
            i += 1
            continue
        start = i
        p = prev_nonblank(z, i - 1)
        if p >= 0 and codes[p] == "r" and i - p <= 2:
            start = p
        j = i + 1
        last = i
        while j < n:
            code = codes[j]
            text = z.lines[j].text
            if code == "f":
                last = j
            elif code == "b":
                k = next_nonblank(z, j)
                if k < n and codes[k] in "fr" and k - j <= 2:
                    j = k
                    continue
                break
            elif code == "r":
                last = j
                j += 1
                break
            elif _url_only(text) or (code in "cL" and continues(z.lines[last].text, text) and j - last <= 2):
                last = j
            else:
                break
            j += 1
        out.append(Block(start, last + 1, "platform_footer", z.rule_names[i]))
        i = last + 1
    return out


def attachment_blocks(z: Zoned, rules: Rules) -> list[Block]:
    """Inline encoded attachments (uuencode ``begin 644 name`` … ``end``)."""
    out: list[Block] = []
    starts, ends = rules["attachment_start"], rules["attachment_end"]
    n = len(z.lines)
    i = 0
    while i < n:
        rule = starts.first(z.lines[i].text)
        if rule is None:
            i += 1
            continue
        j = i + 1
        while j < n and not ends.matches(z.lines[j].text):
            j += 1
        stop = min(n, j + 1)
        out.append(Block(i, stop, "other", f"{rule.name}_attachment"))
        i = stop
    return out


def single_line_blocks(z: Zoned) -> list[Block]:
    out = []
    for i, code in enumerate(z.codes):
        if code == "m":
            out.append(Block(i, i + 1, "classification", z.rule_names[i]))
        elif code == "n":
            out.append(Block(i, i + 1, "signature_noise", z.rule_names[i]))
    return out


def apply(labels: list[Label], blocks: Sequence[Block], *, overwrite: bool = False) -> None:
    for b in blocks:
        for k in range(b.start, b.stop):
            if overwrite or labels[k] is None:
                labels[k] = (b.kind, b.rule)


def structural_labels(z: Zoned, rules: Rules) -> list[Label]:
    """Labels that do not depend on where messages begin: footers, disclaimers, markings."""
    labels: list[Label] = [None] * len(z.lines)
    apply(labels, attachment_blocks(z, rules))
    apply(labels, platform_footer_blocks(z))
    apply(labels, structure_blocks(z, rules, "link_structure"))
    apply(labels, disclaimer_blocks(z, rules, labels))
    apply(labels, single_line_blocks(z))
    return labels


def message_labels(z: Zoned, rules: Rules, base: Sequence[Label]) -> list[Label]:
    """Labels for one message: the structural ones plus its quoted history."""
    labels = list(base)
    apply(labels, structure_blocks(z, rules, "quote_structure"), overwrite=True)
    return labels


def tail_block(z: Zoned, labels: list[Label], start: int, kind: str, rule: str) -> None:
    """Label everything from line ``start`` to the end (bounce diagnostics and the like)."""
    for k in range(start, len(z.lines)):
        labels[k] = (kind, rule)


def build(lines: Sequence[Line], labels: Sequence[Label], source: str, base: int) -> tuple[str, tuple[Removed, ...]]:
    """Body text and removed blocks. ``source[line.start - base]`` indexes the text.

    Blank lines between two lines of the same removed block join it; all other blank
    lines stay in the body.
    """
    n = len(lines)
    eff: list[Label] = list(labels)
    # blank lines sandwiched inside one block belong to it
    i = 0
    while i < n:
        if eff[i] is None and lines[i].blank:
            j = i
            while j < n and eff[j] is None and lines[j].blank:
                j += 1
            if i > 0 and j < n and eff[i - 1] is not None and eff[i - 1] == eff[j]:
                for k in range(i, j):
                    eff[k] = eff[i - 1]
            i = j
        else:
            i += 1
    body_parts: list[str] = []
    removed: list[Removed] = []
    i = 0
    while i < n:
        label = eff[i]
        j = i
        while j < n and eff[j] == label:
            j += 1
        a, b = lines[i].start, lines[j - 1].stop
        chunk = source[a - base : b - base]
        if label is None:
            body_parts.append(chunk)
        else:
            removed.append(Removed(label[0], chunk, (a, b), rule=label[1]))
        i = j
    return "".join(body_parts), tuple(removed)
