"""Messages recovered from quoted history: :func:`recover_quoted`.

A reply often carries the whole exchange under it: Outlook's ``-----Original Message-----`` /
``From:`` / ``Sent:`` / ``To:`` / ``Subject:`` blocks (in every language of
:mod:`foithread.rules.quote_headers`), or ``On … wrote:`` over ``>`` lines. :func:`foithread.parse`
keeps that history out of the reply's ``body`` (it is ``removed``, kind ``quoted``);
:func:`recover_quoted` (or ``parse(..., recover_quoted=True)``, ``foithread parse --recover-quoted``)
rebuilds each quoted message as a message of its own:

* **one per quote header**: the header gives ``sender``, ``sent_on`` (day-first), ``subject``,
  ``to`` and ``cc`` (:mod:`foithread.stages.quote_fields`); the text under it is zoned, cleaned,
  classified and extracted like any message (:func:`foithread.pipeline.iter_messages`), so it
  has its own ``kind``, ``party``, ``body``, ``removed``, facts and ``zones``;
* **every level once**: an Outlook history lists its blocks one under another, each of them a
  message whose own quoted history is the rest; a ``>`` quote inside a ``>`` quote is found by
  taking one level of markers off and reading the text again;
* **lossless, in the input's offsets**: ``raw`` is the quoted text exactly as it stands in the
  input (``>`` markers included), ``span`` indexes the input like every span (so
  ``host.raw[span[0] - host.span[0]:span[1] - host.span[0]] == raw``, ``host`` the message at
  ``recovered_from``), and the markers are ``removed`` (kind ``quoted``, rule ``quote_marker``),
  so ``body`` is the text without them and ``raw == body + removed`` still holds;
* **no repeats**: a quoted copy of a message already in the thread (the same Message-ID; the
  same sender, date and body; or the same date and bodies at least
  :data:`foithread.merge.SIMILARITY` alike, :func:`foithread.merge.same_message`, the sender
  not different) is dropped, and
  so is the history quoted inside it (the message it repeats gives its own); so is a second copy
  of a message already recovered;
* **in order**: the recovered messages stand before the message that quotes them, oldest first,
  moved further up past messages dated after them; every message is re-indexed from 0 and
  ``recovered_from`` is the index of the quoting message in the result.

Not recovered: ``>`` lines with no quote header (an interleaved reply quotes fragments, not a
message), a quote whose ``>`` lines the reply interrupts with its own text, a header at the
very top of a message (the text under it is the message's own), and forwarded messages (they
are the forwarder's content and stay in its body). Thread facts (authority, references, title,
regime, status) stay those of the input's own messages.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType

import attrs

from foithread.limits import Limits, limits_or_default
from foithread.merge import same_message
from foithread.model import Message, Removed, Thread, Zone
from foithread.pipeline import iter_messages
from foithread.readers.base import Part
from foithread.rules import Rules, rules_or_default
from foithread.stages.quote_fields import QuoteHeader, lotus_table_lines, read_quote_header
from foithread.stages.zoner import split_lines

__all__ = ["recover_quoted"]

_HISTORY = ("quote_header", "quoted")


@attrs.frozen
class _Line:
    """One line of a view: ``text`` is the input's line from ``start + cut`` (newline included)."""

    at: int  # where the line starts in the view's text
    start: int  # where it starts in the input, quote markers included
    cut: int  # quote markers taken off its start
    text: str


