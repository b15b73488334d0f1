"""Reliability and security: any input, a clear answer, nothing lost (docs/reliability.md).

- every file under ../shared/corpus, asserted file by file with its expected outcome;
- hostile and damaged inputs: ParseError (only), naming source, format and place;
- every limit in :class:`foithread.Limits`: exceeded → ParseError naming the limit;
- zip safety (path traversal, bombs, nesting, no disk writes) and HTML safety (no network,
  no external entities, scripts and styles ignored), watched through audit hooks.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, FIXTURES, assert_lossless

import foithread
from foithread import Limits, ParseError
from foithread.readers.text import decode_bytes, normalise_newlines

OK = "ok"
ERROR = "ParseError"
Expected = str | tuple[str, tuple[str, ...]]

# ---------------------------------------------------------------------------------------------
# The shared corpus, file by file. Checked by hand: every file is real correspondence (or prose)
# that foithread can read, so every one must parse; Alaveteli's deliberately broken MIME parses
# best-effort, and the damage we can see is listed in ``thread.warnings`` (the substrings below).
# ``AddressHeaderDefect`` comes from Alaveteli's EMAIL_FROM/EMAIL_TO placeholders and is not asserted.
# ---------------------------------------------------------------------------------------------


def ok(*warnings: str) -> tuple[str, tuple[str, ...]]:
    return (OK, warnings)


NO_TEXT = "no readable text part"
CHARSET = "CharsetDecodeDefect"
NO_CLOSE = "CloseBoundaryNotFoundDefect"
HTML_ONLY = "no text/plain part: HTML converted to text"
NOT_WDTK = "not a WhatDoTheyKnow request page"

CORPUS_EXPECTED: dict[str, Expected] = {
    "README.md": OK,  # prose about the corpus: read as page text
    "seed/wdtk-met-uyghur-2021.txt": OK,
    "webis-enron-train/README.md": OK,
    "webis-enron-train/enron-train.jsonl": ERROR,  # JSON Lines is no input format: refused at its second line
    **{f"alaveteli/email-folding-example-{n}.txt{x}": OK for n in range(1, 12) for x in ("", ".expected")},
    "alaveteli/apple-mail-with-attachments.eml": OK,
    "alaveteli/autoresponse-header.eml": OK,
    "alaveteli/bcc-contact-reply.eml": OK,
    "alaveteli/document-pdf.eml": OK,
    "alaveteli/dos-linebreaks.eml": OK,
    "alaveteli/empty-8bit.eml": ok(NO_TEXT),
    "alaveteli/empty-return-path.eml": OK,
    "alaveteli/forward-quoting-example-2.eml": OK,
    "alaveteli/forward-quoting-example.eml": OK,
    "alaveteli/humberside-police-odd-mime-type.eml": OK,
    "alaveteli/incoming-request-attach-attachments.eml": OK,
    "alaveteli/incoming-request-attachment-headers.eml": OK,
    "alaveteli/incoming-request-attachment-unknown-extension.eml": OK,
    "alaveteli/incoming-request-bad-uuencoding-2.eml": OK,
    "alaveteli/incoming-request-bad-uuencoding.eml": OK,  # the broken uuencode stays in the body
    "alaveteli/incoming-request-empty.eml": ok(NO_TEXT),
    "alaveteli/incoming-request-oft-attachments.eml": OK,
    "alaveteli/incoming-request-pdf-attachment.eml": OK,
    "alaveteli/incoming-request-plain.eml": OK,
    "alaveteli/incoming-request-tnef-attachments.eml": ok("unsupported type", CHARSET),
    "alaveteli/incoming-request-tnef-only.eml": ok(NO_TEXT),
    "alaveteli/incoming-request-two-same-name.eml": OK,
    "alaveteli/inline-uuencode.eml": OK,
    "alaveteli/iso8859_1_with_extended_character_set.eml": OK,
    "alaveteli/iso8859_2_raw_email.eml": OK,
    "alaveteli/lotus-notes-quoting.eml": OK,
    "alaveteli/malformed-to-and-cc.eml": OK,
    "alaveteli/many-attachments-date-header.eml": ok(CHARSET),
    "alaveteli/mislabelled-as-iso-8859-1.eml": ok("C1 control characters"),
    "alaveteli/multipart-no-final-boundary.eml": ok(NO_CLOSE, HTML_ONLY),
    "alaveteli/multipart-unicode-unix-endings.eml": OK,
    "alaveteli/multiple-unquoted-display-names.eml": OK,
    "alaveteli/nested-attachments-premature-end.eml": OK,
    "alaveteli/no-body.eml": ok(NO_TEXT),
    "alaveteli/no-part-charset-bad-utf8.eml": ok(CHARSET),
    "alaveteli/no-part-charset-random-data.eml": ok(CHARSET),
    "alaveteli/non-utf8-filename.eml": OK,
    "alaveteli/normal-contact-reply.eml": OK,
    "alaveteli/part-without-charset-in-content-type.eml": ok(CHARSET),
    "alaveteli/pro-contact-reply.eml": OK,
    "alaveteli/quoted-subject-iso8859-1.eml": OK,
    "alaveteli/raw_email_1.eml": OK,
    "alaveteli/raw_email_2.eml": OK,
    "alaveteli/raw_email_3.eml": OK,
    "alaveteli/raw_email_4.eml": OK,
    "alaveteli/raw_email_5.eml": OK,
    "alaveteli/rfc822-attachment.eml": OK,
    "alaveteli/russian.eml": OK,  # the file itself is double-encoded UTF-8: read as it stands
    "alaveteli/simple-uuencoded-attachment.eml": OK,
    "alaveteli/space-boundary.eml": OK,
    "alaveteli/subject-bad-utf-8-trailing-base64.eml": OK,
    "alaveteli/subject-bad-utf-8-trailing-quoted-printable.eml": OK,
    "alaveteli/tnef-attachment-empty.eml": OK,
    "alaveteli/tnef-attachment-truncated.eml": OK,
    **{
        f"alaveteli/track-response-{n}.eml": OK
        for n in (
            "abcmail-oof",
            "exchange-oof-1",
            "exim-bounce",
            "generic-oof",
            "lotus-oof-1",
            "messageclass-oof",
            "messagelabs-oof-1",
            "ms-bounce",
            "multipart-report",
            "outlook-oof",
            "webshield-bounce",
        )
    },
    "alaveteli/unrecognized-encoding-mail.eml": ok(NO_CLOSE, NO_TEXT),  # hz-gb-2312 parts, all empty
    "alaveteli/utf-7-conversion.eml": OK,
    "alaveteli/utf-7-subject.eml": ok(HTML_ONLY),
    **{
        f"talon/html_replies/{n}.html": ok(NOT_WDTK)
        for n in (
            "gmail",
            "hotmail",
            "mail_ru",
            "ms_outlook_2003",
            "ms_outlook_2007",
            "ms_outlook_2010",
            "thunderbird",
            "windows_mail",
            "yandex_ru",
        )
    },
    **{
        f"talon/standard_replies/{n}.eml": OK
        for n in (
            "android",
            "aol",
            "apple_mail",
            "apple_mail_2",
            "comcast",
            "gmail",
            "hotmail",
            "iphone",
            "outlook",
            "sparrow",
            "thunderbird",
            "yahoo",
        )
    },
    "talon/standard_replies/iphone_reply_text": OK,
    "talon/standard_replies/sparrow_reply_text": OK,
}

CORPUS_FILES = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.exists() else []


def decoded_text(data: bytes) -> str:
    """The decoded input of the text reader: the coordinate system of its spans."""
    text, _ = decode_bytes(data)
    return normalise_newlines(text).replace("\x00", "")


def assert_spans_index(thread: foithread.Thread, text: str) -> None:
    """input[span] == raw for every message, and == text for every removed stretch."""
    for m in thread.messages:
        assert text[m.span[0] : m.span[1]] == m.raw
        for r in m.removed:
            assert text[r.span[0] : r.span[1]] == r.text


def test_every_corpus_file_has_an_expected_outcome() -> None:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus not available")
    assert sorted(CORPUS_EXPECTED) == CORPUS_FILES


@pytest.mark.parametrize("name", sorted(CORPUS_EXPECTED))
def test_corpus_file(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    expected = CORPUS_EXPECTED[name]
    outcome, warnings = (expected, ()) if isinstance(expected, str) else expected
    if outcome == ERROR:
        with pytest.raises(ParseError) as caught:
            foithread.parse(path)
        assert str(path) in str(caught.value) and not caught.value.internal
        return
    thread = foithread.parse(path)
    assert thread.messages
    for needle in warnings:
        assert any(needle in w for w in thread.warnings), (needle, thread.warnings)
    assert_lossless(thread)
    if thread.format == "text":
        assert_spans_index(thread, decoded_text(path.read_bytes()))
    data = thread.to_dict()
    assert data["warnings"] == list(thread.warnings)
    json.dumps(data)
    assert foithread.parse(path).to_dict() == data  # deterministic
    assert foithread.parse(path.read_bytes()).to_dict()["messages"] == data["messages"]  # path or bytes alike


def test_mislabelled_charset_is_read_as_windows_1252() -> None:
    path = CORPUS / "alaveteli" / "mislabelled-as-iso-8859-1.eml"
    if not path.exists():
        pytest.skip("corpus absent")
    assert "NEXT \u2013 REQUEST" in foithread.parse(path).messages[0].raw


@pytest.mark.parametrize("path", sorted((FIXTURES / "cases").glob("*.txt")), ids=lambda p: p.name)
def test_fixture_spans_index_the_decoded_input(path: Path) -> None:
    data = path.read_bytes()
    thread = foithread.parse(data)
    assert_lossless(thread)
    assert_spans_index(thread, decoded_text(data))
    crlf = foithread.parse(data.replace(b"\n", b"\r\n"))  # CRLF → LF: same spans, same result
    assert crlf.to_dict() == thread.to_dict()


# ---------------------------------------------------------------------------------------------
# Errors: one type, informative
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "format", "needle"),
    [
        (b"", None, "empty input"),
        ("   \n\t\n", None, "empty input"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", None, "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), None, "Outlook .msg"),
        (bytes(range(32)) * 64, None, "binary"),
        (b"PK\x03\x04" + bytes(60), None, "zip"),
        (b'{"title": ', None, "invalid JSON"),
        (b" \r\n", "eml", "empty input"),
        (b"<html><body><div class='request-header'>x</div></body></html>", "html", "correspondence blocks"),
        (b"From nobody\n\n", "mbox", "mbox"),
        (b"Dear Sir", "pdf", "unknown format"),
        (12345, None, "unsupported source type"),
        ("no/such/dir/thread.eml", None, "file not found"),
    ],
)
def test_bad_input_raises_parse_error(source: Any, format: str | None, needle: str | None) -> None:
    with pytest.raises(ParseError) as caught:
        foithread.parse(source, format=format)
    exc = caught.value
    assert isinstance(exc, ValueError) and not exc.internal
    if needle:
        assert needle in str(exc)


def test_parse_error_names_source_format_and_place(tmp_path: Path) -> None:
    path = tmp_path / "request.json"
    path.write_bytes(b'{"title": "x",\n "info_request_events": [}')
    with pytest.raises(ParseError) as caught:
        foithread.parse(path)
    exc = caught.value
    assert (exc.source, exc.format) == (str(path), "wdtk-json") and exc.where and "line 2" in exc.where
    assert str(path) in str(exc) and "wdtk-json" in str(exc)
    with pytest.raises(ParseError, match="<bytes>"):
        foithread.parse(path.read_bytes())


def test_directory_and_fifo_are_refused_without_blocking(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="directory"):
        foithread.parse(tmp_path)
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for call in (foithread.parse, lambda p: list(foithread.iter_parse(p))):
        with pytest.raises(ParseError, match="not a regular file"):
            call(fifo)


def test_parse_error_survives_pickling() -> None:
    import pickle

    exc = ParseError("x", source="a", format="eml", where="line 3", limit="max_messages")
    back = pickle.loads(pickle.dumps(exc))
    assert (str(back), back.source, back.format, back.where, back.limit) == (
        str(exc),
        "a",
        "eml",
        "line 3",
        "max_messages",
    )


def test_unexpected_failures_become_internal_parse_errors(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from foithread import pipeline

    def broken(*args: object, **kwargs: object) -> Iterator[object]:
        raise KeyError("boom")
        yield  # pragma: no cover

    monkeypatch.setattr(pipeline, "iter_messages", broken)
    monkeypatch.setattr("foithread.api.iter_messages", broken)
    with pytest.raises(ParseError) as caught:
        foithread.parse(b"Dear Sir,\nPlease.\n")
    assert caught.value.internal and "internal error: KeyError" in str(caught.value)
    assert caught.value.source == "<bytes>" and isinstance(caught.value.__cause__, KeyError)
    mbox = tmp_path / "box.mbox"
    mbox.write_bytes((FIXTURES / "cases" / "mbox-harrogate-taxi-licences.mbox").read_bytes())
    with pytest.raises(ParseError) as caught:
        list(foithread.iter_parse(mbox))  # raised while iterating: still a ParseError
    assert caught.value.internal and caught.value.source == str(mbox)
    results = list(foithread.batch.parse_many([mbox, tmp_path / "missing.txt"]))
    assert [r.ok for r in results] == [False, False] and "internal error" in (results[0].error or "")


def test_recoverable_damage_is_a_warning_in_to_dict() -> None:
    data = (FIXTURES / "cases" / "wdtk-university-s43-partial.txt").read_text(encoding="utf-8")
    thread = foithread.parse(data.replace("Dear", "D\u00e9ar").encode("cp1252"))
    assert thread.messages and "Windows-1252" in " ".join(thread.to_dict()["warnings"])
    eml = b"Content-Type: multipart/mixed; boundary=zz\nSubject: x\n\n--zz\nContent-Type: text/plain\n\nhello\n"
    thread = foithread.parse(eml, format="eml")
    assert "hello" in thread.messages[0].body and any("Boundary" in w for w in thread.warnings)


# ---------------------------------------------------------------------------------------------
# Limits
# ---------------------------------------------------------------------------------------------


def _limit(call: Any, name: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        call()
    assert caught.value.limit == name and f"Limits({name}=" in str(caught.value), str(caught.value)
    return caught.value


def test_defaults_are_safe_and_limits_validate() -> None:
    d = foithread.DEFAULT_LIMITS
    assert (d.max_input_bytes, d.max_mime_depth, d.max_messages, d.max_zip_depth) == (256 << 20, 20, 10_000, 1)
    with pytest.raises(ValueError):
        Limits(max_messages=0)


def test_max_input_bytes(tmp_path: Path) -> None:
    small = Limits(max_input_bytes=100)
    path = tmp_path / "big.txt"
    path.write_bytes(b"Dear Sir,\n" * 20)
    for source in (path, str(path), path.read_bytes(), path.read_text()):
        _limit(lambda source=source: foithread.parse(source, limits=small), "max_input_bytes")
    _limit(lambda: list(foithread.iter_parse(path, format="mbox", limits=small)), "max_input_bytes")
    assert foithread.parse(path, limits=Limits(max_input_bytes=200)).messages


def _nested_multipart(depth: int) -> bytes:
    head, tail = b"From: a@b.example\nTo: c@d.example\nSubject: deep\n", b""
    for level in range(depth):
        boundary = f"b{level}".encode()
        head += b"Content-Type: multipart/mixed; boundary=" + boundary + b"\n\n--" + boundary + b"\n"
        tail = b"\n--" + boundary + b"--\n" + tail
    return head + b"Content-Type: text/plain\n\nDeep inside.\n" + tail


def _nested_rfc822(depth: int) -> bytes:
    msg = b"From: a@b.example\nSubject: inner\n\nInnermost text.\n"
    for _ in range(depth):
        msg = b"From: a@b.example\nSubject: fwd\nContent-Type: message/rfc822\n\n" + msg
    return msg


def test_max_mime_depth() -> None:
    assert "Deep inside." in foithread.parse(_nested_multipart(5), format="eml").messages[0].body
    _limit(lambda: foithread.parse(_nested_multipart(21), format="eml"), "max_mime_depth")
    _limit(lambda: foithread.parse(_nested_multipart(5), limits=Limits(max_mime_depth=3)), "max_mime_depth")
    _limit(lambda: foithread.parse(_nested_rfc822(30), format="eml"), "max_mime_depth")
    _limit(lambda: foithread.parse(_nested_multipart(3000), format="eml"), "max_mime_depth")  # no recursion


def test_max_messages(tmp_path: Path) -> None:
    few = Limits(max_messages=3)
    mbox = FIXTURES / "cases" / "mbox-harrogate-taxi-licences.mbox"
    _limit(lambda: foithread.parse(mbox, limits=few), "max_messages")
    # streaming an mbox holds one entry at a time: the per-thread cap does not apply
    assert len(list(foithread.iter_parse(mbox, limits=few))) == len(foithread.parse(mbox).messages) > 3
    _limit(lambda: foithread.parse(mbox.read_bytes(), limits=few), "max_messages")
    _limit(lambda: foithread.parse(FIXTURES / "zip" / "wdtk-wiltshire.zip", limits=few), "max_messages")
    text = FIXTURES / "cases" / "wdtk-cabinet-office-internal-review.txt"
    _limit(lambda: foithread.parse(text, limits=few), "max_messages")
    assert len(foithread.parse(text).messages) > 3


def test_regex_timeout() -> None:
    data = (FIXTURES / "zip" / "wdtk-wiltshire.zip").read_bytes()
    _limit(lambda: foithread.parse(data, limits=Limits(regex_timeout=1e-9)), "regex_timeout")


def test_limits_reach_the_batch(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Dear Sir,\n" * 50)
    for workers in (1, 2):
        results = list(foithread.batch.parse_many([path, path], workers=workers, limits=Limits(max_input_bytes=10)))
        assert [r.ok for r in results] == [False, False] and "max_input_bytes" in (results[0].error or "")


# ---------------------------------------------------------------------------------------------
# Zip safety
# ---------------------------------------------------------------------------------------------

RULE = "-" * 31
EXPORT = (
    f'This is a plain-text version of the Freedom of Information request "Bins".\n\n{RULE}\n'
    "  From: A Person\n  To: Leeds City Council\n  Date: 5 May 2024\n\nDear Leeds City Council,\n"
    "How often are the bins emptied?\n"
)


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), content, compress_type=method)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "/etc/cron.d/evil",
        "C:\\Windows\\evil.txt",
        "c:evil.txt",
        "attachments/../../evil.txt",
        "..\\..\\evil.txt",
        "../correspondence.txt",
    ],
)
def test_path_traversal_names_reject_the_whole_zip(name: str) -> None:
    data = _zip({"correspondence.txt": EXPORT.encode(), name: b"payload"})
    with pytest.raises(ParseError, match="path traversal") as caught:
        foithread.parse(data)
    assert caught.value.where == f"member {name!r}"


def test_harmless_dotted_names_are_accepted() -> None:
    data = _zip({"correspondence.txt": EXPORT.encode(), "2_3_report..final.pdf": b"%PDF", "a/.b/c.txt": b"x"})
    assert foithread.parse(data).messages


def test_ratio_bomb_is_refused() -> None:
    data = _zip({"correspondence.txt": EXPORT.encode() + b" " * (8 << 20)})
    assert len(data) < 100_000
    _limit(lambda: foithread.parse(data), "max_zip_ratio")


def test_total_size_and_member_bombs_are_refused() -> None:
    members = {"correspondence.txt": EXPORT.encode(), **{f"{i}_1_a.bin": os.urandom(2000) for i in range(5)}}
    data = _zip(members, zipfile.ZIP_STORED)
    _limit(lambda: foithread.parse(data, limits=Limits(max_zip_total_bytes=5000)), "max_zip_total_bytes")
    _limit(lambda: foithread.parse(data, limits=Limits(max_zip_members=3)), "max_zip_members")
    _limit(lambda: foithread.parse(data, limits=Limits(max_zip_member_bytes=100)), "max_zip_member_bytes")
    # headers that declare 4 GiB per member: refused from the central directory, nothing inflated
    forged = bytearray(data)
    at = forged.find(b"PK\x01\x02")
    while at >= 0:
        forged[at + 24 : at + 28] = (0xFFFF0000).to_bytes(4, "little")
        at = forged.find(b"PK\x01\x02", at + 4)
    _limit(lambda: foithread.parse(bytes(forged)), "max_zip_total_bytes")
    assert foithread.parse(data).messages


def test_nested_zips_open_only_as_deep_as_allowed() -> None:
    inner = _zip({"correspondence.txt": EXPORT.encode()})
    outer = _zip({"export/bins.zip": inner})
    _limit(lambda: foithread.parse(outer), "max_zip_depth")
    assert foithread.parse(outer, limits=Limits(max_zip_depth=2)).authority == "Leeds City Council"
    _limit(lambda: foithread.parse(_zip({"x.zip": outer}), limits=Limits(max_zip_depth=2)), "max_zip_depth")


# ---------------------------------------------------------------------------------------------
# No disk writes, no network: watched with an audit hook (inert outside ``watching``)
# ---------------------------------------------------------------------------------------------

_EVENTS: list[tuple[str, tuple[Any, ...]]] = []
_WATCHING: list[bool] = []
_NETWORK = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _WATCHING and (
        event == "open" or event.startswith(_NETWORK) or event in ("os.mkdir", "os.rename", "shutil.copyfile")
    ):
        _EVENTS.append((event, args))


sys.addaudithook(_hook)


def _watched(call: Any) -> list[tuple[str, tuple[Any, ...]]]:
    """The audit events of ``call()`` (run once unwatched first, so lazy imports do not count)."""
    with contextlib.suppress(ParseError):
        call()
    _EVENTS.clear()
    _WATCHING.append(True)
    try:
        with contextlib.suppress(ParseError):
            call()
    finally:
        _WATCHING.clear()
    return list(_EVENTS)


def _writes(events: list[tuple[str, tuple[Any, ...]]]) -> list[tuple[str, tuple[Any, ...]]]:
    def writing(args: tuple[Any, ...]) -> bool:
        mode, flags = (args[1] if len(args) > 1 else None), (args[2] if len(args) > 2 else 0)
        return bool(
            (isinstance(mode, str) and any(c in mode for c in "wax+"))
            or (isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        )

    return [e for e in events if e[0] != "open" or writing(e[1])]


@pytest.mark.parametrize("fixture", sorted(p.name for p in (FIXTURES / "zip").glob("*.zip")))
def test_zips_are_read_without_writing_anything(fixture: str) -> None:
    data = (FIXTURES / "zip" / fixture).read_bytes()
    assert _writes(_watched(lambda: foithread.parse(data))) == []
    assert _writes(_watched(lambda: foithread.parse(_zip({"a/../../x": b"1"})))) == []


HOSTILE_HTML = """<!DOCTYPE html SYSTEM "http://evil.example/x.dtd" [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY % remote SYSTEM "http://evil.example/remote.dtd"> %remote;
]>
<html><head>
<link rel="stylesheet" href="http://evil.example/s.css">
<style>body { background: url(http://evil.example/bg.png) } .secret-style { color: red }</style>
<script src="http://evil.example/x.js"></script>
<script>document.write("SECRET-SCRIPT-OUTPUT")</script>
<meta http-equiv="refresh" content="0; url=http://evil.example/">
<base href="http://evil.example/">
</head><body>
<div class="correspondence incoming" id="incoming-1"><div class="correspondence_text">
<p>Dear Requester, the entity says &xxe; and nothing more.</p>
<img src="http://evil.example/pixel.gif" alt="pixel"><iframe src="http://evil.example/frame"></iframe>
<object data="http://evil.example/o.swf"></object><svg><image href="http://evil.example/i.svg"/></svg>
<script>var leaked = "SECRET-INLINE-SCRIPT";</script><style>.x{content:"SECRET-INLINE-STYLE"}</style>
<p>Yours sincerely, Records Team</p>
</div></div></body></html>
"""


@pytest.mark.parametrize("variant", ["wdtk-page", "plain-html-message", "html-email"])
def test_html_is_read_without_network_entities_scripts_or_styles(variant: str) -> None:
    html = HOSTILE_HTML if variant == "wdtk-page" else HOSTILE_HTML.replace("correspondence", "letter")
    source: str | bytes = html
    if variant == "html-email":
        source = (
            "From: a@b.example\nTo: c@d.example\nSubject: x\nContent-Type: text/html; charset=utf-8\n\n" + html
        ).encode("utf-8")
    holder: list[foithread.Thread] = []
    events = _watched(lambda: holder.append(foithread.parse(source)))
    assert [e for e in events if e[0] != "open"] == [], events  # no socket, no urllib, nothing
    assert [e for e in events if e[0] == "open"] == [], events  # not even /etc/passwd
    text = json.dumps(holder[0].to_dict())
    assert "Dear Requester" in text and "Records Team" in text
    for leaked in ("root:", "SECRET-", "secret-style", "background", "document.write"):
        assert leaked not in text
    assert "/etc/passwd" not in text


def test_the_watch_sees_network_and_writes(tmp_path: Path) -> None:
    """The audit hook above is not blind: it records a lookup and a write."""
    import socket

    def misbehave() -> None:
        with contextlib.suppress(OSError):
            socket.getaddrinfo("localhost", 80)
        (tmp_path / "written.txt").write_text("x")

    events = _watched(misbehave)
    assert any(e[0] == "socket.getaddrinfo" for e in events) and _writes(events)


# ---------------------------------------------------------------------------------------------
# Regressions: inputs the fuzzer and the property tests found (rebuilt here, not kept as files)
# ---------------------------------------------------------------------------------------------


def test_repeated_subject_header_is_read_as_the_first() -> None:
    """atheris: mail-parser gives a list for two Subject headers; it reached the extractors."""
    eml = (
        b"From: A <a@b.example>\nTo: c@d.example\nSubject: RE: FOI 1234\nSubject: second copy\n\n"
        b"Dear Requester,\nPlease find attached.\n"
    )
    for source in (eml, eml.decode()):
        message = foithread.parse(source, format="eml").messages[0]
        assert message.subject == "RE: FOI 1234"


def test_unnamed_parts_get_stable_attachment_names() -> None:
    """hypothesis: mail-parser invents random names for unnamed RTF/attached parts: output varied."""
    for eml in (
        b"content-type: multipart/",
        b"Content-Type: multipart/mixed; boundary=q\n\n--q\nContent-Type: text/plain\n\nhi\n"
        b"--q\nContent-Type: text/plain\nContent-Disposition: attachment\n\nnotes\n--q--\n",
    ):
        names = [foithread.parse(eml).messages[0].attachments for _ in range(5)]
        assert len(set(names)) == 1 and all(n.startswith("attachment-") for n in names[0])


def test_long_runs_without_spaces_are_linear() -> None:
    """A 100,000-hyphen line took 200 s (a quadratic pattern in the outcome classifier)."""
    import time

    for line in ("-" * 100_000, "x" + "-" * 100_000 + " 1", "1" + "-" * 100_000, "http:" + "/a" * 50_000):
        started = time.perf_counter()
        foithread.parse(f"Dear Sir,\nWe have the data.\n{line}\nRegards\n", format="text")
        assert time.perf_counter() - started < 5


def test_streamed_mbox_limits_each_entry_not_the_file(tmp_path: Path) -> None:
    """iter_parse holds one mbox entry at a time: the file may exceed max_input_bytes, an entry may not."""
    entry = (
        b"From foi@example.gov.uk Mon Oct  4 08:47:10 2021\nFrom: FOI <foi@example.gov.uk>\n"
        b"Subject: RE: request\n\nDear Ms Smith\n\nWe do not hold this information.\n\nKind regards\nFOI Team\n\n"
    )
    mbox = tmp_path / "archive.mbox"
    mbox.write_bytes(entry * 40)
    small = Limits(max_input_bytes=len(entry) * 2)
    _limit(lambda: foithread.parse(mbox, limits=small), "max_input_bytes")
    assert [m.kind for m in foithread.iter_parse(mbox, limits=small)] == ["response"] * 40
    huge = tmp_path / "huge-entry.mbox"
    huge.write_bytes(entry + b"x" * (len(entry) * 3) + b"\n")  # one entry, one line, over the cap
    _limit(lambda: list(foithread.iter_parse(huge, limits=small)), "max_input_bytes")
