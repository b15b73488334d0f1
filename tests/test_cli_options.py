"""The command line as a user runs it (``python -m foithread`` in a subprocess): -o/--output,
-q/-v, stdin, the default output format, --limit, --rules, batch output folders and the
progress bar."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import foithread
from foithread.cli import main
from foithread.cli_options import LIMIT_NAMES, limit_setting
from foithread.exporters import ADDRESS_LABELS
from foithread.model import ADDRESS_KINDS

SRC = Path(foithread.__file__).resolve().parent.parent
REQUEST = (
    "Dear Exeter City Council,\n"
    "Please tell me how many bus lane fines were issued in 2021.\n"
    "Yours faithfully,\n"
    "Alex Rowe\n"
    "\n"
    "ACME Ltd accepts no liability for the content of this email.\n"
)
RESPONSE = (
    "Dear Mr Rowe\n"
    "Our ref: FOI/2022/0112\n"
    "We issued 4,512 penalty notices. Write to foi@exeter.example or see https://exeter.example/foi\n"
    "or call 01392 277888.\n"
    "Kind regards\n"
    "Information Governance Team\n"
)
RULES_MODULE = """\
import foithread
from foithread import Rule

RULES = foithread.DEFAULT_RULES.add("disclaimer_start", Rule("acme", r"^ACME Ltd accepts no liability"))
NOT_RULES = 42


def make():
    return RULES
