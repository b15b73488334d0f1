"""foithread.dask: the Dask bag and message frame equal the serial output on the same inputs."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

from conftest import FIXTURES, ROOT  # noqa: E402

import foithread.dask as fd  # noqa: E402
from foithread.batch import expand, parse_many, parse_one  # noqa: E402
from foithread.errors import ParseError  # noqa: E402
from foithread.exporters import RECORD_FIELDS, to_records  # noqa: E402

CASES = FIXTURES / "cases"
# inputs that fail to parse (bad JSON, not a request, zip bomb, PDF-only zip), mixed with good ones
MIXED = [
    str(CASES / "wdtk-mod-ncnd-s23-s24.txt"),
    str(FIXTURES / "json" / "wdtk-truncated.json"),
    str(FIXTURES / "json" / "wdtk-eir-minimal.json"),
    str(FIXTURES / "zip" / "bomb.zip"),
    str(FIXTURES / "zip" / "pdf-only.zip"),
    str(FIXTURES / "no-such-file.txt"),
    str(CASES / "mbox-harrogate-taxi-licences.mbox"),
]


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.fixture(scope="module")
def case_paths() -> list[str]:
    paths = expand(CASES)
    assert len(paths) >= 10
    return paths


@pytest.fixture(scope="module")
def serial(case_paths: list[str]) -> list[dict[str, Any]]:
    return [parse_one(p).to_dict() for p in case_paths]


def serial_rows(paths: list[str]) -> list[dict[str, Any]]:
    return [row for r in parse_many(paths) if r.thread is not None for row in to_records(r.thread)]


def frame_rows(frame: Any) -> list[dict[str, Any]]:
    """A computed frame's rows as plain dicts, ``<NA>`` as ``None``."""
    plain = frame.astype(object).where(frame.notna(), None)
    return plain.to_dict("records")


def assert_schema(frame: Any, schema: Any) -> None:
    assert list(frame.columns) == list(schema)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        c: str(pd.api.types.pandas_dtype(t)) for c, t in schema.items()
    }


# --------------------------------------------------------------------------- import / packaging


def test_module_does_not_shadow_the_dask_package() -> None:
    assert fd.__name__ == "foithread.dask"
    assert fd.db.__name__ == "dask.bag" and fd.dd.__name__ == "dask.dataframe"
    assert fd.db is sys.modules["dask.bag"] and sys.modules["dask"] is dask
    dask_file = Path(str(dask.__file__))
    assert dask_file.name == "__init__.py" and dask_file.parent.name == "dask"
    assert "foithread" not in dask_file.parts
    assert hasattr(dask, "bag") and hasattr(dask, "dataframe")
    for root in (ROOT, ROOT / "src", ROOT / "tests"):  # nothing on a usual sys.path entry
        assert not (root / "dask.py").exists() and not (root / "dask").exists()


