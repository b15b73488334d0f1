"""What every reader returns: a :class:`Document` made of :class:`Part` objects.

A reader decodes its input and cuts it into parts. A part is either one message already
(an email, an HTML correspondence block, a zip event) or, for page-text dumps, a stretch
of text that the segmenter still has to split (``segment=True``). Headers and metadata
ride along as hints for the classifier; they are never guessed here.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from foithread.model import Attachment, Sender


def _headers(value: Mapping[str, str] | None) -> Mapping[str, str]:
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
    sender: Sender | None = None
    subject: str | None = None
    sent_on: str | None = None  # ISO date
    kind_hint: str | None = None  # e.g. "annotation" from an HTML comment block
    party_hint: str | None = None  # "requester" / "authority" / "platform"
    attachments: tuple[str, ...] = ()
    mime_type: str | None = None  # content type of the whole email, e.g. multipart/report
    part_starts: tuple[int, ...] = ()  # offsets in ``text`` where each MIME text part begins
    quoted_from: int | None = None  # offset in ``text`` where an embedded/returned message begins
    attachment_details: tuple[Attachment, ...] = ()  # the attached files, when the input carries them


@attrs.frozen
class Document:
    """Everything a reader got out of one input."""

    format: str
    parts: tuple[Part, ...]
    title: str | None = None
    authority: str | None = None
    requester: str | None = None
    status: str | None = None
    regime: str | None = None  # "foi", "eir", "foisa" when the input says so
    references: tuple[str, ...] = ()  # the request's references printed outside any message (a page head)
    warnings: tuple[str, ...] = ()
    source: str | None = None
