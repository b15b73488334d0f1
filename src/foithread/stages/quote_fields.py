"""What a quote header says about the message under it: sender, date, subject, To and Cc.

Read from the lines of one quote header (:mod:`foithread.stages.header_blocks`,
:mod:`foithread.stages.zoner`), in every language of :mod:`foithread.rules.quote_headers`:

* an **inline block** (``From:`` / ``Sent:`` / ``To:`` / ``Cc:`` / ``Subject:``, ``Von:`` /
  ``Gesendet:`` / ``An:`` / ``Betreff:``, ``De :`` / ``Envoyé :`` / ``À :`` / ``Objet :`` …): each
  field's value, with wrapped continuation lines joined; Outlook's ``Name [mailto:addr]`` and
  ``… On Behalf Of …`` are read as the sender;
* an **attribution** (``On Mon, 4 Oct 2021 at 09:12, Jane Smith <jane@example.org> wrote:``,
  ``Am 14.03.2023 um 10:12 schrieb Anna Weber <anna@example.de>:``, ``Le … a écrit :``), wrapped
  or not: the date, and the name and address next to the verb;
* a **Lotus Notes** head (``Bob Smith <bob@example.org>`` over ``17/04/08 15:57``, then ``To:``
  …): the head's name, address and date.

Dates are read by :func:`foithread.stages.extract.extract_dates` (day-first, as everywhere in
foithread); nothing is guessed that the header does not say.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import regex

from foithread import discipline
from foithread.model import Sender
from foithread.rules import Rules
from foithread.rules.quote_headers import ADDRESSEE_WORDS, LOTUS_TABLE_FIELDS, opener_words, verb_words
from foithread.stages.extract import extract_dates

__all__ = ["QuoteHeader", "lotus_table_lines", "read_quote_header", "sender_of"]

_ROLES = ("from", "sent", "to", "cc", "subject")
_FIELD = discipline.compile(r"^\s*+\*?[^:：]{1,40}?[:：]\*?\s*+(?P<value>.*)$")
_BRACKETED = discipline.compile(r"<\s*+(?P<addr>[^<>\s@]{1,200}@[^<>\s]{1,200})\s*+>")
_BARE = discipline.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_MAILTO = discipline.compile(r"\[\s*+mailto:\s*+(?P<addr>[^\]\s]{1,200})\s*+\]", flags=0)
_ON_BEHALF = discipline.compile(r"\s+On Behalf Of\s.*$", flags=0)
_QUOTED_NAME = discipline.compile(r"[\"“”'](?P<name>[^\"“”']{1,100})[\"“”']")
_OPENER = discipline.compile(rf"^\s*+(?:{opener_words()})\s+", anchored=True, why="only used with match")
_VERB = discipline.compile(rf"(?<!\w)(?:{verb_words()})(?!\w)")
_CJK_VERB = discipline.compile(rf"(?:{verb_words()})")
_TIME_WORD = discipline.compile(r"^(?:[ap]\.?m\.?|gmt|utc|bst|cet|cest|[+-]\d{4}|\(.*\))$")
_OTHER_FIELD = discipline.compile(r"^[A-Za-z][A-Za-z0-9-]{1,40}:\s", anchored=True, why="only used with match")
_PLATFORM_TAG = discipline.compile(r"\s*+\[#\d{1,12}\]$")  # FragDenStaat's request id after a name
_LINK_MARK = discipline.compile(r"^\[\d{1,3}\]", anchored=True, why="only used with match")
_DATE_TIME_ONLY = discipline.compile(
    r"^\s*+\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:\s++\d{1,2}:\d{2}(?::\d{2})?(?:\s*+[AP]M)?)?\s*+$",
    flags=regex.I,
    anchored=True,
    why="only used with match; possessive runs",
)
_TRIM = " \t,;:-–—\"'“”<>()[]"
#: the longest name read from an attribution (more is a sentence, not a name)
_MAX_NAME_WORDS = 6


@attrs.frozen
class QuoteHeader:
    """What one quote header says; ``to`` and ``cc`` are the fields as written."""

    sender: Sender | None = None
    sent_on: str | None = None  # ISO date
    subject: str | None = None
    to: str | None = None
    cc: str | None = None
    #: the header names the quoting message's addressee as the author (``On 2 May 2019 you wrote:``)
    addressee: bool = False

    def headers(self) -> Mapping[str, str]:
        """The header as mail headers (``from``, ``to``, ``cc``, ``subject``), those it has."""
        fields = {"to": self.to, "cc": self.cc, "subject": self.subject}
        if self.sender is not None:
            fields["from"] = _written(self.sender)
        return {name: value for name, value in fields.items() if value}


def _written(sender: Sender) -> str:
    if sender.name and sender.email:
        return f"{sender.name} <{sender.email}>"
    return sender.name or sender.email or ""


def sender_of(value: str) -> Sender | None:
    """The person in a ``From:`` value (``Smith, Jane <jane@x.org>``, ``Jane [mailto:jane@x.org]``,
    ``jane@x.org``, ``Jane Smith``), or ``None`` when it names nobody."""
    text = _ON_BEHALF.sub("", _MAILTO.sub(lambda m: f"<{m.group('addr')}>", value.strip()))
    found = _BRACKETED.search(text)
    address = found.group("addr") if found else None
    if found:
        rest = text[: found.start()] + text[found.end() :]
    else:
        bare = _BARE.search(text)
        address = bare.group(0) if bare else None
        rest = text[: bare.start()] + text[bare.end() :] if bare else text
    quoted = _QUOTED_NAME.search(rest)
    name = _PLATFORM_TAG.sub("", " ".join((quoted.group("name") if quoted else rest).split())).strip(_TRIM) or None
    if name and (_BARE.fullmatch(name) or name.casefold() == (address or "").casefold()):
        name = None
    if not name and not address:
        return None
    return Sender(name=name, email=_LINK_MARK.sub("", address).strip(".") if address else None)


def _first_date(text: str) -> str | None:
    found = extract_dates(text)
    return found[0].value if found else None


def _attribution_name(text: str) -> Sender | None:
    """The sender of an attribution line (``On <date>, <name> <addr> wrote:`` and its shapes)."""
    text = _OPENER.sub("", text, count=1)
    verbs = list(_VERB.finditer(text)) or list(_CJK_VERB.finditer(text))
    if verbs:
        verb = verbs[-1]
        tail = text[verb.end() :].strip(_TRIM + " ：")
        side = tail if any(ch.isalpha() for ch in tail) else text[: verb.start()]
    else:
        side = text
    quoted = _QUOTED_NAME.search(side)
    found = _BRACKETED.search(side) or _BARE.search(side)
    address = (found.group("addr") if found.lastgroup == "addr" else found.group(0)) if found else None
    if quoted:
        named = quoted.group("name").strip()
        email = address or _bare(named)
        return Sender(
            name=None if _BARE.fullmatch(named) else named, email=_LINK_MARK.sub("", email) if email else None
        )
    before = side[: found.start()] if found else side
    words: list[str] = []
    for word in reversed(before.rsplit(",", 1)[-1].split()):
        if word[:1].isdigit() or ":" in word or _TIME_WORD.match(word.casefold()):
            break
        words.append(word)
    name = " ".join(reversed(words)).strip(_TRIM) or None
    if name and len(name.split()) > _MAX_NAME_WORDS:
        name = None
    if not name and not address:
        return None
    return Sender(name=name, email=_LINK_MARK.sub("", address) if address else None)


def _bare(text: str) -> str | None:
    found = _BARE.fullmatch(text)
    return found.group(0) if found else None


def _lotus_sender(lines: Sequence[str]) -> Sender | None:
    for line in lines:
        if "@" in line or "<" in line:
            return sender_of(line)
    for line in lines:
        if line.strip() and not any(ch.isdigit() for ch in line):
            return sender_of(line)
    return None


def lotus_table_lines(lines: Sequence[str]) -> int:
    """How many of ``lines`` (the text under a Lotus Notes head) are the rest of its header, laid out
    as a table (a date line, ``Please respond to``, then each field name alone over its value); 0
    when they are not such a table."""
    taken = fields = 0
    i, n = 0, len(lines)
    while i < n:
        text = lines[i].strip()
        if not text or _DATE_TIME_ONLY.match(text):
            i += 1
            taken = i if text else taken
            continue
        if text.casefold() not in LOTUS_TABLE_FIELDS:
            break
        fields += 1
        i += 1
        while i < n and not lines[i].strip():
            i += 1
        if i < n and lines[i].strip().casefold() not in LOTUS_TABLE_FIELDS:
            i += 1
        taken = i
    return taken if fields else 0


def read_quote_header(lines: Sequence[str], rules: Rules) -> QuoteHeader:
    """What the quote header made of ``lines`` (its text lines, without newlines) says."""
    fields = rules["outlook_header"]
    separators = rules["quote_header"]
    values: dict[str, list[str]] = {}
    loose: list[str] = []  # lines outside any field: an attribution or a Lotus head
    role = ""
    for line in lines:
        if not line.strip():
            continue
        rule = fields.first(line)
        if rule is not None and rule.name in _ROLES and rule.name not in values:
            role = rule.name
            found = _FIELD.match(line)
            values[role] = [found.group("value").strip() if found else ""]
            continue
        table = LOTUS_TABLE_FIELDS.get(line.strip().casefold())
        if table is not None and table not in values:
            role = table
            values[role] = []
            continue
        if _OTHER_FIELD.match(line):  # Message-ID:, MIME-Version: … of a pasted header dump
            role = ""
            continue
        mark = separators.first(line)
        if mark is not None and mark.name in ("original_message", "forwarded", "bounce_copy"):
            role = ""
            continue
        if role:
            values[role].append(line.strip())
        else:
            loose.append(line.strip())
    joined = {name: " ".join(v for v in parts if v).strip() for name, parts in values.items()}
    head = " ".join(loose)
    if "from" in joined:
        sender = sender_of(joined["from"])
    elif values:  # a Lotus head over To:/cc:/Subject:
        sender = _lotus_sender(loose) or (sender_of(joined["respond"]) if joined.get("respond") else None)
    else:
        sender = _attribution_name(head) if head else None
    sent_on = _first_date(joined["sent"]) if joined.get("sent") else None
    addressee = sender is not None and not sender.email and (sender.name or "").casefold() in ADDRESSEE_WORDS
    return QuoteHeader(
        sender=None if addressee else sender,
        addressee=addressee,
        sent_on=sent_on or (_first_date(head) if head else None),
        subject=joined.get("subject") or None,
        to=joined.get("to") or None,
        cc=joined.get("cc") or None,
    )
