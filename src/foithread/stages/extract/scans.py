"""One scan of each pattern that several extractors read, shared between them for one text.

References, dates and addresses all mask e-mails, URLs, phones and redaction placeholders before
reading; :func:`extract_all` scans those once per body (:meth:`Scans.of`) and hands the result to
each extractor. An extractor called on its own makes its own :class:`Scans`.
"""

from __future__ import annotations

import attrs
import regex

from foithread.stages.extract.patterns import EMAIL, PHONE_LABEL, PHONE_SHAPE, POSTCODE, URL, Span, finditer
from foithread.stages.extract.placeholders import placeholder_spans

Matches = tuple[regex.Match[str], ...]


@attrs.frozen
class Scans:
    """The matches of the shared patterns in one text."""

    placeholders: tuple[Span, ...]
    emails: Matches
    urls: Matches
    phone_labels: Matches
    phone_shapes: Matches
    postcodes: Matches

    @classmethod
    def of(cls, text: str) -> Scans:
        return cls(
            placeholders=tuple(placeholder_spans(text)),
            emails=tuple(finditer(EMAIL, text)),
            urls=tuple(finditer(URL, text)),
            phone_labels=tuple(finditer(PHONE_LABEL, text)),
            phone_shapes=tuple(finditer(PHONE_SHAPE, text)),
            postcodes=tuple(finditer(POSTCODE, text)),
        )
