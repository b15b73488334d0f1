"""Resource limits: what foithread refuses to parse, with safe defaults.

Every limit has a default that no genuine FOI thread comes near, and every one is
configurable per call::

    import foithread
    thread = foithread.parse(path, limits=foithread.Limits(max_input_bytes=1 << 30))

Input beyond a limit raises :class:`~foithread.errors.ParseError` naming the limit (its
``limit`` attribute holds the field name) and how to raise it; it never hangs.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits", "limits_or_default"]

MiB = 1024 * 1024


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"Limits.{attribute.name} must be a positive number, not {value!r}")


@attrs.frozen
class Limits:
    """Upper bounds applied while parsing one input.

    - ``max_input_bytes``: size of the input (bytes of a file or of ``bytes``; characters of
      text given as ``str``).
    - ``max_mime_depth``: nesting of multipart containers and attached messages in an email.
    - ``max_messages``: messages in one thread (mbox entries, zip events, HTML blocks,
      segments of page text).
    - ``max_zip_members``: entries in a zip's central directory.
    - ``max_zip_member_bytes``: uncompressed size of ``correspondence.txt`` (declared and read).
    - ``max_zip_total_bytes``: declared uncompressed size of all members together.
    - ``max_zip_ratio``: uncompressed/compressed size, per member read and for the whole archive.
    - ``max_zip_depth``: zips opened one inside another (1: only the outer one).
    - ``regex_timeout``: seconds any structural pattern of a reader may take on one match; it
      also caps the (shorter) fixed timeouts of rules and extractors, whose timeouts become
      warnings of the thread.
    - ``max_seconds_per_input``: time budget for building the messages of one input (of each
      entry when :func:`~foithread.iter_parse` streams an mbox), checked between the stages of
      every message.
    - ``max_attachment_bytes``: size of one attached file whose text is read (a larger one keeps
      its name, size and hash, with a warning); for an Office or OpenDocument file, also the
      uncompressed size of the XML read from it.
    - ``max_attachment_pages``: PDF pages, or spreadsheet rows, read from one attachment.
    - ``attachment_seconds``: time spent reading the text of one attachment; checked between
      pages, rows and paragraphs, so the text read so far is kept, with a warning.
    """

    max_input_bytes: int = attrs.field(default=256 * MiB, validator=_positive)
    max_mime_depth: int = attrs.field(default=20, validator=_positive)
    max_messages: int = attrs.field(default=10_000, validator=_positive)
    max_zip_members: int = attrs.field(default=10_000, validator=_positive)
    max_zip_member_bytes: int = attrs.field(default=50 * MiB, validator=_positive)
    max_zip_total_bytes: int = attrs.field(default=1024 * MiB, validator=_positive)
    max_zip_ratio: int = attrs.field(default=100, validator=_positive)
    max_zip_depth: int = attrs.field(default=1, validator=_positive)
    regex_timeout: float = attrs.field(default=5.0, validator=_positive)
    max_attachment_bytes: int = attrs.field(default=20 * MiB, validator=_positive)
    max_attachment_pages: int = attrs.field(default=500, validator=_positive)
    attachment_seconds: float = attrs.field(default=20.0, validator=_positive)
    max_seconds_per_input: float = attrs.field(default=600.0, validator=_positive)


#: the limits used when none are given
DEFAULT_LIMITS = Limits()


def limits_or_default(limits: Limits | None) -> Limits:
    """``limits``, or :data:`DEFAULT_LIMITS` for ``None`` (what every public ``limits=`` means by it)."""
    return DEFAULT_LIMITS if limits is None else limits
