"""Batches: many inputs, in order, each failure captured as a record instead of stopping."""

from __future__ import annotations

import glob
import multiprocessing
import multiprocessing.context
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from foithread.errors import ParseError
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.model import Thread


@attrs.frozen
class Result:
    """The outcome for one input: a thread, or the error that stopped it."""

    source: str
    thread: Thread | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the input parsed (``thread`` is set, ``error`` is None)."""
        return self.error is None

    def to_dict(self) -> dict[str, object]:
        """The JSON Lines record of ``foithread batch``: the thread's ``to_dict()`` with ``source``, or ``{"source", "error"}``."""
        if self.thread is not None:
            data = self.thread.to_dict()
            data["source"] = self.source
            return data
        return {"source": self.source, "error": self.error}


def expand(target: str | os.PathLike[str]) -> list[str]:
    """Files under a directory (recursively, sorted, hidden ones skipped) or matching a glob."""
    path = Path(target)
    if path.is_dir():
        return sorted(
            str(p)
            for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    if path.is_file():
        return [str(path)]
    return sorted(p for p in glob.glob(str(target), recursive=True) if os.path.isfile(p))


def parse_one(path: str, format: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Result:
    """Parse one path, turning any failure into an error record (never raises)."""
    from foithread.api import parse

    try:
        return Result(path, thread=parse(Path(path), format=format, limits=limits))  # a path, never text
    except ParseError as exc:
        return Result(path, error=str(exc))
    except Exception as exc:  # a bug must not stop a batch of thousands: record it
        return Result(path, error=f"internal error: {type(exc).__name__}: {exc}")


def _parse_star(args: tuple[str, str | None, Limits]) -> Result:
    return parse_one(*args)


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int = 1,
    format: str | None = None,
    chunksize: int = 4,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Result]:
    """Parse ``paths`` in input order, with a process pool when ``workers > 1``.

    Never raises for a bad input: each failure is a :class:`Result` with ``error`` set.
    """
    items: Sequence[tuple[str, str | None, Limits]] = [(str(p), format, limits) for p in paths]
    if workers <= 1 or len(items) <= 1:
        for item in items:
            yield _parse_star(item)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
        yield from pool.map(_parse_star, items, chunksize=chunksize)


def _pool_context() -> multiprocessing.context.BaseContext:
    """Workers started by a fork server where there is one: forking a process that already runs
    threads (pyarrow's, dask's, a web server's) can deadlock the child, and Python 3.14 makes
    the same choice by default."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else methods[0])
