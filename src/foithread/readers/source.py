"""Where an input comes from: a path, bytes or text, told apart by one rule, and read safely
(regular files only, within :class:`~foithread.limits.Limits`; an mbox opened for streaming)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import IO, Union

import attrs

from foithread.errors import ParseError, limit_exceeded
from foithread.limits import Limits
from foithread.readers.detect import HEAD_BYTES, SUFFIX_FORMATS, detect_format

Source = Union[str, bytes, "os.PathLike[str]"]


def regular_file(path: Path, limits: Limits) -> None:
    """Refuse what is not a readable regular file of acceptable size, before opening it.

    A FIFO or device is refused up front: opening one could block for ever.
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        problem = "dangling symlink (its target does not exist)" if path.is_symlink() else "file not found"
        raise ParseError(problem, source=name) from None
    except (OSError, ValueError) as exc:
        raise ParseError(f"cannot read file: {getattr(exc, 'strerror', None) or exc}", source=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise ParseError("is a directory, not a file", source=name)
    if not stat.S_ISREG(info.st_mode):
        raise ParseError("not a regular file (a FIFO, socket or device)", source=name)
    if info.st_size > limits.max_input_bytes:
        raise limit_exceeded(
            "max_input_bytes", f"{info.st_size} bytes", limits.max_input_bytes, what="input size", source=name
        )


def load(
    source: Source, path: Path | None, limits: Limits, name: str | None = None
) -> tuple[bytes | None, str | None, str]:
    """(bytes or None, text or None, a name for messages); ``path`` as :func:`source_path` decided,
    ``name`` what to call input given in memory (default ``<bytes>`` / ``<text>``)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        shown = name or "<bytes>"
        if len(data) > limits.max_input_bytes:
            raise limit_exceeded(
                "max_input_bytes", f"{len(data)} bytes", limits.max_input_bytes, what="input size", source=shown
            )
        return data, None, shown
    if path is None:
        if not isinstance(source, str):
            raise ParseError(f"unsupported source type {type(source).__name__}; expected a path, bytes or str")
        if len(source) > limits.max_input_bytes:
            raise limit_exceeded(
                "max_input_bytes",
                f"{len(source)} characters",
                limits.max_input_bytes,
                what="input size",
                source=name or "<text>",
            )
        return None, source, name or "<text>"
    regular_file(path, limits)
    try:
        return path.read_bytes(), None, str(path)
    except FileNotFoundError:
        raise ParseError("file not found", source=str(path)) from None
    except IsADirectoryError:
        raise ParseError("is a directory, not a file", source=str(path)) from None
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from None


#: suffixes that make a one-line ``str`` a file name rather than text (see :func:`source_path`)
NAME_SUFFIXES = frozenset(
    (
        *SUFFIX_FORMATS,
        *(".text", ".jsonl", ".xml", ".csv", ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx"),
        *(".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".gz", ".7z", ".rar", ".parquet"),
    )
)
_MAX_PATH_CHARS = 4096


def looks_like_path(text: str) -> bool:
    """True when a ``str`` reads as a file name: one line, and a known suffix or a path separator."""
    if not text or len(text) >= _MAX_PATH_CHARS or "\n" in text or "\r" in text or not text.strip():
        return False
    return "/" in text or "\\" in text or os.sep in text or Path(text).suffix.lower() in NAME_SUFFIXES


def source_path(source: object, format: str | None = None) -> Path | None:
    """The file ``source`` names, or ``None`` when it is the input itself (bytes or text).

    The one rule every entry point uses (``parse``, ``iter_parse``, batches, Dask) to tell a
    ``str`` path from text: a ``str`` is a path when it names an existing file-system entry
    (even a dangling symlink, which is then reported); otherwise it is text, unless it *looks
    like* a file name (one line with a known suffix such as ``.txt``/``.eml`` or a path
    separator), which raises ``ParseError("file not found")`` rather than parse the name as
    text. ``format="text"`` turns that guess off (the ``str`` is text unless the file
    exists); :func:`foithread.parse_text` never reads a file at all.
    """
    if isinstance(source, os.PathLike):
        return Path(source)
    if not isinstance(source, str) or not source or len(source) >= _MAX_PATH_CHARS or "\n" in source:
        return None
    try:
        exists = os.path.lexists(source)
    except (OSError, ValueError):
        exists = False
    if exists:
        return Path(source)
    if format != "text" and looks_like_path(source):
        raise ParseError("file not found", source=source)
    return None


def path_of(source: object) -> Path | None:
    """The file ``source`` names, never raising: :func:`source_path` without the file-name check."""
    try:
        return source_path(source, "text")
    except ParseError:  # pragma: no cover - format="text" never raises
        return None


def open_mbox(path: Path, format: str | None, limits: Limits, *, whole: bool = True) -> IO[bytes] | None:
    """``path`` opened for streaming when it is (or is said to be) an mbox, else ``None``.

    ``whole=False`` (streaming entry by entry) drops the size limit on the whole file; the
    reader still holds each entry to ``limits.max_input_bytes``.
    """
    if format not in (None, "mbox"):
        return None
    regular_file(path, limits if whole else attrs.evolve(limits, max_input_bytes=sys.maxsize))
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from None
    try:
        fmt = format or detect_format(fh.read(HEAD_BYTES), str(path))
        if fmt == "mbox":
            fh.seek(0)
            return fh
    except BaseException:
        fh.close()
        raise
    fh.close()
    return None
