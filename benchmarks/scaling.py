#!/usr/bin/env python3
"""Scaling benchmark: linear time, flat memory on a streamed mbox, parallel batches.

Usage:
    python benchmarks/scaling.py [linear|memory|workers|all] [--mbox-mb 200] [--files 400]

* ``linear``: time to parse a page-text thread of N messages and of 8N (ratio should be ≤ 8.8),
  one single message of 2 MB and 16 MB, and 2 MB of page text;
* ``memory``: generates an mbox of ``--mbox-mb`` MB in a temporary folder and consumes
  ``foithread.iter_parse`` over it, reporting peak RSS (``ru_maxrss``) before and after;
* ``workers``: ``parse_many`` over ``--files`` copies of the fixtures with 1 and with 2 workers.

A script, not a test: the figures go in docs/performance.md with the machine and date.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _thread_text() -> str:
    return (ROOT / "src" / "foithread" / "data" / "demo_thread.txt").read_text(encoding="utf-8")


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def linear() -> None:
    import foithread

    demo = _thread_text()
    title, rest = demo.split("\n", 1)
    small = title + "\n" + rest * 25
    large = title + "\n" + rest * 200
    t_small = min(_timed(lambda: foithread.parse(small, format="text")) for _ in range(3))
    t_large = min(_timed(lambda: foithread.parse(large, format="text")) for _ in range(2))
    print(
        f"linear: {len(small) / 1e6:.2f} MB thread {t_small:.2f} s; 8x ({len(large) / 1e6:.2f} MB) {t_large:.2f} s; "
        f"ratio {t_large / t_small:.2f} (target <= 8.8)"
    )

    def letter(size: int) -> str:  # one message of ``size`` bytes, every line different
        lines = (f"Row {k}: we hold the information you asked for, set out in table {k % 97}.\n" for k in range(10**9))
        body: list[str] = []
        total = 0
        for line in lines:
            if total >= size:
                break
            body.append(line)
            total += len(line)
        return "Dear Ms Smith\n" + "".join(body) + "Yours sincerely\nJo Bloggs\n"

    two, sixteen = letter(2_000_000), letter(16_000_000)
    t2 = min(_timed(lambda: foithread.parse(two, format="text")) for _ in range(2))
    t16 = _timed(lambda: foithread.parse(sixteen, format="text"))
    print(
        f"linear: one 2 MB message {t2:.2f} s (target <= 2 s); one 16 MB message {t16:.2f} s; "
        f"ratio {t16 / t2:.2f} (target <= 8.8)"
    )
    page = (small * 80)[:2_000_000]
    tp = _timed(lambda: foithread.parse(page, format="text"))
    print(f"linear: 2 MB of page text (many messages) {tp:.2f} s (target <= 1 s)")


def _entry(k: int) -> bytes:
    return (
        f"From foi@example.gov.uk Mon Oct  4 08:47:{k % 60:02d} 2021\n"
        f"From: FOI Team <foi@example.gov.uk>\nTo: requester{k}@example.org\n"
        f"Date: Mon, 04 Oct 2021 08:47:{k % 60:02d} +0100\nSubject: RE: FOI request {k}\n\n"
        "Dear Ms Smith\n\nWe do not hold this information.\n\n"
        + "Figures for the year are attached.\n" * 40
        + "\nKind regards\nFOI Team\n\n"
    ).encode("utf-8")


def memory(mb: int) -> None:
    import foithread

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.mbox"
        written = 0
        k = 0
        with path.open("wb") as fh:
            while written < mb * 1_000_000:
                chunk = _entry(k)
                fh.write(chunk)
                written += len(chunk)
                k += 1
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        n = sum(1 for _ in foithread.iter_parse(path))
        dt = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"memory: {written / 1e6:.0f} MB mbox, {n} messages in {dt:.1f} s; peak RSS {before:.0f} MB before, "
            f"{after:.0f} MB after (target < 300 MB)"
        )


def workers(files: int) -> None:
    import foithread

    cases = sorted((ROOT / "fixtures" / "cases").glob("*"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k in range(files):
            src = cases[k % len(cases)]
            dst = Path(tmp) / f"{k:05d}{src.suffix}"
            dst.write_bytes(src.read_bytes())
            paths.append(dst)
        t1 = _timed(lambda: list(foithread.parse_many(paths, workers=1)))
        t2 = _timed(lambda: list(foithread.parse_many(paths, workers=2)))
        print(
            f"workers: {files} files, 1 worker {t1:.2f} s, 2 workers {t2:.2f} s, speed-up {t1 / t2:.2f} "
            "(target > 1 at 200 files, >= 1.7 at 2,000)"
        )
        # the command line, each run a fresh process (its import and pattern compiling included)
        cli = [sys.executable, "-c", "import sys; from foithread.cli import main; sys.exit(main(sys.argv[1:]))"]
        with tempfile.TemporaryDirectory() as elsewhere:  # not among the inputs
            out = Path(elsewhere) / "out.jsonl"
            c1, c2 = (
                _timed(
                    lambda n=n: subprocess.run(
                        [*cli, "batch", tmp, "--out", str(out), "--workers", str(n), "--no-progress"],
                        check=True,
                        capture_output=True,
                    )
                )
                for n in (1, 2)
            )
        print(f"workers: foithread batch on {files} files, --workers 1 {c1:.2f} s, --workers 2 {c2:.2f} s")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", nargs="?", default="all", choices=["linear", "memory", "workers", "all"])
    ap.add_argument("--mbox-mb", type=int, default=200)
    ap.add_argument("--files", type=int, default=400)
    args = ap.parse_args(argv)
    if args.what in ("linear", "all"):
        linear()
    if args.what in ("workers", "all"):
        workers(args.files)
    if args.what in ("memory", "all"):
        memory(args.mbox_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
