"""The command line: parse, batch, demo, exit codes and error reporting."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from foithread.cli import main, sample_text

SEED_LIKE = (
    "Bus lane fines 2021\n"
    "Dear Exeter City Council,\n"
    "Please tell me how many bus lane penalty notices were issued in 2021.\n"
    "Yours faithfully,\n"
    "Alex Rowe\n"
    "Dear Mr Rowe\n"
    "Our ref: FOI/2022/0112\n"
    "We issued 4,512 bus lane penalty notices in 2021.\n"
    "Kind regards\n"
    "Information Governance Team\n"
)


def run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def thread_file(tmp_path: Path) -> Path:
    p = tmp_path / "thread.txt"
    p.write_text(SEED_LIKE, encoding="utf-8")
    return p


def test_parse_json(thread_file: Path) -> None:
    code, out, err = run(["parse", str(thread_file)])
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [m["kind"] for m in data["messages"]] == ["request", "response"]
    assert data["references"] == ["FOI/2022/0112"]
    assert data["messages"][1]["outcome"] == "information_provided"


def test_parse_jsonl_two_inputs(thread_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text(SEED_LIKE.replace("Alex Rowe", "Sam Patel"), encoding="utf-8")
    code, out, _ = run(["parse", str(thread_file), str(other), "--format", "jsonl"])
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert json.loads(lines[1])["messages"][0]["signatories"][0]["name"] == "Sam Patel"


def test_parse_csv_one_row_per_message(thread_file: Path) -> None:
    code, out, _ = run(["parse", str(thread_file), "--format", "csv"])
    import csv

    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0
    assert rows[0][:2] == ["source", "thread_authority"]
    assert len(rows) == 3
    assert rows[2][rows[0].index("kind")] == "response"


def test_parse_text_summary(thread_file: Path) -> None:
    code, out, _ = run(["parse", str(thread_file), "--format", "text"])
    assert code == 0
    assert "#1 response" in out and "FOI/2022/0112" in out


def test_missing_file_reports_and_exits_1(thread_file: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.eml"
    code, out, err = run(["parse", str(missing), str(thread_file)])
    assert code == 1
    assert str(missing) in err and "not found" in err
    assert err.count("\n") == 1
    assert json.loads(out)["messages"]  # the good file still printed


def test_unknown_input_format_is_a_usage_error(thread_file: Path) -> None:
    code, _, _ = run(["parse", str(thread_file), "--input-format", "docx"])
    assert code == 2


def test_no_command_is_a_usage_error() -> None:
    assert run([])[0] == 2


def test_bad_zip_reports_parse_error(tmp_path: Path) -> None:
    bad = tmp_path / "export.zip"
    bad.write_bytes(b"PK\x03\x04not really a zip")
    code, _, err = run(["parse", str(bad)])
    assert code == 1 and "export.zip" in err


def test_batch_continues_after_a_failure(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SEED_LIKE, encoding="utf-8")
    (src / "b.zip").write_bytes(b"PK\x03\x04broken")
    (src / "c.txt").write_text(SEED_LIKE, encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    code, _, err = run(["batch", str(src), "--out", str(out_file)])
    records = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert code == 1
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.zip", "c.txt"]
    assert "error" in records[1] and "messages" in records[2]
    assert "b.zip" in err and "2 parsed, 1 failed" in err


def test_batch_with_workers_keeps_order(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    names = ["Ann Abel", "Ben Bold", "Cat Cole", "Dan Dunn", "Eve Eady", "Fay Fox"]
    for k, name in enumerate(names):
        (src / f"t{k}.txt").write_text(SEED_LIKE.replace("Alex Rowe", name), encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    code, _, _ = run(["batch", str(src / "*.txt"), "--out", str(out_file), "--workers", "2"])
    records = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert code == 0
    assert [r["messages"][0]["signatories"][0]["name"] for r in records] == names


def test_batch_nothing_found(tmp_path: Path) -> None:
    code, _, err = run(["batch", str(tmp_path / "*.eml"), "--out", str(tmp_path / "o.jsonl")])
    assert code == 1 and "no files found" in err


def test_demo_prints_typed_messages() -> None:
    code, out, _ = run(["demo", "--format", "text"])
    assert code == 0
    for kind in ("request", "auto_acknowledgement", "acknowledgement", "response"):
        assert f" {kind} (" in out
    assert "s43(2)" in out


def test_demo_sample_is_bundled() -> None:
    assert sample_text().startswith("Pavement parking")


def test_console_script_help_and_stdin(thread_file: Path) -> None:
    exe = [sys.executable, "-m", "foithread.cli"]
    assert subprocess.run([*exe, "--help"], capture_output=True).returncode == 0
    for sub in ("parse", "batch", "demo"):
        res = subprocess.run([*exe, sub, "--help"], capture_output=True, text=True)
        assert res.returncode == 0 and "usage" in res.stdout
    res = subprocess.run([*exe, "parse", "-", "--format", "jsonl"], input=thread_file.read_bytes(), capture_output=True)
    assert res.returncode == 0
    assert json.loads(res.stdout)["messages"][0]["kind"] == "request"


def test_version_matches_the_installed_distribution(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    import foithread

    code, _out, _err = run(["--version"])  # argparse prints the version on sys.stdout
    assert code == 0
    assert (
        capsys.readouterr().out.strip() == f"foithread {foithread.__version__}" == f"foithread {version('foithread')}"
    )
