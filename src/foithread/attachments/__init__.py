"""The text of attached files: PDF, DOCX, XLSX, ODT/ODS, CSV, RTF, HTML, plain text and TNEF.

:func:`read_attachment` turns one file into an :class:`~foithread.model.Attachment`: name,
content type, size and SHA-256 always; ``text`` when the file is of a type in :data:`FAMILIES`
and can be read within :class:`~foithread.limits.Limits`. Readers hand over the files their
input carries (email attachments in eml and mbox, zip members in WhatDoTheyKnow zips).

The libraries come with the optional extra ``pip install foithread[attachments]`` and are
imported only when a file of their type turns up:

| family | library | why |
|---|---|---|
| pdf | ``pypdf`` | pure Python (no toolchain, no C library), maintained, reads PDFs "protected" with an empty password, page by page |
| docx | ``python-docx`` | the maintained DOCX reader; paragraphs and tables in document order |
| xlsx | ``openpyxl`` | the maintained XLSX reader; read-only mode streams rows |
| rtf | ``striprtf`` | small, pure Python, maintained; RTF to plain text |
| tnef | ``tnefparse`` | pure-Python ``winmail.dat`` decoder without dependencies |
| odt, ods | standard library | ``content.xml`` is plain XML (odfpy ships no wheel and adds nothing here) |
| csv, html, text | standard library, ``beautifulsoup4`` | already dependencies |

Without the extra, the files of those families keep their metadata, ``text`` is ``None`` and
a warning names the package to install. Nothing here raises: an encrypted, broken or too
large file, or one that runs out of pages or time, gives a warning on the attachment. A PDF
whose pages are only images is marked ``scanned`` (no OCR is done: no OCR engine installs from
PyPI without a native binary or downloaded model weights).
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable

import attrs

from foithread.attachments.budget import Budget, OutOfBudget, Unreadable
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.model import Attachment

__all__ = ["EXTRA_PACKAGES", "FAMILIES", "family_of", "read_attachment"]

#: family -> (file name endings, content types); the first family that matches wins
FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "tnef": ((".tnef",), ("application/ms-tnef", "application/vnd.ms-tnef")),
    "pdf": ((".pdf",), ("application/pdf", "application/x-pdf")),
    "docx": ((".docx", ".docm"), ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)),
    "xlsx": ((".xlsx", ".xlsm"), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",)),
    "odf": (
        (".odt", ".ods", ".odp"),
        (
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
        ),
    ),
    "rtf": ((".rtf",), ("application/rtf", "text/rtf")),
    "csv": ((".csv", ".tsv"), ("text/csv", "text/tab-separated-values")),
    "html": ((".html", ".htm"), ("text/html", "application/xhtml+xml")),
    "text": ((".txt", ".text"), ("text/plain",)),
}

#: family -> the PyPI package of the extra ``foithread[attachments]`` it needs
EXTRA_PACKAGES = {"pdf": "pypdf", "docx": "python-docx", "xlsx": "openpyxl", "rtf": "striprtf", "tnef": "tnefparse"}


def family_of(name: str, content_type: str | None, data: bytes = b"") -> str | None:
    """Which :data:`FAMILIES` entry a file belongs to: by its name, then its content type, then
    its first bytes (``%PDF-``); ``None`` for types foithread does not read."""
    lower = name.lower()
    ctype = (content_type or "").split(";")[0].strip().lower()
    if lower == "winmail.dat":  # what Outlook always calls it; other .dat files are not TNEF
        return "tnef"
    for family, (endings, _) in FAMILIES.items():
        if lower.endswith(endings):
            return family
    for family, (_, types) in FAMILIES.items():
        if ctype in types:
            return family
    if data.startswith(b"%PDF-"):
        return "pdf"
    return None


def _content_type(name: str, given: str | None) -> str | None:
    given = (given or "").split(";")[0].strip().lower()
    if given and given != "application/octet-stream":
        return given
    guessed = mimetypes.guess_type(name, strict=False)[0]
    return guessed or given or None


def _read(
    family: str, data: bytes, budget: Budget, warnings: list[str], limits: Limits
) -> tuple[str, int | None, bool]:
    """(text, pages, scanned) of one file of ``family``."""
    from foithread.attachments import office, plain

    if family == "pdf":
        from foithread.attachments.pdf import read_pdf

        pdf = read_pdf(data, budget, warnings)
        return pdf.text, pdf.pages, pdf.scanned
    if family == "xlsx":
        text, sheets = office.read_xlsx(data, budget, warnings)
        return text, sheets, False
    if family == "tnef":
        from foithread.attachments.tnef import read_tnef

        def inner(name: str, blob: bytes) -> str | None:
            found = read_attachment(name, None, blob, limits)
            warnings.extend(f"{name}: {w}" for w in found.warnings)
            return found.text

        text, _ = read_tnef(data, budget, warnings, inner)
        return text, None, False
    readers: dict[str, Callable[[bytes, Budget, list[str]], str]] = {
        "docx": office.read_docx,
        "odf": office.read_odf,
        "rtf": plain.read_rtf,
        "csv": plain.read_csv,
        "html": plain.read_html,
        "text": plain.read_text,
    }
    return readers[family](data, budget, warnings), None, False


def read_attachment(name: str, content_type: str | None, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Attachment:
    """One attached file as an :class:`~foithread.model.Attachment`; never raises on bad data."""
    ctype = _content_type(name, content_type)
    family = family_of(name, ctype, data)
    if ctype is None and family is not None:
        ctype = FAMILIES[family][1][0]
    meta = Attachment(name, ctype, len(data), hashlib.sha256(data).hexdigest())
    if family is None:
        return meta
    if len(data) > limits.max_attachment_bytes:
        note = f"text not read: {len(data)} bytes, over Limits.max_attachment_bytes ({limits.max_attachment_bytes})"
        return attrs.evolve(meta, warnings=(note,))
    warnings: list[str] = []
    text: str | None = None
    pages: int | None = None
    scanned = False
    try:
        text, pages, scanned = _read(family, data, Budget(limits), warnings, limits)
        text = text.strip("\n")
    except ImportError:
        package = EXTRA_PACKAGES.get(family, family)
        warnings.append(f"text not read: install foithread[attachments] (needs {package})")
    except (Unreadable, OutOfBudget) as exc:
        warnings.append(f"text not read: {exc}")
    except Exception as exc:  # a library's own failure on a damaged file is a warning, not a crash
        warnings.append(f"text not read: damaged {family} file ({type(exc).__name__}: {exc})"[:300])
    return attrs.evolve(meta, text=text, pages=pages, scanned=scanned, warnings=tuple(warnings))
