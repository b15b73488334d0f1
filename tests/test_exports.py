"""Flat exports: ``Thread.to_records``, CSV, the pandas DataFrame and Parquet, from Python and
from ``foithread batch --out FILE.{jsonl,csv,parquet}``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import DEV, FIXTURES, ROOT

import foithread
from foithread import exporters, tabular
from foithread.batch import expand, parse_many
from foithread.cli import batch_output, main
from foithread.exporters import RECORD_FIELDS, RECORD_TYPES, to_records, to_typed_records, write_csv
from foithread.model import Thread

CASES = sorted(p for p in (FIXTURES / "cases").iterdir() if p.is_file())
DEMO = ROOT / "src" / "foithread" / "data" / "demo_thread.txt"
INPUTS = [*CASES, DEMO]


@pytest.fixture(scope="module")
def threads() -> dict[str, Thread]:
    return {p.name: foithread.parse(p) for p in INPUTS}


@pytest.fixture()
def pd() -> Any:
    pytest.importorskip("pyarrow")
    return pytest.importorskip("pandas")


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def as_csv_strings(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """What the csv module gives back for ``rows``: ``None`` as ``""``, everything else ``str``."""
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows]


#: The dtypes of the DataFrame, as pandas prints them (a change here is a change of the published schema).
EXPECTED_DTYPES = {
    name: {
        "string": "string",
        "int64": "int64",
        "float64": "float64",
        "date32": "date32[day][pyarrow]",
        "list<string>": "list<item: string>[pyarrow]",
        "list<date32>": "list<item: date32[day]>[pyarrow]",
        "list<struct<value, label>>": "list<item: struct<value: string, label: string>>[pyarrow]",
        "list<struct<value, postcode>>": "list<item: struct<value: string, postcode: string>>[pyarrow]",
        "list<struct<name, role, organisation>>": (
            "list<item: struct<name: string, role: string, organisation: string>>[pyarrow]"
        ),
    }[kind]
    for name, kind in RECORD_TYPES.items()
}


def typed_rows(frame: Any) -> list[dict[str, Any]]:
    """A typed frame's rows as plain Python values (lists, dicts, dates; ``<NA>`` as ``None``)."""
    import pyarrow

    rows: list[dict[str, Any]] = pyarrow.Table.from_pandas(frame, preserve_index=False).to_pylist()
    return rows


