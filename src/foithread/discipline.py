"""Pattern discipline: every compiled pattern is registered, and every parse has a budget.

Two halves, both small:

**The registry.** Every pattern foithread compiles at import time goes through
:func:`compile` (or, for a pattern compiled elsewhere, :func:`declare`) with a declared
:class:`Discipline`:

- ``LINEAR``: matching it costs time linear in the text, whatever the text; it may run without
  a timeout. The claim is checked, not trusted: ``tests/test_reliability_patterns.py`` times
  every registered pattern on generated worst-case inputs at 10 KB and 100 KB and fails on
  superlinear growth.
- ``TIMEOUT``: it is only ever matched through a helper that passes a timeout
  (:mod:`foithread.stages.extract.patterns`, :class:`foithread.rules.Rule`); a timeout is recorded
  (see below), never silent. It is growth-tested all the same.

The same test walks every module of the package (globals, class attributes, tuples and dicts of
patterns, rule tables) and fails on any compiled pattern that is not registered, so no pattern
can run outside the discipline. The registry is filled at import time only and never changes
afterwards; rule tables (whose rules a user may add) are covered by type: every
:class:`~foithread.rules.Rule` is matched with a timeout.

**The parse context.** :class:`ParseContext` carries the per-input limits into pattern matching:
the regex timeout (``Limits.regex_timeout`` caps the fixed per-call timeouts of rules and
extractors), the time budget (``Limits.max_seconds_per_input``, checked between the stages of
each message by :meth:`ParseContext.check`) and the names of the patterns that timed out.
It is held in a :class:`contextvars.ContextVar`, set by the pipeline around the work of one message
only (reset before the message is yielded), so it is private to one parse even with several
parses interleaved in one thread, running in threads, or in processes; outside a parse the fixed
default timeouts apply and timeouts are not recorded.
"""

from __future__ import annotations

import contextvars
import enum
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import AnyStr

import attrs
import regex

from foithread.errors import limit_exceeded

__all__ = ["Discipline", "Entry", "ParseContext", "compile", "current", "declare", "entries", "entry_of"]


class Discipline(enum.Enum):
    """How a pattern is kept from running for long."""

    LINEAR = "linear"
    TIMEOUT = "timeout"


LINEAR = Discipline.LINEAR
TIMEOUT = Discipline.TIMEOUT

#: the package's pattern timeouts, in seconds (each capped by ``Limits.regex_timeout``): one
#: pattern on one line (the rule tables) ...
LINE_TIMEOUT = 0.25
#: ... on a whole message body (extractors, request state, redaction) ...
TEXT_TIMEOUT = 1.0
#: ... inside a reader, over a whole input (linear patterns: a guard against surprises)
READER_TIMEOUT = 5.0


@attrs.frozen
class Entry:
    """One registered pattern: where it lives, how it is used and why it is safe."""

    module: str
    pattern: regex.Pattern[str] | regex.Pattern[bytes]
    discipline: Discipline
    #: True when it is only ever tried at one position (``match``/``fullmatch``), never searched
    anchored: bool = False
    why: str = ""
    #: the longest text its callers ever give it (None: any length)
    max_input: int | None = None

    @property
    def name(self) -> str:
        """``module.NAME`` of the global holding it (or the start of its source)."""
        module = sys.modules.get(self.module)
        for key, value in vars(module).items() if module is not None else ():
            if value is self.pattern:
                return f"{self.module}.{key}"
        source = self.pattern.pattern
        return f"{self.module}:{source[:40]!r}"


_ENTRIES: dict[tuple[object, int], Entry] = {}


def _key(pattern: regex.Pattern[str] | regex.Pattern[bytes]) -> tuple[object, int]:
    return (pattern.pattern, pattern.flags)


