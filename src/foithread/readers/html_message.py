"""An HTML document that is not a WhatDoTheyKnow page: one message, converted to text.

Mail clients save replies as HTML (Gmail's ``gmail_quote``, Outlook's header blocks); such a
file is read as a single message whose text is the HTML converted with link text kept beside
its URL. The cleaner then finds the quoted history in the text as in any email.
"""

from __future__ import annotations

import regex

from foithread.errors import ParseError
from foithread.readers.base import Document, Part
from foithread.readers.htmlguard import bound_html
from foithread.readers.htmltext import html_to_text
from foithread.readers.text import decode_bytes, normalise_newlines

#: markers of an Alaveteli request page: such a page without correspondence is an error, not a message
_ALAVETELI_PAGE = regex.compile(
    r"whatdotheyknow|alaveteli|asktheeu|righttoknow|correspondence__header|request-header", regex.I
)


def is_platform_page(html: str) -> bool:
    return bool(_ALAVETELI_PAGE.search(html[:200_000]))


def read_html_message(data: str | bytes, source: str | None = None) -> Document:
    warnings: list[str] = []
    if isinstance(data, bytes):
        html, warnings = decode_bytes(data)
    else:
        html = data
    html, guarded = bound_html(html)
    warnings.extend(guarded)
    text = normalise_newlines(html_to_text(html))
    if not text.strip():
        raise ParseError("HTML document holds no text", source=source, format="html")
    warnings.append("not a WhatDoTheyKnow request page: read as one HTML message")
    return Document(
        format="html",
        parts=(
            Part(text=text if text.endswith("\n") else text + "\n", offset=0, segment=False, mime_type="text/html"),
        ),
        warnings=tuple(warnings),
        source=source,
    )
