"""Issue 10 (reliability), input side: each reproducer of a broken promise of docs/reliability.md.

The inputs come from ``benchmarks/adversarial.py`` (one builder per case, shared with the
benchmark that prints the real figures); the bounds here are generous hang guards, not speed
targets.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

import foithread
from foithread import ParseError
from foithread.batch import expand
from foithread.cli import EXIT_BROKEN_PIPE, main

_SPEC = importlib.util.spec_from_file_location("adversarial", ROOT / "benchmarks" / "adversarial.py")
assert _SPEC is not None and _SPEC.loader is not None
adv = importlib.util.module_from_spec(_SPEC)
sys.modules["adversarial"] = adv
_SPEC.loader.exec_module(adv)

BOUND = 10.0  # seconds: a hang guard; benchmarks/adversarial.py prints the real figures
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def timed_parse(source: object, **kwargs: object) -> tuple[foithread.Thread, float]:
    start = time.perf_counter()
    thread = foithread.parse(source, **kwargs)  # type: ignore[arg-type]
    return thread, time.perf_counter() - start


# --- item 10: one rule tells a str path from text ------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["nonexistent.txt", "request.eml", "exports/thread", "https://www.whatdotheyknow.com/request/bus_lane_fines"],
)
def test_a_str_that_looks_like_a_missing_file_raises_file_not_found(source: str) -> None:
    with pytest.raises(ParseError, match="file not found") as info:
        foithread.parse(source)
    assert info.value.source == source
    with pytest.raises(ParseError, match="file not found"):
        list(foithread.iter_parse(source))


@pytest.mark.parametrize(
    ("source", "format"),
    [
        ("https://www.whatdotheyknow.com/request/bus_lane_fines", "text"),
        ("nonexistent.txt", "text"),
        ("Dear Exeter City Council, how many bus lane fines were issued in 2021?", None),
    ],
)
def test_a_str_that_is_text_parses_as_text(source: str, format: str | None) -> None:
    thread = foithread.parse(source, format=format)
    assert [m.raw for m in thread.messages] == [source]


def test_parse_text_never_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "thread.txt"
    path.write_text("Dear Council,\nPlease send the minutes.\nYours faithfully,\nAlex\n", encoding="utf-8")
    assert foithread.parse_text(str(path)).messages[0].raw == str(path)
    assert "Please send the minutes." in foithread.parse(str(path)).messages[0].raw
    with pytest.raises(ParseError, match="expects a str"):
        foithread.parse_text(path)  # type: ignore[arg-type]


def test_dask_reads_a_missing_path_as_missing(tmp_path: Path) -> None:
    fd = pytest.importorskip("foithread.dask")
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(ParseError, match="file not found"):
        fd.read_threads([missing], errors="raise").compute(scheduler="sync")
    assert fd.read_threads([missing]).compute(scheduler="sync")[0]["error"].startswith("file not found")


# --- item 11: `foithread parse ... | head -1` ----------------------------------------------


def test_cli_exits_quietly_when_the_pipe_closes(tmp_path: Path) -> None:
    paths = [str(p) for p in sorted((FIXTURES / "cases").glob("*.eml"))] * 8
    proc = subprocess.Popen(
        [sys.executable, "-m", "foithread.cli", "parse", *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == EXIT_BROKEN_PIPE
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_cli_main_reports_a_broken_pipe_as_its_status() -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    assert main(["demo"], out=Closed(), err=io.StringIO()) == EXIT_BROKEN_PIPE


# --- item 6: batch lists what it cannot read ------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")
def test_batch_reports_fifos_symlink_loops_and_dangling_symlinks(tmp_path: Path) -> None:
    folder = adv.odd_entries_folder(tmp_path / "inbox")
    expected = {
        "pipe": "not a regular file",
        "loop-a": "Too many levels of symbolic links",
        "loop-b": "Too many levels of symbolic links",
        "dangling.eml": "dangling symlink",
    }
    listed = {Path(p).name for p in expand(folder)}
    assert listed == {"good.txt", *expected}
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "foithread.cli", "batch", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert proc.returncode == 1
    records = {Path(r["source"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {"good.txt", *expected}
    for name, reason in expected.items():
        assert reason in records[name]["error"]
        assert f"{name}: " in proc.stderr and reason in proc.stderr
    assert "1 parsed, 4 failed" in proc.stderr


# --- item 2: HTML bounded before BeautifulSoup --------------------------------------------


@pytest.mark.parametrize(
    ("build", "outcome"),
    [
        (lambda: adv.html_comments(20_000), "no text"),
        (lambda: adv.html_comments(200_000), "no text"),
        (lambda: adv.html_nesting(100_000), "Dear Council,"),
        (lambda: b"<html><body><p>Dear Council,</p>" + b"<a " * 50_000, "Dear Council,"),
    ],
)
def test_hostile_html_is_bounded(build: object, outcome: str) -> None:
    data = build()  # type: ignore[operator]
    start = time.perf_counter()
    try:
        thread = foithread.parse(data)
    except ParseError as exc:
        assert outcome in str(exc)
    else:
        assert thread.messages[0].raw.startswith(outcome)
        assert any("HTML" in w for w in thread.warnings)
    assert time.perf_counter() - start < BOUND


@pytest.mark.parametrize(
    ("markup", "text", "warned"),
    [
        ("<p>Dear Council,</p><!-- a note --><p>Regards</p>", "Dear Council,\n\nRegards", False),
        (
            "<p>Dear Council,</p><!--> <p>Regards</p>",
            "Dear Council,\n\n<!-->\n\nRegards",
            False,
        ),  # html.parser's reading
        ("<p>Dear Council,</p><!-- never closed <p>Regards</p>", "Dear Council,", True),
        ("<div>" * 600 + "Dear Council," + "</div>" * 600, "Dear Council,", True),
    ],
)
def test_html_guard_keeps_content_and_says_what_it_did(markup: str, text: str, warned: bool) -> None:
    from foithread.readers.htmlguard import bound_html
    from foithread.readers.htmltext import html_to_text

    bounded, found = bound_html(markup)
    assert html_to_text(bounded) == text
    assert bool(found) is warned
    if not warned:
        assert bounded is markup


# --- item 3: a dying worker ----------------------------------------------------------------


def test_parse_many_survives_a_killed_worker(tmp_path: Path) -> None:
    paths = []
    for number in range(12):
        path = tmp_path / f"{number:02}.eml"
        path.write_bytes(adv.email())
        paths.append(path)
    results = []
    for result in foithread.parse_many(paths, workers=2, chunksize=1):
        if not results:
            adv.kill_a_worker()
        results.append(result)
    assert [r.source for r in results] == [str(p) for p in paths]
    assert all(r.ok or "worker process died" in (r.error or "") for r in results)


def test_an_input_that_keeps_killing_its_worker_becomes_an_error_record(tmp_path: Path) -> None:
    from foithread import batch

    paths = [tmp_path / f"{n}.txt" for n in range(4)]
    for path in paths:
        path.write_text("Dear Council,\nPlease send the minutes.\n")
    results = list(batch._pooled([(str(p), None, foithread.DEFAULT_LIMITS) for p in paths], 2, 1, _run=_die_on_2))
    assert [r.source for r in results] == [str(p) for p in paths]
    assert [r.ok for r in results] == [True, True, False, True]
    assert results[2].error == batch.WORKER_DIED


def _die_on_2(chunk: list[tuple[str, str | None, foithread.Limits]]) -> list[foithread.Result]:
    from foithread import batch

    if chunk[0][0].endswith("2.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return batch._parse_chunk(chunk)


# --- item 4: a zip lying about its entry count ----------------------------------------------


@pytest.mark.parametrize("claimed", [1, 0, 0xFFFF])
def test_zip_central_directory_is_counted_not_trusted(claimed: int) -> None:
    data = adv.forged_zip(30_000, claimed=claimed)
    start = time.perf_counter()
    with pytest.raises(ParseError) as info:
        foithread.parse(data)
    assert info.value.limit == "max_zip_members"
    assert time.perf_counter() - start < BOUND
    thread = foithread.parse(adv.forged_zip(3, claimed=claimed), format="wdtk-zip")
    assert thread.messages


# --- item 5: iter_parse reports what parse reports -----------------------------------------


def test_iter_parse_issues_the_warnings_parse_lists(tmp_path: Path) -> None:
    path = tmp_path / "inbox.mbox"
    path.write_bytes(adv.mbox_with_bad_entry())
    expected = list(foithread.parse(path).warnings)
    assert expected == ["mbox entry 2 skipped: empty email"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        messages = list(foithread.iter_parse(path))
    assert len(messages) == 2
    assert [str(w.message) for w in caught if issubclass(w.category, foithread.ParseWarning)] == expected
    with warnings.catch_warnings():
        warnings.simplefilter("error", foithread.ParseWarning)
        stream = foithread.iter_parse(path)
        next(stream)
        with pytest.raises(foithread.ParseWarning, match="entry 2 skipped"):
            next(stream)  # issued before the message after the bad entry


# --- item 7: headers with many encoded words, and many headers ------------------------------


@pytest.mark.parametrize(
    ("data", "subject", "warned"),
    [
        (adv.encoded_subject_email(50_000), "=?utf-8?q?caf=C3=A9 Freedom of Information", True),
        (adv.email(subject=" ".join(["=?utf-8?q?caf=C3=A9?="] * 100)), "café" * 100, True),
        (adv.email(subject="=?utf-8?q?caf=C3=A9?= =?iso-8859-1?q?r=E9sum=E9?="), "caférésumé", False),
        (adv.many_headers_email(100_000), "FOI-2021-0456 bus lane fines", True),
    ],
)
def test_email_headers_are_read_in_linear_time(data: bytes, subject: str, warned: bool) -> None:
    thread, seconds = timed_parse(data)
    assert seconds < BOUND
    assert (thread.messages[0].subject or "").startswith(subject)
    assert bool(thread.warnings) is warned
    assert thread.messages[0].sender is not None and thread.messages[0].sender.email == "foi@exeter.gov.uk"


# --- item 9: odd charsets degrade to a warning -----------------------------------------------


@pytest.mark.parametrize("charset", ["idna", "punycode", "utf-7", "x-no-such-charset"])
def test_an_unusable_charset_is_a_warning(charset: str) -> None:
    thread = foithread.parse(adv.charset_email(charset))
    assert "MIME defect: CharsetDecodeDefect" in thread.warnings
    assert "enclosed with this letter" in thread.messages[0].raw


def test_an_unusable_charset_in_a_multipart_email_is_a_warning() -> None:
    data = (
        b"From: foi@exeter.gov.uk\nTo: alex@example.org\nSubject: FOI\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\n'
        b"Content-Type: text/plain; charset=idna\n\nDear Alex, caf\xc3\xa9.\n--b1--\n"
    )
    thread = foithread.parse(data)
    assert thread.messages[0].raw.startswith("Dear Alex")
    assert thread.warnings


def test_iter_parse_of_bytes_issues_the_thread_warnings_too() -> None:
    data = adv.charset_email("idna")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        messages = list(foithread.iter_parse(data))
    assert len(messages) == 1
    assert [str(w.message) for w in caught] == list(foithread.parse(data).warnings)
