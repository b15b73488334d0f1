"""Privacy placeholders (DOMAIN 1.3): masks that stand where data was removed.

WhatDoTheyKnow, elinks and froide replace personal data with placeholders such as
``[email address]``, ``[FOI #123 email]``, ``[the Met request email]``, ``[name removed]``,
``xxxx@xxxx.xxx`` or ``<<email address>>``. They are never reported as data: the other
extractors call :func:`placeholder_spans` and ignore whatever overlaps them.
"""

from __future__ import annotations

import regex

from foithread.stages.extract.patterns import (
    Span,
    compile_pattern,
    finditer,
    fullmatch,
    merge_spans,
)

_MASK_WORDS = r"(?:e-?mail|mobile|removed|login\s+link|redacted|withheld|password|phone\s+number|telephone\s+number)"

#: The placeholder families, in the order they are tried. Each is ``(name, compiled pattern)``.
PLACEHOLDER_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # Any bracketed phrase that mentions email/mobile/removed/login link (WDTK masks and censor
    # rules), optionally preceded by an elinks marker ("[1][the Met request email]") or mailto:.
    # elinks may wrap it over a line break: "[Devon and Cornwall\nPolice request email]".
    (
        "bracketed_mask",
        compile_pattern(
            rf"(?:\[\d{{1,3}}\])?(?:mailto:)?\[[^\[\]]{{0,80}}?\b{_MASK_WORDS}\b[^\[\]\n]{{0,80}}?\]",
            regex.IGNORECASE,
        ),
    ),
    # Bare redaction markers: [redacted], [REDACTED], [password], [withheld].
    ("redacted", compile_pattern(r"\[\s*(?:redacted|withheld|password)\s*\]", regex.IGNORECASE)),
    # Template names: [name], [Authority name], [Your name].
    ("template_name", compile_pattern(r"\[[^\[\]\n]{0,40}?\bname\s*\]", regex.IGNORECASE)),
    # froide masks: <<email address>>, << Name removed >>.
    (
        "froide_mask",
        compile_pattern(
            r"<<[ \t]*[^<>\n]{0,40}?\b(?:e-?mail|name|removed|address|redacted|phone|telefon)\w*[^<>\n]{0,40}?>>",
            regex.IGNORECASE,
        ),
    ),
    # Masked addresses left in attachments or test data: xxxx@xxxx.xxx, request-x-xxx@xxx.com,
    # request-xxx-xxxxx@whatdotheyknow.com.
    ("x_email", compile_pattern(r"(?<![\w.-])[\w.+-]*@x{2,}(?:\.x{2,})*\.[a-z]{2,}\b", regex.IGNORECASE)),
    ("x_request_email", compile_pattern(r"(?<![\w.-])(?:request-)?x+(?:-x+)*@[\w-]+(?:\.[\w-]+)+", regex.IGNORECASE)),
)


def placeholder_spans(text: str) -> list[Span]:
    """The ``(start, end)`` spans of every placeholder in ``text``, sorted and merged."""
    spans: list[Span] = []
    for _name, pattern in PLACEHOLDER_PATTERNS:
        spans.extend(m.span() for m in finditer(pattern, text))
    return merge_spans(spans)


def is_placeholder(text: str) -> bool:
    """True when ``text`` (stripped) is one placeholder and nothing else."""
    candidate = text.strip()
    if not candidate:
        return False
    return any(fullmatch(pattern, candidate) for _name, pattern in PLACEHOLDER_PATTERNS)
