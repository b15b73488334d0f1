"""Messages as a pandas DataFrame, and as Parquet files.

Needs the optional extra ``pip install "foithread[tabular]"`` (pandas and pyarrow). They are
imported only when one of these functions is called, so ``import foithread`` stays light;
without them the call raises an :exc:`ImportError` that says what to install.

One row per message, columns :data:`foithread.exporters.RECORD_FIELDS` in order (the CSV
columns), dtypes :data:`foithread.exporters.RECORD_DTYPES`:

- ``index`` is ``int64`` and ``confidence`` ``float64``;
- every other column is Arrow-backed text (``string[pyarrow]``) with ``<NA>`` for a missing
  value. That includes ``sent_on``, kept as the ISO ``YYYY-MM-DD`` text of
  :meth:`foithread.model.Thread.to_dict`, so that nothing is invented for an unknown date
  and the frame, the CSV and the Dask frame agree; ``pandas.to_datetime(frame["sent_on"])``
  converts it;
- list-valued facts (``exemptions``, ``references``, ``emails``, ...) are joined with
  ``"; "``, ``""`` when there are none.

>>> import foithread                                                   # doctest: +SKIP
>>> threads = [foithread.parse(p) for p in ("a.eml", "b.txt")]          # doctest: +SKIP
>>> frame = foithread.to_dataframe(threads)                             # doctest: +SKIP
>>> frame.groupby("kind").size()                                        # doctest: +SKIP
>>> foithread.write_parquet(threads, "messages.parquet")                # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from foithread.exporters import RECORD_DTYPES, RECORD_FIELDS, to_records
from foithread.model import Thread

if TYPE_CHECKING:  # pragma: no cover - pandas ships no type information of its own
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "DEFAULT_ROW_GROUP_SIZE",
    "INSTALL_HINT",
    "ensure_installed",
    "read_parquet",
    "to_dataframe",
    "write_parquet",
]

#: What to install for this module; part of the :exc:`ImportError` raised without it.
INSTALL_HINT = 'pip install "foithread[tabular]"'

#: Messages per Parquet row group written by :func:`write_parquet` unless told otherwise.
DEFAULT_ROW_GROUP_SIZE = 10_000

PathLike = str | os.PathLike[str]


def _require(*modules: str) -> list[Any]:
    """Import ``modules`` (pandas, pyarrow, ...) now, or explain how to get them."""
    loaded = []
    for name in modules:
        try:
            loaded.append(importlib.import_module(name))
        except ImportError as exc:
            raise ImportError(
                f"foithread's DataFrame and Parquet export needs pandas and pyarrow: {INSTALL_HINT} ({exc})",
                name=exc.name,
            ) from exc
    return loaded


def ensure_installed() -> None:
    """Check now that pandas and pyarrow can be imported (the CLI does before a Parquet batch).

    :raises ImportError: one of them is missing; the message names :data:`INSTALL_HINT`.
    """
    _require("pandas", "pyarrow", "pyarrow.parquet")


def _threads(threads: Thread | Iterable[Thread]) -> Iterator[Thread]:
    for thread in [threads] if isinstance(threads, Thread) else threads:
        if not isinstance(thread, Thread):
            raise TypeError(f"expected foithread.Thread objects, got {type(thread).__name__}")
        yield thread


def _frame(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    (pandas,) = _require("pandas")
    columns = list(RECORD_FIELDS)
    frame = pandas.DataFrame.from_records(rows, columns=columns) if rows else pandas.DataFrame(columns=columns)
    typed: pd.DataFrame = frame.astype(RECORD_DTYPES)
    return typed


def to_dataframe(threads: Thread | Iterable[Thread]) -> pd.DataFrame:
    """One row per message of ``threads``, as a :class:`pandas.DataFrame`.

    Rows come thread by thread in the order given, then message by message, oldest first.
    The frame has a ``0..n-1`` ``RangeIndex``, the columns
    :data:`~foithread.exporters.RECORD_FIELDS` in order and the dtypes
    :data:`~foithread.exporters.RECORD_DTYPES` (see the module docstring; ``sent_on`` stays
    ISO text). With no messages it has no rows but the same columns and dtypes.

    >>> import foithread
    >>> frame = foithread.to_dataframe(foithread.parse("Dear Council,\\nWhat is the budget?\\n"))
    >>> list(frame.columns[:3]), str(frame["index"].dtype), len(frame)
    (['source', 'thread_authority', 'thread_title'], 'int64', 1)

    :param threads: a thread, or an iterable of threads (consumed once).
    :returns: one row per message.
    :raises ImportError: pandas or pyarrow is not installed.
    :raises TypeError: an item of ``threads`` is not a :class:`~foithread.model.Thread`.
    """
    _require("pandas", "pyarrow")
    return _frame([row for thread in _threads(threads) for row in to_records(thread)])


def write_parquet(
    threads: Thread | Iterable[Thread],
    path: PathLike,
    *,
    row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
    compression: str = "zstd",
) -> int:
    """Write the message rows of ``threads`` to a Parquet file, streaming.

    The file holds exactly what :func:`to_dataframe` would give, with pandas metadata, so both
    :func:`read_parquet` and ``pandas.read_parquet`` read back the same columns and dtypes.
    Threads are consumed lazily and written ``row_group_size`` messages at a time, so a batch
    of any size needs memory for one row group only. A file with no rows still has the columns.

    :param threads: a thread, or an iterable of threads (consumed once).
    :param path: where to write; an existing file is replaced.
    :param row_group_size: messages per Parquet row group (at least 1).
    :param compression: the Parquet codec as pyarrow names it (``"zstd"``, ``"snappy"``,
        ``"none"``, ...).
    :returns: the number of rows (messages) written.
    :raises ImportError: pandas or pyarrow is not installed.
    :raises TypeError: an item of ``threads`` is not a :class:`~foithread.model.Thread`.
    :raises ValueError: ``row_group_size`` is below 1.
    """
    if row_group_size < 1:
        raise ValueError("row_group_size must be at least 1")
    _, pa, pq = _require("pandas", "pyarrow", "pyarrow.parquet")
    schema = pa.Schema.from_pandas(_frame([]), preserve_index=False)
    written = 0
    with pq.ParquetWriter(os.fspath(path), schema, compression=compression) as writer:
        rows: list[dict[str, Any]] = []
        for thread in _threads(threads):
            rows.extend(to_records(thread))
            while len(rows) >= row_group_size:
                chunk, rows = rows[:row_group_size], rows[row_group_size:]
                writer.write_table(pa.Table.from_pandas(_frame(chunk), schema=schema, preserve_index=False))
                written += len(chunk)
        if rows or not written:  # an empty file still gets one (empty) row group, so it has a schema
            writer.write_table(pa.Table.from_pandas(_frame(rows), schema=schema, preserve_index=False))
            written += len(rows)
    return written


def read_parquet(path: PathLike, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Read a Parquet file of message rows (as :func:`write_parquet` writes) into a DataFrame.

    Every :data:`~foithread.exporters.RECORD_FIELDS` column read gets its
    :data:`~foithread.exporters.RECORD_DTYPES` dtype, whatever wrote the file; other columns
    are kept as read. ``read_parquet(p)`` equals ``to_dataframe(threads)`` after
    ``write_parquet(threads, p)``.

    :param path: the Parquet file.
    :param columns: read only these columns, in this order (default: all, in file order).
    :returns: a frame with a ``0..n-1`` ``RangeIndex``.
    :raises ImportError: pandas or pyarrow is not installed.
    :raises FileNotFoundError: ``path`` does not exist.
    """
    _, _, pq = _require("pandas", "pyarrow", "pyarrow.parquet")
    table = pq.read_table(os.fspath(path), columns=list(columns) if columns is not None else None)
    frame = table.to_pandas().reset_index(drop=True)
    known = {name: dtype for name, dtype in RECORD_DTYPES.items() if name in frame.columns}
    typed: pd.DataFrame = frame.astype(known)
    return typed
