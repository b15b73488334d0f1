"""The ``foithread`` command line: ``parse``, ``batch``, ``demo`` and ``schema``.

Exit status: 0 on success, 1 when some inputs failed (each failure on stderr with its path),
2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, Any

import attrs

from foithread import __version__, cli_options, exporters, tabular
from foithread.api import parse
from foithread.batch import Result, expand, parse_many
from foithread.errors import ParseError
from foithread.model import Thread
from foithread.readers import FORMATS

OUTPUT_FORMATS = ("json", "jsonl", "text", "csv")
#: what ``parse`` and ``demo`` print unless ``--format`` says otherwise
DEFAULT_OUTPUT = "json"
#: the name of standard input in ``thread.source`` and in error messages
STDIN_NAME = "<stdin>"
#: ``batch --out`` file suffix -> what is written; any other suffix writes JSON Lines
BATCH_SUFFIXES = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def _common(default: object = argparse.SUPPRESS) -> argparse.ArgumentParser:
    """The options every subcommand takes (also accepted before the subcommand). Subcommands
    get their own copy with no default, so that one given before the subcommand stands."""
    common = argparse.ArgumentParser(add_help=False)
    talk = common.add_mutually_exclusive_group()
    talk.add_argument(
        "-q",
        "--quiet",
        dest="verbosity",
        action="store_const",
        const=-1,
        default=default,
        help="report only failures on stderr (no progress bar, no summary line)",
    )
    talk.add_argument(
        "-v",
        "--verbose",
        dest="verbosity",
        action="store_const",
        const=1,
        default=default,
        help="also report each thread's warnings (a skipped mbox entry, a bad charset) on stderr",
    )
    return common


def _parse_options(common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of the commands that parse: input format, rules and limits."""
    opts = argparse.ArgumentParser(add_help=False, parents=[common])
    opts.add_argument("--input-format", choices=FORMATS, default=None, help="input format (default: detect)")
    opts.add_argument(
        "--rules",
        type=cli_options.rules_from,
        default=None,
        metavar="MODULE:ATTR",
        help="use the foithread.Rules object ATTR of MODULE (a module name, or a .py file) instead of the built-in rules",
    )
    opts.add_argument(
        "--limit",
        type=cli_options.limit_setting,
        action="append",
        default=None,
        metavar="NAME=VALUE",
        help="raise or lower one resource limit (any field of foithread.Limits, e.g. max_input_bytes=1G or "
        "max_zip_ratio=500); repeatable",
    )
    return opts


def _output_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE",
        help="write to FILE instead of standard output (missing folders are created)",
    )


