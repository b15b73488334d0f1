"""TNEF (``winmail.dat``, ``application/ms-tnef``) with ``tnefparse``: the message body Outlook
packed into it and the files inside, each read like any other attachment."""

from __future__ import annotations

from collections.abc import Callable

from foithread.attachments.budget import Budget, Unreadable
from foithread.attachments.plain import decode

__all__ = ["read_tnef"]

#: (name, data) -> text of one file inside the TNEF, or None
Inner = Callable[[str, bytes], "str | None"]


def _body(tnef: object) -> str:
    for attr in ("body", "htmlbody"):
        value = getattr(tnef, attr, None)
        if value:
            text = value if isinstance(value, str) else decode(bytes(value))
            if attr == "htmlbody":
                from bs4 import BeautifulSoup

                text = BeautifulSoup(text, "html.parser").get_text("\n")
            return text.replace("\x00", "").strip()
    return ""


def read_tnef(data: bytes, budget: Budget, warnings: list[str], inner: Inner) -> tuple[str, list[str]]:
    """The TNEF body text followed by each inner file's text under a ``--- <name> ---`` line,
    and the inner files' names."""
    import tnefparse

    try:
        tnef = tnefparse.TNEF(data, do_checksum=False)
    except Exception as exc:
        raise Unreadable(f"not a readable TNEF file ({type(exc).__name__}: {exc})") from None
    pieces = [_body(tnef)]
    names: list[str] = []
    for attachment in getattr(tnef, "attachments", []) or []:
        budget.page()
        try:
            name = str(attachment.long_filename() or attachment.name or "")
        except Exception:
            name = ""
        name = name.strip("\x00") or f"attachment-{len(names) + 1}"
        names.append(name)
        text = inner(name, bytes(attachment.data or b""))
        if text:
            pieces.append(f"--- {name} ---\n{text}")
    return "\n\n".join(p for p in pieces if p).strip(), names
