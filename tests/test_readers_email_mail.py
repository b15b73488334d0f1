"""E-mail and mbox reading (issue 16, point 5 and 6): charsets missing, unknown or wrong;
folded Subject headers; mailboxes oldest first; repeated messages merged."""

from __future__ import annotations

import base64
import quopri
import warnings

import pytest

import foithread
from foithread.readers.charsets import mojibake, non_latin, reread

RUSSIAN = (
    "Уважаемый господин Петров,\n"
    "Прошу предоставить информацию о бюджете школы за 2021 год.\n"
    "С уважением,\n"
    "Иван Смирнов\n"
)
GREEK = "Αγαπητέ κύριε,\nΠαρακαλώ στείλτε μου τις πληροφορίες για τον προϋπολογισμό του σχολείου.\n"
ENGLISH = "Dear Sir,\nThe licence costs £500 – see the café “notice” for details.\nRegards\n"
GERMAN = "Sehr geehrte Damen und Herren,\nbitte senden Sie mir die Unterlagen über die Straße.\n"
FRENCH = "Madame, Monsieur,\nJe vous prie de m’envoyer le rapport de l’été dernier, déjà publié.\n"


def _eml(body: bytes, charset: str | None, cte: str = "8bit", subject: str = "Test") -> bytes:
    ctype = "text/plain" + (f"; charset={charset}" if charset else "")
    if cte == "base64":
        body = base64.encodebytes(body)
    elif cte == "quoted-printable":
        body = quopri.encodestring(body)
    head = (
        f"From: Ivan <ivan@example.org>\nTo: foi@school.example\nSubject: {subject}\n"
        f"Date: Mon, 4 Oct 2021 09:00:00 +0000\nContent-Type: {ctype}\nContent-Transfer-Encoding: {cte}\n\n"
    )
    return head.encode() + body


def _read(data: bytes) -> foithread.Thread:
    return foithread.parse(data, format="eml")


@pytest.mark.parametrize("cte", ["8bit", "base64", "quoted-printable"])
@pytest.mark.parametrize(
    "declared,why",
    [
        (None, "undeclared charset does not decode the text"),
        ("us-ascii", "charset 'us-ascii' does not decode the text"),
        ("utf-8", "charset 'utf-8' does not decode the text"),
        ("iso-8859-1", "charset 'iso-8859-1' reads as Latin mojibake"),
        ("windows-1252", "charset 'windows-1252' reads as Latin mojibake"),
        ("x-unknown-42", "unknown charset 'x-unknown-42' does not decode the text"),
    ],
)
def test_cp1251_russian_reads_as_russian(declared: str | None, why: str, cte: str) -> None:
    thread = _read(_eml(RUSSIAN.encode("cp1251"), declared, cte))
    assert thread.messages[0].raw == RUSSIAN
    assert f"{why}: read as cp1251 (detected)" in thread.warnings


@pytest.mark.parametrize(
    "text,codec,detected",
    [
        (GREEK, "cp1253", ("cp1253",)),
        (RUSSIAN, "koi8-r", ("koi8_r",)),
        (RUSSIAN, "cp866", ("cp866", "cp1125")),  # cp1125 (Ukrainian DOS) has the same Russian letters
    ],
)
def test_other_non_latin_single_byte_charsets(text: str, codec: str, detected: tuple[str, ...]) -> None:
    thread = _read(_eml(text.encode(codec), None))
    assert thread.messages[0].raw == text
    expected = {f"undeclared charset does not decode the text: read as {name} (detected)" for name in detected}
    assert expected & set(thread.warnings)


@pytest.mark.parametrize("text", [ENGLISH, GERMAN, FRENCH, "Thanks, £5 – ok\n"])
@pytest.mark.parametrize("declared", [None, "us-ascii", "utf-8"])
def test_latin_text_in_windows_1252_keeps_the_latin_reading(text: str, declared: str | None) -> None:
    """A detector reads short cp1252 English as cp1250 and German as big5: Latin comes first."""
    thread = _read(_eml(text.encode("cp1252"), declared))
    assert thread.messages[0].raw == text
    assert any(w.endswith("does not decode the text: read as Windows-1252") for w in thread.warnings)


@pytest.mark.parametrize("text", [GERMAN, FRENCH, ENGLISH])
@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "utf-8"])
def test_correctly_declared_text_is_left_alone(text: str, declared: str) -> None:
    codec = "cp1252" if declared != "utf-8" else "utf-8"
    thread = _read(_eml(text.encode(codec), declared))
    assert thread.messages[0].raw == text
    assert not any("decode the text" in w or "mojibake" in w for w in thread.warnings)


