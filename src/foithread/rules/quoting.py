"""Quoting line tables: quote headers, inline header fields, forwarding notes, raw header dumps.

Built from the per-language data of :mod:`foithread.rules.quote_headers`; the zoner
(:mod:`foithread.stages.zoner`, :mod:`foithread.stages.header_blocks`) reads them by table name.
"""

from __future__ import annotations

from foithread.rules import table
from foithread.rules.quote_headers import (
    address_end_pattern,
    attribution_rules,
    dashed_pattern,
    gate_words,
    header_field_rules,
    separator_pattern,
    wrote_tail_pattern,
)

QUOTE_HEADER = table(
    "quote_header",
    [
        ("original_message", separator_pattern()),
        (
            "forwarded",
            r"^\s*(?:-{2,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Doorgestuurd bericht)\s*-{2,}|-{2,}\s*Forwarded by\b.*|Begin forwarded message:|_{3,}\s*urspr(?:ü|ue)ngliche Nachricht\s*_{3,})\s*$",
        ),
        *attribution_rules(),
        ("dashed_wrote", dashed_pattern()),
        ("wrote_tail", wrote_tail_pattern()),
        ("wrote_after_address", address_end_pattern()),
        (
            "date_address_colon",
            r"^\s*(?=.{0,60}\d{1,2}[.:]\d{2})(?=.{0,60}(?:19|20)\d\d).{6,160}<[^<>\s]+@[^<>\s]+>\s*:\s*$",
        ),
        # the end of an attribution wrapped inside its "<address>:" (the date opens it above)
        ("address_colon_tail", r"^\s*<?[^\s<>@]+@[^\s<>@]+>\s*:\s*$"),
        # Outlook's header block flattened onto one line
        ("outlook_one_line", r"^\s*\*?From:\*?\s.{1,120}?\s\*?(?:Sent|Date):\*?\s.{1,80}?\s\*?To:\*?\s"),
        ("groupwise", r"^\s*>>>\s*.{1,120}>>>\s*$"),
        ("mutt", r"^\s*\*\s.{1,80}\[\d{2,4}[-/.]\d\d[-/.]\d{2,4}.{0,20}\]\s*:\s*$"),
        ("quoting", r"^\s*(?:Quoting|Citando|Zitat von)\s.{1,100}:\s*$"),
        ("bounce_copy", r"^\s*-{2,}\s*This is a copy of the message, including all the headers\.?\s*-{2,}\s*$"),
        ("lotus_sent_by", r"^\s*Sent by:\s*\S"),
        ("lotus_respond", r"^\s*Please respond to\s*\S"),
    ],
    prefixes=("-", "_", "="),
    words=(*gate_words(), ">>>", "sent by", "please respond", "begin forwarded", "@", ":", "："),
    # its rules' words leave a few candidates per line: trying them costs 37 µs a line, the
    # combined pattern of all 33 rules 118 µs (every corpus line with a colon or "@")
    combine=False,
)

#: header lines of an Outlook-style quoted block (``From:``/``Sent:``/``To:``/``Subject:``), every language
OUTLOOK_HEADER = table("outlook_header", header_field_rules())

#: a short note that hands over the message below it (the header under it is a forward's)
FORWARD_NOTE = table(
    "forward_note",
    [
        ("fyi", r"^\s*(?:FYI|F\.Y\.I\.?|For your (?:information|info|records))\s*[.:!,-]?\s*$"),
        (
            "see_below",
            r"^\s*(?:Please\s+)?(?:see|find)\s+(?:the\s+)?(?:\w+\s+){0,6}?below\b[^.!?]{0,60}[.:!]?\s*$",
        ),
        ("forwarding", r"^\s*(?:Forwarding|Passing on|Passed on)\b[^.!?]{0,80}[.:!]?\s*$"),
    ],
)

#: fields of a raw RFC 822 header dump pasted into a body (forwarded with full headers)
MAIL_HEADER_FIELD = table(
    "mail_header_field",
    [
        ("received", r"^Received:\s"),
        ("message_id", r"^Message-ID:\s*<"),
        ("x_header", r"^X-[A-Za-z0-9-]+:\s"),
        ("return_path", r"^Return-Path:\s"),
        ("mime", r"^MIME-Version:\s"),
        ("content", r"^Content-(?:Type|Transfer-Encoding):\s"),
        ("address", r"^(?:From|To|Cc|Reply-To|Sender):\s"),
        ("other", r"^(?:Date|Subject|Organization|References|In-Reply-To):\s"),
    ],
)
