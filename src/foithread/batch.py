"""Batches: many inputs, in order, each failure captured as a record instead of stopping."""

from __future__ import annotations

import functools
import glob
import multiprocessing
import multiprocessing.context
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import attrs

from foithread.errors import ParseError
from foithread.limits import Limits, limits_or_default
from foithread.model import Thread
from foithread.rules import Rules


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
    """Inputs under a directory (recursively, sorted, hidden ones skipped) or matching a glob.

    Every entry that is not a directory is listed, regular file or not: a FIFO, a socket, a
    dangling symlink or a symlink loop is an input that fails (``parse_one`` says why) rather
    than one silently left out. Symlinked directories are not followed.
    """
    path = Path(target)
    if path.is_dir():
        return sorted(
            str(p)
            for p in path.rglob("*")
            if not _is_dir(p) and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    if os.path.lexists(path):
        return [str(path)]
    return sorted(p for p in glob.glob(str(target), recursive=True) if not _is_dir(Path(p)))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a symlink loop: not a directory, an input that will fail with its reason
        return False


def parse_one(
    path: str, format: str | None = None, limits: Limits | None = None, *, rules: Rules | None = None
) -> Result:
    """Parse one path, turning any failure into an error record (never raises); ``limits`` and
    ``rules`` as for :func:`foithread.parse` (``None``: the defaults)."""
    from foithread.api import parse

    try:
        return Result(path, thread=parse(Path(path), format=format, rules=rules, limits=limits))  # a path, never text
    except ParseError as exc:
        return Result(path, error=str(exc))
    except Exception as exc:  # a bug must not stop a batch of thousands: record it
        return Result(path, error=f"internal error: {type(exc).__name__}: {exc}")


def _parse_star(args: tuple[str, str | None, Limits], rules: Rules | None = None) -> Result:
    return parse_one(*args, rules=rules)


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int = 1,
    format: str | None = None,
    chunksize: int = 4,
    limits: Limits | None = None,
    rules: Rules | None = None,
) -> Iterator[Result]:
    """Parse ``paths`` in input order, with a process pool when ``workers > 1``.

    ``format``, ``limits`` and ``rules`` apply to every input as in :func:`foithread.parse`
    (``None``: detect the format, the default limits and rule tables); custom ``rules`` are
    pickled to the worker processes with each chunk. Never raises for a bad input: each
    failure is a :class:`Result` with ``error`` set.
    """
    limits = limits_or_default(limits)
    items: Sequence[tuple[str, str | None, Limits]] = [(str(p), format, limits) for p in paths]
    if workers <= 1 or len(items) <= 1:
        for item in items:
            yield _parse_star(item, rules)
        return
    run = _parse_chunk if rules is None else functools.partial(_parse_chunk, rules=rules)
    yield from _pooled(items, workers, max(1, chunksize), _run=run)


#: what an input gets when its worker process died twice (killed, out of memory) before it finished
WORKER_DIED = "worker process died before this input finished (killed, or out of memory?)"


def _parse_chunk(chunk: Sequence[tuple[str, str | None, Limits]], rules: Rules | None = None) -> list[Result]:
    return [_parse_star(item, rules) for item in chunk]


def _pooled(
    items: Sequence[tuple[str, str | None, Limits]],
    workers: int,
    chunksize: int,
    *,
    _run: Callable[[Sequence[tuple[str, str | None, Limits]]], list[Result]] = _parse_chunk,
) -> Iterator[Result]:
    """Results in input order from a process pool that may break.

    When a worker dies (SIGKILL, the OOM killer) the pool is broken and every unfinished input
    fails with ``BrokenProcessPool``. The first unfinished chunk is then run again alone, in a
    pool of its own: if that breaks too, its inputs become error :class:`Result` records
    (:data:`WORKER_DIED`); either way the rest go on in a fresh pool. Every input has a record,
    an input in flight beside a killer is not blamed for it, and a batch survives any number
    of dying workers (each costs two pool starts).
    """
    chunks = [items[i : i + chunksize] for i in range(0, len(items), chunksize)]
    done = 0
    while done < len(chunks):
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context())
        broken = False
        try:
            futures = {index: pool.submit(_run, chunks[index]) for index in range(done, len(chunks))}
            for index in range(done, len(chunks)):
                try:
                    results = futures[index].result()
                except BrokenProcessPool:
                    broken = True
                    break
                yield from results
                done = index + 1
        finally:
            _close(pool, broken)
        if done < len(chunks):  # the pool broke while chunk ``done`` was unfinished: try it alone
            solo = ProcessPoolExecutor(max_workers=1, mp_context=_pool_context())
            broken = False
            try:
                yield from solo.submit(_run, chunks[done]).result()
            except BrokenProcessPool:
                broken = True
                yield from (Result(path, error=WORKER_DIED) for path, _, _ in chunks[done])
            finally:
                _close(solo, broken)
            done += 1


def _close(pool: ProcessPoolExecutor, broken: bool) -> None:
    """Shut ``pool`` down without ever waiting on it unboundedly: its workers get
    :data:`_EXIT_GRACE` seconds to leave (none for a broken pool), then the survivors are killed.

    Waiting in ``shutdown(wait=True)`` can hang for ever once a worker was killed, even when every
    future had finished: a worker SIGKILLed while it held the call queue's read lock leaves the
    others blocked on that lock, and CPython's manager thread waits for them.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=broken)
    for process in processes:
        process.join(timeout=0 if broken else _EXIT_GRACE)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)


#: seconds a healthy pool's idle workers get to exit after shutdown before they are killed
_EXIT_GRACE = 10.0


def _pool_context() -> multiprocessing.context.BaseContext:
    """Workers forked from this process when it runs no other thread (Linux: one entry in
    ``/proc/self/task``, native threads included), after the rule tables are compiled here, so
    that each worker starts with everything it needs instead of importing foithread and
    compiling its patterns again (about a second of each worker's time: more than a batch of
    200 files takes). Otherwise workers come from a fork server where there is one: forking a
    process that already runs threads (pyarrow's, dask's, a web server's) can deadlock the
    child, and Python 3.14 makes the same choice by default."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _single_threaded():
        _warm()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else methods[0])


def _single_threaded() -> bool:
    """True only when this process is known to run one thread (never guessed: False off Linux)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _warm() -> None:
    """Compile every built-in rule table now (they are compiled on first use, not at import) and
    import the e-mail parser (imported by the first e-mail input)."""
    import mailparser  # noqa: F401

    from foithread.rules import DEFAULT_RULES

    DEFAULT_RULES.compile()
