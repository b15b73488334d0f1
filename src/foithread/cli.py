"""The ``foithread`` command line: ``parse``, ``batch``, ``demo`` and ``schema``.

Exit status: 0 on success, 1 when some inputs failed (each failure on stderr with its path),
2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO

import attrs

from foithread import __version__, exporters, tabular
from foithread.api import parse
from foithread.batch import Result, expand, parse_many
from foithread.errors import ParseError
from foithread.model import Thread
from foithread.readers import FORMATS

OUTPUT_FORMATS = ("json", "jsonl", "text", "csv")
#: ``batch --out`` file suffix -> what is written; any other suffix writes JSON Lines
BATCH_SUFFIXES = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}


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
    p.add_argument(
        "--recover-quoted",
        action="store_true",
        help="also rebuild the messages quoted in each message as messages of their own (marked recovered_from)",
    )

    b = sub.add_parser(
        "batch",
        help="parse a directory or glob into a JSON Lines, CSV or Parquet file",
        description="Parse every file under a directory (or matching a glob) into one file, chosen by the "
        "suffix of --out: .jsonl (one JSON record per input; also any other suffix), .csv or .parquet "
        "(one row per message). A failure on one file is reported on stderr (and recorded in JSONL) and "
        "the batch goes on.",
    )
    b.add_argument("target", metavar="DIR_OR_GLOB")
    b.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="where to write: FILE.jsonl (one record per input), FILE.csv or FILE.parquet (one row per message)",
    )
    b.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    b.add_argument("--input-format", choices=FORMATS, default=None, help="input format (default: detect)")
    b.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    d = sub.add_parser(
        "demo",
        help="parse the bundled sample thread and show the result",
        description="Parse the sample WhatDoTheyKnow thread bundled with foithread.",
    )
    d.add_argument("--format", choices=OUTPUT_FORMATS, default="text", help="output format (default text)")

    sub.add_parser(
        "schema",
        help="print the JSON Schema of the JSON output",
        description="Print the JSON Schema (draft 2020-12) of a thread as 'parse --format json' prints it.",
    )
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
                threads.append(parse(data, format=args.input_format, recover_quoted=args.recover_quoted))
            else:  # a path, never text
                threads.append(parse(Path(path), format=args.input_format, recover_quoted=args.recover_quoted))
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


def batch_output(path: str) -> str:
    """What ``batch --out path`` writes: ``"jsonl"``, ``"csv"`` or ``"parquet"``, by suffix."""
    return BATCH_SUFFIXES.get(Path(path).suffix.lower(), "jsonl")


def _cmd_batch(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    kind = batch_output(args.out)
    if kind == "parquet":
        try:
            tabular.ensure_installed()
        except ImportError:
            err.write(f"foithread: {args.out}: writing Parquet needs pandas and pyarrow: {tabular.INSTALL_HINT}\n")
            return 2
    paths = expand(args.target)
    if not paths:
        err.write(f"foithread: {args.target}: no files found\n")
        return 1
    show = not args.no_progress and hasattr(err, "isatty") and err.isatty()
    bar = _progress(len(paths), show, err)
    failed = 0

    def results() -> Iterator[Result]:
        nonlocal failed
        for result in parse_many(paths, workers=max(1, args.workers), format=args.input_format):
            if not result.ok:
                failed += 1
                line = _failure(result.source, result.error or "failed")
                if bar is not None:
                    bar.write(line.rstrip("\n"), file=err)
                else:
                    err.write(line)
            yield result
            if bar is not None:
                bar.update(1)

    def threads() -> Iterator[Thread]:  # parsed inputs only, "source" the path as given as in JSONL
        for result in results():
            if result.thread is not None:
                yield attrs.evolve(result.thread, source=result.source)

    try:
        if kind == "parquet":
            tabular.write_parquet(threads(), args.out)
        else:
            with open(args.out, "w", encoding="utf-8", newline="" if kind == "csv" else None) as fh:
                if kind == "csv":
                    exporters.write_csv(threads(), fh)
                else:
                    for result in results():
                        fh.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    except OSError as exc:
        err.write(_failure(args.out, f"cannot write: {exc.strerror or exc}"))
        return 2
    finally:
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


def _cmd_schema(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    out.write(json.dumps(exporters.json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


#: exit status when the reader of standard output went away (``foithread parse ... | head``):
#: 128 + SIGPIPE, what the shell reports for a tool killed by the signal
EXIT_BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage errors
        return int(exc.code or 0)
    try:
        status = _COMMANDS[args.command](args, out, err)
        out.flush()
    except BrokenPipeError:  # the reader closed the pipe (``| head``): stop quietly, no traceback
        _silence(out)
        return EXIT_BROKEN_PIPE
    return status


def _silence(out: IO[str]) -> None:
    """Point a closed standard output at /dev/null so that the interpreter's last flush is quiet."""
    if out is not sys.stdout:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # pragma: no cover - no file descriptor to replace
        pass


_COMMANDS = {"parse": _cmd_parse, "batch": _cmd_batch, "schema": _cmd_schema, "demo": _cmd_demo}


def run() -> None:  # pragma: no cover - console entry point
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