@attrs.frozen
class _View:
    """A stretch of a message's lines with ``cut`` quote markers taken off each."""

    lines: tuple[_Line, ...]
    ats: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)  # where each line starts

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "ats", tuple(line.at for line in self.lines))

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    def sub(self, a: int, b: int) -> _View:
        """The lines that start in ``[a, b)`` of the view's text."""
        return _rebased(line for line in self.lines if a <= line.at < b)

    def dequoted(self) -> _View:
        """One level of ``>`` markers off every line that has one."""
        out = []
        for line in self.lines:
            text = line.text
            stripped = text.lstrip(" \t")
            if stripped.startswith(">"):
                cut = len(text) - len(stripped) + 1
                cut += 1 if text[cut : cut + 1] in (" ", "\t") else 0
                out.append(attrs.evolve(line, cut=line.cut + cut, text=text[cut:]))
            else:
                out.append(line)
        return _rebased(line for line in out if line.text)

    def start(self, p: int) -> int:
        """The input offset of view offset ``p`` opening a stretch (at a line start: its markers too)."""
        line = self.lines[max(0, bisect_right(self.ats, p) - 1)]
        return line.start if p == line.at else line.start + line.cut + p - line.at

    def end(self, p: int) -> int:
        """The input offset of view offset ``p`` closing a stretch."""
        k = bisect_left(self.ats, p) - 1
        if k < 0:
            return self.lines[0].start
        line = self.lines[k]
        return line.start + line.cut + p - line.at


def _rebased(lines: Iterable[_Line]) -> _View:
    out, at = [], 0
    for line in lines:
        out.append(attrs.evolve(line, at=at))
        at += len(line.text)
    return _View(tuple(out))


def _view_of(message: Message) -> _View:
    base = message.span[0]
    raw = message.raw
    return _View(tuple(_Line(ln.start, base + ln.start, 0, raw[ln.start : ln.stop]) for ln in split_lines(raw)))


@attrs.frozen
class _Block:
    """One quoted message: what its header says and its text (with the history under it)."""

    header: QuoteHeader
    view: _View
    marked: bool  # its lines were '>'-quoted: a deeper quote is found by reading it again
    quoting_party: str  # the party of the message whose text quotes it


def _marked(view: _View) -> bool:
    first = next((line.text for line in view.lines if line.text.strip()), "")
    return first.lstrip(" \t").startswith(">")


def _interrupted(zones: Sequence[Zone], after: int) -> bool:
    """Whether ``>`` lines come back below the history ending at zone ``after`` (an interleaved reply)."""
    for zone in zones[after:]:
        if zone.kind == "quote_header":
            return False
        if zone.kind == "quoted":
            return True
    return False


def _regions(view: _View, zones: Sequence[Zone], rules: Rules, party: str) -> list[Iterator[_Block]]:
    """The quoted messages of a text, by run of quoted history (each run's messages newest first, read
    lazily: a run stops being read at a repeat). ``zones`` are in the view's offsets."""
    out = []
    n = len(zones)
    i = 0
    while i < n:
        if zones[i].kind != "quote_header":
            i += 1
            continue
        j = i
        while j < n and zones[j].kind in _HISTORY:
            j += 1
        out.append(_region(view, zones, i, j, rules, party))
        i = j
    return out


def _region(view: _View, zones: Sequence[Zone], i: int, j: int, rules: Rules, party: str) -> Iterator[_Block]:
    """One message per quote header of the run of quoted history in ``zones[i:j]`` (quoted by ``party``)."""
    region_end = zones[j - 1].span[1]
    heads = [k for k in range(i, j) if zones[k].kind == "quote_header"]
    for h, k in enumerate(heads):
        a = zones[k].span[1]
        own = view.sub(a, zones[heads[h + 1]].span[0] if h + 1 < len(heads) else region_end)
        if not own.text.strip():
            continue
        marked = _marked(own)
        if marked and _interrupted(zones, j):
            continue
        head = [line.text.rstrip("\r\n") for line in view.sub(zones[k].span[0], a).lines]
        if _not_a_reply(head, rules):
            continue
        if not marked:  # a Lotus Notes table under its head is header too
            table = lotus_table_lines([line.text for line in own.lines])
            while table and table < len(own.lines) and not own.lines[table].text.strip():
                table += 1
            head += [line.text.rstrip("\r\n") for line in own.lines[:table]]
            if not "".join(line.text for line in own.lines[table:]).strip():
                continue
            a += own.lines[table].at  # own's offsets start at a
        text = own.dequoted() if marked else view.sub(a, region_end)
        if not text.text.strip():  # markers and nothing else
            continue
        yield _Block(read_quote_header(head, rules), text, marked, party)