def compile(
    source: AnyStr,
    flags: int = 0,
    *,
    discipline: Discipline = LINEAR,
    anchored: bool = False,
    why: str = "",
    stacklevel: int = 1,
    max_input: int | None = None,
) -> regex.Pattern[AnyStr]:
    """Compile ``source`` with the ``regex`` module and register it (call at import time only).

    ``stacklevel``: 2 when called from a helper, so that the module defining the pattern is named;
    ``max_input``: the longest text its callers give it, when they bound it (say how in ``why``).
    """
    pattern = regex.compile(source, flags)
    caller = sys._getframe(stacklevel).f_globals.get("__name__", "?")
    _ENTRIES.setdefault(_key(pattern), Entry(caller, pattern, discipline, anchored, why, max_input))
    return pattern


def declare(
    module: str,
    pattern: regex.Pattern[str] | regex.Pattern[bytes],
    discipline: Discipline,
    *,
    anchored: bool = False,
    why: str = "",
) -> None:
    """Register a pattern compiled elsewhere (a module that does not use :func:`compile` yet)."""
    _ENTRIES.setdefault(_key(pattern), Entry(module, pattern, discipline, anchored, why))


def entry_of(pattern: regex.Pattern[str] | regex.Pattern[bytes]) -> Entry | None:
    """The registry entry of ``pattern`` (None: not registered)."""
    return _ENTRIES.get(_key(pattern))


def entries() -> tuple[Entry, ...]:
    """Every registered pattern, in registration order (the readers' declared ones included)."""
    from foithread.readers import patterns as readers_patterns  # here, not at the top: it imports the readers

    readers_patterns.declare_all()
    return tuple(_ENTRIES.values())


# --- the per-parse context -----------------------------------------------------------------


@attrs.define
class ParseContext:
    """Limits and records of one parse (see the module docstring)."""

    #: upper bound on any one timed match of a rule or extractor (seconds)
    regex_timeout: float = float("inf")
    #: ``time.monotonic()`` after which the parse stops (None: no budget)
    deadline: float | None = None
    #: the budget in seconds, for the error message
    budget: float | None = None
    source: str | None = None
    format: str | None = None
    #: what timed out since the last :meth:`take`, in order, without repeats
    timed_out: list[str] = attrs.field(factory=list)

    @classmethod
    def starting_now(
        cls, regex_timeout: float, seconds: float | None, source: str | None = None, format: str | None = None
    ) -> ParseContext:
        deadline = time.monotonic() + seconds if seconds is not None else None
        return cls(regex_timeout, deadline, seconds, source, format)

    def timeout(self, fixed: float) -> float:
        """The timeout for one match whose own fixed timeout is ``fixed``."""
        return min(fixed, self.regex_timeout)

    def record(self, what: str) -> None:
        """Note that ``what`` (a rule or pattern name) timed out."""
        if what not in self.timed_out:
            self.timed_out.append(what)

    def take(self) -> list[str]:
        """What timed out since the last call (and forget it)."""
        out, self.timed_out = self.timed_out, []
        return out

    def check(self, stage: str, message: int | None = None) -> None:
        """Raise the ``max_seconds_per_input`` ParseError if the budget is spent."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            where = f"message {message}" if message is not None else None
            raise limit_exceeded(
                "max_seconds_per_input",
                f"over {self.budget}s, at {stage}",
                self.budget,
                what="parsing time",
                source=self.source,
                format=self.format,
                where=where,
            )


_DEFAULT = ParseContext()
_CURRENT: contextvars.ContextVar[ParseContext] = contextvars.ContextVar("foithread_parse_context", default=_DEFAULT)


def current() -> ParseContext:
    """The context of the parse running in this thread/task (a no-op default outside one)."""
    return _CURRENT.get()


@contextmanager
def active(context: ParseContext) -> Iterator[ParseContext]:
    """Make ``context`` current for the ``with`` block (and only for it)."""
    token = _CURRENT.set(context)
    try:
        yield context
    finally:
        _CURRENT.reset(token)


def timed_out(what: str) -> None:
    """Record a timeout of ``what`` in the current parse (nothing outside a parse)."""
    context = _CURRENT.get()
    if context is not _DEFAULT:
        context.record(what)


def name_of(pattern: regex.Pattern[str] | regex.Pattern[bytes]) -> str:
    """How a timeout of ``pattern`` is named in a warning."""
    entry = entry_of(pattern)
    return entry.name if entry is not None else f"pattern {pattern.pattern[:40]!r}"
