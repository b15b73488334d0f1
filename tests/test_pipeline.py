"""Segmentation, cleaning and classification on realistic constructed threads (table-driven)."""

from __future__ import annotations

import pytest
from conftest import assert_lossless

import foithread

BACK_TO_BACK = """Library opening hours
Dear Norbury Council,
Please send me the weekly opening hours of each council library in 2019 and 2023.
Yours faithfully,
Ruth Okafor
OFFICIAL
Dear Ms Okafor
Our ref: FOI-2023-0881
Thank you for your request received on 4 March 2023. We will respond by 31 March 2023.
Information Governance Team
OFFICIAL
OFFICIAL
Dear Ms Okafor
Our ref: FOI-2023-0881
The opening hours are attached. Total weekly hours fell from 612 in 2019 to 498 in 2023.
Yours sincerely
Marta Nowak
Information Governance Officer
OFFICIAL
"""

CLARIFY = """Dear Ms Kaur

Re: FOI-22-1045

Before we can deal with your request could you please clarify which financial years you mean?

Regards

Information Rights Team
"""

DELAY = """Dear Mr Hale

Reference: FOI 22/771

I am writing to let you know that we need to extend the time limit for your request under section 10(3) to consider the public interest test. We now aim to respond by 14 June 2022.

Yours sincerely

Kim Lau
"""

NOT_HELD = """Dear Mr Hale

Reference: FOI 22/771

The Trust does not hold this information.

If you are dissatisfied with this response you may ask for an internal review.

Yours sincerely

Kim Lau
"""

NCND = """Dear Mr Hale

Reference: FOI 22/771

The Force can neither confirm nor deny that it holds the information you requested, by virtue of sections 23(5) and 24(2) of the Act.

Yours sincerely

Kim Lau
"""

COST = """Dear Mr Hale

Reference: FOI 22/771

We estimate that complying with your request would exceed the appropriate limit, so we are refusing it under section 12(1) of the Act.

Yours sincerely

Kim Lau
"""

REVIEW_REQUEST = """Dear Norbury Council,

Please pass this on to the person who conducts Freedom of Information reviews.

I am writing to request an internal review of Norbury Council's handling of my FOI request 'Library opening hours'.

Yours faithfully,

Ruth Okafor
"""


def test_back_to_back_letters_with_markings() -> None:
    t = foithread.parse(BACK_TO_BACK, format="text")
    assert [m.kind for m in t.messages] == ["request", "acknowledgement", "response"]
    # the first OFFICIAL of a pair closes the previous letter, the second heads the next
    assert t.messages[1].raw.startswith("OFFICIAL\nDear Ms Okafor")
    assert t.messages[1].raw.endswith("OFFICIAL\n")
    assert t.messages[2].raw.startswith("OFFICIAL\nDear Ms Okafor")
    assert all("OFFICIAL" not in m.body for m in t.messages)
    assert t.messages[2].outcome == "information_provided"
    assert t.references == ("FOI-2023-0881",)
    assert_lossless(t)


@pytest.mark.parametrize(
    "text, kind, outcome, exemptions",
    [
        (CLARIFY, "clarification_request", None, ()),
        (DELAY, "delay_notice", None, ()),
        (NOT_HELD, "response", "not_held", ()),
        (NCND, "response", "neither_confirm_nor_deny", ("s23(5)", "s24(2)")),
        (COST, "response", "refused", ("s12(1)",)),
    ],
)
def test_authority_message_kinds(text: str, kind: str, outcome: str | None, exemptions: tuple[str, ...]) -> None:
    msg = foithread.parse(
        "Title line here\nDear Norbury Council,\nPlease send me X.\nYours faithfully,\nRuth Okafor\n" + text,
        format="text",
    ).messages[-1]
    assert msg.kind == kind
    assert msg.party == "authority"
    assert msg.outcome == outcome
    assert msg.exemptions == exemptions


def test_internal_review_request_template() -> None:
    t = foithread.parse(
        "Library opening hours\nDear Norbury Council,\nPlease send me X.\nYours faithfully,\nRuth Okafor\n"
        + REVIEW_REQUEST,
        format="text",
    )
    assert [m.kind for m in t.messages] == ["request", "internal_review_request"]
    assert t.messages[1].party == "requester"


def test_dash_line_inside_an_answer_is_kept() -> None:
    text = (
        "Dear Mr Hale\n\nThe figures are:\n\n-----------------------------\nYear    Count\n2021    14\n2022    19\n"
        "-----------------------------\n\nThese are confidential to the extent that no names are given.\n\nYours sincerely\n\nKim Lau\n"
    )
    msg = foithread.parse(text, format="text").messages[0]
    assert "2022    19" in msg.body
    assert "These are confidential" in msg.body
    assert msg.removed == ()


def test_hyphen_list_questions_are_not_a_signature() -> None:
    text = "Dear Council,\nPlease tell me:\n- How many cars?\n- How many vans?\n-- \nKind regards,\nJo Smith\n"
    msg = foithread.parse(text, format="text").messages[0]
    assert "- How many vans?" in msg.body and "Jo Smith" in msg.body


def test_quoted_history_is_removed_not_lost() -> None:
    text = (
        "Dear Ms Okafor\n\nPlease find the figures attached.\n\nKind regards\nMarta\n\n"
        "-----Original Message-----\nFrom: Ruth Okafor <request-123456-abcd1234@whatdotheyknow.com>\n"
        "Sent: 04 March 2023 10:00\nTo: FOI <foi@norbury.gov.uk>\nSubject: Freedom of Information request - Libraries\n\n"
        "Dear Norbury Council,\nPlease send me X.\nYours faithfully,\nRuth Okafor\n"
    )
    msg = foithread.parse(text, format="text").messages[0]
    quoted = [r for r in msg.removed if r.kind == "quoted"]
    assert len(quoted) == 1 and quoted[0].text.startswith("-----Original Message-----")
    assert "Dear Norbury Council" not in msg.body
    assert "Please find the figures attached." in msg.body