#: quote-header rules that open a returned copy, not a reply's history
_NOT_REPLIES = frozenset({"bounce_copy"})


def _not_a_reply(head: Sequence[str], rules: Rules) -> bool:
    """A bounce's ``This is a copy of the message, including all the headers`` over the returned message."""
    table = rules["quote_header"]
    return any((rule := table.first(line)) is not None and rule.name in _NOT_REPLIES for line in head)


_OTHER_SIDE = MappingProxyType({"requester": "authority", "authority": "requester"})


@attrs.frozen
class _Context:
    """What the thread's own messages tell about who is who."""

    requester: str | None
    authority: str | None
    parties: dict[str, str]  # sender address (case-folded) -> party, where the thread is consistent

    @classmethod
    def of(cls, thread: Thread) -> _Context:
        requester = None
        for m in thread.messages:
            if m.kind == "request":
                requester = m.signatories[0].name if m.signatories else m.sender.name
                break
        seen: dict[str, set[str]] = {}
        for m in thread.messages:
            if m.sender.email and m.party != "unknown":
                seen.setdefault(m.sender.email.casefold(), set()).add(m.party)
        parties = {address: next(iter(ps)) for address, ps in seen.items() if len(ps) == 1}
        return cls(requester, thread.authority, parties)

    def part(self, block: _Block) -> Part:
        sender = block.header.sender
        hint = self.parties.get((sender.email or "").casefold()) if sender is not None else None
        if block.header.addressee:  # "you wrote": the quoting message's addressee
            hint = _OTHER_SIDE.get(block.quoting_party)
        return Part(
            block.view.text,
            headers=block.header.headers(),
            sender=sender,
            subject=block.header.subject,
            sent_on=block.header.sent_on,
            party_hint=hint,
        )


def _read(
    blocks: Sequence[_Block], context: _Context, rules: Rules, limits: Limits, warnings: list[str]
) -> list[Message]:
    """The messages of ``blocks`` (oldest first), read as one exchange, in their views' offsets."""
    return list(
        iter_messages(
            (context.part(b) for b in blocks),
            rules,
            context.requester,
            authority=context.authority,
            limits=limits,
            warnings=warnings,
        )
    )


def _placed(m: Message, view: _View, host: Message) -> Message:
    """``m`` (read from ``view``'s text) in the offsets of the input ``host`` came from."""
    base = host.span[0]

    def piece(a: int, b: int) -> tuple[str, tuple[int, int]]:
        s, e = view.start(a), view.end(b)
        return host.raw[s - base : e - base], (s, e)

    removed = []
    for r in m.removed:
        text, span = piece(*r.span)
        removed.append(Removed(r.kind, text, span, rule=r.rule))
    cuts = sorted(r.span for r in m.removed)
    k = 0
    for line in view.lines:
        while k < len(cuts) and cuts[k][1] <= line.at:
            k += 1
        if line.cut and not (k < len(cuts) and cuts[k][0] <= line.at):
            marker = host.raw[line.start - base : line.start + line.cut - base]
            removed.append(Removed("quoted", marker, (line.start, line.start + line.cut), rule="quote_marker"))
    raw, span = piece(0, len(view.text))
    return attrs.evolve(
        m,
        raw=raw,
        span=span,
        removed=tuple(sorted(removed, key=lambda r: r.span)),
        zones=tuple(Zone(z.kind, (view.start(z.span[0]), view.end(z.span[1]))) for z in m.zones),
    )


def _may_be(a: str | None, b: str | None) -> bool:
    return not a or not b or a.casefold() == b.casefold()


