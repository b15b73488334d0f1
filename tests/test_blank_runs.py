"""Long runs of blank lines are read once (issue 10): folding them changes no output.

``foithread.stages.runs.FOLD_EDGE`` sets the run length beyond which the zoner and the
line-walking extractors fold a run; with it raised past every input here nothing is folded,
and the two parses must agree exactly (JSON of the whole thread).
"""

from __future__ import annotations

import json
from pathlib import Path

import mailparser
import pytest
from conftest import ROOT

import foithread
from foithread.readers import blankfold
from foithread.readers import email as email_reader
from foithread.stages import runs
from foithread.stages.zoner import split_lines

_HEAD = (
    "From: FOI Team <foi@council.example.gov.uk>\nTo: Jo Bloggs <request-1234-abcdef12@whatdotheyknow.com>\n"
    "Subject: Re: Freedom of Information request - Parking fines\nDate: Mon, 3 Feb 2025 10:00:00 +0000\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
)
_DISCLAIMER = "This e-mail is confidential and intended solely for the addressee. If you have received it in error"
_RULE = "-" * 31

#: name -> (text, format): long runs at the top, the end, between greeting and closing, around a
#: score line, inside a disclaimer, under a closing, before quoted history, between page-text messages
CASES = {
    "blank lines in a response": (
        _HEAD + "Dear Jo Bloggs,\n\nWe hold 12 records.\n" + "\n" * 5_000 + "Yours sincerely\n\nFOI Team\n",
        "eml",
    ),
    "lines of one space": (_HEAD + "Dear Jo,\n" + " \n" * 3_000 + "Yours sincerely,\nAnn Smith\nFOI Officer\n", "eml"),
    "tabs under a closing": (
        _HEAD + "Dear Jo,\n\nSee attached.\n\nKind regards,\n" + "\t\n" * 400 + "Ann Smith\n",
        "eml",
    ),
    "runs at both ends": (_HEAD + "\n" * 300 + "Dear Jo,\n\nNo information held.\n" + "\n" * 300, "eml"),
    "around a disclaimer and a quote": (
        _HEAD
        + "Dear Jo,\n\nThe total is 1,204 fines.\n"
        + "\n" * 250
        + _RULE
        + "\n"
        + "\n" * 220
        + _DISCLAIMER
        + "\n"
        + "\n" * 1_000
        + "On Mon, 3 Feb 2025 at 09:00, Jo Bloggs <jo@example.org> wrote:\n"
        + "\n" * 210
        + "> Please send the figures.\n"
        + "  \n" * 700
        + "> Thanks\n",
        "eml",
    ),
    "page text of two messages": (
        "Dear Exeter City Council,\n\nPlease send the minutes.\n"
        + "\n" * 400
        + "Yours faithfully,\n"
        + " \n" * 300
        + "Jo Bloggs\n\n"
        + _RULE
        + "\n"
        + "\n" * 250
        + "Dear Jo Bloggs,\n\nWe hold the minutes; they are attached.\n"
        + "\t\n" * 600
        + "Yours sincerely,\nFOI Team\n",
        "text",
    ),
}


def _json(text: str, fmt: str) -> str:
    data = text.encode() if fmt == "eml" else text
    thread = foithread.parse(data, format=fmt)
    for message in thread.messages:  # lossless, whatever is folded
        cut = message.raw
        for removed in sorted(message.removed, key=lambda r: r.span, reverse=True):
            a, b = removed.span[0] - message.span[0], removed.span[1] - message.span[0]
            cut = cut[:a] + cut[b:]
        assert cut == message.body
    return json.dumps(thread.to_dict(), sort_keys=True, default=str)