def frame_rows(frame: Any) -> list[dict[str, Any]]:
    """A frame's rows as plain dicts, ``<NA>`` as ``None``."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


# --------------------------------------------------------------------------- to_records


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_to_records_one_flat_row_per_message(path: Path, threads: dict[str, Thread]) -> None:
    thread = threads[path.name]
    rows = thread.to_records()
    assert rows == to_records(thread)  # the method and the exporter are one thing
    assert len(rows) == len(thread.messages) > 0
    for row, m in zip(rows, thread.messages, strict=True):
        assert tuple(row) == RECORD_FIELDS
        assert all(v is None or isinstance(v, (str, int, float)) for v in row.values())  # flat
        assert (row["message_index"], row["kind"], row["party"], row["body"]) == (m.index, m.kind, m.party, m.body)
        assert (row["source"], row["thread_format"], row["thread_regime"]) == (
            thread.source,
            thread.format,
            thread.regime,
        )
        assert row["thread_references"] == "; ".join(thread.references)
        assert row["thread_warnings"] == "; ".join(thread.warnings)
        assert row["exemptions"] == "; ".join(m.exemptions)
        assert row["attachments"] == "; ".join(m.attachments)
        assert row["removed_kinds"] == "; ".join(sorted({r.kind for r in m.removed}))
        assert isinstance(row["message_index"], int) and isinstance(row["confidence"], float)


@pytest.mark.parametrize(
    ("name", "index", "expected"),
    [
        ("demo_thread.txt", 0, {"kind": "request", "party": "requester", "signatories": "Priya Castellano"}),
        ("demo_thread.txt", 2, {"references": "FOI-23-0417", "dates": "2023-04-03; 2023-05-02"}),
        (
            "demo_thread.txt",
            3,
            {
                "kind": "response",
                "outcome": "partially_provided",
                "exemptions": "s43(2); s40(2)",
                "sent_on": "2023-04-28",
                "thread_authority": "Brightwater Borough Council",
                "thread_references": "FOI-23-0417",
                "thread_regime": "foi",
                "removed_kinds": "classification; disclaimer; link_footer; platform_footer",
            },
        ),
        (
            "eml-hackney-html-only-response.eml",
            0,
            {"thread_format": "eml", "thread_warnings": "no text/plain part: HTML converted to text"},
        ),
        ("eml-cornwall-ooo-x-autoreply.eml", 0, {"kind": "out_of_office", "emails": "foi@cornwall.gov.uk"}),
        ("mbox-harrogate-taxi-licences.mbox", 0, {"thread_format": "mbox", "kind": "request"}),
    ],
)
def test_to_records_values(name: str, index: int, expected: dict[str, Any], threads: dict[str, Thread]) -> None:
    row = threads[name].to_records()[index]
    assert {k: row[k] for k in expected} == expected


def test_record_columns_keep_the_published_order() -> None:
    assert RECORD_FIELDS[:3] == ("source", "thread_authority", "thread_title")
    assert RECORD_FIELDS[-1] == "body" and len(set(RECORD_FIELDS)) == len(RECORD_FIELDS)
    old = ("kind", "party", "confidence", "sent_on", "subject", "sender_name", "sender_email", "outcome")
    assert all(c in RECORD_FIELDS for c in old)
    assert "index" not in RECORD_FIELDS and "message_index" in RECORD_FIELDS  # no clash with DataFrame.index
    assert tuple(RECORD_TYPES) == RECORD_FIELDS


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_typed_records_are_the_flat_rows_unflattened(path: Path, threads: dict[str, Thread]) -> None:
    thread = threads[path.name]
    for typed, flat, m in zip(to_typed_records(thread), to_records(thread), thread.messages, strict=True):
        assert tuple(typed) == RECORD_FIELDS
        assert typed["sent_on"] == m.sent_date == (date.fromisoformat(m.sent_on) if m.sent_on else None)
        assert [d.isoformat() for d in typed["dates"]] == [d.value for d in m.dates]
        assert typed["signatories"] == [
            {"name": s.name, "role": s.role, "organisation": s.organisation} for s in m.signatories
        ]
        for name, kind in RECORD_TYPES.items():  # flattening the typed row gives the flat row
            value = typed[name]
            if kind.startswith("list<struct"):
                value = "; ".join(item["value" if "value" in item else "name"] for item in value)
            elif kind == "list<date32>":
                value = "; ".join(d.isoformat() for d in value)
            elif kind.startswith("list"):
                value = "; ".join(value)
            elif kind == "date32":
                value = value and value.isoformat()
            assert value == flat[name], name


def test_thread_without_messages_has_no_records() -> None:
    assert Thread(format="text").to_records() == []


# --------------------------------------------------------------------------- CSV


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_csv_round_trip(path: Path, threads: dict[str, Thread], tmp_path: Path) -> None:
    thread = threads[path.name]
    out = tmp_path / "rows.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        write_csv([thread], fh)
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == RECORD_FIELDS
        assert list(reader) == as_csv_strings(thread.to_records())


def test_csv_of_many_threads_and_without_header(threads: dict[str, Thread]) -> None:
    many = list(threads.values())
    buf = io.StringIO(newline="")
    write_csv(iter(many), buf, header=False)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline=""), fieldnames=list(RECORD_FIELDS)))
    assert rows == as_csv_strings([row for t in many for row in t.to_records()])


# --------------------------------------------------------------------------- DataFrame


@pytest.mark.parametrize(
    "names",
    [
        ["demo_thread.txt"],
        ["wdtk-mod-ncnd-s23-s24.txt", "eml-cornwall-ooo-x-autoreply.eml"],
        ["mbox-harrogate-taxi-licences.mbox", "eml-hackney-html-only-response.eml", "wdtk-ceredigion-bilingual.txt"],
        [p.name for p in INPUTS],
    ],
    ids=["one", "two", "three", "all"],
)
def test_to_dataframe_rows_columns_and_dtypes(names: list[str], threads: dict[str, Thread], pd: Any) -> None:
    chosen = [threads[n] for n in names]
    frame = foithread.to_dataframe(chosen)
    assert len(frame) == sum(len(t.messages) for t in chosen)
    assert tuple(frame.columns) == RECORD_FIELDS
    assert {c: str(t) for c, t in frame.dtypes.items()} == EXPECTED_DTYPES
    assert isinstance(frame.index, pd.RangeIndex) and list(frame.index) == list(range(len(frame)))
    assert typed_rows(frame) == [row for t in chosen for row in to_typed_records(t)]


def test_to_dataframe_accepts_one_thread_a_generator_or_nothing(threads: dict[str, Thread], pd: Any) -> None:
    demo = threads["demo_thread.txt"]
    one = foithread.to_dataframe(demo)
    pd.testing.assert_frame_equal(one, foithread.to_dataframe([demo]))
    pd.testing.assert_frame_equal(one, foithread.to_dataframe(t for t in [demo]))
    empty = foithread.to_dataframe([])
    assert len(empty) == 0 and tuple(empty.columns) == RECORD_FIELDS
    pd.testing.assert_series_equal(empty.dtypes, one.dtypes)
    assert len(foithread.to_dataframe(Thread(format="text"))) == 0


def test_to_dataframe_is_usable(threads: dict[str, Thread], pd: Any) -> None:
    frame = foithread.to_dataframe(threads.values())
    counts = frame.groupby("kind").size().to_dict()
    assert counts == {k: sum(m.kind == k for t in threads.values() for m in t.messages) for k in counts}
    responses = frame[frame["kind"] == "response"]
    assert (responses["outcome"].notna()).all()
    assert frame["sent_on"].isna().any()  # unknown dates stay missing, not invented
    known = [date.fromisoformat(m.sent_on) for t in threads.values() for m in t.messages if m.sent_on]
    assert sorted(frame["sent_on"].dropna()) == sorted(known)
    assert frame["sent_on"].dt.year.max() == max(d.year for d in known)  # a real date column
    cited = frame.explode("exemptions")["exemptions"].dropna()
    assert sorted(cited) == sorted(e for t in threads.values() for m in t.messages for e in m.exemptions)
    names = frame.explode("signatories")["signatories"].dropna().map(lambda s: s["name"])
    assert sorted(names) == sorted(s.name for t in threads.values() for m in t.messages for s in m.signatories)


def test_to_dataframe_refuses_what_is_not_a_thread(threads: dict[str, Thread], pd: Any) -> None:
    with pytest.raises(TypeError, match="Thread"):
        foithread.to_dataframe([threads["demo_thread.txt"].to_dict()])  # type: ignore[list-item]


# --------------------------------------------------------------------------- Parquet


@pytest.mark.parametrize("row_group_size", [1, 7, tabular.DEFAULT_ROW_GROUP_SIZE])
def test_parquet_round_trip(row_group_size: int, threads: dict[str, Thread], tmp_path: Path, pd: Any) -> None:
    many = list(threads.values())
    path = tmp_path / "messages.parquet"
    written = foithread.write_parquet(iter(many), path, row_group_size=row_group_size)
    expected = foithread.to_dataframe(many)
    assert written == len(expected)
    back = foithread.read_parquet(path)
    pd.testing.assert_frame_equal(back, expected)
    # plain pandas reads the same values (dates as dates, lists as arrays: its storage varies by version)
    assert typed_rows(pd.read_parquet(path, dtype_backend="pyarrow")) == typed_rows(expected)
    import pyarrow.parquet as pq

    assert pq.ParquetFile(path).metadata.num_row_groups == -(-written // row_group_size)


def test_parquet_of_one_thread_nothing_and_some_columns(threads: dict[str, Thread], tmp_path: Path, pd: Any) -> None:
    demo = threads["demo_thread.txt"]
    one = tmp_path / "one.parquet"
    assert foithread.write_parquet(demo, str(one)) == len(demo.messages)
    pd.testing.assert_frame_equal(foithread.read_parquet(one), foithread.to_dataframe(demo))
    part = foithread.read_parquet(one, columns=["kind", "message_index", "outcome"])
    pd.testing.assert_frame_equal(part, foithread.to_dataframe(demo)[["kind", "message_index", "outcome"]])
    empty = tmp_path / "empty.parquet"
    assert foithread.write_parquet([], empty) == 0
    pd.testing.assert_frame_equal(foithread.read_parquet(empty), foithread.to_dataframe([]))


def test_parquet_bad_arguments(tmp_path: Path, pd: Any) -> None:
    with pytest.raises(ValueError, match="row_group_size"):
        foithread.write_parquet([], tmp_path / "x.parquet", row_group_size=0)
    with pytest.raises(FileNotFoundError):
        foithread.read_parquet(tmp_path / "missing.parquet")


# --------------------------------------------------------------------------- optional dependencies


@pytest.mark.parametrize("missing", ["pandas", "pyarrow"])
@pytest.mark.parametrize(
    "call",
    [
        lambda p: foithread.to_dataframe([]),
        lambda p: foithread.write_parquet([], p / "x.parquet"),
        lambda p: foithread.read_parquet(p / "x.parquet"),
    ],
    ids=["to_dataframe", "write_parquet", "read_parquet"],
)
def test_missing_extra_names_the_install_command(
    missing: str, call: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # "import pandas" now fails
    with pytest.raises(ImportError, match=r'pip install "foithread\[tabular\]"'):
        call(tmp_path)


def test_import_foithread_does_not_import_pandas() -> None:
    code = (
        "import sys, foithread; "
        "assert callable(foithread.to_dataframe) and callable(foithread.write_parquet); "
        "heavy = {'pandas', 'pyarrow', 'jsonschema'} & set(sys.modules); "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


# --------------------------------------------------------------------------- foithread batch --out


@pytest.fixture()
def batch_dir(tmp_path: Path) -> Path:
    """Three good inputs of three formats and one broken zip, in a directory."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("wdtk-mod-ncnd-s23-s24.txt", "eml-cornwall-ooo-x-autoreply.eml", "mbox-harrogate-taxi-licences.mbox"):
        (src / name).write_bytes((FIXTURES / "cases" / name).read_bytes())
    (src / "broken.zip").write_bytes(b"PK\x03\x04not really a zip")
    return src


