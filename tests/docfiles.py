"""Small documents made in memory for the attachment tests: PDF (text, image-only), ODF, TNEF,
zips. Office files that have a maintained writer (DOCX, XLSX) are made with it in the tests."""

from __future__ import annotations

import io
import re
import struct
import zipfile

import pytest
from conftest import ROOT


def pdf(*pages: str, image: bool = False) -> bytes:
    """A valid PDF with one page per text (Helvetica), or with only an image on each page."""
    objects: list[bytes] = []
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    font = 3 + 2 * count
    for i, text in enumerate(pages):
        content = 4 + 2 * i
        if image:
            resources = f"<< /XObject << /Im1 {font} 0 R >> >>"
            stream = b"q 200 0 0 200 72 500 cm /Im1 Do Q"
        else:
            resources = f"<< /Font << /F1 {font} 0 R >> >>"
            lines = " ".join(f"({line}) Tj 0 -14 Td" for line in text.split("\n"))
            stream = f"BT /F1 12 Tf 72 720 Td {lines} ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources {resources} /Contents {content} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    if image:
        pixels = b"\x80" * 16
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 16 >>\nstream\n"
            + pixels
            + b"\nendstream"
        )
    else:
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def odf(body_xml: str, mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    """An OpenDocument file whose ``office:body`` holds ``body_xml``."""
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}><office:body>{body_xml}</office:body></office:document-content>'
    return zip_of({"mimetype": mimetype.encode(), "content.xml": content.encode()})


def _attribute(level: int, attr_id: int, attr_type: int, data: bytes) -> bytes:
    checksum = sum(data) & 0xFFFF
    return struct.pack("<BII", level, (attr_type << 16) | attr_id, len(data)) + data + struct.pack("<H", checksum)


def tnef(body: str, files: dict[str, bytes]) -> bytes:
    """A ``winmail.dat`` with a plain-text body and attached files."""
    out = struct.pack("<IH", 0x223E9F78, 1)
    out += _attribute(1, 0x9006, 0x0008, struct.pack("<I", 0x00010000))  # attTnefVersion
    out += _attribute(1, 0x800C, 0x0002, body.encode("cp1252") + b"\x00")  # attBody
    for name, data in files.items():
        out += _attribute(2, 0x9002, 0x0006, b"\x00" * 14)  # attAttachRendData opens an attachment
        out += _attribute(2, 0x8010, 0x0001, name.encode("cp1252") + b"\x00")  # attAttachTitle
        out += _attribute(2, 0x800F, 0x0006, data)  # attAttachData
    return out


def recipe_example(name: str) -> tuple[str, str]:
    """The first ``python`` block of ``docs/recipes/<name>.md`` and the ``text`` block under it."""
    recipe = (ROOT / "docs" / "recipes" / f"{name}.md").read_text(encoding="utf-8")
    code, shown = re.findall(r"```python\n(.*?)```\n\n```text\n(.*?)```", recipe, re.S)[0]
    return code, shown


def run_recipe(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run that block from the repository root (its paths are relative to it)."""
    monkeypatch.chdir(ROOT)
    exec(recipe_example(name)[0], {})
