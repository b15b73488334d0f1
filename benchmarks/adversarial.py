#!/usr/bin/env python3
"""Adversarial inputs of issue 10 (reliability): build each reproducer, time it, print a table.

Usage:
    python benchmarks/adversarial.py [CASE ...] [--timeout 60] [--list]

Each case runs in its own child process (``--case NAME`` prints one JSON line), so a case that
still hangs is cut off at ``--timeout`` seconds and reported as such instead of stopping the
table. Inputs are built in memory (or in a temporary folder) at realistic sizes, up to 2 MB.
``tests/test_reliability_inputs.py`` imports the builders, so the tests and the figures use
the same inputs. A script, not a test: the figures go in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import multiprocessing
import os
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_HEAD = (
    "From: FOI Team <foi@exeter.gov.uk>\n"
    "To: Alex Rowe <request-1234-abcd@whatdotheyknow.com>\n"
    "Subject: {subject}\n"
    "Date: Mon, 4 Oct 2021 10:00:00 +0100\n"
    "{extra}"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset={charset}\n\n"
)
_RESPONSE = (
    "Dear Alex Rowe,\n\nFreedom of Information Act 2000 - Request reference FOI-2021-0456\n\n"
    "Thank you for your request. We can confirm that we hold the information and it is "
    "enclosed with this letter.\n{filler}\nYours sincerely,\n\nInformation Governance Team\nExeter City Council\n"
)


def email(
    *, subject: str = "FOI-2021-0456 bus lane fines", filler: str = "", extra: str = "", charset: str = "utf-8"
) -> bytes:
    """A council's response email; ``filler`` goes inside the body, ``extra`` among the headers."""
    head = _HEAD.format(subject=subject, extra=extra, charset=charset)
    return (head + _RESPONSE.format(filler=filler)).encode("utf-8")


# --- builders, one per item ----------------------------------------------------------------


def blank_lines_email(lines: int = 20_000) -> bytes:
    """Item 1: a response whose body holds ``lines`` blank lines."""
    return email(filler="\n" * lines)


def space_lines_email(lines: int = 1_000_000) -> bytes:
    """Item 1: a response whose body holds ``lines`` lines of one space."""
    return email(filler=" \n" * lines)


def reproducer_mbox(entries: int = 80) -> bytes:
    """Item 1: an mbox (about 2 MB) of ``entries`` responses, alternately 20,000 blank lines and
    30,000 spaces in a sentence (each its own message: identical ones would be merged)."""
    out = []
    for i in range(entries):
        filler = f"Case {i}.\n" + ("\n" * 20_000 if i % 2 == 0 else "We do not hold" + " " * 30_000 + "it.\n")
        out.append(b"From foi@exeter.gov.uk Mon Oct  4 10:00:00 2021\n" + email(filler=filler) + b"\n")
    return b"".join(out)


def spaces_email(width: int = 30_000) -> bytes:
    """Item 1: a response with ``width`` spaces inside one sentence of its answer."""
    return email(filler="We do not hold" + " " * width + "the information you asked for.\n")


def html_comments(count: int = 20_000) -> bytes:
    """Item 2: ``<html><body>`` then ``<!--`` ``count`` times, never closed."""
    return b"<html><body>" + b"<!--" * count


def html_nesting(depth: int = 100_000) -> bytes:
    """Item 2: ``<div>`` nested ``depth`` deep, closed again."""
    return b"<html><body>" + b"<div>" * depth + b"Dear Council," + b"</div>" * depth + b"</body></html>"


_CORRESPONDENCE = (
    'This is a plain-text version of the Freedom of Information request "Bus lane fines".\n\n'
    + "-" * 31
    + "\n  From: Alex Rowe\n  To: Exeter City Council\n  Date: October 4, 2021\n  Dear Exeter City Council,\n\n"
    "How many bus lane fines did you issue in 2021?\n\nYours faithfully,\n\nAlex Rowe\n\n"
)


def forged_zip(entries: int = 30_000, claimed: int = 1) -> bytes:
    """Item 4: a zip whose end record claims ``claimed`` entries while its central directory holds ``entries``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("correspondence.txt", _CORRESPONDENCE)
    data = buffer.getvalue()
    end = data.rfind(b"PK\x05\x06")
    cd_offset = int.from_bytes(data[end + 16 : end + 20], "little")
    record = data[cd_offset:end]  # the one real central directory record
    directory = record * entries
    tail = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, claimed, claimed, len(directory), cd_offset, 0)
    return data[:cd_offset] + directory + tail


def mbox_with_bad_entry() -> bytes:
    """Item 5: three mbox entries, the middle one holding nothing readable (the other two differ,
    so that they are two messages and not one repeated)."""
    first = email().decode()
    second = email(subject="FOI-2021-0457 bus lane appeals", filler="The appeals figures follow.\n").decode()
    return (
        f"From foi@exeter.gov.uk Mon Oct  4 10:00:00 2021\n{first}\n"
        "From nobody@example.org Mon Oct  4 11:00:00 2021\n\n \n\n"
        f"From foi@exeter.gov.uk Tue Oct  5 10:00:00 2021\n{second}\n"
    ).encode()


def odd_entries_folder(folder: Path) -> Path:
    """Item 6: a good file, a FIFO, a symlink loop and a dangling symlink in one folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text("Dear Council,\nPlease send the minutes.\nYours faithfully,\nAlex\n")
    os.mkfifo(folder / "pipe")
    os.symlink("loop-b", folder / "loop-a")
    os.symlink("loop-a", folder / "loop-b")
    os.symlink("gone.eml", folder / "dangling.eml")
    return folder


