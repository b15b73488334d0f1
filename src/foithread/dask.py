"""Run foithread on Dask: a bag of parsed threads, or a dataframe with one row per message.

Needs the optional extra: ``pip install "foithread[dask]"``.

>>> import foithread.dask as fd                                       # doctest: +SKIP
>>> bag = fd.read_threads("threads/**/*.txt")                       # doctest: +SKIP
>>> bag.take(1)[0]["messages"][0]["kind"]                           # doctest: +SKIP
'request'
>>> frame = fd.read_messages("threads/")                            # doctest: +SKIP
>>> frame.groupby("kind").size().compute()                          # doctest: +SKIP

The bag holds plain dicts exactly as :meth:`foithread.batch.Result.to_dict` makes them, in
input order: a thread dict with ``"source"`` for each input that parsed, and
``{"source": ..., "error": ...}`` for one that did not, so one bad file never stops the job.
The message frame has the columns of :data:`foithread.exporters.RECORD_FIELDS` (the CSV
columns) with the dtypes in :data:`MESSAGE_SCHEMA`; failed inputs are **not** in it, they are
in :func:`to_error_frame` (columns :data:`ERROR_SCHEMA`).

Everything handed to Dask is a module-level function (or a :func:`functools.partial` of
one), so graphs pickle for the ``processes`` scheduler and ``dask.distributed``. The module
keeps no mutable state. Paths are passed to workers as given: on a cluster they must name
the same files on every worker (a shared filesystem; absolute paths are safest).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from dask.delayed import delayed
except ModuleNotFoundError as exc:  # pragma: no cover - exercised only without the extra
    raise ModuleNotFoundError(
        f"foithread.dask needs the optional extra: pip install 'foithread[dask]' ({exc})",
        name=exc.name,
    ) from exc

from foithread.batch import Result, expand, parse_one
from foithread.exporters import RECORD_FIELDS, to_records
from foithread.model import (
    Address,
    Attachment,
    Bounce,
    DateMention,
    Message,
    Reference,
    Removed,
    Sender,
    Signatory,
    Thread,
    Zone,
)

if TYPE_CHECKING:  # pragma: no cover
    from dask.delayed import Delayed

__all__ = [
    "ERROR_SCHEMA",
    "MESSAGE_SCHEMA",
    "PathsOrGlob",
    "Schema",
    "read_messages",
    "read_threads",
    "resolve_paths",
    "thread_from_dict",
    "to_error_frame",
    "to_message_frame",
]

PathsOrGlob = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]
Errors = Literal["record", "skip", "raise"]


class Schema(Mapping[str, str]):
    """An ordered, immutable and picklable column -> pandas dtype mapping."""

    __slots__ = ("_items",)
    _items: tuple[tuple[str, str], ...]

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        object.__setattr__(self, "_items", tuple((str(k), str(v)) for k, v in items))
        if len({k for k, _ in self._items}) != len(self._items):
            raise ValueError("duplicate column in schema")

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Schema is immutable")

    def __reduce__(self) -> tuple[type[Schema], tuple[tuple[tuple[str, str], ...]]]:
        return (Schema, (self._items,))

    def __getitem__(self, key: str) -> str:
        for name, dtype in self._items:
            if name == key:
                return dtype
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Schema({dict(self._items)!r})"


_STRING = "string[pyarrow]"  # pandas StringDtype backed by Arrow; missing values are pd.NA
_NON_STRING = Schema((("message_index", "int64"), ("confidence", "float64")))

#: Column -> pandas dtype of the message frame, in column order: one row per message, the
#: same columns as :func:`foithread.exporters.to_records` rows (and the CLI's CSV output).
#: List-valued facts (exemptions, references, ...) are joined with ``"; "`` as in the CSV;
#: ``""`` when there are none. Nullable text (``sent_on``, ``outcome``, ...) is ``<NA>``.
MESSAGE_SCHEMA: Schema = Schema((name, _NON_STRING.get(name, _STRING)) for name in RECORD_FIELDS)

#: Column -> pandas dtype of the error frame: one row per input that failed to parse.
ERROR_SCHEMA: Schema = Schema((("source", _STRING), ("error", _STRING)))

#: Upper bound on inputs per partition when ``partition_size`` is not given (~0.5 s of work).
DEFAULT_PARTITION_SIZE = 64
#: When ``partition_size`` is not given, small inputs are still spread over this many partitions.
_MIN_PARTITIONS = 16


# --------------------------------------------------------------------------- inputs


def resolve_paths(paths_or_glob: PathsOrGlob) -> list[str]:
    """The input paths, in the order the serial API would parse them.

    A single ``str``/``PathLike`` is a file, a directory (files under it, recursively, sorted,
    hidden ones skipped) or a glob (``**`` allowed), exactly as :func:`foithread.batch.expand`
    and ``foithread batch`` read it; matching nothing raises :class:`FileNotFoundError`. Any
    other iterable is taken literally, one input per item, in order, like
    :func:`foithread.batch.parse_many`: a missing path there becomes an error record.
    """
    if isinstance(paths_or_glob, (str, os.PathLike)):
        paths = expand(paths_or_glob)
        if not paths:
            raise FileNotFoundError(f"no files found for {os.fspath(paths_or_glob)!r}")
        return paths
    if isinstance(paths_or_glob, (bytes, Mapping)):
        raise TypeError("expected a path, a glob or an iterable of paths")
    return [os.fspath(p) for p in paths_or_glob]


def _auto_partition_size(n: int) -> int:
    return max(1, min(DEFAULT_PARTITION_SIZE, math.ceil(n / _MIN_PARTITIONS)))


def _path_bag(paths: list[str], partition_size: int | None, npartitions: int | None) -> db.Bag:
    if partition_size is not None and npartitions is not None:
        raise ValueError("give partition_size or npartitions, not both")
    if npartitions is not None:
        if npartitions < 1:
            raise ValueError("npartitions must be >= 1")
        return db.from_sequence(paths, npartitions=min(npartitions, max(1, len(paths))))
    size = _auto_partition_size(len(paths)) if partition_size is None else partition_size
    if size < 1:
        raise ValueError("partition_size must be >= 1")
    return db.from_sequence(paths, npartitions=max(1, math.ceil(len(paths) / size)))


def _check_errors(errors: str) -> None:
    if errors not in ("record", "skip", "raise"):
        raise ValueError(f"errors must be 'record', 'skip' or 'raise', not {errors!r}")


# --------------------------------------------------------------------------- worker functions


def _parse(path: str, format: str | None, errors: Errors) -> Result:
    """Parse one path on a worker; with ``errors="raise"`` failures propagate."""
    if errors == "raise":
        from foithread.api import parse

        return Result(path, thread=parse(Path(path), format=format))  # a path, never text
    return parse_one(path, format=format)


def _thread_record(path: str, *, format: str | None, errors: Errors) -> dict[str, Any]:
    return _parse(path, format, errors).to_dict()


def _is_ok(record: Mapping[str, Any]) -> bool:
    return "error" not in record


def _message_rows(path: str, *, format: str | None, errors: Errors) -> list[dict[str, Any]]:
    return _result_rows(_parse(path, format, errors))


def _result_rows(result: Result) -> list[dict[str, Any]]:
    if result.thread is None:
        return []
    rows = to_records(result.thread)
    for row in rows:  # the input as given, as in read_threads' "source"
        row["source"] = result.source
    return rows


def _rows_from_thread_dict(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    if not _is_ok(record):
        return []
    return _result_rows(Result(str(record["source"]), thread=thread_from_dict(record)))


def _error_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [] if _is_ok(record) else [{"source": record["source"], "error": record["error"]}]


def _frame(rows: list[dict[str, Any]], schema: Mapping[str, str]) -> pd.DataFrame:
    """A pandas partition with exactly ``schema``'s columns and dtypes."""
    columns = list(schema)
    frame = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
    return frame.astype(dict(schema))


