"""Text-like attachments: plain text, CSV, HTML and RTF (RTF needs ``striprtf``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from foithread.attachments.budget import Budget, OutOfBudget

__all__ = ["decode", "read_csv", "read_html", "read_rtf", "read_text"]


def decode(data: bytes) -> str:
    """UTF-8 (a BOM dropped), else Windows-1252, with newlines normalised to ``\\n``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _lines(text: str, budget: Budget, warnings: list[str]) -> str:
    """``text`` cut to the budget's rows."""
    kept: list[str] = []
    try:
        for line in text.split("\n"):
            budget.page()
            kept.append(line)
    except OutOfBudget as stop:
        warnings.append(str(stop))
    return "\n".join(kept)


def read_text(data: bytes, budget: Budget, warnings: list[str]) -> str:
    return _lines(decode(data), budget, warnings)


def read_csv(data: bytes, budget: Budget, warnings: list[str]) -> str:
    """A CSV file as tab-separated rows (so cells never run together)."""
    text = decode(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[str] = []
    try:
        for row in csv.reader(io.StringIO(text), dialect):
            budget.page()
            rows.append("\t".join(cell.strip() for cell in row))
    except OutOfBudget as stop:
        warnings.append(str(stop))
    except csv.Error as exc:
        warnings.append(f"CSV read up to a malformed row ({exc})")
    return "\n".join(rows)


def read_html(data: bytes, budget: Budget, warnings: list[str]) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode(data), "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    lines = (line.strip() for line in soup.get_text("\n").split("\n"))
    return _lines("\n".join(line for line in lines if line), budget, warnings)


def read_rtf(data: bytes, budget: Budget, warnings: list[str]) -> str:
    from striprtf.striprtf import rtf_to_text

    convert: Callable[..., str] = rtf_to_text  # striprtf is untyped
    raw = data.decode("latin-1")  # RTF is 7-bit; \\'xx escapes carry the code page's bytes
    return _lines(convert(raw, errors="ignore").replace("\r\n", "\n"), budget, warnings)
