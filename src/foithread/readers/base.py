"""What every reader returns: a :class:`Document` made of :class:`Part` objects.

A reader decodes its input and cuts it into parts. A part is either one message already
(an email, an HTML correspondence block, a zip event) or, for page-text dumps, a stretch
of text that the segmenter still has to split (``segment=True``). Headers and metadata
ride along as hints for the classifier; they are never guessed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

import attrs

from foithread.model import Sender


def _headers(value: Optional[Mapping[str, str]]) -> Mapping[str, str]:
    return {str(k).lower(): str(v) for k, v in (value or {}).items()}


@attrs.frozen
class Part:
    """A decoded piece of input text with what the reader knows about it.

    ``offset`` is where ``text`` starts in the coordinate system of its spans: 0 for an
    email body (spans are in that message's decoded body), the position inside the
    document text for page text, zip ``correspondence.txt`` and HTML.
    """

    text: str
    offset: int = 0
    segment: bool = False
    headers: Mapping[str, str] = attrs.field(factory=dict, converter=_headers)
    sender: Optional[Sender] = None
    subject: Optional[str] = None
    sent_on: Optional[str] = None  # ISO date
    kind_hint: Optional[str] = None  # e.g. "annotation" from an HTML comment block
    party_hint: Optional[str] = None  # "requester" / "authority" / "platform"
    attachments: tuple[str, ...] = ()
    mime_type: Optional[str] = None  # content type of the whole email, e.g. multipart/report
    part_starts: tuple[int, ...] = ()  # offsets in ``text`` where each MIME text part begins
    quoted_from: Optional[int] = None  # offset in ``text`` where an embedded/returned message begins


@attrs.frozen
class Document:
    """Everything a reader got out of one input."""

    format: str
    parts: tuple[Part, ...]
    title: Optional[str] = None
    authority: Optional[str] = None
    requester: Optional[str] = None
    status: Optional[str] = None
    regime: Optional[str] = None  # "foi", "eir", "foisa" when the input says so
    warnings: tuple[str, ...] = ()
    source: Optional[str] = None
