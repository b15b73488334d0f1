"""The one-letter zone codes (see :mod:`foithread.stages.zoner`) and the sets of them that
several stages read, named once here so that no stage spells a set its own way."""

from __future__ import annotations

BLANK = "b"
CONTENT = "c"
GREETING = "g"
CLOSING = "k"
QUOTED = "q"  # a ``>`` line
QUOTE_HEADER = "h"  # ``On … wrote:``, ``-----Original Message-----``, an Outlook block
FORWARDED = "w"
DISCLAIMER = "d"  # a disclaimer's first line
RULE = "r"  # a score line
MARKING = "m"  # ``OFFICIAL``
FOOTER = "f"  # a platform footer line
LINK_HEADING = "l"  # ``References`` / ``Visible links``
LINK_ITEM = "L"  # ``1. http://…``
ANNOTATION = "a"
OPENER = "o"  # ``Thank you for your email``: the start of a new, often automatic, message
NOISE = "n"  # ``Sent from my iPhone``
REFERENCE = "x"  # ``Our ref: …``

#: every code, in the order the zoner's table documents them
ALL = "bcgkqhwdrmflLaonx"

#: quoted history: a quote header or a quoted line
QUOTING = QUOTE_HEADER + QUOTED
#: a header block and the blank lines inside it
HEADER_RUN = QUOTE_HEADER + BLANK
#: plain text lines: content, or a reference line (``Our ref: …`` reads as text too)
TEXT = CONTENT + REFERENCE
#: lines that open a new message: a greeting, an annotation heading, an opener
MESSAGE_START = GREETING + ANNOTATION + OPENER
