"""Zip safety for the WhatDoTheyKnow export reader: checks made before any byte is inflated.

Nothing here writes to disk or uses a member name as a path. :func:`check_archive` refuses a
zip whose member names would leave the archive if extracted (``../``, an absolute path, a
drive letter: the whole zip is rejected, not just the member, because a genuine export never
has one), too many members, or a declared total size or overall compression ratio beyond the
:class:`~foithread.limits.Limits`; :func:`read_member` reads one member with its size capped
and its ratio checked on the header and again on the bytes actually inflated.
"""

from __future__ import annotations

import zipfile

import regex

from foithread.errors import ParseError, limit_exceeded
from foithread.limits import DEFAULT_LIMITS, Limits

__all__ = ["base_name", "check_archive", "check_directory", "nested_zip", "read_member", "shallowest", "unsafe_name"]

FORMAT = "wdtk-zip"
RATIO_FLOOR = 1024 * 1024  # less than this, uncompressed, is never called a bomb
_DRIVE = regex.compile(r"^[A-Za-z]:")


def check_directory(data: bytes, limits: Limits, source: str | None) -> None:
    """Refuse a zip with too many members before ``zipfile`` lists them.

    The count in the end record can lie (1, or 0xFFFF, while the central directory holds a
    million entries), so the central directory itself is walked, header by header, and the
    walk stops after ``max_zip_members + 1`` entries: cheap whatever the archive claims.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65536 - 22))
    if end < 0 or end + 22 > len(data):
        return  # zipfile will say what is wrong
    claimed = int.from_bytes(data[end + 10 : end + 12], "little")
    size = int.from_bytes(data[end + 12 : end + 16], "little")
    location = end
    zip64 = data.rfind(b"PK\x06\x06", max(0, end - 20 - 56), end)
    if zip64 >= 0 and data[end - 20 : end - 16] == b"PK\x06\x07":
        claimed = int.from_bytes(data[zip64 + 32 : zip64 + 40], "little")
        size = int.from_bytes(data[zip64 + 40 : zip64 + 48], "little")
        location = zip64
    counted = _count_entries(data, max(0, location - size), location, limits.max_zip_members + 1)
    entries = max(counted, 0 if claimed == 0xFFFF else claimed)
    if entries > limits.max_zip_members:
        raise limit_exceeded(
            "max_zip_members",
            entries if counted <= limits.max_zip_members else f"more than {limits.max_zip_members}",
            limits.max_zip_members,
            what="number of zip members",
            source=source,
            format=FORMAT,
            where=f"byte {end}",
        )


def _count_entries(data: bytes, start: int, stop: int, ceiling: int) -> int:
    """Central directory headers from ``start`` up to ``stop``, counting no further than ``ceiling``."""
    count, position = 0, start
    while count < ceiling and position + 46 <= stop and data[position : position + 4] == b"PK\x01\x02":
        lengths = data[position + 28 : position + 34]
        name, extra, comment = (int.from_bytes(lengths[i : i + 2], "little") for i in (0, 2, 4))
        position += 46 + name + extra + comment
        count += 1
    return count


def unsafe_name(name: str) -> bool:
    """A member name that would leave the archive if extracted: absolute, drive, or ``..``."""
    path = name.replace("\\", "/")
    return path.startswith("/") or bool(_DRIVE.match(path)) or ".." in path.split("/")


def check_archive(archive: zipfile.ZipFile, size: int, limits: Limits, source: str | None) -> None:
    """Refuse hostile member names and bombs before reading anything."""
    infos = archive.infolist()
    if len(infos) > limits.max_zip_members:
        raise limit_exceeded(
            "max_zip_members",
            len(infos),
            limits.max_zip_members,
            what="number of zip members",
            source=source,
            format=FORMAT,
        )
    for info in infos:
        if unsafe_name(info.filename):
            raise ParseError(
                f"zip member name {info.filename!r} points outside the archive (path traversal); refused",
                source=source,
                format=FORMAT,
                where=f"member {info.filename!r}",
            )
    total = sum(i.file_size for i in infos)
    if total > limits.max_zip_total_bytes:
        raise limit_exceeded(
            "max_zip_total_bytes",
            f"{total} bytes",
            limits.max_zip_total_bytes,
            what="declared uncompressed size of the zip",
            source=source,
            format=FORMAT,
        )
    if total > RATIO_FLOOR and total / max(1, size) > limits.max_zip_ratio:
        raise limit_exceeded(
            "max_zip_ratio",
            f"{total // max(1, size)}:1",
            f"{limits.max_zip_ratio}:1",
            what="compression ratio of the whole zip (possible zip bomb)",
            source=source,
            format=FORMAT,
        )


def base_name(info: zipfile.ZipInfo) -> str:
    return info.filename.replace("\\", "/").rsplit("/", 1)[-1].lower()


def shallowest(infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    return sorted(infos, key=lambda i: (i.filename.count("/"), i.filename))


def nested_zip(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """A zip inside the zip, when the archive holds no ``correspondence.txt`` (shallowest wins)."""
    zips = [i for i in archive.infolist() if not i.is_dir() and base_name(i).endswith(".zip")]
    return shallowest(zips)[0] if zips else None


def read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str | None, limits: Limits = DEFAULT_LIMITS
) -> bytes:
    """The member's bytes, refusing oversized or suspiciously compressed members."""
    where = f"member {info.filename!r}"
    cap, ratio = limits.max_zip_member_bytes, limits.max_zip_ratio
    if info.file_size > cap:
        raise ParseError(
            f"zip member is too large ({info.file_size} bytes, limit max_zip_member_bytes={cap}); "
            "to accept it pass limits=foithread.Limits(max_zip_member_bytes=...) with a larger value",
            source=source,
            format=FORMAT,
            where=where,
            limit="max_zip_member_bytes",
        )
    _check_ratio(info.file_size, info.compress_size, ratio, source, where)
    with archive.open(info) as handle:
        content = handle.read(cap + 1)
    if len(content) > cap:
        raise ParseError(
            "zip member is larger than its header says",
            source=source,
            format=FORMAT,
            where=where,
            limit="max_zip_member_bytes",
        )
    _check_ratio(len(content), info.compress_size, ratio, source, where)  # what it really holds
    return content


def _check_ratio(size: int, compressed: int, ratio: float, source: str | None, where: str) -> None:
    if size > RATIO_FLOOR and size / max(1, compressed) > ratio:
        raise ParseError(
            f"zip member compression ratio exceeds {ratio}:1 (possible zip bomb; limit max_zip_ratio)",
            source=source,
            format=FORMAT,
            where=where,
            limit="max_zip_ratio",
        )
