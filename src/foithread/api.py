"""The public entry points: :func:`parse` and :func:`iter_parse`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from foithread.errors import ParseError
from foithread.model import Message, Thread
from foithread.pipeline import build_thread, iter_messages
from foithread.readers import Source, detect_format, read
from foithread.readers.email import iter_mbox_parts
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
    """Yield the messages of ``source`` one by one.

    An mbox given by path is read, parsed and yielded entry by entry, so memory stays flat
    however large the file; other inputs are parsed whole first. Thread-level facts (authority,
    thread references, warnings) need :func:`parse`.
    """
    path = Path(source) if isinstance(source, os.PathLike) else (
        Path(source) if isinstance(source, str) and "\n" not in source and len(source) < 4096 and os.path.isfile(source) else None
    )
    if path is not None and format in (None, "mbox"):
        with path.open("rb") as fh:
            fmt = format or detect_format(fh.read(65536), str(path))
            if fmt == "mbox":
                fh.seek(0)
                yield from iter_messages(iter_mbox_parts(fh, str(path)), rules)
                return
    yield from parse(source, format, rules=rules).messages
