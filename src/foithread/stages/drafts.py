"""From reader parts to drafts: zoned, segmented, labelled messages not yet classified.

A :class:`Draft` is where a message is (its zoned lines) and what the reader and segmenter
said about it; :func:`labels_for` decides which of its lines the cleaner removes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from foithread.readers.base import Part
from foithread.rules import Rules
from foithread.stages import cleaner
from foithread.stages import codes as zone_codes
from foithread.stages.cleaner import Label
from foithread.stages.segmenter import segment
from foithread.stages.senderline import chrome_lines
from foithread.stages.zoner import Zoned, sub_zoned, zone


@attrs.frozen
class Draft:
    """A message before classification: where it is and what the reader said about it."""

    part: Part
    zoned: Zoned
    labels: tuple[Label, ...]
    title: bool = False
    sender: bool = False  # the first non-blank line is a sender line
    pasted: bool = False  # opens with a pasted mail-header block
    web_title: bool = False  # the first line is a web page's title over a letter

    @property
    def text(self) -> str:
        """The draft's stretch of its part's text (the message's ``raw``)."""
        return text_of(self.zoned, self.part)[0]


def drafts(parts: Iterable[Part], rules: Rules) -> Iterator[Draft]:
    """Zone each part, label its structure and, for page text, split it into messages."""
    for part in parts:
        z = zone(part.text, part.offset, rules)
        labels = cleaner.structural_labels(z, rules)
        if not part.segment:
            yield Draft(part, z, tuple(labels))
            continue
        for seg in segment(z, labels, rules):
            sub = sub_zoned(z, seg.start, seg.stop)
            yield Draft(
                part, sub, tuple(labels[seg.start : seg.stop]), seg.title, seg.sender, seg.pasted, seg.web_title
            )


def text_of(z: Zoned, part: Part) -> tuple[str, int]:
    """The text of ``z``'s lines in ``part`` and where it starts."""
    if not z.lines:
        return "", part.offset
    a = z.lines[0].start
    b = z.lines[-1].stop
    return part.text[a - part.offset : b - part.offset], a


def labels_for(draft: Draft, rules: Rules) -> list[Label]:
    """What the cleaner removes from ``draft``: the message's own labels, then what the reader
    and segmenter know (a sender line or page title, a pasted header block, page chrome, an
    embedded earlier message)."""
    z = draft.zoned
    labels = cleaner.message_labels(z, rules, draft.labels)
    if (draft.title or draft.sender or draft.web_title) and z.lines:
        first = next(i for i, ln in enumerate(z.lines) if not ln.blank)
        labels[first] = ("platform_footer", "sender_line" if draft.sender else "page_title")
    if draft.pasted:  # the header lines are the pasted message's envelope, not its text
        for i, code in enumerate(z.codes):
            if code not in zone_codes.HEADER_RUN:
                break
            if code == "h":
                labels[i] = ("other", "pasted_header")
    if draft.part.segment or not draft.part.headers:  # page text, not mail
        for i, name in chrome_lines(z, rules).items():
            if labels[i] is None:
                labels[i] = ("platform_footer", name)
    quoted_from = draft.part.quoted_from
    if quoted_from is not None:
        for i, line in enumerate(z.lines):
            if line.start - draft.part.offset >= quoted_from:
                cleaner.tail_block(z, labels, i, "quoted", "embedded_message")
                break
    return labels