def _parser() -> argparse.ArgumentParser:
    common = _common()
    ap = argparse.ArgumentParser(
        prog="foithread",
        description="Turn Freedom of Information correspondence into clean, typed, structured data.",
        parents=[_common(default=0)],
    )
    ap.add_argument("--version", action="version", version=f"foithread {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    parsing = _parse_options(common)

    p = sub.add_parser(
        "parse",
        help="parse files (or '-' for stdin) and print them",
        description="Parse one or more inputs and print threads (JSON unless --format says otherwise).",
        parents=[parsing],
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="input files; '-' reads standard input")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default=DEFAULT_OUTPUT, help="output format (default json)")
    _output_option(p)
    p.add_argument(
        "--recover-quoted",
        action="store_true",
        help="also rebuild the messages quoted in each message as messages of their own (marked recovered_from)",
    )

    b = sub.add_parser(
        "batch",
        help="parse a directory or glob into a JSON Lines, CSV or Parquet file",
        description="Parse every file under a directory (or matching a glob) into one file, chosen by the "
        "suffix of --output: .jsonl (one JSON record per input; also any other suffix), .csv or .parquet "
        "(one row per message). A failure on one file is reported on stderr (and recorded in JSONL) and "
        "the batch goes on. Missing folders of the output file are created.",
        parents=[parsing],
    )
    b.add_argument("target", metavar="DIR_OR_GLOB")
    b.add_argument(
        "-o",
        "--output",
        "--out",
        dest="out",
        required=True,
        metavar="FILE",
        help="where to write: FILE.jsonl (one record per input), FILE.csv or FILE.parquet (one row per message)",
    )
    b.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    b.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    d = sub.add_parser(
        "demo",
        help="parse the bundled sample thread and show the result",
        description="Parse the sample WhatDoTheyKnow thread bundled with foithread and print it as "
        "'parse' would (JSON unless --format says otherwise; --format text for a readable summary).",
        parents=[common],
    )
    d.add_argument("--format", choices=OUTPUT_FORMATS, default=DEFAULT_OUTPUT, help="output format (default json)")
    _output_option(d)

    s = sub.add_parser(
        "schema",
        help="print the JSON Schema of the JSON output",
        description="Print the JSON Schema (draft 2020-12) of a thread as 'parse --format json' prints it.",
        parents=[common],
    )
    _output_option(s)
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


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of :func:`foithread.parse` that the command line sets."""
    return {"format": args.input_format, "rules": args.rules, "limits": cli_options.limits_from(args.limit)}


def _warnings(path: str, thread: Thread) -> list[str]:
    """``-v``: one stderr line per warning of ``thread``."""
    return [_failure(path, f"warning: {w}") for w in thread.warnings]


@contextmanager
def _writing(path: str | None, out: IO[str], csv: bool = False) -> Iterator[IO[str]]:
    """``out``, or the file ``path`` (``-``: ``out``) opened for writing, its folders created."""
    if path is None or path == "-":
        yield out
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="" if csv else None) as fh:
        yield fh


def _cmd_parse(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    threads: list[Thread] = []
    failed = 0
    options = {**_options(args), "recover_quoted": args.recover_quoted}
    for path in args.paths:
        shown = STDIN_NAME if path == "-" else path
        try:
            if path == "-":
                thread = parse(sys.stdin.buffer.read(), name=STDIN_NAME, **options)
            else:
                thread = parse(Path(path), **options)  # a path, never text
        except ParseError as exc:
            failed += 1
            err.write(_failure(shown, str(exc)))
            continue
        except Exception as exc:  # report, never a traceback
            failed += 1
            err.write(_failure(shown, f"internal error: {type(exc).__name__}: {exc}"))
            continue
        threads.append(thread)
        if args.verbosity > 0:
            err.writelines(_warnings(shown, thread))
    return max(1 if failed else 0, _write(threads, args.format, args.output, out, err))


def _write(threads: Sequence[Thread], fmt: str, path: str | None, out: IO[str], err: IO[str]) -> int:
    """Print ``threads`` in ``fmt`` to ``path`` (or ``out``); 2 when the file cannot be written."""
    return _written(lambda fh: _emit(threads, fmt, fh), path, out, err, csv=fmt == "csv")


def _written(emit: Callable[[IO[str]], object], path: str | None, out: IO[str], err: IO[str], csv: bool = False) -> int:
    """``emit`` into ``path`` (or ``out``): 0, or 2 with a failure line when the file cannot be written."""
    try:
        with _writing(path, out, csv=csv) as fh:
            emit(fh)
    except BrokenPipeError:  # the reader of standard output left: main() reports it
        raise
    except OSError as exc:
        err.write(_failure(str(path), f"cannot write: {exc.strerror or exc}"))
        return 2
    return 0


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


class _Reporter:
    """Lines for stderr while a batch runs: above the progress bar while there is one."""

    def __init__(self, total: int, show: bool, err: IO[str]) -> None:
        self.err = err
        self.bar = _progress(total, show, err)

    def say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line.rstrip("\n"), file=self.err)  # tqdm.write: clears the bar, prints, redraws it
        else:
            self.err.write(line)

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


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
    options = _options(args)
    show = args.verbosity >= 0 and not args.no_progress and hasattr(err, "isatty") and err.isatty()
    report = _Reporter(len(paths), show, err)
    failed = 0

    def results() -> Iterator[Result]:
        nonlocal failed
        for result in parse_many(paths, workers=max(1, args.workers), **options):
            if not result.ok:
                failed += 1
                report.say(_failure(result.source, result.error or "failed"))
            elif args.verbosity > 0 and result.thread is not None:
                for line in _warnings(result.source, result.thread):
                    report.say(line)
            yield result
            report.step()

    def threads() -> Iterator[Thread]:  # parsed inputs only, "source" the path as given as in JSONL
        for result in results():
            if result.thread is not None:
                yield attrs.evolve(result.thread, source=result.source)

    try:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        if kind == "parquet":
            tabular.write_parquet(threads(), args.out)
        else:
            with _writing(args.out, out, csv=kind == "csv") as fh:
                if kind == "csv":
                    exporters.write_csv(threads(), fh)
                else:
                    for result in results():
                        fh.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    except OSError as exc:
        report.close()  # the error goes below the finished bar, never into it
        err.write(_failure(args.out, f"cannot write: {exc.strerror or exc}"))
        return 2
    finally:
        report.close()
    if args.verbosity >= 0:
        err.write(f"foithread: {len(paths) - failed} parsed, {failed} failed; written to {args.out}\n")
    return 1 if failed else 0


def sample_text() -> str:
    """The bundled sample thread (a constructed WhatDoTheyKnow page-text dump)."""
    return resources.files("foithread").joinpath("data/demo_thread.txt").read_text(encoding="utf-8")


def _cmd_demo(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    thread = parse(sample_text(), format="text")
    thread = attrs.evolve(thread, source="demo_thread.txt")
    return _write([thread], args.format, args.output, out, err)


def _cmd_schema(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    schema = json.dumps(exporters.json_schema(), indent=2, ensure_ascii=False) + "\n"
    return _written(lambda fh: fh.write(schema), args.output, out, err)


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


if __name__ == "__main__":  # pragma: no cover - python -m foithread.cli; python -m foithread is __main__.py
    sys.exit(main())
