"""Property tests: whatever the input, ParseError or a lossless, deterministic thread, in bounded time.

Inputs are generated text and bytes, FOI-shaped text built from typical lines, and mutations of
the project's fixtures (truncation, byte flips, charset re-encoding, duplicated MIME boundaries,
deep ``>`` nesting, giant dash lines, CR-only line endings, splices). For every one:

- nothing but :class:`foithread.ParseError` escapes, and never an ``internal`` one;
- a thread is lossless (``raw`` = ``body`` + ``removed``, by span) and, for text, every span
  indexes the decoded input; its ``to_dict()`` is JSON-ready;
- parsing twice gives the same result, and so does another process with another PYTHONHASHSEED;
- each parse takes less than :data:`BOUND` seconds (inputs here are at most ~200 KB).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, assert_lossless
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import foithread
from foithread import ParseError
from foithread.readers.text import decode_bytes, normalise_newlines

BOUND = 30.0  # seconds per parse: a hang guard, not a speed target (CI machines under load vary)
FORMATS: tuple[str | None, ...] = (None, *foithread.FORMATS)

CI = settings(
    deadline=timedelta(seconds=BOUND),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)

FIXTURE_FILES = sorted(
    p
    for sub in ("cases", "html", "json", "zip")
    for p in (FIXTURES / sub).iterdir()
    if p.suffix in (".txt", ".eml", ".mbox", ".html", ".json", ".zip")
)
_OWN_FORMAT = {
    ".txt": "text",
    ".eml": "eml",
    ".mbox": "mbox",
    ".html": "html",
    ".json": "wdtk-json",
    ".zip": "wdtk-zip",
}
_DATA = {p: p.read_bytes() for p in FIXTURE_FILES}


def outcome(source: str | bytes, format: str | None = None) -> tuple[str, Any]:
    """("ok", to_dict) or ("error", message), checking every guarantee on the way."""
    started = time.perf_counter()
    try:
        thread = foithread.parse(source, format=format)
    except ParseError as exc:
        assert not exc.internal, f"internal error: {exc!r} caused by {exc.__cause__!r}"
        result: tuple[str, Any] = ("error", str(exc))
    else:
        assert_lossless(thread)
        if thread.format == "text":
            assert_spans_index(thread, decoded(source))
        data = thread.to_dict()
        json.dumps(data)
        result = ("ok", data)
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND, f"{elapsed:.2f}s for {len(source)} units"
    return result


def decoded(source: str | bytes) -> str | None:
    """The text reader's decoded input, when it can be reconstructed here."""
    if isinstance(source, bytes):
        if source.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None
        source = decode_bytes(source)[0]
    return normalise_newlines(source).replace("\x00", "")


def assert_spans_index(thread: foithread.Thread, text: str | None) -> None:
    if text is None:
        return
    for m in thread.messages:
        assert text[m.span[0] : m.span[1]] == m.raw
        for r in m.removed:
            assert text[r.span[0] : r.span[1]] == r.text


def check(source: str | bytes, format: str | None = None) -> None:
    first = outcome(source, format)
    assert outcome(source, format) == first  # deterministic


# --- generated text and bytes -----------------------------------------------------------------


@settings(CI, max_examples=200)
@given(st.text(max_size=3000), st.sampled_from([None, "text"]))
def test_any_text(text: str, format: str | None) -> None:
    check(text, format)


@settings(CI, max_examples=200)
@given(st.binary(max_size=3000), st.sampled_from(FORMATS))
def test_any_bytes(data: bytes, format: str | None) -> None:
    check(data, format)


FOI_LINES = (
    "Dear Sir or Madam,",
    "Dear Brightwater Council,",
    "Yours sincerely,",
    "Yours faithfully,",
    "Kind regards",
    "Thank you for your request for information.",
    "We do not hold this information.",
    "The information is exempt under section 40(2) of the Act.",
    "Regulation 12(4)(b) applies.",
    "s.12 costs",
    "-----Original Message-----",
    "From: Jane Doe <jane@example.gov.uk>",
    "Sent: 12 March 2024 10:00",
    "To: FOI <foi@example.gov.uk>",
    "Subject: RE: Freedom of Information request - Bins",
    "On 3 May 2024, at 10:00, A Person <a@b.example> wrote:",
    "> quoted line",
    ">> deeper quote",
    "> > > spaced",
    "-" * 31,
    "-" * 200,
    "_" * 40,
    "=" * 60,
    "*" * 70,
    "Disclaimer: This email and any attachments are confidential and intended solely for the addressee.",
    "OFFICIAL",
    "OFFICIAL-SENSITIVE",
    "Please use this email address for all replies to this request:",
    "request-1234-abcd1234@whatdotheyknow.com",
    "Is request-1234-abcd1234@whatdotheyknow.com the wrong address",
    "[name removed]",
    "[email address]",
    "Our ref: FOI/2024/0123",
    "Your ref: 01/FOI/21/021127",
    "Tel: 01234 567890",
    "http://www.example.gov.uk/foi",
    "PO Box 313, Sidcup, DA15 0HH",
    "A Person left an annotation (3 May 2024)",
    "This is an automatic reply.",
    "Delivery has failed to these recipients",
    "Attachment: response.pdf (120K)",
    "Sent request to Brightwater Council again.",
    "",
    " ",
    "\t",
    "\u00a0",
    "Diolch am eich cais.",
    "Le 3 mai 2024, A a écrit :",
    "Am 3. Mai 2024 schrieb A:",
)


