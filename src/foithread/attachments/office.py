"""Office Open XML (DOCX with ``python-docx``, XLSX with ``openpyxl``) and OpenDocument
(ODT, ODS, read with the standard library: ``content.xml`` is plain XML).

Each is a zip: its declared uncompressed size is checked against
``Limits.max_attachment_bytes`` (and its ratio against ``Limits.max_zip_ratio``) before
anything is decompressed, so a zip bomb dressed as a document is refused.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

from foithread.attachments.budget import Budget, OutOfBudget, Unreadable

__all__ = ["check_zip", "read_docx", "read_odf", "read_xlsx"]


def check_zip(data: bytes, budget: Budget) -> zipfile.ZipFile:
    """The document's zip, opened once its declared sizes are within the limits."""
    limits = budget.limits
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Unreadable(f"not a readable document (broken zip: {exc})") from None
    if any(info.flag_bits & 0x1 for info in infos):
        raise Unreadable("encrypted document: a password is needed to read its text")
    total = sum(info.file_size for info in infos)
    if total > limits.max_attachment_bytes:
        raise Unreadable(f"document unpacks to {total} bytes, over Limits.max_attachment_bytes")
    if total > limits.max_zip_ratio * max(len(data), 1):
        raise Unreadable("document's compression ratio is over Limits.max_zip_ratio")
    return archive


def _budgeted(items: Iterator[str], budget: Budget, warnings: list[str]) -> str:
    kept: list[str] = []
    try:
        for item in items:
            budget.page()
            kept.append(item)
    except OutOfBudget as stop:
        warnings.append(str(stop))
    return "\n".join(kept).strip()


def _docx_blocks(document: Any) -> Iterator[str]:
    """Paragraphs and table rows in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            for row in block.rows:
                yield "\t".join(cell.text.strip() for cell in row.cells)


def read_docx(data: bytes, budget: Budget, warnings: list[str]) -> str:
    import docx

    check_zip(data, budget).close()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise Unreadable(f"not a readable DOCX ({type(exc).__name__}: {exc})") from None
    return _budgeted(_docx_blocks(document), budget, warnings)


def _xlsx_rows(book: Any) -> Iterator[str]:
    for sheet in book.worksheets:
        yield f"# {sheet.title}"
        for row in sheet.iter_rows(values_only=True):
            cells = ["" if v is None else str(v) for v in row]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                yield "\t".join(cells)


def read_xlsx(data: bytes, budget: Budget, warnings: list[str]) -> tuple[str, int]:
    """The sheets' rows (``# <sheet>`` above each sheet) and the number of sheets."""
    import openpyxl

    check_zip(data, budget).close()
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise Unreadable(f"not a readable XLSX ({type(exc).__name__}: {exc})") from None
    try:
        return _budgeted(_xlsx_rows(book), budget, warnings), len(book.worksheets)
    finally:
        book.close()


_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_BLOCKS = {f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"}
_ROW = f"{{{_TABLE}}}table-row"
_CELL = f"{{{_TABLE}}}table-cell"


def _inline(element: ElementTree.Element) -> str:
    """The text of a paragraph: spans followed, ``text:s``/``tab``/``line-break`` spelt out."""
    out = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "s":
            out.append(" " * int(child.get(f"{{{_TEXT}}}c", "1") or 1))
        elif tag == "tab":
            out.append("\t")
        elif tag == "line-break":
            out.append("\n")
        elif tag != "note":  # footnotes would break the sentence they sit in
            out.append(_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _odf_blocks(element: ElementTree.Element) -> Iterator[str]:
    for child in element:
        if child.tag in _BLOCKS:
            yield _inline(child)
        elif child.tag == _ROW:
            cells = [
                "\n".join(_inline(p) for p in cell.iter() if p.tag in _BLOCKS) for cell in child if cell.tag == _CELL
            ]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                yield "\t".join(cells)
        else:
            yield from _odf_blocks(child)


def read_odf(data: bytes, budget: Budget, warnings: list[str]) -> str:
    """ODT paragraphs and headings, ODS table rows, in document order."""
    archive = check_zip(data, budget)
    try:
        with archive:
            content = archive.read("content.xml")
        root = ElementTree.fromstring(content)
    except KeyError:
        raise Unreadable("not an OpenDocument file (no content.xml)") from None
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Unreadable(f"not a readable OpenDocument file ({exc})") from None
    return _budgeted(_odf_blocks(root), budget, warnings)