def expected_threads(src: Path) -> list[Thread]:
    return [r.thread for r in parse_many(expand(src)) if r.thread is not None]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("out.jsonl", "jsonl"),
        ("OUT.CSV", "csv"),
        ("x.parquet", "parquet"),
        ("out.json", "jsonl"),
        ("out", "jsonl"),
        ("a.csv.jsonl", "jsonl"),
    ],
)
def test_batch_output_is_chosen_by_suffix(name: str, kind: str) -> None:
    assert batch_output(name) == kind


def _stderr_lines(err: str) -> list[str]:
    return err.strip().splitlines()


def test_batch_to_csv(batch_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "messages.csv"
    code, stdout, err = run(["batch", str(batch_dir), "--out", str(out)])
    assert code == 1 and stdout == ""
    lines = _stderr_lines(err)
    assert len(lines) == 2 and "broken.zip" in lines[0] and "3 parsed, 1 failed" in lines[1]
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = [row for t in expected_threads(batch_dir) for row in t.to_records()]
    assert len(rows) == len(expected) > 3
    assert rows == as_csv_strings(expected)
    assert "broken.zip" not in {r["source"] for r in rows}  # failures are on stderr only


def test_batch_to_parquet(batch_dir: Path, tmp_path: Path, pd: Any) -> None:
    out = tmp_path / "messages.parquet"
    code, _, err = run(["batch", str(batch_dir / "*"), "--out", str(out), "--workers", "2"])
    assert code == 1
    assert "broken.zip" in err and "3 parsed, 1 failed" in err
    pd.testing.assert_frame_equal(foithread.read_parquet(out), foithread.to_dataframe(expected_threads(batch_dir)))


def test_batch_to_jsonl_keeps_error_records(batch_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "threads.jsonl"
    code, _, err = run(["batch", str(batch_dir), "--out", str(out)])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 1 and "broken.zip" in err
    assert [Path(r["source"]).name for r in records] == [Path(p).name for p in expand(batch_dir)]
    assert [r["source"] for r in records if "error" in r] == [str(batch_dir / "broken.zip")]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_batch_all_good_exits_0(suffix: str, tmp_path: Path, pd: Any) -> None:
    out = tmp_path / f"cases{suffix}"
    code, _, err = run(["batch", str(FIXTURES / "cases"), "--out", str(out)])
    assert code == 0 and f"{len(CASES)} parsed, 0 failed" in err
    if suffix == ".parquet":
        rows = len(foithread.read_parquet(out))
    else:
        with out.open(encoding="utf-8", newline="") as fh:
            rows = len(list(csv.DictReader(fh)))
    assert rows == sum(len(foithread.parse(p).messages) for p in CASES)


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_batch_output_that_cannot_be_written_is_a_usage_error(suffix: str, batch_dir: Path, tmp_path: Path) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")  # without it, the missing extra is the usage error
    blocker = tmp_path / "a-file"  # a missing folder is created; one that is a file cannot be
    blocker.write_text("not a folder\n")
    out = blocker / f"out{suffix}"
    code, _, err = run(["batch", str(batch_dir), "--out", str(out)])
    assert code == 2 and "cannot write" in err and str(out) in err


def test_batch_parquet_without_the_extra(batch_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "out.parquet"
    code, _, err = run(["batch", str(batch_dir), "--out", str(out)])
    assert code == 2 and 'pip install "foithread[tabular]"' in err
    assert not out.exists()


# --------------------------------------------------------------------------- the shared dev set


def test_dev_cases_export_everywhere(tmp_path: Path) -> None:
    if not (DEV / "cases").is_dir():
        pytest.skip(f"{DEV / 'cases'} not available")
    dev = expected_threads(DEV / "cases")
    assert dev
    buf = io.StringIO(newline="")
    exporters.write_csv(dev, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert rows == as_csv_strings([row for t in dev for row in t.to_records()])
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    foithread.write_parquet(dev, tmp_path / "dev.parquet")
    pd.testing.assert_frame_equal(foithread.read_parquet(tmp_path / "dev.parquet"), foithread.to_dataframe(dev))