@st.composite
def foi_text(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(st.sampled_from(FOI_LINES), st.text(max_size=80)), max_size=120))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    return ending.join(lines) + draw(st.sampled_from(["", ending]))


@settings(CI, max_examples=200)
@given(foi_text(), st.sampled_from([None, "text"]))
def test_foi_shaped_text(text: str, format: str | None) -> None:
    check(text, format)
    if format is None:
        check(text.encode("utf-8"))


# --- mutations of the fixtures ------------------------------------------------------------------

ENCODINGS = ("cp1252", "latin-1", "utf-16", "utf-8-sig", "cp1251", "mac_roman", "shift_jis", "utf-7", "ascii")


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [data]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, Path]:
    path = draw(st.sampled_from(FIXTURE_FILES))
    data = _DATA[path]
    op = draw(st.sampled_from(("truncate", "flip", "reencode", "boundaries", "quote", "dashes", "cr", "splice")))
    if op == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif op == "flip":
        buf = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            if buf:
                buf[draw(st.integers(0, len(buf) - 1))] ^= draw(st.integers(1, 255))
        data = bytes(buf)
    elif op == "reencode":
        enc = draw(st.sampled_from(ENCODINGS))
        data = data.decode("utf-8", "replace").encode(enc, "replace")
    elif op == "boundaries":
        lines = _lines(data)
        marks = [i for i, ln in enumerate(lines) if ln.startswith(b"--")] or [0]
        at = draw(st.sampled_from(marks))
        copies = draw(st.integers(1, 50))
        extra = lines[at] if lines[at].startswith(b"--") else b"--boundary\n"
        data = b"".join(lines[:at] + [extra] * copies + lines[at:])
    elif op == "quote":
        depth = draw(st.integers(1, 400))
        lines = _lines(data)
        a = draw(st.integers(0, len(lines)))
        b = draw(st.integers(a, len(lines)))
        data = b"".join(lines[:a] + [b">" * depth + b" " + ln for ln in lines[a:b]] + lines[b:])
    elif op == "dashes":
        lines = _lines(data)
        at = draw(st.integers(0, len(lines)))
        width = draw(st.sampled_from((31, 32, 1000, 20_000, 100_000)))
        data = b"".join([*lines[:at], b"-" * width + b"\n", *lines[at:]])
    elif op == "cr":
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    else:
        other = _DATA[draw(st.sampled_from(FIXTURE_FILES))]
        at = draw(st.integers(0, len(data)))
        data = data[:at] + other[: draw(st.integers(0, len(other)))] + data[at:]
    return data, path


@settings(CI, max_examples=200)
@given(mutated())
def test_mutated_fixtures(case: tuple[bytes, Path]) -> None:
    data, path = case
    assert len(data) <= 220_000
    check(data)
    check(data, _OWN_FORMAT[path.suffix])


# --- bounded time on pathological shapes, determinism across processes ---------------------------


def _herts() -> str:
    return (FIXTURES / "cases" / "wdtk-herts-eir-reg7-extension.txt").read_text(encoding="utf-8")


PATHOLOGICAL = {
    "giant-dash-line": lambda: "-" * 100_000,
    "giant-dash-line-in-text": lambda: _herts() + "\n" + "-" * 100_000 + "1/2\n" + _herts(),
    "one-line-of-quote-marks": lambda: ">" * 100_000 + " x",
    "quote-nesting-600": lambda: "\n".join(">" * i + " hello" for i in range(1, 600)),
    "cr-only-page": lambda: _herts().replace("\n", "\r") * 20,
    "digits-and-slashes": lambda: "1/" * 90_000,
    "url-without-end": lambda: "http://" + "a" * 190_000,
    "html-nesting": lambda: "<div>" * 40_000 + "x",
    "nested-multipart": lambda: "".join(
        f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(4_000)
    ).encode(),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_inputs_take_bounded_time(name: str) -> None:
    source = PATHOLOGICAL[name]()
    assert len(source) <= 220_000
    outcome(source)


HASHSEED_FIXTURES = [
    "cases/wdtk-fire-bounce-annotation-resend.txt",
    "cases/eml-rushcliffe-bounce-multipart-report.eml",
    "cases/mbox-harrogate-taxi-licences.mbox",
    "html/wdtk-hampshire-internal-review.html",
    "zip/wdtk-wiltshire.zip",
    "json/wdtk-school-streets.json",
]
_DUMP = (
    "import json, sys, foithread\n"
    "print(json.dumps([foithread.parse(p).to_dict() for p in sys.argv[1:]], sort_keys=True))\n"
)


def test_output_is_identical_across_hash_seeds() -> None:
    paths = [str(FIXTURES / name) for name in HASHSEED_FIXTURES]
    here = json.dumps([foithread.parse(p).to_dict() for p in paths], sort_keys=True)
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        done = subprocess.run(
            [sys.executable, "-c", _DUMP, *paths], env=env, capture_output=True, text=True, timeout=120, check=True
        )
        assert done.stdout.strip() == here, f"PYTHONHASHSEED={seed} changed the output"
