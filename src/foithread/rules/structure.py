"""Structure rules: patterns over the zone-code string of a text (talon's idea).

The zoner turns a message into a string of one-letter codes (see :mod:`foithread.stages.zoner`), for
example ``"gccckccrbhhhbgccck"``. These patterns run over that string, so a block is removed
because its shape says so — a quote header followed by quoted lines, a ``References`` heading
followed by numbered links — never because one keyword matched. ``\\K`` starts the match where
the block starts. Each rule's name says which ``removed`` kind its block gets
(:data:`KIND_OF`); a rule a user adds with another name removes its block as ``other``.

Blocks that need more than shape — disclaimers (cue words on their lines), platform footers
(wrapped continuations) — are found in :mod:`foithread.stages.disclaimers` and :mod:`foithread.stages.cleaner`.
"""

from __future__ import annotations

from foithread.rules import table

#: over a whole input: link footers belong to the message above them wherever they stand
LINK_STRUCTURE = table(
    "link_structure",
    [
        # References / Visible links / 1. … 2. … (from the first l of a run, to its last l: linear)
        ("references", r"(?<!lb*)l(?>(?:[lb]*l)?)b*L(?:b*L)*"),
        ("numbered_links", r"L(?:b*L)+"),  # a bare list of numbered links
    ],
    case_sensitive=True,
)

#: over one message: quoted history
QUOTE_STRUCTURE = table(
    "quote_structure",
    [
        # a forwarding line and its header block: the forwarded message below stays in the body
        ("forwarded_header", r"w(?:[wb]*w)?"),
        # a header and its '>' lines: the quote ends where unquoted text resumes (bottom-posting,
        # interleaved replies keep their new lines)
        ("marked_quote", r"(?<![hb])b*+\Kh[hb]*+q(?:[qhb]*q)?"),  # from the first h of an h/b run (read once)
        # the first quote header after some content not followed by '>' lines (an Outlook or
        # Lotus block over unmarked history), with a score line just above it, to the end
        ("quoted_tail", r"^[bm]*[^bmh].*?\K(?:rb?)?h(?![hb]*q).*$"),
        # a header at the very top over unmarked text: the header goes, the text stays
        ("leading_header", r"^[bmr]*\Kh(?:[hb]*h)?(?![hb]*q)"),
        # a run of two or more quoted lines, or quoted lines that end the message
        ("quoted_lines", r"q(?:b*q)+|q(?=b*$)"),
        # once a quote header has been seen, every '>' line below it is quoted (interleaved
        # replies quote one line at a time); before any header a lone '>' line may be content
        ("quoted_after_header", r"(?:h|\G(?!^))[^q]*?\Kq+"),
    ],
    case_sensitive=True,
)

#: the removed kind of each structure rule
KIND_OF = {
    "references": "link_footer",
    "numbered_links": "link_footer",
    "forwarded_header": "quoted",
    "marked_quote": "quoted",
    "leading_header": "quoted",
    "quoted_tail": "quoted",
    "quoted_lines": "quoted",
    "quoted_after_header": "quoted",
}

TABLES = (LINK_STRUCTURE, QUOTE_STRUCTURE)