def encoded_subject_email(words: int = 50_000) -> bytes:
    """Item 7: a Subject of ``words`` encoded words, some never closed (about 1 MB)."""
    closed = "=?utf-8?b?" + base64.b64encode(b"Freedom of Information ").decode() + "?="
    subject = " ".join(closed if i % 2 else "=?utf-8?q?caf=C3=A9" for i in range(words))
    return email(subject=subject)


def many_headers_email(count: int = 100_000) -> bytes:
    """Item 7: an email with ``count`` header lines (about 2 MB)."""
    return email(extra="".join(f"X-Trace: hop {i}\n" for i in range(count)))


def timeout_text(messages: int = 8) -> str:
    """Item 8: page text whose every message holds a 60,000-character run of digits, slashes and dashes."""
    run = "1/2-3/" * 10_000
    block = (
        "Dear Exeter City Council,\n\n{run}\n\nYours faithfully,\n\nAlex Rowe\n\n-------------------------------\n\n"
    )
    return "".join(block.format(run=run) for _ in range(messages))


def charset_email(charset: str) -> bytes:
    """Item 9: a response labelled with a charset no mail is written in."""
    return email(charset=charset, filler="Caf\u00e9 r\u00e9sum\u00e9 \u2013 enclosed.\n")


# --- running ----------------------------------------------------------------------------------


def _describe(thread: object) -> str:
    import foithread

    assert isinstance(thread, foithread.Thread)
    return f"{len(thread.messages)} message(s), {len(thread.warnings)} warning(s)"


def _parse(build: Callable[[], object]) -> Callable[[], str | tuple[str, float]]:
    """Time ``foithread.parse`` alone on the built input (no import, no building)."""

    def run() -> tuple[str, float]:
        import foithread

        source = build()
        start = time.perf_counter()
        try:
            outcome = _describe(foithread.parse(source))  # type: ignore[arg-type]
        except foithread.ParseError as exc:
            outcome = f"ParseError: {exc.problem}"
        return outcome, time.perf_counter() - start

    return run


def _iter_mbox() -> str:
    import warnings

    import foithread

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inbox.mbox"
        path.write_bytes(mbox_with_bad_entry())
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            messages = list(foithread.iter_parse(path))
        return f"{len(messages)} message(s), {len(caught)} warning(s) raised"


def _killed_worker() -> str:
    import foithread

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for number in range(12):
            path = Path(tmp) / f"{number:02}.eml"
            path.write_bytes(email())
            paths.append(path)
        results = []
        try:
            for result in foithread.parse_many(paths, workers=2, chunksize=1):
                if not results:
                    kill_a_worker()
                results.append(result)
        except Exception as exc:
            return f"{type(exc).__name__} after {len(results)} of 12 results"
        ok = sum(r.ok for r in results)
        return f"{len(results)} of 12 results, {ok} parsed, {len(results) - ok} error records"


def kill_a_worker() -> None:
    """SIGKILL one of this process's pool workers (the children that are not a fork server)."""
    children = [c for c in multiprocessing.active_children() if c.pid is not None]
    if children:
        os.kill(children[-1].pid, signal.SIGKILL)  # type: ignore[arg-type]


def _batch_odd() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = odd_entries_folder(Path(tmp) / "inbox")
        out = Path(tmp) / "out.jsonl"
        proc = _cli(["batch", str(folder), "--out", str(out)])
        return f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1]}"


def _missing_name() -> str:
    import foithread

    try:
        return "thread: " + _describe(foithread.parse("nonexistent.txt"))
    except foithread.ParseError as exc:
        return f"ParseError: {exc.problem}"


