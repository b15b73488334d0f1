"""The ``foithread`` command line: ``parse``, ``batch`` and ``demo``.

Exit status: 0 on success, 1 when some inputs failed (each failure on stderr with its path),
2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import IO

import attrs

from foithread import __version__, exporters
from foithread.api import parse
from foithread.batch import expand, parse_many
from foithread.errors import ParseError
from foithread.model import Thread
from foithread.readers import FORMATS

OUTPUT_FORMATS = ("json", "jsonl", "text", "csv")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="foithread",
        description="Turn Freedom of Information correspondence into clean, typed, structured data.",
    )
    ap.add_argument("--version", action="version", version=f"foithread {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "parse",
        help="parse files (or '-' for stdin) and print them",
        description="Parse one or more inputs and print threads.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="input files; '-' reads standard input")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="json", help="output format (default json)")
    p.add_argument("--input-format", choices=FORMATS, default=None, help="input format (default: detect)")

    b = sub.add_parser(
        "batch",
        help="parse a directory or glob into a JSON Lines file",
        description="Parse every file under a directory (or matching a glob) into JSONL; "
        "a failure on one file is recorded and the batch goes on.",
    )
    b.add_argument("target", metavar="DIR_OR_GLOB")
    b.add_argument("--out", required=True, metavar="FILE.jsonl", help="where to write one JSON record per input")
    b.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    b.add_argument("--input-format", choices=FORMATS, default=None, help="input format (default: detect)")
    b.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    d = sub.add_parser(
        "demo",
        help="parse the bundled sample thread and show the result",
        description="Parse the sample WhatDoTheyKnow thread bundled with foithread.",
    )
    d.add_argument("--format", choices=OUTPUT_FORMATS, default="text", help="output format (default text)")
    return ap


def _failure(path: str, problem: str) -> str:
    """One stderr line for a failed input, whatever newlines the problem holds."""
    name = path.replace("\r", " ").replace("\n", " ")
    return f"foithread: {name}: {' '.join(problem.split())}\n"


def _emit(threads: Sequence[Thread], fmt: str, out: IO[str]) -> None:
    if fmt == "csv":
        exporters.write_csv(threads, out)
        return
    for thread in threads:
        if fmt == "json":
            out.write(exporters.to_json(thread) + "\n")
        elif fmt == "jsonl":
            out.write(exporters.to_jsonl(thread) + "\n")
        else:
            out.write(exporters.to_text(thread))


def _cmd_parse(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    threads: list[Thread] = []
    failed = 0
    for path in args.paths:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
                threads.append(parse(data, format=args.input_format))
            else:
                threads.append(parse(Path(path), format=args.input_format))  # a path, never text
        except ParseError as exc:
            failed += 1
            err.write(_failure(path, str(exc)))
        except Exception as exc:  # report, never a traceback
            failed += 1
            err.write(_failure(path, f"internal error: {type(exc).__name__}: {exc}"))
    _emit(threads, args.format, out)
    return 1 if failed else 0


def _progress(total: int, enabled: bool, err: IO[str]):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a core dependency
        return None
    return tqdm(total=total, unit="file", file=err)


def _cmd_batch(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    paths = expand(args.target)
    if not paths:
        err.write(f"foithread: {args.target}: no files found\n")
        return 1
    show = not args.no_progress and hasattr(err, "isatty") and err.isatty()
    bar = _progress(len(paths), show, err)
    failed = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for result in parse_many(paths, workers=max(1, args.workers), format=args.input_format):
            fh.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            if not result.ok:
                failed += 1
                line = _failure(result.source, result.error or "failed")
                if bar is not None:
                    bar.write(line.rstrip("\n"), file=err)
                else:
                    err.write(line)
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    err.write(f"foithread: {len(paths) - failed} parsed, {failed} failed; written to {args.out}\n")
    return 1 if failed else 0


def sample_text() -> str:
    """The bundled sample thread (a constructed WhatDoTheyKnow page-text dump)."""
    return resources.files("foithread").joinpath("data/demo_thread.txt").read_text(encoding="utf-8")


def _cmd_demo(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    thread = parse(sample_text(), format="text")
    thread = attrs.evolve(thread, source="demo_thread.txt")
    _emit([thread], args.format, out)
    return 0


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage errors
        return int(exc.code or 0)
    if args.command == "parse":
        return _cmd_parse(args, out, err)
    if args.command == "batch":
        return _cmd_batch(args, out, err)
    return _cmd_demo(args, out, err)


def run() -> None:  # pragma: no cover - console entry point
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