def test_correct_non_latin_utf8_and_a_genuine_replacement_character_are_left_alone() -> None:
    text = RUSSIAN + "Вложение: отчет\ufffd.pdf\n"
    thread = _read(_eml(text.encode("utf-8"), "utf-8"))
    assert thread.messages[0].raw == text and thread.warnings == ()


@pytest.mark.parametrize(
    "body,expected",
    [
        (b"plain ascii text of the request\n", "unknown charset 'x-unknown-42': read as UTF-8"),
        ("naïve text in utf-8\n".encode(), "unknown charset 'x-unknown-42': read as UTF-8"),
    ],
)
def test_an_unknown_charset_always_warns(body: bytes, expected: str) -> None:
    thread = _read(_eml(body, "x-unknown-42"))
    assert thread.messages[0].raw == body.decode("utf-8")
    assert expected in thread.warnings


def test_each_part_of_a_multipart_message_is_read_on_its_own() -> None:
    data = (
        b"From: ivan@example.org\nTo: foi@school.example\nSubject: Two parts\n"
        b'Content-Type: multipart/mixed; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain; charset=utf-8\n\n" + "Добрый день, часть первая.\n".encode() + b"\n"
        b"--b\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n" + RUSSIAN.encode("cp1251") + b"\n"
        b"--b--\n"
    )
    thread = _read(data)
    assert "часть первая" in thread.messages[0].raw and "Прошу предоставить" in thread.messages[0].raw
    assert [w for w in thread.warnings if "cp1251" in w] == [
        "undeclared charset does not decode the text: read as cp1251 (detected)"
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        (RUSSIAN.encode("cp1251").decode("cp1252"), True),
        (GREEK.encode("cp1253").decode("latin-1"), True),
        (GERMAN, False),
        (FRENCH, False),
        ("Café été déjà vu\n", False),  # accented words, but few and mostly Latin-shaped
        ("Dear Sir, one word: Óâàæàåìûé\n", False),  # a single odd word is not enough
    ],
)
def test_mojibake(text: str, expected: bool) -> None:
    assert mojibake(text) is expected


@pytest.mark.parametrize(
    "text,expected", [(RUSSIAN, True), (GREEK, True), (FRENCH, False), ("Dear Sir, Ivan\n", False)]
)
def test_non_latin(text: str, expected: bool) -> None:
    assert non_latin(text) is expected


def test_reread_without_a_better_guess() -> None:
    """Bytes no reading makes sense of: Latin characters rather than U+FFFD, with a warning;
    a declared Latin charset's reading stays as it is."""
    noise = bytes(range(0x80, 0x100)) * 2
    reading = reread(noise, None)
    assert reading.first == noise.decode("utf-8", "replace") and "\ufffd" not in reading.text
    assert reading.warning == "undeclared charset does not decode the text: read as Windows-1252"
    declared = reread(noise, "iso-8859-1")
    assert declared.text == declared.first == noise.decode("latin-1") and declared.warning is None


# --- headers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "subject,expected",
    [
        ("Request for information about\n the school budget", "Request for information about the school budget"),
        ("Request for\r\n information", "Request for information"),
        ("Budget\n\tfor 2021", "Budget for 2021"),
        ("One\n two\n  three", "One two three"),
        ("=?utf-8?q?Request_for?=\n =?utf-8?q?_information?=", "Request for information"),
        ("=?utf-8?b?0JfQsNC/0YDQvtGB?=\n about it", "Запрос about it"),
        ("Not folded", "Not folded"),
    ],
)
def test_folded_subject_is_unfolded(subject: str, expected: str) -> None:
    data = (
        f"From: a@b.example\nTo: c@d.example\nSubject: {subject}\nContent-Type: text/plain\n\nDear Sir,\nbody\n"
    ).encode()
    assert _read(data).messages[0].subject == expected


# --- mailboxes --------------------------------------------------------------------------------

REQUEST = "Dear Exeter City Council,\nPlease tell me how many fines you issued.\nYours faithfully,\nAlex Rowe"
ACK = "Dear Mr Rowe,\nThank you for your request. We will respond within 20 working days.\nKind regards\nFOI Team"
CLARIFY = "Dear Mr Rowe,\nCould you clarify which year you mean?\nKind regards\nFOI Team"
RESPONSE = "Dear Mr Rowe,\nWe issued 4,512 fines in 2021.\nKind regards\nFOI Team"
DATES = {
    "request": "Mon, 4 Oct 2021 09:00:00 +0000",
    "ack": "Mon, 4 Oct 2021 10:15:00 +0100",  # 09:15 UTC: after the request
    "clarify": "Tue, 12 Oct 2021 14:00:00 +0000",
    "response": "Mon, 1 Nov 2021 09:00:00 +0000",
}
BODIES = {"request": REQUEST, "ack": ACK, "clarify": CLARIFY, "response": RESPONSE}