def _broken_pipe() -> str:
    paths = [str(p) for p in sorted((ROOT / "fixtures" / "cases").glob("*.eml"))] * 8
    proc = subprocess.Popen(
        [sys.executable, "-m", "foithread.cli", "parse", *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    code = proc.wait()
    return f"exit {code}, {'traceback' if 'Traceback' in stderr else 'no traceback'}"


def _env() -> dict[str, str]:
    """Children import foithread from $PYTHONPATH when set (to time another checkout), else from here."""
    return {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH") or str(ROOT / "src")}


def _cli(argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foithread.cli", *argv], capture_output=True, text=True, env=_env(), check=False
    )


#: name -> (issue item, input described, what is timed)
CASES: dict[str, tuple[str, str, Callable[[], str | tuple[str, float]]]] = {
    "blank-lines": ("1", f"{len(blank_lines_email()):,} B eml, 20,000 blank lines", _parse(blank_lines_email)),
    "blank-lines-2mb": (
        "1",
        f"{len(blank_lines_email(2_000_000)):,} B eml, 2,000,000 blank lines",
        _parse(lambda: blank_lines_email(2_000_000)),
    ),
    "space-lines-2mb": (
        "1",
        f"{len(space_lines_email()):,} B eml, 1,000,000 lines of one space",
        _parse(space_lines_email),
    ),
    "spaces-2mb": (
        "1",
        f"{len(spaces_email(2_000_000)):,} B eml, 2,000,000 spaces in a sentence",
        _parse(lambda: spaces_email(2_000_000)),
    ),
    "mbox-2mb": ("1", f"{len(reproducer_mbox()):,} B mbox, 80 reproducer entries", _parse(reproducer_mbox)),
    "long-spaces": ("1", f"{len(spaces_email()):,} B eml, 30,000 spaces in a sentence", _parse(spaces_email)),
    "html-comments": ("2", f"{len(html_comments()):,} B, 20,000 '<!--'", _parse(html_comments)),
    "html-comments-800k": (
        "2",
        f"{len(html_comments(200_000)):,} B, 200,000 '<!--'",
        _parse(lambda: html_comments(200_000)),
    ),
    "html-nesting": ("2", f"{len(html_nesting()):,} B, 100,000-deep <div>", _parse(html_nesting)),
    "killed-worker": ("3", "parse_many, 12 emails, 2 workers, one SIGKILLed", _killed_worker),
    "zip-forged-count": (
        "4",
        f"{len(forged_zip()):,} B zip, end record says 1, directory 30,000",
        _parse(forged_zip),
    ),
    "zip-forged-ffff": (
        "4",
        f"{len(forged_zip(claimed=0xFFFF)):,} B zip, end record says 0xFFFF",
        _parse(lambda: forged_zip(claimed=0xFFFF)),
    ),
    "mbox-bad-entry": ("5", "iter_parse(mbox path), 1 of 3 entries unreadable", _iter_mbox),
    "batch-odd-entries": ("6", "batch DIR: file, FIFO, symlink loop, dangling", _batch_odd),
    "encoded-subject": (
        "7",
        f"{len(encoded_subject_email()):,} B eml, 50,000 encoded words",
        _parse(encoded_subject_email),
    ),
    "many-headers": ("7", f"{len(many_headers_email()):,} B eml, 100,000 headers", _parse(many_headers_email)),
    "pattern-timeouts": ("8", f"{len(timeout_text()):,} chars of text, 8 messages", _parse(timeout_text)),
    "charset-idna": ("9", "eml labelled charset=idna", _parse(lambda: charset_email("idna"))),
    "charset-punycode": ("9", "eml labelled charset=punycode", _parse(lambda: charset_email("punycode"))),
    "missing-name": ("10", "parse('nonexistent.txt')", _missing_name),
    "broken-pipe": ("11", "foithread parse ... \\| head -1", _broken_pipe),
}


def run_case(name: str) -> dict[str, object]:
    _, _, fn = CASES[name]
    start = time.perf_counter()
    try:
        got = fn()
    except Exception as exc:
        got = f"{type(exc).__name__}: {exc}"
    outcome, seconds = got if isinstance(got, tuple) else (got, time.perf_counter() - start)
    return {"seconds": round(seconds, 3), "outcome": outcome[:110]}


def _run_child(name: str, timeout: float) -> dict[str, object]:
    """One case in a child process (cut off after ``timeout`` seconds)."""
    try:
        proc = subprocess.run(
            [sys.executable, __file__, "--case", name],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": f"> {timeout:g}", "outcome": "cut off (still running)"}
    lines = proc.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"seconds": "-", "outcome": proc.stderr.strip()[-120:]}


def _seconds(row: dict[str, object]) -> float:
    value = row["seconds"]
    return value if isinstance(value, float | int) else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="*", help="cases to run (default all)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is cut off")
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--list", action="store_true", help="list the cases")
    ap.add_argument("--repeat", type=int, default=1, help="run each case N times, report the fastest")
    args = ap.parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    if args.list:
        for name, (item, what, _) in CASES.items():
            print(f"{name:20} item {item:3} {what}")
        return 0
    print("| item | case | input | seconds | outcome |\n|---|---|---|---|---|")
    for name in args.cases or list(CASES):
        item, what, _ = CASES[name]
        row = min((_run_child(name, args.timeout) for _ in range(args.repeat)), key=_seconds)
        print(f"| {item} | {name} | {what} | {row['seconds']} | {row['outcome']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
