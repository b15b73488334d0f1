"""Text of attached files (foithread.attachments): one table row per family and per failure.

Every document is made here, in memory: DOCX and XLSX with their writers, PDF, ODF and TNEF by
hand (tests/docfiles.py). Rows whose family needs the extra foithread[attachments] skip without it.
"""

from __future__ import annotations

import hashlib
import io
import sys
import zipfile
from collections.abc import Callable

import docfiles
import pytest

from foithread import Limits
from foithread.attachments import FAMILIES, family_of, read_attachment
from foithread.rules import DEFAULT_RULES


def docx_file(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def xlsx_file(rows: list[list[object]], title: str = "Requests") -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def locked_pdf(text: str, user: str, owner: str | None = None) -> bytes:
    """A PDF encrypted with ``user`` as its user password (RC4, which pypdf writes unaided)."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(docfiles.pdf(text)))
    writer.encrypt(user, owner_password=owner, algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


ODT = docfiles.odf(
    "<office:text><text:h>Response to request 4471</text:h>"
    "<text:p>The Council holds<text:s text:c='2'/>the information<text:tab/>requested.</text:p>"
    "<text:p>Line one<text:line-break/>line two</text:p></office:text>"
)
ODS = docfiles.odf(
    "<office:spreadsheet><table:table table:name='Fines'>"
    "<table:table-row><table:table-cell><text:p>Year</text:p></table:table-cell>"
    "<table:table-cell><text:p>Fines</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>2022</text:p></table:table-cell>"
    "<table:table-cell><text:p>1,204</text:p></table:table-cell></table:table-row>"
    "</table:table></office:spreadsheet>",
    "application/vnd.oasis.opendocument.spreadsheet",
)
RTF = rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Dear Mr Jones,\par We do not hold this information.\par Caf\'e9 costs\par}"
HTML = b"<html><head><title>x</title><style>p{}</style></head><body><h1>Decision</h1><p>The request is <b>refused</b>.</p></body></html>"

# name, content type, data maker, expected text (exact), expected pages
TEXT_CASES: list[tuple[str, str | None, Callable[[], bytes], str, int | None]] = [
    (
        "letter.pdf",
        "application/pdf",
        lambda: docfiles.pdf("Dear Ms Khan", "Yours sincerely"),
        "Dear Ms Khan\n\nYours sincerely",
        2,
    ),
    ("scan", "application/pdf", lambda: docfiles.pdf("Sniffed by its first bytes"), "Sniffed by its first bytes", 1),
    ("open.pdf", None, lambda: locked_pdf("Open letter", "", "owner"), "Open letter", 1),
    (
        "response.docx",
        None,
        lambda: docx_file(
            "We hold the information.", "Section 40(2) applies.", table=[["Year", "Cost"], ["2021", "£3,100"]]
        ),
        "We hold the information.\nSection 40(2) applies.\nYear\tCost\n2021\t£3,100",
        None,
    ),
    (
        "figures.xlsx",
        None,
        lambda: xlsx_file([["Year", "Fines"], [2022, 1204], [2023, None]]),
        "# Requests\nYear\tFines\n2022\t1204\n2023",
        1,
    ),
    (
        "response.odt",
        None,
        lambda: ODT,
        "Response to request 4471\nThe Council holds  the information\trequested.\nLine one\nline two",
        None,
    ),
    ("fines.ods", None, lambda: ODS, "Year\tFines\n2022\t1,204", None),
    ("data.csv", "text/csv", lambda: b'Year,Fines\r\n2022,"1,204"\r\n', "Year\tFines\n2022\t1,204", None),
    ("data.csv", None, lambda: "Jahr;Betrag\n2022;1.204 €\n".encode("cp1252"), "Jahr\tBetrag\n2022\t1.204 €", None),
    ("letter.rtf", None, lambda: RTF, "Dear Mr Jones,\nWe do not hold this information.\nCafé costs", None),
    ("page.html", None, lambda: HTML, "Decision\nThe request is\nrefused\n.", None),
    ("note.txt", None, lambda: "Größe\r\nzwei".encode(), "Größe\nzwei", None),
    (
        "winmail.dat",
        None,
        lambda: docfiles.tnef("See the enclosed figures.", {"figures.csv": b"a,b\n1,2\n", "logo.png": b"\x89PNG"}),
        "See the enclosed figures.\n\n--- figures.csv ---\na\tb\n1\t2",
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "ctype", "make", "text", "pages"), TEXT_CASES, ids=[c[0] + str(i) for i, c in enumerate(TEXT_CASES)]
)
def test_text_of_each_family(
    name: str, ctype: str | None, make: Callable[[], bytes], text: str, pages: int | None
) -> None:
    family = family_of(name, ctype)
    if family in ("pdf", "rtf", "tnef") or (family is None and name == "scan"):
        pytest.importorskip({"rtf": "striprtf", "tnef": "tnefparse"}.get(family or "pdf", "pypdf"))
    data = make()
    found = read_attachment(name, ctype, data)
    assert (found.text, found.pages, found.warnings) == (text, pages, ())
    assert found.size == len(data)
    assert found.sha256 == hashlib.sha256(data).hexdigest()
    assert found.scanned is False


def test_image_only_pdf_is_reported_as_scanned() -> None:
    pytest.importorskip("pypdf")
    found = read_attachment("scan.pdf", "application/pdf", docfiles.pdf("", "", image=True))
    assert (found.text, found.pages, found.scanned) == ("", 2, True)
    assert found.warnings == ("scanned PDF: its pages are images without a text layer (no OCR done)",)


def bomb() -> bytes:
    return docfiles.zip_of({"word/document.xml": b"<" + b"a" * 5_000_000 + b">", "[Content_Types].xml": b"<x/>"})


def encrypted_zip() -> bytes:
    data = bytearray(docfiles.zip_of({"content.xml": b"<x/>"}, zipfile.ZIP_STORED))
    for signature in (b"PK\x03\x04", b"PK\x01\x02"):  # set the "encrypted" flag bit in both headers
        at = data.find(signature)
        flag = at + (6 if signature == b"PK\x03\x04" else 8)
        data[flag] |= 1
    return bytes(data)


# name, data maker, limits, expected warning (start), text expected
FAILURES: list[tuple[str, Callable[[], bytes], Limits, str, str | None]] = [
    ("broken.pdf", lambda: b"%PDF-1.4\nnothing else", Limits(), "text not read: not a readable PDF", None),
    ("locked.pdf", lambda: locked_pdf("Secret letter", "letmein"), Limits(), "text not read: encrypted PDF", None),
    (
        "long.pdf",
        lambda: docfiles.pdf("one", "two", "three"),
        Limits(max_attachment_pages=2),
        "only the first 2 pages or rows read",
        "one\n\ntwo",
    ),
    ("big.pdf", lambda: docfiles.pdf("x"), Limits(max_attachment_bytes=100), "text not read: ", None),
    (
        "broken.docx",
        lambda: b"PK\x03\x04 truncated",
        Limits(),
        "text not read: not a readable document (broken zip",
        None,
    ),
    ("bomb.docx", bomb, Limits(max_attachment_bytes=1_000_000), "text not read: document unpacks to", None),
    ("ratio.odt", bomb, Limits(), "text not read: document's compression ratio is over", None),
    ("locked.odt", encrypted_zip, Limits(), "text not read: encrypted document", None),
    (
        "noxml.odt",
        lambda: docfiles.zip_of({"mimetype": b"x"}),
        Limits(),
        "text not read: not an OpenDocument file",
        None,
    ),
    (
        "bad.odt",
        lambda: docfiles.zip_of({"content.xml": b"<a><b></a>"}),
        Limits(),
        "text not read: not a readable OpenDocument",
        None,
    ),
    ("notdocx.docx", lambda: docfiles.zip_of({"a.txt": b"x"}), Limits(), "text not read: not a readable DOCX", None),
    ("bad.xlsx", lambda: docfiles.zip_of({"a.txt": b"x"}), Limits(), "text not read: not a readable XLSX", None),
    ("winmail.dat", lambda: b"not tnef at all", Limits(), "text not read: not a readable TNEF file", None),
    ("rows.csv", lambda: b"a\nb\nc\n", Limits(max_attachment_pages=2), "only the first 2 pages or rows read", "a\nb"),
]


@pytest.mark.parametrize(("name", "make", "limits", "warning", "text"), FAILURES, ids=[c[0] for c in FAILURES])
def test_bad_files_give_a_warning_never_an_exception(
    name: str, make: Callable[[], bytes], limits: Limits, warning: str, text: str | None
) -> None:
    family = family_of(name, None)
    needs = {"pdf": "pypdf", "docx": "docx", "xlsx": "openpyxl", "tnef": "tnefparse"}
    if family in needs and not (family == "pdf" and name == "big.pdf"):
        pytest.importorskip(needs[family])
    data = make()
    found = read_attachment(name, None, data, limits)
    assert found.text == text
    assert len(found.warnings) == 1 and found.warnings[0].startswith(warning), found.warnings
    assert (found.size, found.sha256) == (len(data), hashlib.sha256(data).hexdigest())


def test_time_budget_keeps_the_text_read_so_far(monkeypatch: pytest.MonkeyPatch) -> None:
    from foithread.attachments import budget

    clock = iter([0.0, 0.0, 0.1, 99.0, 99.0])
    monkeypatch.setattr(budget.time, "monotonic", lambda: next(clock))
    found = read_attachment("rows.txt", None, b"first\nsecond\nthird\n", Limits(attachment_seconds=5))
    assert found.text == "first\nsecond"
    assert found.warnings == ("reading stopped after 5s (Limits.attachment_seconds)",)


@pytest.mark.parametrize(
    ("module", "name", "package"),
    [
        ("pypdf", "a.pdf", "pypdf"),
        ("docx", "a.docx", "python-docx"),
        ("openpyxl", "a.xlsx", "openpyxl"),
        ("striprtf", "a.rtf", "striprtf"),
        ("tnefparse", "winmail.dat", "tnefparse"),
    ],
)
def test_without_the_extra_metadata_stays_and_a_note_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, module: str, name: str, package: str
) -> None:
    for loaded in [m for m in sys.modules if m == module or m.startswith(module + ".")] or [module]:
        monkeypatch.setitem(sys.modules, loaded, None)  # importing it now raises ImportError
    found = read_attachment(name, None, docfiles.zip_of({"a": b"b"}))
    assert found.text is None
    assert found.warnings == (f"text not read: install foithread[attachments] (needs {package})",)
    assert found.size > 0 and found.sha256


# name, content type, first bytes, family
FAMILY_CASES = [
    ("Response.PDF", None, b"", "pdf"),
    ("attachment-1", "application/pdf", b"", "pdf"),
    ("file.bin", "application/octet-stream", b"%PDF-1.7", "pdf"),
    ("WINMAIL.DAT", "application/octet-stream", b"", "tnef"),
    ("x", "application/ms-tnef", b"", "tnef"),
    ("data.dat", None, b"", None),
    ("sheet.ods", None, b"", "odf"),
    ("table.TSV", None, b"", "csv"),
    ("x", "text/html; charset=utf-8", b"", "html"),
    ("photo.jpg", "image/jpeg", b"\xff\xd8", None),
    ("old.doc", "application/msword", b"", None),
]


@pytest.mark.parametrize(("name", "ctype", "head", "family"), FAMILY_CASES)
def test_family_of(name: str, ctype: str | None, head: bytes, family: str | None) -> None:
    assert family_of(name, ctype, head) == family


def test_unread_types_keep_metadata_without_warning() -> None:
    found = read_attachment("photo.jpg", "image/jpeg", b"\xff\xd8\xff")
    assert (found.content_type, found.size, found.text, found.warnings) == ("image/jpeg", 3, None, ())


def test_every_family_has_endings_and_types() -> None:
    assert all(endings and types for endings, types in FAMILIES.values())


# body, refers to its attachment
REFERRAL_CASES = [
    ("Please find attached our response to your request.", True),
    ("Please see the\nattached letter.", True),
    ("Our response is attached.", True),
    ("The decision is set out in the attached letter.", True),
    ("Please find enclosed the information.", True),
    ("Details are in the attachment.", True),
    ("Die Antwort finden Sie im Anhang.", True),
    ("Veuillez trouver ci-joint notre réponse.", True),
    ("We do not hold the information you asked for.", False),
    ("Thank you for your request, which we received today.", False),
]


@pytest.mark.parametrize(("body", "refers"), REFERRAL_CASES)
def test_attachment_referral_table(body: str, refers: bool) -> None:
    from foithread.attachments.referral import refers_to_attachment

    assert refers_to_attachment(body, DEFAULT_RULES) is refers
    assert (
        refers_to_attachment(
            body, DEFAULT_RULES.disable("attachment_referral", *DEFAULT_RULES["attachment_referral"].names())
        )
        is False
    )
