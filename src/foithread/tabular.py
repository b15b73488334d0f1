"""Messages as a pandas DataFrame, and as Parquet files.

Needs the optional extra ``pip install "foithread[tabular]"`` (pandas and pyarrow). They are
imported only when one of these functions is called, so ``import foithread`` stays light;
without them the call raises an :exc:`ImportError` that says what to install.

One row per message, columns :data:`foithread.exporters.RECORD_FIELDS` in order (the CSV
columns), with real types (:data:`foithread.exporters.RECORD_TYPES`, see :func:`arrow_schema`):

- ``message_index`` is ``int64`` and ``confidence`` ``float64``;
- ``sent_on`` is an Arrow ``date32`` column (``pd.ArrowDtype(pa.date32())``, ``<NA>`` for an
  unknown date): ``frame["sent_on"].dt.year`` and comparisons with :class:`datetime.date`
  work, and Parquet stores a real date;
- list-valued facts are Arrow list columns (``exemptions``, ``emails``, ``dates`` of dates,
  ...), empty lists when there are none: ``frame.explode("exemptions")`` counts them;
- ``references``, ``signatories`` and ``postal`` are lists of structs
  (``{value, label}``, ``{name, role, organisation}``, ``{value, postcode}``);
- every other column is Arrow-backed text (``string[pyarrow]``) with ``<NA>`` when missing.

The CSV output (:func:`foithread.exporters.write_csv`) and the Dask frame stay flat: lists
joined with ``"; "`` and ISO date text, so that any tool reads them.

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

from foithread.exporters import RECORD_FIELDS, RECORD_TYPES, to_typed_records
from foithread.model import Thread

if TYPE_CHECKING:  # pragma: no cover - pandas ships no type information of its own
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "DEFAULT_ROW_GROUP_SIZE",
    "INSTALL_HINT",
    "arrow_schema",
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


def _arrow_type(pa: Any, name: str) -> Any:
    """The pyarrow type for a :data:`~foithread.exporters.RECORD_TYPES` name."""
    if name.startswith("list<") and name.endswith(">"):
        return pa.list_(_arrow_type(pa, name[5:-1]))
    if name.startswith("struct<") and name.endswith(">"):
        return pa.struct([(field.strip(), pa.string()) for field in name[7:-1].split(",")])
    return {"int64": pa.int64(), "float64": pa.float64(), "date32": pa.date32(), "string": pa.string()}[name]


def arrow_schema() -> Any:
    """The :class:`pyarrow.Schema` of the message rows (and of the Parquet files written here).

    One field per :data:`~foithread.exporters.RECORD_FIELDS` column, typed after
    :data:`~foithread.exporters.RECORD_TYPES`; every field is nullable.

    :raises ImportError: pyarrow is not installed.
    """
    (pa,) = _require("pyarrow")
    return pa.schema([(name, _arrow_type(pa, RECORD_TYPES[name])) for name in RECORD_FIELDS])


def _types_mapper(pandas: Any, pa: Any) -> Any:
    """pandas dtypes for Arrow types: numbers as NumPy, text as ``string[pyarrow]``, the rest Arrow."""
    text = pandas.StringDtype("pyarrow")

    def mapper(arrow_type: Any) -> Any:
        if arrow_type in (pa.int64(), pa.float64()):
            return None  # pandas' own int64 / float64
        if arrow_type in (pa.string(), pa.large_string()):
            return text
        return pandas.ArrowDtype(arrow_type)

    return mapper


def _table(rows: Sequence[dict[str, Any]]) -> Any:
    (pa,) = _require("pyarrow")
    return pa.Table.from_pylist(list(rows), schema=arrow_schema())


def _to_pandas(table: Any) -> pd.DataFrame:
    pandas, pa = _require("pandas", "pyarrow")
    frame: pd.DataFrame = table.to_pandas(types_mapper=_types_mapper(pandas, pa))
    indexed: pd.DataFrame = frame.reset_index(drop=True)
    return indexed


def to_dataframe(threads: Thread | Iterable[Thread]) -> pd.DataFrame:
    """One row per message of ``threads``, as a :class:`pandas.DataFrame`.

    Rows come thread by thread in the order given, then message by message, oldest first.
    The frame has a ``0..n-1`` ``RangeIndex``, the columns
    :data:`~foithread.exporters.RECORD_FIELDS` in order and the types of
    :func:`arrow_schema` (see the module docstring: dates as ``date32``, lists as Arrow lists).
    With no messages it has no rows but the same columns and dtypes.

    >>> import foithread
    >>> frame = foithread.to_dataframe(foithread.parse("Dear Council,\\nWhat is the budget?\\n"))
    >>> list(frame.columns[:3]), str(frame["message_index"].dtype), len(frame)
    (['source', 'thread_authority', 'thread_title'], 'int64', 1)
    >>> str(frame["exemptions"].dtype), frame["exemptions"][0]
    ('list<item: string>[pyarrow]', [])

    :param threads: a thread, or an iterable of threads (consumed once).
    :returns: one row per message.
    :raises ImportError: pandas or pyarrow is not installed.
    :raises TypeError: an item of ``threads`` is not a :class:`~foithread.model.Thread`.
    """
    _require("pandas", "pyarrow")
    return _to_pandas(_table([row for thread in _threads(threads) for row in to_typed_records(thread)]))


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
    _, _, pq = _require("pandas", "pyarrow", "pyarrow.parquet")
    written = 0
    with pq.ParquetWriter(os.fspath(path), arrow_schema(), compression=compression) as writer:
        rows: list[dict[str, Any]] = []
        for thread in _threads(threads):
            rows.extend(to_typed_records(thread))
            while len(rows) >= row_group_size:
                chunk, rows = rows[:row_group_size], rows[row_group_size:]
                writer.write_table(_table(chunk))
                written += len(chunk)
        if rows or not written:  # an empty file still gets one (empty) row group, so it has a schema
            writer.write_table(_table(rows))
            written += len(rows)
    return written


def read_parquet(path: PathLike, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Read a Parquet file of message rows (as :func:`write_parquet` writes) into a DataFrame.

    Columns get the dtypes of :func:`to_dataframe` (Arrow dates, lists and structs, text as
    ``string[pyarrow]``); columns that are not foithread's are kept as Arrow read them. ``read_parquet(p)`` equals ``to_dataframe(threads)`` after
    ``write_parquet(threads, p)``.

    :param path: the Parquet file.
    :param columns: read only these columns, in this order (default: all, in file order).
    :returns: a frame with a ``0..n-1`` ``RangeIndex``.
    :raises ImportError: pandas or pyarrow is not installed.
    :raises FileNotFoundError: ``path`` does not exist.
    """
    _, _, pq = _require("pandas", "pyarrow", "pyarrow.parquet")
    table = pq.read_table(os.fspath(path), columns=list(columns) if columns is not None else None)
    return _to_pandas(table)
