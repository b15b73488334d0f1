"""The command line on bad inputs: exit status 1, one clear line per failure on stderr naming the
path, the other inputs still parsed (and, in a batch, still written)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from foithread import ParseError
from foithread.cli import main

GOOD = "Dear Exeter City Council,\nHow many bus lane fines in 2021?\nYours faithfully,\nAlex Rowe\n"


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    """One good file and a bad one of each kind, named for what is wrong with it."""
    made = {
        "good": tmp_path / "good.txt",
        "missing": tmp_path / "missing.txt",
        "missing-no-suffix": tmp_path / "no-such-file",
        "directory": tmp_path / "folder",
        "pdf": tmp_path / "response.pdf",
        "png": tmp_path / "scan.png",
        "binary": tmp_path / "blob.bin",
        "empty": tmp_path / "empty.txt",
        "docx": tmp_path / "letter.docx",
        "deep": tmp_path / "deep.eml",
    }
    made["good"].write_text(GOOD, encoding="utf-8")
    made["directory"].mkdir()
    made["pdf"].write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    made["png"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    made["binary"].write_bytes(bytes(range(256)) * 8)
    made["empty"].write_bytes(b"")
    _docx(made["docx"])
    deep = b"".join(f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n".encode() for i in range(50))
    made["deep"].write_bytes(b"From: a@b.example\nTo: c@d.example\n" + deep)
    return made


EXPECTED_PROBLEM = {
    "missing": "file not found",
    "missing-no-suffix": "file not found",  # a command-line argument is a path, never text
    "directory": "directory",
    "pdf": "PDF document",
    "png": "PNG image",
    "binary": "binary",
    "empty": "empty input",
    "docx": "no correspondence.txt",
    "deep": "max_mime_depth",
}


def _assert_one_line_each(err: str, paths: list[Path]) -> list[str]:
    lines = err.splitlines()
    assert len(lines) == len(paths), lines
    for line, path in zip(lines, paths, strict=False):
        assert line.startswith(f"foithread: {path}: "), line
    return lines


@pytest.mark.parametrize("kind", sorted(EXPECTED_PROBLEM))
def test_each_bad_input_fails_with_one_line(inputs: dict[str, Path], kind: str) -> None:
    code, out, err = run(["parse", str(inputs[kind])])
    assert code == 1 and out == ""
    [line] = _assert_one_line_each(err, [inputs[kind]])
    assert EXPECTED_PROBLEM[kind] in line and "Traceback" not in line


def test_parse_carries_on_past_failures(inputs: dict[str, Path]) -> None:
    order = ["good", "missing", "pdf", "good", "directory", "empty", "good"]
    code, out, err = run(["parse", *[str(inputs[k]) for k in order], "--format", "jsonl"])
    assert code == 1
    assert len(out.strip().splitlines()) == 3  # the three good inputs, all printed
    _assert_one_line_each(err, [inputs[k] for k in order if k != "good"])


def test_fifo_fails_at_once_instead_of_blocking(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.eml"
    os.mkfifo(fifo)
    code, _, err = run(["parse", str(fifo)])
    assert code == 1 and "not a regular file" in err and len(err.splitlines()) == 1


def test_unreadable_file(tmp_path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads anything: chmod 000 does not make a file unreadable")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        code, _, err = run(["parse", str(locked)])
    finally:
        locked.chmod(0o600)
    assert code == 1 and "cannot read file" in err and len(err.splitlines()) == 1


def test_unknown_input_format_option_is_a_usage_error(inputs: dict[str, Path]) -> None:
    code, out, _ = run(["parse", str(inputs["good"]), "--input-format", "docx"])
    assert code == 2 and out == ""


def test_forced_format_mismatch_fails_cleanly(inputs: dict[str, Path]) -> None:
    for fmt in ("wdtk-zip", "wdtk-json"):  # (text is valid HTML, and an mbox of one headerless entry)
        code, _, err = run(["parse", str(inputs["good"]), "--input-format", fmt])
        assert code == 1, fmt
        [line] = _assert_one_line_each(err, [inputs["good"]])
        assert f"format: {fmt}" in line


def test_multiline_problems_are_folded_onto_one_line(inputs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ParseError("first line\nsecond line\r\nthird")

    monkeypatch.setattr("foithread.cli.parse", broken)
    code, _, err = run(["parse", str(inputs["good"])])
    assert code == 1 and err == f"foithread: {inputs['good']}: first line second line third\n"


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_carries_on_and_records_every_failure(inputs: dict[str, Path], tmp_path: Path, workers: int) -> None:
    out_file = tmp_path / "out.jsonl"
    code, _, err = run(["batch", str(inputs["good"].parent), "--out", str(out_file), "--workers", str(workers)])
    assert code == 1
    records = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    files = sorted(str(p) for p in inputs.values() if p.is_file())
    assert [r["source"] for r in records] == files  # every file, in order, good or bad
    failed = [r for r in records if "error" in r]
    assert [r["source"] for r in records if "messages" in r] == [str(inputs["good"])]
    lines = err.splitlines()
    assert len(lines) == len(failed) + 1 and lines[-1].endswith(
        f"1 parsed, {len(failed)} failed; written to {out_file}"
    )
    for record, line in zip(failed, lines, strict=False):
        assert line.startswith(f"foithread: {record['source']}: ") and "\n" not in record["error"]


def test_batch_of_nothing(tmp_path: Path) -> None:
    code, _, err = run(["batch", str(tmp_path / "nothing-here-*.txt"), "--out", str(tmp_path / "o.jsonl")])
    assert code == 1 and err.count("\n") == 1 and "no files found" in err


def test_real_process_exit_status_and_stderr(inputs: dict[str, Path]) -> None:
    """Through the interpreter, as a user runs it: no traceback, status 1, one line per failure."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    paths = [str(inputs["good"]), str(inputs["pdf"]), str(inputs["missing"]), str(FIXTURES / "zip" / "bomb.zip")]
    done = subprocess.run(
        [sys.executable, "-m", "foithread.cli", "parse", *paths, "--format", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("foithread: ") for line in lines), lines
    assert "zip bomb" in lines[2] and "Traceback" not in done.stderr
