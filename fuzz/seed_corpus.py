"""Build the fuzzing seed corpus from the project's fixtures (at run time; nothing committed).

Each seed is ``<selector byte> + <fixture bytes>``: the selector picks the format that
``fuzz_parse.py`` passes to :func:`foithread.parse` (0 = detect) and whether the payload is
given as ``str`` instead of ``bytes`` (high bit). Every fixture is seeded once for detection
and once for its own format, plus a few tiny hand-written shapes.

    python fuzz/seed_corpus.py fuzz/corpus        # writes fuzz/corpus/seed-*.bin
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
#: must match fuzz_parse.FORMATS
FORMATS = (None, "text", "eml", "mbox", "html", "wdtk-json", "wdtk-zip")
_BY_SUFFIX = {".eml": "eml", ".mbox": "mbox", ".html": "html", ".json": "wdtk-json", ".zip": "wdtk-zip", ".txt": "text"}
MAX_SEED_BYTES = 64 * 1024

TINY = (
    (None, b"From: a@b.example\nTo: c@d.example\nSubject: FOI\n\nDear Sir,\nThanks\n"),
    ("eml", b'Content-Type: multipart/mixed; boundary="x"\n\n--x\nContent-Type: text/plain\n\nhi\n--x--\n'),
    (
        "mbox",
        b"From a@b Mon Jan  1 00:00:00 2024\nFrom: a@b\nTo: c@d\n\nbody\n\nFrom x@y Mon Jan  1 00:00:00 2024\n"
        b"From: x@y\nTo: c@d\n\n>From quoted\n",
    ),
    (
        "html",
        b'<html><body><div class="correspondence incoming" id="incoming-1"><div class="correspondence_text">'
        b"<p>Dear Sir</p></div></div></body></html>",
    ),
    ("wdtk-json", b'{"title": "t", "info_request_events": [{"event_type": "sent", "created_at": "2024-01-01"}]}'),
    ("text", b"Dear Council,\n\nPlease send.\n\nYours faithfully,\n\nA Person\n\n" + b"-" * 31 + b"\n"),
)


def seeds() -> list[bytes]:
    """All seeds, in a fixed order."""
    out: list[bytes] = []
    for path in sorted(FIXTURES.rglob("*")):
        fmt = _BY_SUFFIX.get(path.suffix.lower())
        if not path.is_file() or fmt is None or path.parent.name == "gold":
            continue
        data = path.read_bytes()[:MAX_SEED_BYTES]
        out.append(bytes([0]) + data)
        out.append(bytes([FORMATS.index(fmt)]) + data)
        if fmt in ("text", "html", "eml"):
            out.append(bytes([0x80 | FORMATS.index(fmt)]) + data)  # the same, given as str
    for fmt, data in TINY:
        out.append(bytes([FORMATS.index(fmt)]) + data)
    return out


def write(directory: Path) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    for seed in seeds():
        (directory / f"seed-{hashlib.sha1(seed).hexdigest()[:16]}.bin").write_bytes(seed)
    return len(seeds())


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "corpus"
    print(f"{write(target)} seeds written to {target}")