@pytest.mark.parametrize("name", list(CASES))
def test_folding_changes_no_output(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text, fmt = CASES[name]
    folded = _json(text, fmt)
    monkeypatch.setattr(runs, "FOLD_EDGE", 1_000_000)  # nothing here is that long: nothing folded
    assert _json(text, fmt) == folded


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("a\n" + "\n" * 500 + "b\n", 2 + 201),  # 500 blank lines: 100 + one for 300 + 100
        ("a\n" + "\n" * 201 + "b", 2 + 201),  # at the threshold: not folded
        ("a\n" + "\n" * 202 + "b", 2 + 201),  # one past it: folded (the middle line stands for two)
        ("a\n" + " \n" * 1_000 + "\t\n" * 1_000, 1 + 201 + 201),  # two runs of different lines
        ("\n" * 150 + "x", 151),  # short runs stay line by line
        (" " * 100 + "\n" * 2, 1 + 1),  # no run of one line (the first differs)
    ],
    ids=["500 blank", "201 blank", "202 blank", "two runs", "short run", "differing lines"],
)
def test_split_lines_folds_long_runs_and_keeps_every_offset(text: str, count: int) -> None:
    lines = split_lines(text, 7)
    assert len(lines) == count
    assert "".join(text[ln.start - 7 : ln.stop - 7] for ln in lines) == text  # contiguous, nothing lost
    for ln in lines:
        assert text[ln.start - 7 : ln.end - 7] == ln.text
        stretch = text[ln.start - 7 : ln.stop - 7]  # one line, or the copies a folded line stands for
        unit = ln.text + "\n"
        assert stretch == ln.text or stretch == unit * (len(stretch) // len(unit))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["a", *[""] * 300, "b"], ["a", *[""] * 201, "b"]),
        (["a", *[""] * 201, "b"], ["a", *[""] * 201, "b"]),
        (["", "", "a", "a", ""], ["", "", "a", "a", ""]),
    ],
    ids=["300 empty", "201 empty", "short"],
)
def test_fold_blank_cuts_runs_of_empty_strings(lines: list[str], expected: list[str]) -> None:
    assert runs.fold_blank(lines) == expected


# --- the MIME parse of an email with long blank runs (readers/blankfold.py) --------------------

_FIXTURE_EMAILS = sorted((ROOT / "fixtures").rglob("*.eml"))[:12]


def _mail_json(data: bytes) -> str:
    try:
        return json.dumps(foithread.parse(data, format="eml").to_dict(), sort_keys=True, default=str)
    except foithread.ParseError as exc:
        return f"ParseError: {exc}"


def _whole(data: bytes) -> tuple[mailparser.MailParser, list[str]]:
    mail = mailparser.parse_from_bytes(data)
    return mail, list(mail.text_plain or [])


@pytest.mark.parametrize("unit", [b"\n", b" \n", b"\r\n", b"\t\n"], ids=["lf", "space", "crlf", "tab"])
@pytest.mark.parametrize("path", _FIXTURE_EMAILS, ids=lambda p: p.name)
def test_folded_mime_parse_gives_what_the_whole_input_gives(
    path: Path, unit: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = path.read_bytes()
    head = raw.find(b"\n\n") + 1
    middle = raw.find(b"\n", len(raw) // 2) + 1
    # runs after the headers, in the middle (two, one line apart) and near the end: in text parts,
    # in HTML, attachments, preambles and base64 (where the shortcut must give way to the whole parse)
    data = raw[:head] + unit * 20_000 + raw[head:middle] + unit * 203 + b"x\n" + unit * 30_000 + raw[middle:]
    fast = _mail_json(data)
    monkeypatch.setattr(email_reader, "parse_mail", _whole)
    assert _mail_json(data) == fast


def test_folded_mime_parse_restores_every_copy() -> None:
    body = b"Dear Jo,\n" + b"\n" * 2_000_000 + b"Yours sincerely,\nFOI Team\n"
    mail, plain = blankfold.parse_mail(_HEAD.encode() + body)
    assert plain == [body.decode()]
    assert mail.subject.startswith("Re: Freedom of Information request")