def _repeats(m: Message, known: Iterable[Message]) -> bool:
    """Whether ``m`` is one of ``known`` (:func:`foithread.merge.same_message`, alike bodies included),
    never when the two have different dates or senders."""
    return any(
        _may_be(m.sent_on, k.sent_on)
        and _may_be(m.sender.email, k.sender.email)
        and (bool(m.sender.email and k.sender.email) or _may_be(m.sender.name, k.sender.name))
        and same_message(m, k, similar=True)
        for k in known
    )


def _ordered(own: Sequence[Message], chains: dict[int, list[Message]]) -> tuple[Message, ...]:
    """The thread's messages with each chain (oldest first) before its host, moved up past later-dated ones."""
    entries: list[tuple[Message, int | None, int | None]] = [(m, h, None) for h, m in enumerate(own)]
    for h, chain in sorted(chains.items()):
        for m in chain:
            p = next(k for k, e in enumerate(entries) if e[1] == h)
            while p > 0 and m.sent_on and (entries[p - 1][0].sent_on or "") > m.sent_on:
                p -= 1
            entries.insert(p, (m, None, h))
    final = {e[1]: k for k, e in enumerate(entries) if e[1] is not None}
    return tuple(
        m
        if m.index == k and host is None
        else attrs.evolve(m, index=k, recovered_from=None if host is None else final[host])
        for k, (m, _, host) in enumerate(entries)
    )


def recover_quoted(thread: Thread, *, rules: Rules | None = None, limits: Limits | None = None) -> Thread:
    """``thread`` with the messages its messages quote rebuilt as messages of their own (see the module).

    ``rules``/``limits``: ``None`` means :data:`~foithread.rules.DEFAULT_RULES` /
    :data:`~foithread.limits.DEFAULT_LIMITS`.

    Recovered messages carry ``recovered_from``; a thread that already has some is returned as it
    is. ``limits.max_messages`` caps the thread with them and ``limits.max_seconds_per_input`` the
    time spent; either, when reached, stops the recovery with a warning (what was found is kept).
    """
    rules, limits = rules_or_default(rules), limits_or_default(limits)
    own = thread.messages
    if any(m.recovered_from is not None for m in own):
        return thread
    context = _Context.of(thread)
    warnings: list[str] = []
    room = limits.max_messages - len(own)
    stop = time.monotonic() + limits.max_seconds_per_input
    known: list[Message] = list(own)  # first readings of what was kept, for the repeat check
    chains: dict[int, list[Message]] = {}
    stopped = False
    for h, host in enumerate(own):
        if host.kind == "bounce":  # what it quotes is the message that failed: sent, so in the thread
            continue
        view = _view_of(host)
        base = host.span[0]
        zones = [Zone(z.kind, (z.span[0] - base, z.span[1] - base)) for z in host.zones]
        todo = _regions(view, zones, rules, host.party)
        found: list[_Block] = []
        while todo and not stopped:
            region = todo.pop(0)
            for block in region:
                if room <= 0 or time.monotonic() > stop:
                    warnings.append(f"quoted history not recovered from message {h} on: {_why(room)}")
                    stopped = True
                    break
                first = _read([block], context, rules, limits, warnings)[0]
                if _repeats(first, known):
                    if block.marked:
                        continue
                    break  # the rest of the run is the history the repeated message quoted itself
                if first.body.strip():
                    known.append(first)
                    found.append(block)
                    room -= 1
                if block.marked:  # a quote inside it: read next, then the rest of this run
                    todo[:0] = [*_regions(block.view, first.zones, rules, first.party), region]
                    break
        if found:
            found.reverse()  # oldest first: deeper quotes are older
            if all(b.header.sent_on for b in found):  # quotes side by side: their dates say
                found.sort(key=lambda b: b.header.sent_on or "")
            read = _read(found, context, rules, limits, warnings)
            chains[h] = [_placed(m, b.view, host) for m, b in zip(read, found, strict=True)]
        if stopped:
            break
    return attrs.evolve(thread, messages=_ordered(own, chains), warnings=thread.warnings + tuple(warnings))


def _why(room: int) -> str:
    return "the thread reached limits.max_messages" if room <= 0 else "limits.max_seconds_per_input spent"
