"""Coverage-guided fuzzing of :func:`foithread.parse` with atheris (libFuzzer).

The first input byte selects the format (``0`` = detect, then each of ``foithread.FORMATS``)
and, with its high bit, whether the rest is passed as ``str`` rather than ``bytes``. A crash
is anything but a clean result or an ordinary :class:`foithread.ParseError`:

- any other exception;
- a ParseError with ``internal=True`` (the API's last-resort wrapper caught a bug);
- a thread that breaks the lossless invariants (``raw`` = ``body`` + ``removed`` by span) or
  cannot be serialised to JSON;
- for one input in eight (chosen by CRC, so reproducibly), a second parse that differs;
- an input slower than ``FOITHREAD_FUZZ_TIME_BOUND`` seconds (default 10); libFuzzer's own
  ``-timeout=`` catches true hangs.

See fuzz/README.md. Typical run::

    python fuzz/fuzz_parse.py fuzz/corpus -atheris_runs=500000 -timeout=30 -rss_limit_mb=4096
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
import zlib
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["foithread"]):
    import foithread
    from foithread.errors import ParseError
    from foithread.limits import Limits

FORMATS = (None, "text", "eml", "mbox", "html", "wdtk-json", "wdtk-zip")
TIME_BOUND = float(os.environ.get("FOITHREAD_FUZZ_TIME_BOUND", "10"))
#: small limits so that the fuzzer also drives the limit paths
LIMITS = Limits(max_input_bytes=1 << 20, max_messages=500, max_mime_depth=8)


class Finding(Exception):
    """An input that broke a guarantee."""


def check_thread(thread: foithread.Thread) -> None:
    for m in thread.messages:
        start, end = m.span
        if end - start != len(m.raw):
            raise Finding(f"message {m.index}: span {m.span} does not fit raw of {len(m.raw)} chars")
        pos = start
        body: list[str] = []
        for r in sorted(m.removed, key=lambda r: r.span[0]):
            if not (pos <= r.span[0] < r.span[1] <= end):
                raise Finding(f"message {m.index}: removed span {r.span} outside {m.span} or overlapping")
            if m.raw[r.span[0] - start : r.span[1] - start] != r.text:
                raise Finding(f"message {m.index}: removed text differs from raw at {r.span}")
            body.append(m.raw[pos - start : r.span[0] - start])
            pos = r.span[1]
        body.append(m.raw[pos - start :])
        if "".join(body) != m.body:
            raise Finding(f"message {m.index}: raw minus removed is not body")
    json.dumps(thread.to_dict())


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    fmt = FORMATS[(data[0] & 0x7F) % len(FORMATS)]
    payload: bytes | str = data[1:]
    if data[0] & 0x80:
        payload = data[1:].decode("utf-8", "surrogateescape")
    started = time.perf_counter()
    try:
        thread = foithread.parse(payload, format=fmt, limits=LIMITS)
    except ParseError as exc:
        if exc.internal:
            traceback.print_exception(exc.__cause__)
            raise
        return
    finally:
        elapsed = time.perf_counter() - started
        if elapsed > TIME_BOUND:
            raise Finding(f"slow input: {elapsed:.1f}s (bound {TIME_BOUND}s), format {fmt}, {len(payload)} units")
    check_thread(thread)
    if zlib.crc32(data) % 8 == 0 and foithread.parse(payload, format=fmt, limits=LIMITS) != thread:
        raise Finding("non-deterministic: a second parse of the same input differs")


def main() -> None:
    args = list(sys.argv)
    positional = [Path(a) for a in args[1:] if not a.startswith("-")]
    corpus = positional[0] if positional else None
    # a missing or empty corpus directory is seeded from fixtures/; a file argument is one input to re-run
    if corpus is not None and (not corpus.exists() or (corpus.is_dir() and not any(corpus.iterdir()))):
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from seed_corpus import write

        write(corpus)
    atheris.Setup(args, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
