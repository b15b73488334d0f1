"""PDF attachments with ``pypdf``: text per page, encryption, scans without a text layer."""

from __future__ import annotations

import io
import logging
from typing import Any

import attrs

from foithread.attachments.budget import Budget, OutOfBudget, Unreadable

__all__ = ["PdfText", "read_pdf"]


@attrs.frozen
class PdfText:
    text: str
    pages: int
    scanned: bool


def _has_image(page: Any) -> bool:
    """Whether the page draws an image XObject (directly or in a form XObject one level down)."""
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            subtype = obj.get("/Subtype")
            if subtype == "/Image":
                return True
            if subtype == "/Form":
                inner = (obj.get("/Resources") or {}).get("/XObject") or {}
                if any(r.get_object().get("/Subtype") == "/Image" for r in inner.values()):
                    return True
    except Exception:  # a damaged resource dictionary: no evidence of an image
        return False
    return False


def read_pdf(data: bytes, budget: Budget, warnings: list[str]) -> PdfText:
    """The text of a PDF's pages, within ``budget``.

    An encrypted PDF is opened with the empty user password (which many are "protected" with);
    otherwise it is :class:`Unreadable`. A PDF none of whose read pages has text but some of
    which hold images is ``scanned``.
    """
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf logs every repaired xref
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted PDF: a password is needed to read its text")
        count = len(reader.pages)
    except Unreadable:
        raise
    except Exception as exc:
        if "crypt" in f"{type(exc).__name__} {exc}".lower():
            raise Unreadable(f"encrypted PDF: {exc}") from None
        raise Unreadable(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    texts: list[str] = []
    images = False
    try:
        for number in range(count):
            budget.page()
            page = reader.pages[number]
            try:
                texts.append((page.extract_text() or "").strip("\n"))
            except Exception as exc:
                warnings.append(f"page {number + 1}: text not read ({type(exc).__name__})")
                texts.append("")
            images = images or _has_image(page)
    except OutOfBudget as stop:
        warnings.append(f"{stop}; the PDF has {count} pages")
    text = "\n\n".join(t for t in texts if t).strip()
    scanned = not text and images
    if scanned:
        warnings.append("scanned PDF: its pages are images without a text layer (no OCR done)")
    return PdfText(text, count, scanned)
