"""Attachments of whole inputs: eml, mbox and WhatDoTheyKnow zips carry them on their messages,
and a response that says "please see attached" takes its outcome from the attachment's text."""

from __future__ import annotations

import email.message
import email.policy
import hashlib

import docfiles
import pytest
from conftest import assert_lossless

import foithread
from foithread.model import Attachment

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def eml(
    body: str,
    files: list[tuple[str, str, bytes]],
    *,
    subject: str = "RE: FOI request 4471 - bus lanes",
    message_id: str = "<4471.reply@brightwater.gov.uk>",
) -> bytes:
    message = email.message.EmailMessage(policy=email.policy.SMTP)
    message["From"] = "Information Governance <foi@brightwater.gov.uk>"
    message["To"] = "Sam Patel <sam.patel@example.org>"
    message["Subject"] = subject
    message["Date"] = "Tue, 14 Mar 2023 09:12:00 +0000"
    message["Message-ID"] = message_id
    message.set_content(body)
    for name, ctype, data in files:
        maintype, subtype = ctype.split("/", 1)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


COVER = "Dear Mr Patel,\n\nPlease find attached our response to your request.\n\nYours sincerely,\n\nInformation Governance Team\n"
NOT_HELD = "Brightwater Borough Council does not hold the information you have requested."
EXEMPT = (
    "We hold the information. The names of staff are exempt under section 40(2) of the Act and have been withheld. "
    "The remaining information is attached."
)
COST = "To answer your request would exceed the appropriate limit under section 12(1), so we are refusing it."

# body, attachment text (a text file standing for the letter), outcome, exemptions
OUTCOME_CASES = [
    (COVER, NOT_HELD, "not_held", ()),
    (COVER, EXEMPT, "partially_provided", ("s40(2)",)),
    (COVER, COST, "refused", ("s12(1)",)),
    # data, a statute or a leaflet is no decision: "information provided" is never read from a file
    (COVER, "Table 1: bus lane fines\nYear\tFines\n2021\t1,204\n2022\t1,310", "unknown", ()),
    # the body decides itself: the attachment is not consulted
    (
        "Dear Mr Patel,\n\nWe do not hold the information you asked for.\n\nYours sincerely,\nFOI Team\n",
        EXEMPT,
        "not_held",
        (),
    ),
    # no reference to an attachment: its text is kept but not read for the outcome
    (
        "Dear Mr Patel,\n\nThank you for your patience with this request.\n\nYours sincerely,\nFOI Team\n",
        NOT_HELD,
        "unknown",
        (),
    ),
]


@pytest.mark.parametrize(("body", "letter", "outcome", "exemptions"), OUTCOME_CASES)
def test_please_see_attached_reads_outcome_from_the_attachment(
    body: str, letter: str, outcome: str, exemptions: tuple[str, ...]
) -> None:
    data = eml(body, [("response-4471.txt", "text/plain", letter.encode())])
    (message,) = foithread.parse(data, format="eml").messages
    assert_lossless(foithread.parse(data, format="eml"))
    assert message.attachments == ("response-4471.txt",)
    (detail,) = message.attachment_details
    assert detail.text == letter
    assert (message.kind, message.outcome) == ("response", outcome)
    assert message.exemptions == exemptions


def test_eml_attachments_carry_metadata_and_text() -> None:
    pdf = docfiles.pdf("Dear Mr Patel", "Schedule of fines")
    scan = docfiles.pdf("", image=True)
    odt = docfiles.odf("<office:text><text:p>Annex A: bus lane cameras</text:p></office:text>")
    photo = b"\xff\xd8\xff\xe0 not really a jpeg"
    data = eml(
        COVER,
        [
            ("letter.pdf", "application/pdf", pdf),
            ("scan.pdf", "application/pdf", scan),
            ("annex.odt", "application/vnd.oasis.opendocument.text", odt),
            ("camera.jpg", "image/jpeg", photo),
        ],
    )
    (message,) = foithread.parse(data, format="eml").messages
    assert message.attachments == ("letter.pdf", "scan.pdf", "annex.odt", "camera.jpg")
    details = {a.name: a for a in message.attachment_details}
    for name, blob in (("letter.pdf", pdf), ("scan.pdf", scan), ("annex.odt", odt), ("camera.jpg", photo)):
        assert (details[name].size, details[name].sha256) == (len(blob), hashlib.sha256(blob).hexdigest())
    assert details["annex.odt"].text == "Annex A: bus lane cameras"
    assert (details["camera.jpg"].content_type, details["camera.jpg"].text) == ("image/jpeg", None)
    if pytest.importorskip("pypdf"):
        assert (details["letter.pdf"].text, details["letter.pdf"].pages) == ("Dear Mr Patel\n\nSchedule of fines", 2)
        assert details["scan.pdf"].scanned is True