"""


def cli(*argv: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "foithread", *argv],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture()
def thread_file(tmp_path: Path) -> Path:
    path = tmp_path / "thread.txt"
    path.write_text(REQUEST + RESPONSE, encoding="utf-8")
    return path


def test_python_dash_m_foithread_runs_the_command() -> None:
    res = cli("--help")
    assert res.returncode == 0 and res.stdout.startswith("usage: foithread")
    assert cli("--version").stdout.strip() == f"foithread {foithread.__version__}"


def test_stdin_is_named_stdin(thread_file: Path) -> None:
    res = cli("parse", "-", stdin=thread_file.read_bytes())
    assert res.returncode == 0 and json.loads(res.stdout)["source"] == "<stdin>"
    empty = cli("parse", "-", stdin=b"")
    assert empty.returncode == 1
    assert empty.stderr == "foithread: <stdin>: empty input: nothing to parse; source: <stdin>\n"
    assert "<bytes>" not in empty.stderr


def test_parse_and_demo_default_to_json(thread_file: Path) -> None:
    for argv in (["parse", str(thread_file)], ["demo"]):
        res = cli(*argv)
        assert res.returncode == 0
        assert json.loads(res.stdout)["messages"], argv
    assert "#0 request" in cli("demo", "--format", "text").stdout


@pytest.mark.parametrize("command", [["parse", "{input}"], ["demo"], ["schema"]])
@pytest.mark.parametrize("flag", ["-o", "--output"])
def test_output_file_with_missing_folders(thread_file: Path, tmp_path: Path, command: list[str], flag: str) -> None:
    target = tmp_path / "new" / "deeper" / "out.json"
    res = cli(*[a.replace("{input}", str(thread_file)) for a in command], flag, str(target))
    assert res.returncode == 0 and res.stdout == "" and res.stderr == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "messages" in data or "$schema" in data


def test_output_csv_to_a_file(thread_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "rows.csv"
    assert cli("parse", str(thread_file), "--format", "csv", "-o", str(target)).returncode == 0
    lines = target.read_bytes().split(b"\r\n")
    assert lines[0].startswith(b"source,") and len([x for x in lines if x]) == 3


def test_output_that_cannot_be_written(thread_file: Path, tmp_path: Path) -> None:
    res = cli("parse", str(thread_file), "-o", str(tmp_path))  # a directory
    assert res.returncode == 2 and f"foithread: {tmp_path}: cannot write" in res.stderr


def test_verbose_reports_thread_warnings_and_quiet_does_not(tmp_path: Path) -> None:
    eml = tmp_path / "m.eml"
    eml.write_bytes(
        b"From: a@b.example\nTo: c@d.example\nSubject: Test\nContent-Type: text/html\n\n<p>Dear Sir, please send x.</p>\n"
    )
    quiet, plain, loud, loud_first = (
        cli("parse", "-q", str(eml)),
        cli("parse", str(eml)),
        cli("parse", "-v", str(eml)),
        cli("-v", "parse", str(eml)),
    )
    assert quiet.stderr == plain.stderr == ""
    expected = f"foithread: {eml}: warning: no text/plain part: HTML converted to text\n"
    assert loud.stderr == loud_first.stderr == expected
    assert quiet.stdout == plain.stdout == loud.stdout
    both = cli("parse", "-q", "-v", str(eml))
    assert both.returncode == 2 and "not allowed with" in both.stderr


def test_text_output_names_each_kind_of_address(thread_file: Path) -> None:
    out = cli("parse", str(thread_file), "--format", "text").stdout
    assert "· e-mails foi@exeter.example" in out
    assert "· URLs https://exeter.example/foi" in out
    assert "· phones 01392 277888" in out
    assert "addresses" not in out
    assert set(ADDRESS_LABELS) == set(ADDRESS_KINDS)


def test_limit_error_tells_the_command_line_option(thread_file: Path) -> None:
    res = cli("parse", str(thread_file), "--limit", "max_input_bytes=10")
    assert res.returncode == 1
    assert "--limit max_input_bytes=..." in res.stderr and "limits=foithread.Limits(max_input_bytes=...)" in res.stderr
    assert cli("parse", str(thread_file), "--limit", "max_input_bytes=1M").returncode == 0


def test_zip_bomb_error_and_its_way_out(tmp_path: Path) -> None:
    bomb = Path(__file__).resolve().parent.parent / "fixtures" / "zip" / "bomb.zip"
    res = cli("parse", str(bomb))
    assert res.returncode == 1 and "--limit max_zip_" in res.stderr
    name = res.stderr.split("--limit ", 1)[1].split("=", 1)[0]
    assert name in LIMIT_NAMES


@pytest.mark.parametrize(
    "text,expected",
    [
        ("max_input_bytes=1000", ("max_input_bytes", 1000)),
        ("max_input_bytes=1_000_000", ("max_input_bytes", 1_000_000)),
        ("max_input_bytes=2G", ("max_input_bytes", 2 * 1024**3)),
        ("max_input_bytes=512MiB", ("max_input_bytes", 512 * 1024**2)),
        ("max-zip-ratio=500", ("max_zip_ratio", 500)),
        ("regex_timeout=0.5", ("regex_timeout", 0.5)),
        ("max_seconds_per_input=1e3", ("max_seconds_per_input", 1000.0)),
    ],
)
def test_limit_values(text: str, expected: tuple[str, float]) -> None:
    assert limit_setting(text) == expected


@pytest.mark.parametrize(
    "value,message",
    [
        ("max_input_bites=10", "unknown limit 'max_input_bites'; valid names: max_input_bytes, max_mime_depth"),
        ("max_input_bytes", "expected NAME=VALUE"),
        ("max_input_bytes=lots", "'lots' is not a number"),
        ("max_messages=2.5", "max_messages takes a whole number"),
        ("max_messages=0", "must be a positive number"),
    ],
)
def test_bad_limit_is_a_usage_error_naming_what_is_valid(thread_file: Path, value: str, message: str) -> None:
    res = cli("parse", str(thread_file), "--limit", value)
    assert res.returncode == 2 and message in res.stderr and "Traceback" not in res.stderr


def test_limits_combine_and_reach_batch(tmp_path: Path, thread_file: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = cli("batch", str(thread_file), "-o", str(out), "--limit", "max_messages=1", "--limit", "max_mime_depth=3")
    assert res.returncode == 1
    assert "max_messages" in json.loads(out.read_text(encoding="utf-8"))["error"]


@pytest.fixture()
def rules_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "myrules.py").write_text(RULES_MODULE, encoding="utf-8")
    (folder / "thread.txt").write_text(REQUEST, encoding="utf-8")
    return folder


def _removed(stdout: str) -> list[str]:
    return [r["kind"] for r in json.loads(stdout)["messages"][0]["removed"]]


@pytest.mark.parametrize("spec", ["myrules:RULES", "myrules:make", "myrules.py:RULES"])
def test_rules_from_a_module_of_the_current_folder(rules_dir: Path, spec: str) -> None:
    assert _removed(cli("parse", "thread.txt", cwd=rules_dir).stdout) == []
    res = cli("parse", "thread.txt", "--rules", spec, cwd=rules_dir)
    assert res.returncode == 0, res.stderr
    assert _removed(res.stdout) == ["disclaimer"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_rules_reach_batch_workers(rules_dir: Path, workers: str) -> None:
    (rules_dir / "second.txt").write_text(REQUEST, encoding="utf-8")
    res = cli("batch", "*.txt", "-o", "out/all.jsonl", "--rules", "myrules:RULES", "--workers", workers, cwd=rules_dir)
    assert res.returncode == 0, res.stderr
    records = [json.loads(x) for x in (rules_dir / "out" / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [[r["kind"] for r in t["messages"][0]["removed"]] for t in records] == [["disclaimer"]] * 2


@pytest.mark.parametrize(
    "spec,message",
    [
        ("myrules", "expected MODULE:ATTR"),
        ("nosuchmodule:RULES", "cannot import 'nosuchmodule'"),
        ("myrules:MISSING", "has no attribute 'MISSING'"),
        ("myrules:NOT_RULES", "is a int, not foithread.Rules"),
    ],
)
def test_bad_rules_are_a_usage_error(rules_dir: Path, spec: str, message: str) -> None:
    res = cli("parse", "thread.txt", "--rules", spec, cwd=rules_dir)
    assert res.returncode == 2 and message in res.stderr and "Traceback" not in res.stderr


def test_batch_creates_the_output_folder_and_quiet_drops_the_summary(thread_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "results" / "2024" / "threads.csv"
    loud = cli("batch", str(thread_file), "--output", str(out))
    assert loud.returncode == 0 and out.exists() and "1 parsed, 0 failed" in loud.stderr
    quiet = cli("batch", str(thread_file), "--out", str(out), "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal, so that batch draws its progress bar."""

    def isatty(self) -> bool:
        return True


