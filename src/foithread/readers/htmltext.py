"""Readable plain text from HTML: email parts and WhatDoTheyKnow correspondence blocks.

:func:`html_to_text` parses with BeautifulSoup's stdlib ``html.parser`` backend (no lxml)
and walks the tree iteratively (no recursion, so deeply nested broken HTML is safe), writing
into a small line builder:

- block elements (``p``, ``div``, ``li``, ``tr``, ``h1``-``h6``, ``blockquote`` …) start new
  lines; paragraphs, headings, block quotes and lists are separated by one blank line;
- whitespace inside a line is collapsed to single spaces (non-breaking spaces included),
  except inside ``pre``, which is kept as written;
- ``script``, ``style``, ``head`` (unless broken markup put the body in it), comments and
  other non-content markup produce nothing;
- links keep their visible text with the target beside it (``text <URL>``); a visible text
  that Alaveteli or a mail client truncated (``https://example.gov.uk/media/...``) is
  replaced by the full URL; a text equal to its URL is written once; ``mailto:`` links give
  the address; relative and ``javascript:`` links give their text only. No elinks-style
  numbered reference list.
- ``ul`` items get ``- `` bullets and ``ol`` items ``1. ``, ``2. `` …; nested lists are
  indented by two spaces per level.

The output is deterministic and its cost linear in the size of the input.
"""

from __future__ import annotations

from urllib.parse import unquote

import regex
from bs4 import BeautifulSoup
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
    Tag,
)

from foithread import discipline
from foithread.readers.htmlguard import bound_html

__all__ = ["html_to_text", "link_text", "notice_title"]

_TIMEOUT = 5.0  # seconds; every pattern here is linear, this only guards against surprises

_WS = regex.compile(r"\s+")
_TITLE = discipline.compile(r"<title\b[^>]{0,200}+>([^<]{1,500}+)</title>", regex.I)
_H1 = discipline.compile(r"<h1\b[^>]{0,200}+>((?:[^<]|<(?!/h1\b)){1,2000}+)</h1>", regex.I)
_TAG = discipline.compile(r"<[^>]{0,500}+>")
_TRUNCATED = regex.compile(r"(?:\.{3}|\u2026)\s*$")
_SCHEME = regex.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
_WEB = regex.compile(r"^(?:https?|ftp)://", regex.IGNORECASE)

# Paragraph-like blocks: a blank line before and after.
_PARA = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "ul",
        "ol",
        "dl",
        "pre",
        "table",
        "hr",
        "address",
        "figure",
        "fieldset",
        "details",
        "center",
    ]
)
# Line-like blocks: start and end on their own line.
_LINE = frozenset(
    [
        "div",
        "li",
        "tr",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "form",
        "caption",
        "summary",
        "figcaption",
        "tbody",
        "thead",
        "tfoot",
        "legend",
        "option",
    ]
)
# Produce nothing at all.
_SKIP = frozenset(
    [
        "script",
        "style",
        "title",
        "meta",
        "link",
        "base",
        "noscript",
        "template",
        "svg",
        "math",
        "object",
        "iframe",
        "frame",
        "frameset",
        "embed",
        "applet",
        "select",
        "input",
        "textarea",
        "button",
        "img",
        "map",
        "area",
        "audio",
        "video",
        "canvas",
        "param",
        "source",
        "track",
    ]
)
_CELL = frozenset(("td", "th"))
_NON_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction, CData)


