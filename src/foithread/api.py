"""The public entry points: :func:`parse` and :func:`iter_parse`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

from foithread.errors import ParseError
from foithread.model import Message, Thread
from foithread.pipeline import build_thread
from foithread.readers import Source, read
from foithread.rules import DEFAULT_RULES, Rules


def parse(source: Source, format: Optional[str] = None, *, rules: Rules = DEFAULT_RULES) -> Thread:
    """Parse one input (a path, raw bytes, or text) into a :class:`~foithread.model.Thread`.

    ``format`` is ``None`` (detect from the content) or one of ``"text"``, ``"eml"``,
    ``"mbox"``, ``"html"``, ``"wdtk-json"``, ``"wdtk-zip"``. ``rules`` replaces the default
    rule tables (see :mod:`foithread.rules`). Raises :class:`~foithread.errors.ParseError`
    for input that cannot be handled.
    """
    doc = read(source, format)
    try:
        return build_thread(doc, rules)
    except ParseError:
        raise
    except RecursionError as exc:  # pragma: no cover - defensive
        raise ParseError("input too deeply nested", source=doc.source, format=doc.format) from exc


def iter_parse(source: Source, format: Optional[str] = None, *, rules: Rules = DEFAULT_RULES) -> Iterator[Message]:
    """Yield the messages of ``source`` one by one."""
    yield from parse(source, format, rules=rules).messages
