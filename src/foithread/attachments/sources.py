"""Attachments from what readers hold: mail-parser's attachment dicts (eml, mbox) and the
members of a WhatDoTheyKnow zip (``<n>_<part>_<file>``, named by the ``Attachment:`` lines)."""

from __future__ import annotations

import base64
import binascii
import zipfile
from collections.abc import Mapping, Sequence

import attrs

from foithread.attachments import read_attachment
from foithread.limits import Limits
from foithread.model import Attachment

__all__ = ["from_mail", "from_zip", "zip_files"]


def _payload(attachment: Mapping[str, object]) -> tuple[bytes, str | None]:
    payload = attachment.get("payload") or ""
    if isinstance(payload, bytes):
        return payload, None
    if attachment.get("binary"):
        try:
            return base64.b64decode(str(payload), validate=False), None
        except (binascii.Error, ValueError):
            return b"", "attachment payload is not valid base64: only its name is kept"
    charset = str(attachment.get("charset") or "utf-8")
    try:
        return str(payload).encode(charset, errors="replace"), None
    except LookupError:
        return str(payload).encode("utf-8"), None


def from_mail(
    attachments: Sequence[Mapping[str, object]], names: Sequence[str], limits: Limits
) -> tuple[Attachment, ...]:
    """One :class:`Attachment` per named mail-parser attachment, named as ``names`` (the reader's
    stable names, in the same order)."""
    out: list[Attachment] = []
    named = [a for a in attachments if a.get("filename")]
    for attachment, name in zip(named, names, strict=False):
        data, problem = _payload(attachment)
        ctype = str(attachment.get("mail_content_type") or "") or None
        found = read_attachment(name, ctype, data, limits)
        out.append(attrs.evolve(found, warnings=(problem, *found.warnings)) if problem else found)
    return tuple(out)


def zip_files(archive: zipfile.ZipFile, skip: str, limits: Limits) -> dict[str, bytes]:
    """The zip's other members (not ``skip``, no directories) of at most
    ``Limits.max_attachment_bytes`` each, read within ``Limits.max_zip_member_bytes``; a member
    that cannot be read is left out (its name still comes from correspondence.txt)."""
    files: dict[str, bytes] = {}
    for info in archive.infolist():
        if info.is_dir() or info.filename == skip or info.file_size > limits.max_attachment_bytes:
            continue
        if info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
            continue
        try:
            with archive.open(info) as stream:
                data = stream.read(limits.max_attachment_bytes + 1)
        except Exception:  # encrypted, odd compression, CRC error: metadata only
            continue
        if len(data) <= limits.max_attachment_bytes:
            files[info.filename] = data
    return files


def _member(files: Mapping[str, bytes], name: str) -> str | None:
    """The member holding the attachment listed as ``name``: ``<n>_<part>_<name>`` or ``name``."""
    for member in files:
        base = member.rsplit("/", 1)[-1]
        if base == name or base.endswith(f"_{name}"):
            return member
    return None


def from_zip(names: Sequence[str], files: Mapping[str, bytes], limits: Limits) -> tuple[Attachment, ...]:
    """Attachments for one zip event's ``Attachment:`` names, from the members that hold them;
    a name with no member gives metadata only, with a warning."""
    out: list[Attachment] = []
    for name in names:
        member = _member(files, name)
        if member is None:
            out.append(Attachment(name, warnings=("file not in the zip (or over the limits): only its name is kept",)))
        else:
            out.append(read_attachment(name, None, files[member], limits))
    return tuple(out)