class _Builder:
    """Collects text pieces and turns block/line-break requests into newlines."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.started = False  # some text has been written
        self.line_has_text = False
        self.pending_break = 0  # newlines owed before the next text (0, 1 or 2)
        self.pending_space = False
        self.last_br = False
        self.prefix = ""  # bullet / indent owed at the start of the next line
        self.in_item = 0  # depth of open list items (keeps items tight)

    def block(self, newlines: int) -> None:
        """Ask for ``newlines`` line breaks (1: new line, 2: blank line) before more text."""
        if self.in_item and newlines > 1:
            newlines = 1
        if self.prefix and not self.line_has_text:
            return  # a list item just opened: its bullet owns this line
        self.pending_break = max(self.pending_break, newlines)
        self.last_br = False

    def br(self) -> None:
        """A ``<br>``: a new line; two in a row leave a blank line."""
        if self.last_br:
            self.pending_break = min(2, self.pending_break + 1)
        else:
            self.pending_break = max(self.pending_break, 1)
        self.last_br = True

    def space(self) -> None:
        """A word gap (between table cells, say)."""
        if self.line_has_text:
            self.pending_space = True

    def _start_text(self) -> None:
        if self.pending_break and self.started:
            self.out.append("\n" * self.pending_break)
            self.line_has_text = False
            self.pending_space = False
        self.pending_break = 0
        if not self.line_has_text and self.prefix:
            self.out.append(self.prefix)
            self.prefix = ""
            self.pending_space = False
        elif self.pending_space and self.line_has_text:
            self.out.append(" ")
        self.pending_space = False
        self.last_br = False

    def text(self, value: str) -> None:
        """Inline text: whitespace collapses, spaces at line starts and ends vanish."""
        collapsed = _WS.sub(" ", value, timeout=_TIMEOUT)
        if not collapsed:
            return
        core = collapsed.strip(" ")
        if not core:
            self.space()
            return
        if collapsed[0] == " ":
            self.space()
        self._start_text()
        self.out.append(core)
        self.started = True
        self.line_has_text = True
        self.pending_space = collapsed[-1] == " "

    def preformatted(self, value: str) -> None:
        """Text inside ``pre``: kept as written, line by line."""
        lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for i, line in enumerate(lines):
            if i:
                if self.started:
                    self.out.append("\n")
                self.line_has_text = False
                self.pending_break = 0
            line = line.replace("\u00a0", " ").rstrip()
            if line:
                if self.pending_break and self.started:
                    self.out.append("\n" * self.pending_break)
                    self.line_has_text = False
                self.pending_break = 0
                if self.pending_space and self.line_has_text:
                    self.out.append(" ")
                self.out.append(line)
                self.started = True
                self.line_has_text = True
                self.pending_space = False
            elif i and self.started:
                self.line_has_text = False

    def result(self) -> str:
        text = "".join(self.out)
        lines = [line.rstrip() for line in text.split("\n")]
        # Squeeze runs of blank lines (possible around preformatted text) to one.
        squeezed: list[str] = []
        for line in lines:
            if not line and squeezed and not squeezed[-1]:
                continue
            squeezed.append(line)
        return "\n".join(squeezed).strip("\n")


def _clean(value: str) -> str:
    return _WS.sub(" ", value, timeout=_TIMEOUT).strip()


def _bare(url: str) -> str:
    """A URL without scheme, ``www.`` and trailing slash, lower-cased host: for comparison."""
    value = _WEB.sub("", url.strip(), timeout=_TIMEOUT)
    if value.lower().startswith("www."):
        value = value[4:]
    return value.rstrip("/").lower()


def link_text(text: str, href: str | None) -> str:
    """How a link reads in plain text, given its collapsed visible text and its ``href``.

    >>> link_text("our website", "https://example.gov.uk/")
    'our website <https://example.gov.uk/>'
    >>> link_text("https://example.gov.uk/media/...", "https://example.gov.uk/media/3/r.pdf")
    'https://example.gov.uk/media/3/r.pdf'
    >>> link_text("foi@example.gov.uk", "mailto:foi@example.gov.uk")
    'foi@example.gov.uk'
    """
    text = _clean(text)
    href = (href or "").strip()
    if not href:
        return text
    lowered = href.lower()
    if lowered.startswith("mailto:"):
        address = unquote(href[7:].split("?", 1)[0]).strip()
        if not address or "@" not in address or "[" in address:
            return text  # masked or empty: the visible text is all there is
        if not text:
            return address
        if text.lower() == address.lower() or address.lower() in text.lower():
            return text
        return f"{text} <{address}>"
    web = bool(_WEB.match(href, timeout=_TIMEOUT)) or lowered.startswith("www.")
    if not web:
        return text  # relative, fragment, javascript:, tel: … carry no readable target
    if not text:
        return href
    if _bare(text) == _bare(href):
        return text
    if _TRUNCATED.search(text, timeout=_TIMEOUT):
        stem = _bare(_TRUNCATED.sub("", text, timeout=_TIMEOUT))
        if stem and _bare(href).startswith(stem):
            return href
    if text.lower() in href.lower() and _SCHEME.match(text, timeout=_TIMEOUT):
        return href
    return f"{text} <{href}>"


def _anchor_text(tag: Tag) -> str:
    """The visible text inside a link (skipping scripts, images and the like)."""
    pieces: list[str] = []
    stack: list[PageElement] = list(reversed(tag.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, _NON_TEXT):
                pieces.append(str(node))
        elif isinstance(node, Tag) and (node.name or "").lower() not in _SKIP:
            if (node.name or "").lower() == "br":
                pieces.append(" ")
            stack.extend(reversed(node.contents))
    return "".join(pieces)


def _walk(root: PageElement, out: _Builder) -> None:
    """Depth-first, iterative walk writing ``root``'s text into ``out``."""
    # Stack entries: (node, None) to enter a node, (tag, "exit") to leave it.
    stack: list[tuple[PageElement, str | None]] = [(root, None)]
    pre_depth = 0
    lists: list[list[int]] = []  # per open list: [is_ordered, next number]
    while stack:
        node, action = stack.pop()
        if action == "exit":
            assert isinstance(node, Tag)
            name = node.name
            if name == "pre":
                pre_depth -= 1
            if name in ("ul", "ol") and lists:
                lists.pop()
            if name == "li":
                out.in_item = max(0, out.in_item - 1)
                out.prefix = ""
            _break_for(out, name)
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, _NON_TEXT):
                continue
            if pre_depth:
                out.preformatted(str(node))
            else:
                out.text(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if name in _SKIP:
            continue
        if name == "head" and node.find("body") is None:
            continue
        if name == "br":
            out.br()
            continue
        if name == "a" and node.get("href") is not None:
            href = node.get("href")
            if isinstance(href, list):
                href = " ".join(href)
            visible = _anchor_text(node)
            if visible[:1].isspace():
                out.space()
            out.text(link_text(visible, str(href)))
            if visible[-1:].isspace():
                out.space()
            continue
        _break_for(out, name)
        if name == "pre":
            pre_depth += 1
            out.block(2)
        if name in ("ul", "ol"):
            if lists:
                out.block(1)
            lists.append([1 if name == "ol" else 0, 1])
        if name == "li":
            out.block(1)
            indent = "  " * max(0, len(lists) - 1)
            if lists and lists[-1][0]:
                bullet = f"{lists[-1][1]}. "
                lists[-1][1] += 1
            else:
                bullet = "- "
            out.prefix = indent + bullet
            out.in_item += 1
        stack.append((node, "exit"))
        for child in reversed(node.contents):
            stack.append((child, None))


def _break_for(out: _Builder, name: str) -> None:
    """The break an element's edge makes: a paragraph, a line, or a space between cells."""
    if name in _PARA:
        out.block(2)
    elif name in _LINE:
        out.block(1)
    elif name in _CELL:
        out.space()


def html_to_text(html: str | bytes | Tag) -> str:
    """Readable plain text from an HTML document, fragment or parsed ``Tag``.

    Paragraphs are separated by one blank line, lines carry no leading or trailing spaces
    (bar list indentation and ``pre`` text) and the result has no leading or trailing blank
    lines. Bytes are decoded as UTF-8, falling back to cp1252.
    """
    if isinstance(html, Tag):
        root: PageElement = html
    else:
        if isinstance(html, bytes):
            try:
                markup = html.decode("utf-8-sig")
            except UnicodeDecodeError:
                markup = html.decode("cp1252", errors="replace")
        else:
            markup = html
        if not markup.strip():
            return ""
        root = BeautifulSoup(bound_html(markup)[0], "html.parser")  # idempotent: callers may have bounded it
    out = _Builder()
    _walk(root, out)
    return out.result()


def notice_title(html: str) -> str | None:
    """The ``<title>`` of a generated notice (an encrypted-mail gateway's, a portal's) when it
    says more than the page's first heading, which it starts with or contains
    (``Benachrichtigung über verschlüsselte Nachricht / Encrypted mail notification`` over the
    heading ``Benachrichtigung über verschlüsselte Nachricht``): text the converter would
    otherwise drop with the head. None for an ordinary mail's title (no such heading)."""
    import html as entities

    title, heading = _TITLE.search(html), _H1.search(html)
    if not (title and heading):
        return None
    words = _WS.sub(" ", entities.unescape(title.group(1))).strip()
    head = _WS.sub(" ", entities.unescape(_TAG.sub(" ", heading.group(1)))).strip()
    if not head or head == words or head.casefold() not in words.casefold():
        return None
    return words