def _meta(schema: Mapping[str, str]) -> pd.DataFrame:
    return _frame([], schema)


def _frame_from_partitions(parts: list[Delayed], schema: Mapping[str, str]) -> dd.DataFrame:
    build = delayed(_frame, pure=True)
    frames = [build(part, schema=dict(schema)) for part in parts]
    return dd.from_delayed(frames, meta=_meta(schema), verify_meta=True)


# --------------------------------------------------------------------------- dict -> Thread


def thread_from_dict(data: Mapping[str, Any]) -> Thread:
    """Rebuild a :class:`~foithread.model.Thread` from :meth:`Thread.to_dict` output.

    Used to turn the bag's dicts into message rows with :func:`foithread.exporters.to_records`
    itself, so the distributed columns cannot drift from the serial CSV ones.
    """

    def _bounce(b: Mapping[str, Any] | None) -> Bounce | None:
        return Bounce(b["permanent"], b["reason"], b["status"], tuple(b["recipients"])) if b else None

    def _attachment(a: Mapping[str, Any]) -> Attachment:
        return Attachment(**{**a, "warnings": tuple(a["warnings"])})

    def message(m: Mapping[str, Any]) -> Message:
        return Message(
            index=m["index"],
            kind=m["kind"],
            party=m["party"],
            raw=m["raw"],
            span=tuple(m["span"]),
            body=m["body"],
            removed=tuple(Removed(**r) for r in m["removed"]),
            sent_on=m["sent_on"],
            subject=m["subject"],
            sender=Sender(**m["sender"]),
            outcome=m["outcome"],
            exemptions=tuple(m["exemptions"]),
            references=tuple(Reference(**r) for r in m["references"]),
            dates=tuple(DateMention(**d) for d in m["dates"]),
            signatories=tuple(Signatory(**s) for s in m["signatories"]),
            addresses=tuple(Address(**a) for a in m["addresses"]),
            confidence=m["confidence"],
            attachments=tuple(m["attachments"]),
            bounce=_bounce(m.get("bounce")),
            zones=tuple(Zone(**z) for z in m.get("zones", ())),
            attachment_details=tuple(_attachment(a) for a in m.get("attachment_details", ())),
            message_id=m.get("message_id"),
            in_reply_to=m.get("in_reply_to"),
            email_references=tuple(m.get("email_references", ())),
            to=tuple(Sender(**s) for s in m.get("to", ())),
            cc=tuple(Sender(**s) for s in m.get("cc", ())),
            recovered_from=m.get("recovered_from"),
        )

    return Thread(
        format=data["format"],
        messages=tuple(message(m) for m in data["messages"]),
        authority=data["authority"],
        title=data["title"],
        references=tuple(data["references"]),
        warnings=tuple(data["warnings"]),
        source=data["source"],
        status=data["status"],
        regime=data["regime"],
    )