def test_sent_from_my_iphone_is_signature_noise() -> None:
    msg = foithread.parse("Hi,\nThanks, received.\nSent from my iPhone\n", format="text").messages[0]
    assert [(r.kind, r.text) for r in msg.removed] == [("signature_noise", "Sent from my iPhone\n")]


def test_placeholders_are_never_addresses() -> None:
    text = "Dear Ms Marks,\nEmail: [email address]\nMobile: [mobile number]\nPlease write to [Kent County Council request email].\nKind regards,\nJo Smith\n"
    msg = foithread.parse(text, format="text").messages[0]
    assert [a for a in msg.addresses if a.kind in ("email", "phone")] == []


def test_text_input_str_bytes_and_path_agree(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "t.txt"
    p.write_text(BACK_TO_BACK, encoding="utf-8")
    a = foithread.parse(BACK_TO_BACK).to_dict()
    b = foithread.parse(BACK_TO_BACK.encode("utf-8")).to_dict()
    c = foithread.parse(p).to_dict()
    c.pop("source"), a.pop("source"), b.pop("source")
    assert a == b == c


@pytest.mark.parametrize(
    "data, fmt",
    [
        (b"From: a@b.org\nTo: c@d.org\nSubject: x\n\nHello\n", "eml"),
        (
            b"From a@b Mon Oct  4 08:47:10 2021\nFrom: a@b.org\nTo: c@d.org\n\nHi\n\nFrom a@b Mon Oct  4 09:47:10 2021\nFrom: a@b.org\nTo: c@d.org\n\nHi again\n",
            "mbox",
        ),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b'{"id": 1, "info_request_events": []}', "wdtk-json"),
        (b"PK\x03\x04rest", "wdtk-zip"),
        (b"Dear Council,\nPlease send me X.\n", "text"),
    ],
)
def test_format_detection_from_content(data: bytes, fmt: str) -> None:
    assert foithread.detect_format(data) == fmt


@pytest.mark.parametrize(
    "source, problem",
    [
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (b"PK\x03\x04garbage", "zip"),
    ],
)
def test_bad_input_raises_parse_error(source: bytes, problem: str) -> None:
    with pytest.raises(foithread.ParseError) as info:
        foithread.parse(source)
    assert problem in str(info.value).lower()


def test_unknown_format_name() -> None:
    with pytest.raises(foithread.ParseError, match="unknown format"):
        foithread.parse("Dear X", format="docx")


def test_mbox_is_split_into_messages_with_parties() -> None:
    data = (
        b"From ruth@example.org Mon Oct  4 08:47:10 2021\nFrom: Ruth Okafor <ruth@example.org>\nTo: FOI <foi@norbury.gov.uk>\n"
        b"Date: Mon, 04 Oct 2021 08:47:10 +0100\nSubject: FOI request\n\nDear Norbury Council,\n\nPlease send me X.\n\nYours faithfully,\nRuth Okafor\n\n"
        b"From foi@norbury.gov.uk Tue Oct  5 10:00:00 2021\nFrom: FOI <foi@norbury.gov.uk>\nTo: Ruth Okafor <ruth@example.org>\n"
        b"Date: Tue, 05 Oct 2021 10:00:00 +0100\nSubject: RE: FOI request [FOI-21-0099]\n\nDear Ms Okafor\n\nWe do not hold this information.\n\nKind regards\nFOI Team\n"
    )
    t = foithread.parse(data)
    assert t.format == "mbox"
    assert [(m.kind, m.party, m.sent_on) for m in t.messages] == [
        ("request", "requester", "2021-10-04"),
        ("response", "authority", "2021-10-05"),
    ]
    assert t.messages[1].outcome == "not_held"


def test_mbox_path_is_streamed_entry_by_entry(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    entry = (
        b"From foi@norbury.gov.uk Tue Oct  5 10:00:00 2021\nFrom: FOI <foi@norbury.gov.uk>\nTo: ruth@example.org\n"
        b"Subject: RE: FOI request\n\nDear Ms Okafor\n\nWe do not hold this information.\n\nKind regards\nFOI Team\n\n"
    )
    path = tmp_path / "big.mbox"
    path.write_bytes(entry * 50)

    def no_whole_read(self):  # type: ignore[no-untyped-def]
        raise AssertionError("an mbox path must not be read whole")

    monkeypatch.setattr(type(path), "read_bytes", no_whole_read)
    t = foithread.parse(path)
    assert t.format == "mbox" and len(t.messages) == 50


def test_text_starting_with_a_placeholder_is_not_json() -> None:
    assert foithread.detect_format(b"[name removed] wrote to the council.\nDear Council,\n") == "text"


def test_iter_parse_streams_an_mbox_lazily(tmp_path) -> None:  # type: ignore[no-untyped-def]
    entry = (
        b"From foi@norbury.gov.uk Tue Oct  5 10:00:00 2021\nFrom: FOI <foi@norbury.gov.uk>\nTo: ruth@example.org\n"
        b"Subject: RE: FOI request\n\nDear Ms Okafor\n\nWe do not hold this information.\n\nKind regards\nFOI Team\n\n"
    )
    path = tmp_path / "big.mbox"
    path.write_bytes(entry * 20)
    stream = foithread.iter_parse(path)
    first = next(stream)
    assert first.kind == "response" and first.outcome == "not_held"
    assert sum(1 for _ in stream) == 19
    assert [m.to_dict() for m in foithread.iter_parse(path)] == [m.to_dict() for m in foithread.parse(path).messages]