def test_import_in_a_fresh_interpreter() -> None:
    code = (
        "import os, dask, dask.bag, foithread.dask as fd; "
        "assert fd.db is dask.bag and fd.__name__ == 'foithread.dask'; "
        "assert os.path.dirname(dask.__file__) != os.path.dirname(fd.__file__)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


# --------------------------------------------------------------------------- the bag


def test_bag_equals_serial_output_in_order(case_paths: list[str], serial: list[dict[str, Any]]) -> None:
    bag = fd.read_threads(case_paths)
    assert bag.npartitions > 1
    assert bag.compute() == serial
    assert serial == [r.to_dict() for r in parse_many(case_paths)]


@pytest.mark.parametrize("target", ["dir", "glob", "recursive-glob", "pathlike"])
def test_directory_and_glob_inputs(target: str, serial: list[dict[str, Any]]) -> None:
    given: Any = {
        "dir": str(CASES),
        "glob": str(CASES / "*"),
        "recursive-glob": str(CASES / "**" / "*.*"),
        "pathlike": CASES,
    }[target]
    assert fd.read_threads(given).compute() == serial


@pytest.mark.parametrize(
    "kwargs",
    [{"npartitions": 1}, {"npartitions": 4}, {"partition_size": 1}, {"partition_size": 5}, {"npartitions": 1000}],
)
def test_partitioning_does_not_change_the_output(kwargs: dict[str, Any], serial: list[dict[str, Any]]) -> None:
    assert fd.read_threads(CASES, **kwargs).compute() == serial


def test_failures_are_recorded_not_raised() -> None:
    out = fd.read_threads(MIXED, npartitions=3).compute()
    assert out == [r.to_dict() for r in parse_many(MIXED)]
    assert [r["source"] for r in out] == MIXED
    errors = [r for r in out if "error" in r]
    assert {r["source"] for r in errors} >= {MIXED[1], MIXED[3], MIXED[5]}  # known-bad inputs
    assert all(set(r) == {"source", "error"} and r["error"] for r in errors)


def test_errors_skip_and_raise() -> None:
    kept = fd.read_threads(MIXED, errors="skip").compute()
    assert kept == [r.to_dict() for r in parse_many(MIXED) if r.ok]
    assert MIXED[1] not in {r["source"] for r in kept}
    with pytest.raises((ParseError, OSError)):
        fd.read_threads(MIXED, errors="raise").compute()
    with pytest.raises(ParseError):
        fd.read_threads([MIXED[1]], errors="raise").compute()
    assert fd.read_threads([MIXED[0]], errors="raise").compute() == [parse_one(MIXED[0]).to_dict()]


def test_format_is_passed_through() -> None:
    path = str(CASES / "wdtk-mod-ncnd-s23-s24.txt")
    out = fd.read_threads([path], format="text").compute()
    assert out == [parse_one(path, format="text").to_dict()]
    (bad,) = fd.read_threads([path], format="wdtk-json").compute()
    assert bad == parse_one(path, format="wdtk-json").to_dict() and "error" in bad


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        fd.read_threads(str(tmp_path / "*.eml"))
    with pytest.raises(FileNotFoundError):
        fd.read_messages(tmp_path)
    with pytest.raises(ValueError):
        fd.read_threads(CASES, npartitions=2, partition_size=2)
    with pytest.raises(ValueError):
        fd.read_threads(CASES, partition_size=0)
    with pytest.raises(ValueError):
        fd.read_threads(CASES, errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        fd.read_threads(b"fixtures")  # type: ignore[arg-type]


def test_empty_list_gives_empty_bag_and_frame() -> None:
    assert fd.read_threads([]).compute() == []
    frame = fd.read_messages([]).compute()
    assert len(frame) == 0
    assert_schema(frame, fd.MESSAGE_SCHEMA)


def test_graph_is_deterministic_and_picklable(case_paths: list[str]) -> None:
    assert fd.read_threads(case_paths).name == fd.read_threads(case_paths).name
    assert fd.read_threads(case_paths).name != fd.read_threads(case_paths, format="text").name
    graph = dict(fd.read_threads(case_paths, errors="skip").__dask_graph__())
    assert pickle.loads(pickle.dumps(graph)).keys() == graph.keys()
    assert pickle.loads(pickle.dumps(fd.MESSAGE_SCHEMA)) == fd.MESSAGE_SCHEMA


def test_thread_from_dict_round_trips(case_paths: list[str]) -> None:
    threads = [r.thread for r in parse_many([*case_paths, MIXED[2]]) if r.thread is not None]
    assert len(threads) >= len(case_paths) // 2
    for thread in threads:
        assert fd.thread_from_dict(thread.to_dict()) == thread


# --------------------------------------------------------------------------- the message frame


def test_schema_is_the_published_record_schema() -> None:
    assert tuple(fd.MESSAGE_SCHEMA) == RECORD_FIELDS
    assert fd.MESSAGE_SCHEMA["message_index"] == "int64" and fd.MESSAGE_SCHEMA["confidence"] == "float64"
    assert all(
        fd.MESSAGE_SCHEMA[c] == "string[pyarrow]" for c in RECORD_FIELDS if c not in ("message_index", "confidence")
    )
    assert list(fd.ERROR_SCHEMA) == ["source", "error"]
    with pytest.raises(AttributeError):
        fd.MESSAGE_SCHEMA._items = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        fd.MESSAGE_SCHEMA["message_index"] = "int32"  # type: ignore[index]


def test_message_frame_equals_serial_records(case_paths: list[str], serial: list[dict[str, Any]]) -> None:
    frame = fd.read_messages(case_paths, npartitions=4)
    assert_schema(frame, fd.MESSAGE_SCHEMA)  # the lazy frame's meta
    local = frame.compute()
    assert_schema(local, fd.MESSAGE_SCHEMA)
    assert len(local) == sum(len(t["messages"]) for t in serial)
    assert frame_rows(local) == serial_rows(case_paths)


def test_to_message_frame_of_the_bag_equals_read_messages() -> None:
    bag = fd.read_threads(MIXED, npartitions=3).persist()
    via_bag = fd.to_message_frame(bag).compute()
    direct = fd.read_messages(MIXED, npartitions=2).compute()
    assert_schema(via_bag, fd.MESSAGE_SCHEMA)
    pd.testing.assert_frame_equal(via_bag.reset_index(drop=True), direct.reset_index(drop=True))
    assert frame_rows(direct) == serial_rows(MIXED)  # failed inputs have no rows
    assert set(direct["source"]) == {r.source for r in parse_many(MIXED) if r.thread is not None and r.thread.messages}


def test_error_frame() -> None:
    errors = fd.to_error_frame(fd.read_threads(MIXED)).compute()
    assert_schema(errors, fd.ERROR_SCHEMA)
    expected = [{"source": r.source, "error": r.error} for r in parse_many(MIXED) if not r.ok]
    assert frame_rows(errors) == expected


def test_message_frame_is_usable_lazily(case_paths: list[str]) -> None:
    frame = fd.read_messages(case_paths)
    counts = frame.groupby("kind").size().compute().to_dict()
    expected: dict[str, int] = {}
    for row in serial_rows(case_paths):
        expected[row["kind"]] = expected.get(row["kind"], 0) + 1
    assert counts == expected


# --------------------------------------------------------------------------- other schedulers


def test_processes_scheduler_matches_serial() -> None:
    """Real worker processes (spawned, 2 at most): the graph pickles and the output is the same."""
    paths = MIXED[:4]
    with dask.config.set(scheduler="processes", num_workers=2):
        bag = fd.read_threads(paths, npartitions=2).compute()
        frame = fd.read_messages(paths, npartitions=2).compute()
    assert bag == [r.to_dict() for r in parse_many(paths)]
    assert frame_rows(frame) == serial_rows(paths)


def test_threads_scheduler_matches_serial(serial: list[dict[str, Any]]) -> None:
    with dask.config.set(scheduler="threads", num_workers=2):
        assert fd.read_threads(CASES, npartitions=4).compute() == serial


def test_no_dask_py_is_importable_from_the_working_tree() -> None:
    cwd_entries = {os.path.realpath(p or os.getcwd()) for p in sys.path}
    assert os.path.realpath(ROOT / "src" / "foithread") not in cwd_entries


# --------------------------------------------------------------------------- outputs and docs/scale.md


def test_parquet_round_trip(tmp_path: Path, case_paths: list[str]) -> None:
    pytest.importorskip("pyarrow")
    fd.read_messages(case_paths, npartitions=3).to_parquet(tmp_path / "messages", write_index=False)
    back = pd.read_parquet(tmp_path / "messages")
    assert list(back.columns) == list(fd.MESSAGE_SCHEMA)
    assert frame_rows(back) == serial_rows(case_paths)


def test_jsonl_text_files_match_the_batch_records(tmp_path: Path) -> None:
    import json

    bag = fd.read_threads(MIXED, npartitions=3)
    bag.map(json.dumps, ensure_ascii=False).to_textfiles(str(tmp_path / "part-*.jsonl"), encoding="utf-8")
    lines = [line for f in sorted(tmp_path.glob("part-*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()]
    assert lines == [json.dumps(r.to_dict(), ensure_ascii=False) for r in parse_many(MIXED)]


def _doc_block(startswith: str) -> str:
    text = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    blocks = [b.split("\n", 1)[1] for b in text.split("```python")[1:]]
    (block,) = [b.split("```", 1)[0] for b in blocks if b.startswith(startswith)]
    return block


def test_docs_worker_recipe_matches_serial(case_paths: list[str]) -> None:
    """The Spark/Ray worker functions in docs/scale.md, run on pandas batches without the engines."""
    ns: dict[str, Any] = {"__name__": "foithread_jobs"}
    exec(compile(_doc_block("# foithread_jobs.py"), "docs/scale.md", "exec"), ns)
    batches = [pd.DataFrame({"path": MIXED[:3]}), pd.DataFrame({"path": MIXED[3:]})]
    spark_rows = pd.concat(list(ns["spark_messages"](iter(batches))), ignore_index=True)
    assert frame_rows(spark_rows) == serial_rows(MIXED)
    errors = pd.concat(list(ns["spark_errors"](iter(batches))), ignore_index=True)
    assert frame_rows(errors) == [{"source": r.source, "error": r.error} for r in parse_many(MIXED) if not r.ok]
    ray_frame = ns["ray_messages"](pd.DataFrame({"item": case_paths}), dtypes=dict(fd.MESSAGE_SCHEMA))
    assert_schema(ray_frame, fd.MESSAGE_SCHEMA)
    assert frame_rows(ray_frame) == frame_rows(fd.read_messages(case_paths).compute())


def test_docs_spark_type_map_covers_the_schema() -> None:
    block = _doc_block("import os")
    assert "mapInPandas" in block and "PYSPARK_PYTHON" in block
    for dtype in set(fd.MESSAGE_SCHEMA.values()) | set(fd.ERROR_SCHEMA.values()):
        assert f'"{dtype}":' in block, f"docs/scale.md SPARK_TYPES lacks {dtype}"