# --------------------------------------------------------------------------- public API


def read_threads(
    paths_or_glob: PathsOrGlob,
    *,
    format: str | None = None,
    partition_size: int | None = None,
    npartitions: int | None = None,
    errors: Errors = "record",
) -> db.Bag:
    """A lazy :class:`dask.bag.Bag` of parsed threads, one dict per input, in input order.

    ``paths_or_glob`` is a file, directory or glob, or a list of paths (see
    :func:`resolve_paths`). ``format`` forces an input format as in :func:`foithread.parse`.
    ``partition_size`` is the number of inputs per task (default: up to
    :data:`DEFAULT_PARTITION_SIZE`, fewer for small inputs so they still spread over 16
    tasks); ``npartitions`` fixes the task count instead. ``errors``: ``"record"`` (default)
    keeps ``{"source", "error"}`` dicts for failed inputs, ``"skip"`` drops them and
    ``"raise"`` lets the first :class:`~foithread.errors.ParseError` fail the computation.

    ``read_threads(x).compute() == [r.to_dict() for r in parse_many(resolve_paths(x))]``.
    """
    _check_errors(errors)
    paths = resolve_paths(paths_or_glob)
    bag = _path_bag(paths, partition_size, npartitions).map(partial(_thread_record, format=format, errors=errors))
    return bag.filter(_is_ok) if errors == "skip" else bag


def to_message_frame(bag: db.Bag) -> dd.DataFrame:
    """One row per message of the threads in ``bag`` (as made by :func:`read_threads`).

    Columns and dtypes are exactly :data:`MESSAGE_SCHEMA`; rows come in input order, then
    message order. Error records are dropped: see :func:`to_error_frame`. The index is each
    partition's own ``RangeIndex`` (divisions unknown); use ``reset_index(drop=True)`` after
    ``compute()`` for a 0..n-1 index. To get both frames while parsing once, ``persist()``
    the bag first.
    """
    rows = bag.map(_rows_from_thread_dict).flatten()
    return _frame_from_partitions(rows.to_delayed(), MESSAGE_SCHEMA)


def to_error_frame(bag: db.Bag) -> dd.DataFrame:
    """One row (``source``, ``error``) per failed input in ``bag``; columns :data:`ERROR_SCHEMA`."""
    rows = bag.map(_error_rows).flatten()
    return _frame_from_partitions(rows.to_delayed(), ERROR_SCHEMA)


def read_messages(
    paths_or_glob: PathsOrGlob,
    *,
    format: str | None = None,
    partition_size: int | None = None,
    npartitions: int | None = None,
    errors: Errors = "record",
) -> dd.DataFrame:
    """The message frame of ``paths_or_glob`` directly (no intermediate thread dicts).

    Same arguments and rows as ``to_message_frame(read_threads(...))``, cheaper: workers turn
    each thread straight into :func:`foithread.exporters.to_records` rows. Failed inputs
    have no rows under ``"record"`` and ``"skip"``; ``"raise"`` fails the computation.
    """
    _check_errors(errors)
    paths = resolve_paths(paths_or_glob)
    rows = (
        _path_bag(paths, partition_size, npartitions)
        .map(partial(_message_rows, format=format, errors=errors))
        .flatten()
    )
    return _frame_from_partitions(rows.to_delayed(), MESSAGE_SCHEMA)
