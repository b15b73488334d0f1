"""Threading (issue 17 item 3): the e-mail envelope on messages, duplicates merged, and one
thread merged from several inputs (foithread.merge)."""

from __future__ import annotations

import email.message
import email.policy

import pytest
from conftest import assert_lossless

import foithread
from foithread.model import Sender
from foithread.stages.envelope import envelope_of, message_ids, recipients

# header value, ids
ID_CASES = [
    ("<4471.reply@brightwater.gov.uk>", ("4471.reply@brightwater.gov.uk",)),
    ("<a@x.org>\n <b@x.org> <a@x.org>", ("a@x.org", "b@x.org")),
    ("<a@x.org> (sent by Outlook)", ("a@x.org",)),
    ("bare-id@x.org", ("bare-id@x.org",)),
    ("not an id at all", ()),
    ("", ()),
    (None, ()),
]


@pytest.mark.parametrize(("value", "ids"), ID_CASES)
def test_message_ids(value: str | None, ids: tuple[str, ...]) -> None:
    assert message_ids(value) == ids


# header value, people
RECIPIENT_CASES = [
    ("Sam Patel <sam.patel@example.org>", (Sender("Sam Patel", "sam.patel@example.org"),)),
    ('"Doe, Jane" <jane@x.org>, foi@y.gov.uk', (Sender("Doe, Jane", "jane@x.org"), Sender(None, "foi@y.gov.uk"))),
    ("Leeds City Council", (Sender("Leeds City Council"),)),
    (", Leeds City Council", (Sender("Leeds City Council"),)),
    ("a@x.org, a@x.org", (Sender(None, "a@x.org"),)),
    ("  ", ()),
]


@pytest.mark.parametrize(("value", "people"), RECIPIENT_CASES)
def test_recipients(value: str, people: tuple[Sender, ...]) -> None:
    assert recipients(value) == people


def test_envelope_of_headers() -> None:
    found = envelope_of(
        {
            "message-id": "<r2@brightwater.gov.uk>",
            "in-reply-to": "<q1@example.org>",
            "references": "<q0@example.org> <q1@example.org>",
            "to": "Sam Patel <sam.patel@example.org>",
            "cc": "Records Team <records@brightwater.gov.uk>",
        }
    )
    assert (found.message_id, found.in_reply_to, found.email_references) == (
        "r2@brightwater.gov.uk",
        "q1@example.org",
        ("q0@example.org", "q1@example.org"),
    )
    assert (found.to, found.cc) == (
        (Sender("Sam Patel", "sam.patel@example.org"),),
        (Sender("Records Team", "records@brightwater.gov.uk"),),
    )