def _after_bar(stderr: str) -> list[str]:
    """What each stderr line shows once the terminal has applied its carriage returns."""
    return [line.rsplit("\r", 1)[-1] for line in stderr.split("\n")]


def test_batch_failures_are_written_above_the_progress_bar(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REQUEST, encoding="utf-8")
    (folder / "b.zip").write_bytes(b"PK\x03\x04broken")
    (folder / "c.txt").write_text(REQUEST, encoding="utf-8")
    err = _Terminal()
    code = main(["batch", str(folder), "-o", str(tmp_path / "out.jsonl")], out=io.StringIO(), err=err)
    shown = _after_bar(err.getvalue())
    assert code == 1 and "%|" in err.getvalue()  # the bar was drawn
    failures = [line for line in shown if "b.zip" in line]
    assert len(failures) == 1 and failures[0].startswith(f"foithread: {folder / 'b.zip'}: ")
    assert shown[-2].startswith("foithread: 2 parsed, 1 failed")


def test_batch_write_error_is_not_inside_the_bar(tmp_path: Path, thread_file: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    err = _Terminal()
    code = main(["batch", str(thread_file), "-o", str(blocked / "sub" / "out.jsonl")], out=io.StringIO(), err=err)
    shown = _after_bar(err.getvalue())
    assert code == 2
    assert any(line.startswith(f"foithread: {blocked / 'sub' / 'out.jsonl'}: cannot write: ") for line in shown)