def test_mbox_messages_each_keep_their_own_attachments() -> None:
    first = eml(COVER, [("fines.csv", "text/csv", b"year,fines\n2022,1204\n")])
    second = eml(
        "Dear Mr Patel,\n\nPlease see the attached internal review decision.\n\nYours sincerely,\nFOI Team\n",
        [("review.txt", "text/plain", NOT_HELD.encode())],
        subject="RE: Internal review of FOI request 4471",
        message_id="<4471.review@brightwater.gov.uk>",
    )
    mbox = (
        b"From foi@brightwater.gov.uk Tue Mar 14 09:12:00 2023\n"
        + first
        + b"\nFrom foi@brightwater.gov.uk Tue Apr 11 09:12:00 2023\n"
        + second
    )
    thread = foithread.parse(mbox, format="mbox")
    assert [[a.name for a in m.attachment_details] for m in thread.messages] == [["fines.csv"], ["review.txt"]]
    assert thread.messages[0].attachment_details[0].text == "year\tfines\n2022\t1204"
    assert thread.messages[1].outcome == "not_held"


PREAMBLE = 'This is a plain-text version of the Freedom of Information request "Bus lane fines".\n\n'
RULE = "-" * 31


def wdtk_zip(members: dict[str, bytes]) -> bytes:
    text = (
        PREAMBLE + RULE + "\n  From: Sam Patel\n  To: Brightwater Borough Council\n  Date: 5 May 2024\n\n"
        "  Dear Brightwater Borough Council,\n\nHow many bus lane fines were issued in 2023?\n\nYours faithfully,\nSam Patel\n\n"
        + RULE
        + "\n  From: Brightwater Borough Council\n  To: Sam Patel\n  Date: 20 May 2024\n\n"
        "  Dear Mr Patel\n\nPlease find attached our response.\n\nYours sincerely,\nFOI Team\n"
        "    Attachment: response.odt (12K)\n    Attachment: missing.pdf (3K)\n"
    )
    return docfiles.zip_of({"bus_lane_fines/correspondence.txt": text.encode(), **members})


def test_wdtk_zip_members_are_the_attachments() -> None:
    odt = docfiles.odf("<office:text><text:p>We do not hold this information.</text:p></office:text>")
    thread = foithread.parse(wdtk_zip({"bus_lane_fines/7_2_response.odt": odt}), format="wdtk-zip")
    request, reply = thread.messages
    assert request.attachment_details == ()
    assert reply.attachments == ("response.odt", "missing.pdf")
    found, missing = reply.attachment_details
    assert (found.name, found.size, found.text) == ("response.odt", len(odt), "We do not hold this information.")
    assert missing == Attachment(
        "missing.pdf", warnings=("file not in the zip (or over the limits): only its name is kept",)
    )
    assert reply.outcome == "not_held"
    assert_lossless(thread)


def test_zip_member_over_the_attachment_limit_keeps_only_the_name() -> None:
    odt = docfiles.odf("<office:text><text:p>We do not hold this information.</text:p></office:text>")
    limits = foithread.Limits(max_attachment_bytes=100)
    thread = foithread.parse(wdtk_zip({"bus_lane_fines/7_2_response.odt": odt}), format="wdtk-zip", limits=limits)
    assert [a.text for a in thread.messages[1].attachment_details] == [None, None]


def test_attachment_details_validate_against_the_schema_and_round_trip() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = eml(
        COVER, [("response.txt", "text/plain", NOT_HELD.encode()), ("x.bin", "application/octet-stream", b"\x00")]
    )
    out = foithread.parse(data, format="eml").to_dict()
    jsonschema.validate(out, foithread.json_schema())
    details = out["messages"][0]["attachment_details"]
    assert [d["name"] for d in details] == ["response.txt", "x.bin"]
    assert details[1] == {
        "name": "x.bin",
        "content_type": "application/octet-stream",
        "size": 1,
        "sha256": hashlib.sha256(b"\x00").hexdigest(),
        "text": None,
        "pages": None,
        "scanned": False,
        "warnings": [],
    }
    broken = {**details[0], "size": -1}
    out["messages"][0]["attachment_details"] = [broken]
    assert not jsonschema.Draft202012Validator(foithread.json_schema()).is_valid(out)


def test_recipe_output_is_real(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import docfiles

    docfiles.run_recipe("attachments", monkeypatch)
    code_output, shown = capsys.readouterr().out, docfiles.recipe_example("attachments")[1]
    assert code_output == shown


def test_redaction_covers_attachment_text_and_addressees() -> None:
    from foithread.redaction import unredact

    letter = "Dear Mr Patel,\n\nWrite to records@brightwater.gov.uk or call 01632 960123.\n"
    thread = foithread.parse(eml(COVER, [("letter.txt", "text/plain", letter.encode())]), format="eml")
    redacted = foithread.redact(thread)
    message = redacted.thread.messages[0]
    text = message.attachment_details[0].text or ""
    assert "records@brightwater.gov.uk" not in text and "01632 960123" not in text
    assert "[email address]" in text
    assert [p.email for p in message.to] == [None]
    back = unredact(redacted).messages[0]
    assert back.attachment_details == thread.messages[0].attachment_details
    assert back.to == thread.messages[0].to