def _entry(name: str, *, dated: bool = True, mid: str | None = None) -> str:
    sender = "Alex Rowe <alex@example.org>" if name == "request" else "FOI Team <foi@exeter.example>"
    date = f"Date: {DATES[name]}\n" if dated else ""
    return (
        f"From x@y Mon Oct  4 09:00:00 2021\nFrom: {sender}\nTo: foi@exeter.example\nSubject: Fines\n"
        f"{date}Message-ID: <{mid or name}@example.org>\n\n{BODIES[name]}\n\n"
    )


def _mbox(*entries: str) -> foithread.Thread:
    return foithread.parse("".join(entries).encode(), format="mbox")


def _order(thread: foithread.Thread) -> list[str]:
    return [(m.message_id or "").split("@")[0] for m in thread.messages]


OLDEST_FIRST = ["request", "ack", "clarify", "response"]


@pytest.mark.parametrize(
    "file_order",
    [
        ["response", "clarify", "ack", "request"],  # newest first
        ["request", "clarify", "ack", "response"],  # arrival order: a late delivery
        ["ack", "request", "response", "clarify"],  # the ack's +0100 time is after the request
    ],
)
def test_mbox_is_ordered_oldest_first(file_order: list[str]) -> None:
    thread = _mbox(*(_entry(name) for name in file_order))
    assert _order(thread) == OLDEST_FIRST
    assert [m.index for m in thread.messages] == [0, 1, 2, 3]
    assert thread.messages[0].kind == "request"
    assert any("ordered oldest first" in w for w in thread.warnings)


def test_mbox_already_oldest_first_is_unchanged() -> None:
    thread = _mbox(*(_entry(name) for name in OLDEST_FIRST))
    assert _order(thread) == OLDEST_FIRST and not any("ordered" in w for w in thread.warnings)


@pytest.mark.parametrize(
    "file_order,undated,expected",
    [
        # oldest first: the undated clarification stays after the message it follows
        (["request", "ack", "clarify", "response"], "clarify", OLDEST_FIRST),
        # newest first: it stays between its neighbours, so after the ack once reversed
        (["response", "clarify", "ack", "request"], "clarify", OLDEST_FIRST),
        # an undated first entry of a newest-first file ends up last
        (["response", "clarify", "ack", "request"], "response", OLDEST_FIRST),
        (["request", "ack", "clarify", "response"], "request", OLDEST_FIRST),
    ],
)
def test_undated_entries_keep_their_place(file_order: list[str], undated: str, expected: list[str]) -> None:
    thread = _mbox(*(_entry(name, dated=name != undated) for name in file_order))
    assert _order(thread) == expected


def test_entries_with_the_same_time_keep_the_file_order() -> None:
    same = "Date: Mon, 4 Oct 2021 09:00:00 +0000\n"
    entries = [_entry(name).replace(f"Date: {DATES[name]}\n", same) for name in ("clarify", "ack", "request")]
    assert _order(_mbox(*entries)) == ["clarify", "ack", "request"]


def test_repeated_messages_of_an_mbox_are_merged_with_a_warning() -> None:
    thread = _mbox(_entry("response"), _entry("request"), _entry("ack"), _entry("request"))
    assert _order(thread) == ["request", "ack", "response"]
    repeats = [w for w in thread.warnings if "duplicates" in w]
    assert len(repeats) == 1 and "same Message-ID <request@example.org>" in repeats[0]
    assert repeats[0].endswith("merged, the richer version kept")  # drop_duplicates' wording, as merge() has it


def test_merge_of_the_mbox_with_itself_agrees() -> None:
    one = _mbox(*(_entry(name) for name in reversed(OLDEST_FIRST)))
    merged = foithread.merge([one, one])
    assert _order(merged) == _order(one) == OLDEST_FIRST


def test_iter_parse_streams_an_mbox_file_in_file_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "box.mbox"
    path.write_text("".join(_entry(name) for name in reversed(OLDEST_FIRST)), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        streamed = [(m.message_id or "").split("@")[0] for m in foithread.iter_parse(path)]
    assert streamed == list(reversed(OLDEST_FIRST))
    assert _order(foithread.parse(path)) == OLDEST_FIRST
