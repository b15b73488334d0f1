"""A linear pre-pass that bounds HTML before BeautifulSoup sees it.

The standard-library ``html.parser`` is quadratic on some shapes, and BeautifulSoup builds a
tree as deep as the markup nests: ``<!--`` repeated 20,000 times and never closed took 15 s
(800 KB: over two minutes), ``<div>`` nested 100,000 deep 6-40 s and 160 MB. :func:`bound_html`
rewrites only such markup, in one pass, and says what it did (one warning each):

- an **unterminated comment** (``<!--`` with no ``-->`` after it) runs to the end of the
  document, as HTML defines it: the document is cut there (the cut-off text was comment,
  never content);
- an **unterminated tag** after the last ``>`` (``<a <b <c ...``): its ``<`` become ``&lt;``,
  the text ``html.parser`` would have produced for it anyway;
- **nesting deeper than** :data:`MAX_DEPTH` elements: the tags below that depth are dropped
  and their text kept, so the tree stays shallow and no text is lost.

Markup without any of these comes back unchanged (the same object).
"""

from __future__ import annotations

import functools

import regex

from foithread import discipline

__all__ = ["MAX_DEPTH", "bound_html"]

#: deepest element nesting kept; genuine pages (WhatDoTheyKnow, Outlook, Gmail) stay far below
MAX_DEPTH = 512
_TIMEOUT = discipline.READER_TIMEOUT
#: a start or end tag; ``[^<>]*`` stops at the next angle bracket, so the scan is linear
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})(?=[\s/>])[^<>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "bgsound",
        "frame",
        "keygen",
    ]
)


def bound_html(markup: str, timeout: float = _TIMEOUT) -> tuple[str, list[str]]:
    """``markup`` made safe for ``html.parser`` in linear time, and a warning per change."""
    bounded, warnings = _bound(markup, timeout)
    return bounded, list(warnings)


@functools.lru_cache(maxsize=1)  # the HTML readers fall back from one to another on the same markup
def _bound(markup: str, timeout: float) -> tuple[str, tuple[str, ...]]:
    warnings: list[str] = []
    markup = _cut_open_comment(markup, warnings)
    markup = _escape_open_tail(markup, warnings)
    markup = _flatten(markup, warnings, timeout)
    return markup, tuple(warnings)


def _cut_open_comment(markup: str, warnings: list[str]) -> str:
    position = markup.find("<!--")
    while position >= 0:
        close = markup.find("-->", position + 2)  # "<!-->" closes at once
        if close < 0:
            warnings.append(
                f"HTML comment opened at character {position} is never closed: the rest of the document "
                f"({len(markup) - position} characters) is comment, as HTML defines it, and was not read"
            )
            return markup[:position]
        position = markup.find("<!--", close + 3)
    return markup


def _escape_open_tail(markup: str, warnings: list[str]) -> str:
    last = markup.rfind(">")
    tail = markup[last + 1 :]
    opened = tail.count("<")
    if not opened:
        return markup
    warnings.append(f"{opened} HTML tag(s) after the last '>' are never closed: read as text")
    return markup[: last + 1] + tail.replace("<", "&lt;")


def _flatten(markup: str, warnings: list[str], timeout: float) -> str:
    """Drop the tags nested deeper than MAX_DEPTH (text kept); unchanged when none are."""
    if markup.count("<") <= MAX_DEPTH:
        return markup  # too few tags to nest that deep
    depth = 0
    pieces: list[str] = []
    kept_to = 0
    dropped = 0
    for match in _TAG.finditer(markup, timeout=timeout):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _VOID:
            continue
        if closing:
            deep = depth > MAX_DEPTH
            depth -= depth > 0
        else:
            depth += 1
            deep = depth > MAX_DEPTH
        if deep:
            start, end = match.span()
            pieces.append(markup[kept_to:start])
            kept_to = end
            dropped += 1
    if not dropped:
        return markup
    pieces.append(markup[kept_to:])
    warnings.append(
        f"HTML nested more than {MAX_DEPTH} elements deep: {dropped} tag(s) below that depth ignored, their text kept"
    )
    return "".join(pieces)
