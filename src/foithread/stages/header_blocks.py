"""Inline header blocks: the ``From:``/``Sent:``/``To:``/``Subject:`` lines a mail client writes
above the message it quotes or forwards, and Lotus Notes' shape of the same.

Two shapes are recognised from the ``outlook_header`` table (field names in every language of
:mod:`foithread.rules.quote_headers`):

* **Outlook**: a ``From:`` or ``Sent:`` line opens the block, which needs ``From`` and two of
  ``Sent``/``To``/``Subject``;
* **Lotus Notes** (Enron-era Domino): a head of one or two lines — ``Name@ORG`` or
  ``"Name" <addr> on 03/31/2001 07:45 PM`` — whose last line carries a date or a time, then
  ``To:``, ``cc:`` and ``Subject:``.

Within a block, recipient lists wrap over several lines (``To:`` / ``cc:`` continuations
carrying ``@``, ``/`` or a trailing comma), one blank line may stand before ``Subject:``, and a
long subject may wrap once. A block just under a forwarding line (``---- Forwarded by … ----``)
is a forwarded header (``w``); any other is a quote header (``h``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from foithread import discipline
from foithread.stages import codes as zone_codes

if TYPE_CHECKING:
    from foithread.rules import RuleTable
    from foithread.stages.zoner import Line

#: lines a header block may span
_MAX_BLOCK = 40
#: blank lines (plus one) allowed between two fields of a block
_MAX_GAP = 3
_DATE_OR_TIME = discipline.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b\d{1,2}:\d{2}\b")
_DATE_ONLY = discipline.compile(
    r"^\s*+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*+)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*+(?:[AP]M)?\s*+(?:[A-Z]{2,4})?)?\s*+$",
    regex.I,
    anchored=True,
    why="only used with match; possessive white space (each run is read once)",
)
_SENTENCE_END = (".", "!", "?", ";")
_LOTUS_LINES = frozenset({"lotus_sent_by", "lotus_respond"})


def _address_list(text: str) -> bool:
    s = text.strip()
    return 0 < len(s) < 120 and ("@" in s or "/" in s or s.endswith((",", ";")))


def _head_line(text: str) -> bool:
    s = text.strip()
    return 0 < len(s) < 90 and not s.endswith(_SENTENCE_END)


def _lotus_head(lines: Sequence[Line], codes: Sequence[str], names: Sequence[str], t: int) -> int:
    """The first line of a Lotus head above the ``To:`` line ``t``, or -1.

    The head ends in a line with a date or a time (one or two blank lines may follow it); above
    it, with no blank between, may stand ``Sent by:`` / ``Please respond to`` lines and the
    sender's name, when the date line is a date alone.
    """
    p1 = t - 1
    while p1 >= 0 and lines[p1].blank and t - p1 <= 3:
        p1 -= 1
    lotus = -1  # ``Please respond to`` / ``Sent by:`` just above ``To:``
    while p1 >= 0 and not lines[p1].blank and codes[p1] == "h" and names[p1] in _LOTUS_LINES:
        lotus = p1
        p1 -= 1
    if p1 < 0 or lines[p1].blank or codes[p1] not in zone_codes.TEXT or not _head_line(lines[p1].text):
        return lotus
    if not _DATE_OR_TIME.search(lines[p1].text):
        return lotus
    head = p1
    if not _DATE_ONLY.match(lines[p1].text):
        return head
    k = p1 - 1
    while k >= 0 and p1 - k <= 3 and not lines[k].blank:
        if codes[k] == "h" and names[k] in _LOTUS_LINES:
            head = k
        elif codes[k] in zone_codes.TEXT and _head_line(lines[k].text):
            return k
        else:
            break
        k -= 1
    return head


def _scan(lines: Sequence[Line], roles: Sequence[str], i: int) -> tuple[int, set[str]]:
    """Where the header block opening at line ``i`` stops (exclusive), and the fields it has
    (``roles[j]``: the header field line ``j`` is, or ``""``)."""
    n = len(lines)
    seen: set[str] = set()
    last_field = ""
    last = i
    j = i
    while j < n and j - i < _MAX_BLOCK:
        line = lines[j]
        if line.blank:
            k = j
            while k < n and lines[k].blank:
                k += 1
            role = roles[k] if k < n and k - last <= _MAX_GAP else ""
            if role and role not in seen and role != "from":
                j = k
                continue
            break
        role = roles[j]
        if role:
            if role in seen:
                break  # the next block
            seen.add(role)
            last_field = role
            last = j
            j += 1
            continue
        if j != last + 1:
            break
        if (last_field in ("to", "cc") and _address_list(line.text)) or (
            last_field in ("from", "sent") and "subject" not in seen and len(line.text) < 80
        ):
            last = j
        elif last_field == "subject" and len(lines[last].text) >= 60 and len(line.text) < 80:
            if j + 1 >= n or lines[j + 1].blank:
                last = j
            break
        else:
            break
        j += 1
    return last + 1, seen


def _forwarded_above(lines: Sequence[Line], codes: Sequence[str], i: int) -> bool:
    k = i - 1
    while k >= 0 and lines[k].blank and i - k <= 3:
        k -= 1
    return k >= 0 and codes[k] == "w"


def _role(fields: RuleTable, text: str) -> str:
    rule = fields.first(text)
    return rule.name if rule is not None else ""


def mark_header_blocks(lines: Sequence[Line], codes: list[str], names: list[str], fields: RuleTable) -> None:
    """Mark Outlook and Lotus Notes header blocks in place (``h`` or ``w``, see module docstring)."""
    if not any(r.enabled for r in fields.rules):
        return
    n = len(lines)
    roles = [
        _role(fields, line.text) if code in zone_codes.TEXT and not line.blank else ""
        for line, code in zip(lines, codes, strict=True)
    ]
    i = 0
    while i < n:
        first = roles[i]
        if codes[i] not in zone_codes.TEXT or first not in ("from", "sent", "to"):
            i += 1
            continue
        head = i if first != "to" else _lotus_head(lines, codes, names, i)
        if head < 0:
            i += 1
            continue
        stop, seen = _scan(lines, roles, i)
        if first == "to":
            ok = bool(seen & {"subject", "cc"})
            rule = "lotus_header"
        else:
            ok = "from" in seen and len(seen & {"sent", "to", "subject"}) >= 2
            rule = "outlook_header"
        if not ok:
            i += 1
            continue
        code = "w" if _forwarded_above(lines, codes, head) else "h"
        for k in range(head, stop):
            if not lines[k].blank:
                codes[k] = code
                names[k] = rule
        i = stop


#: fields a raw RFC 822 header dump has and a mail client's quote header never does
_TRANSPORT = frozenset({"received", "message_id", "x_header", "return_path", "mime", "content"})
_MIN_RAW_FIELDS = 3


def mark_raw_headers(lines: Sequence[Line], codes: list[str], names: list[str], fields: RuleTable) -> None:
    """A pasted RFC 822 header dump (``Received:``, ``Message-ID:``, ``X-Mailer:`` …) is ``h``.

    A run of header fields, with their wrapped continuations (indented, or under a long field
    line), of three fields or more, one of them a transport field (:data:`_TRANSPORT`).
    """
    n = len(lines)
    i = 0
    while i < n:
        rule = fields.first(lines[i].text) if codes[i] in zone_codes.TEXT + zone_codes.QUOTE_HEADER else None
        if rule is None:
            i += 1
            continue
        run, kinds = [i], {rule.name}
        j = i + 1
        while j < n and not lines[j].blank and codes[j] in zone_codes.TEXT + zone_codes.QUOTE_HEADER:
            nxt = fields.first(lines[j].text)
            if nxt is not None:
                kinds.add(nxt.name)
                run.append(j)
            elif lines[j].text[:1] in " \t" or (len(lines[j - 1].text) >= 60 and len(lines[j].text) < 80):
                run.append(j)
            else:
                break
            j += 1
        fields_seen = sum(1 for k in run if fields.first(lines[k].text) is not None)
        if fields_seen >= _MIN_RAW_FIELDS and kinds & _TRANSPORT:
            for k in run:
                codes[k] = "h"
                names[k] = "mail_headers"
        i = j