def eml(
    body: str,
    *,
    sender: str = "Information Governance <foi@brightwater.gov.uk>",
    date: str = "Tue, 14 Mar 2023 09:12:00 +0000",
    message_id: str | None = "<r1@brightwater.gov.uk>",
    **headers: str,
) -> bytes:
    message = email.message.EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = "Sam Patel <sam.patel@example.org>"
    message["Subject"] = "RE: FOI request 4471 - bus lanes"
    message["Date"] = date
    if message_id:
        message["Message-ID"] = message_id
    for key, value in headers.items():
        message[key.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


def mbox(*messages: bytes) -> bytes:
    return b"".join(b"From foi@brightwater.gov.uk Tue Mar 14 09:12:00 2023\n" + m + b"\n" for m in messages)


REPLY = "Dear Mr Patel,\n\nBrightwater Borough Council does not hold the information you have requested.\n\nYours sincerely,\n\nInformation Governance Team\n"
CHASER = "Dear Brightwater Borough Council,\n\nI am still waiting for a reply to my request.\n\nYours faithfully,\n\nSam Patel\n"


def test_eml_envelope_on_the_message_and_in_the_schema() -> None:
    data = eml(
        REPLY,
        In_Reply_To="<q1@example.org>",
        References="<q0@example.org> <q1@example.org>",
        Cc="records@brightwater.gov.uk",
    )
    thread = foithread.parse(data, format="eml")
    (message,) = thread.messages
    assert (message.message_id, message.in_reply_to, message.email_references) == (
        "r1@brightwater.gov.uk",
        "q1@example.org",
        ("q0@example.org", "q1@example.org"),
    )
    assert (message.to, message.cc) == (
        (Sender("Sam Patel", "sam.patel@example.org"),),
        (Sender(None, "records@brightwater.gov.uk"),),
    )
    out = thread.to_dict()["messages"][0]
    assert out["to"] == [{"name": "Sam Patel", "email": "sam.patel@example.org"}]
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(thread.to_dict(), foithread.json_schema())


SECOND = "Tue, 21 Mar 2023 10:00:00 +0000"
# entries of an mbox, messages kept (their Message-IDs or first body words), warnings about repeats
DUPLICATE_CASES = [
    (
        "same Message-ID",
        [eml(REPLY), eml(REPLY + "\n(resent)\n")],
        1,
        ["message 1 duplicates message 0 (same Message-ID <r1@brightwater.gov.uk>)"],
    ),
    (
        "same sender, date, body",
        [eml(REPLY, message_id=None), eml(REPLY, message_id=None)],
        1,
        ["message 1 duplicates message 0 (same sender, date and body)"],
    ),
    (
        "body differs only in spacing",
        [eml(REPLY, message_id=None), eml(REPLY.replace("\n\n", "\n \n"), message_id=None)],
        1,
        ["(same sender, date and body)"],
    ),
    ("another date", [eml(REPLY, message_id=None), eml(REPLY, message_id=None, date=SECOND)], 2, []),
    (
        "another sender",
        [eml(REPLY, message_id=None), eml(REPLY, message_id=None, sender="records@brightwater.gov.uk")],
        2,
        [],
    ),
    ("other Message-IDs", [eml(REPLY), eml(REPLY, message_id="<r2@brightwater.gov.uk>")], 2, []),
    (
        "three with one repeat",
        [eml(CHASER, message_id="<q1@x>", sender="sam.patel@example.org"), eml(REPLY), eml(REPLY)],
        2,
        ["message 2 duplicates message 1"],
    ),
]


@pytest.mark.parametrize(
    ("entries", "count", "notes"), [c[1:] for c in DUPLICATE_CASES], ids=[c[0] for c in DUPLICATE_CASES]
)
def test_duplicates_are_merged_with_a_warning(entries: list[bytes], count: int, notes: list[str]) -> None:
    thread = foithread.parse(mbox(*entries), format="mbox")
    assert len(thread.messages) == count
    assert [m.index for m in thread.messages] == list(range(count))
    repeats = [w for w in thread.warnings if "duplicates message" in w]
    assert len(repeats) == len(notes)
    assert all(note in warning for note, warning in zip(notes, repeats, strict=True))
    assert_lossless(thread)


def test_the_richer_duplicate_is_kept() -> None:
    bare = eml(REPLY, message_id=None)
    rich = eml(REPLY, message_id=None, Cc="records@brightwater.gov.uk")
    (message,) = foithread.parse(mbox(bare, rich), format="mbox").messages
    assert message.cc == (Sender(None, "records@brightwater.gov.uk"),)


PAGE = (
    "Dear Brightwater Borough Council,\n\nPlease send me the number of bus lane fines issued in 2023.\n\n"
    "Yours faithfully,\n\nSam Patel\n\n" + "-" * 67 + "\n\n" + REPLY
)


def test_merge_page_text_with_the_emails() -> None:
    page = foithread.parse(PAGE, format="text")
    mails = foithread.parse(mbox(eml(REPLY)), format="mbox")
    assert [m.message_id for m in page.messages] == [None, None]
    merged = foithread.merge([page, mails])
    assert [m.kind for m in merged.messages] == ["request", "response"]
    assert [m.index for m in merged.messages] == [0, 1]
    assert merged.messages[1].message_id == "r1@brightwater.gov.uk"  # the e-mail: richer than page text
    assert merged.messages[1].sent_on == "2023-03-14"
    assert merged.warnings[-1].startswith("message 0 of input 2 duplicates message 1 (same date and text)")
    assert merged.format == "text"


def test_merge_orders_oldest_first_and_keeps_distinct_messages() -> None:
    first = foithread.parse(eml(REPLY, date=SECOND, message_id="<r2@x>"), format="eml")
    second = foithread.parse(eml(CHASER, sender="sam.patel@example.org", message_id="<q1@x>"), format="eml")
    merged = foithread.merge([first, second])
    assert [m.message_id for m in merged.messages] == ["q1@x", "r2@x"]
    assert not [w for w in merged.warnings if "duplicates" in w]


def test_merge_with_itself_changes_nothing_but_warns() -> None:
    thread = foithread.parse(
        mbox(eml(CHASER, sender="sam.patel@example.org", message_id="<q1@x>"), eml(REPLY)), format="mbox"
    )
    merged = foithread.merge([thread, thread])
    assert [m.to_dict() for m in merged.messages] == [m.to_dict() for m in thread.messages]
    assert len([w for w in merged.warnings if "duplicates" in w]) == 2


def test_other_dates_are_never_merged_across_inputs() -> None:
    one = foithread.parse(eml(REPLY, message_id=None), format="eml")
    other = foithread.parse(eml(REPLY, message_id=None, date=SECOND), format="eml")
    assert len(foithread.merge([one, other]).messages) == 2


def test_merge_needs_a_thread() -> None:
    with pytest.raises(ValueError, match="at least one thread"):
        foithread.merge([])


def test_zip_to_line_is_a_name() -> None:
    import docfiles

    text = (
        'This is a plain-text version of the Freedom of Information request "Bus lane fines".\n\n'
        + "-" * 31
        + "\n  From: Sam Patel\n  To: Brightwater Borough Council\n  Date: 5 May 2024\n\n"
        "  Dear Brightwater Borough Council,\n\nHow many bus lane fines were issued in 2023?\n\nYours faithfully,\nSam Patel\n"
    )
    thread = foithread.parse(docfiles.zip_of({"correspondence.txt": text.encode()}), format="wdtk-zip")
    assert thread.messages[0].to == (Sender("Brightwater Borough Council"),)
    assert thread.messages[0].message_id is None


def test_recipe_output_is_real(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import docfiles

    docfiles.run_recipe("threading", monkeypatch)
    code_output, shown = capsys.readouterr().out, docfiles.recipe_example("threading")[1]
    assert code_output == shown
