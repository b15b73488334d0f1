"""Registry declarations for the readers' patterns (see :mod:`foithread.discipline`).

The readers compile their patterns with ``regex.compile`` directly; until they move to
:func:`foithread.discipline.compile` their patterns are declared here, each with its discipline:
``TIMEOUT`` where the reader passes ``Limits.regex_timeout`` (a timeout there raises the
``regex_timeout`` ParseError), ``LINEAR`` where it does not (checked by the growth test like
every other registered pattern). :func:`declare_all` runs when the registry is first listed.
"""

from __future__ import annotations

import importlib

import regex

from foithread import discipline
from foithread.discipline import LINEAR, TIMEOUT, Discipline

#: module → (global name, discipline, tried at one position only)
READER_PATTERNS: dict[str, tuple[tuple[str, Discipline, bool], ...]] = {
    "foithread.readers.htmlguard": (("_TAG", TIMEOUT, False),),
    "foithread.readers.mailheaders": (("_WORD", TIMEOUT, False), ("_BETWEEN_WORDS", LINEAR, True)),
    "foithread.readers.detect": (("_HEADER_LINE", LINEAR, True), ("_HTML_START", LINEAR, True)),
    "foithread.readers.email": (
        ("_C1", LINEAR, False),
        ("_INVENTED_NAME", LINEAR, True),
        ("_BOUNDARY", LINEAR, False),
        ("_DELIMITER", LINEAR, False),
        ("_TITLE", LINEAR, False),
    ),
    "foithread.readers.html": (
        ("_WS", TIMEOUT, False),
        ("_ISO_DATE", TIMEOUT, True),
        ("_META_CHARSET", TIMEOUT, False),
        ("_ANNOTATION", TIMEOUT, True),
        ("_DOM_ID", TIMEOUT, True),
        ("_USER_LINK", LINEAR, False),
        ("_FROM_PREFIX", TIMEOUT, True),
        ("_RESENT", TIMEOUT, True),
        ("_HIDDEN", TIMEOUT, True),
        ("_TITLE_AUTHORITY", TIMEOUT, False),
        ("_STATUS", LINEAR, False),
    ),
    "foithread.readers.html_message": (("_ALAVETELI_PAGE", LINEAR, False),),
    "foithread.readers.htmltext": (
        ("_WS", TIMEOUT, False),
        ("_TRUNCATED", TIMEOUT, False),
        ("_SCHEME", TIMEOUT, True),
        ("_WEB", TIMEOUT, True),
    ),
    "foithread.readers.wdtk_json": (("_ISO_DATE", TIMEOUT, True),),
    "foithread.readers.wdtk_zip": (
        ("_DATE_MDY", TIMEOUT, False),
        ("_DATE_DMY", TIMEOUT, False),
        ("_DATE_ISO", TIMEOUT, False),
        ("_DATE_NUM", TIMEOUT, False),
        ("_RULE", TIMEOUT, False),
        ("_PREAMBLE", TIMEOUT, False),
        ("_EIR", TIMEOUT, False),
        ("_HEADER", TIMEOUT, True),
        ("_ATTACHMENT", TIMEOUT, True),
        ("_RESENT", TIMEOUT, True),
        ("_ANNOTATION", TIMEOUT, True),
        ("_HIDDEN", TIMEOUT, True),
        ("_EVENT_START", TIMEOUT, True),
    ),
    "foithread.readers.zipsafe": (("_DRIVE", LINEAR, True),),
}


def _patterns(value: object) -> list[regex.Pattern[str] | regex.Pattern[bytes]]:
    """``value`` if a pattern, or the patterns in a tuple of ``(pattern, ...)`` rows."""
    if isinstance(value, regex.Pattern):
        return [value]
    if isinstance(value, tuple):
        return [p for row in value for p in _patterns(row)]
    return []


def declare_all() -> None:
    """Declare every pattern listed in :data:`READER_PATTERNS` (a missing name is an error)."""
    for module_name, rows in READER_PATTERNS.items():
        module = importlib.import_module(module_name)
        for name, kind, anchored in rows:
            for pattern in _patterns(getattr(module, name)):
                discipline.declare(module_name, pattern, kind, anchored=anchored, why="declared for the readers")
