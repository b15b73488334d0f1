"""Regimes beyond the UK: detection, exemptions in each regime's form, deadlines on each regime's calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from foithread.deadlines import deadline, review_deadline
from foithread.model import Message, Thread
from foithread.regimes import FOREIGN_REGIMES, detect_platform
from foithread.regimes.exemptions import EXEMPTION_TABLES
from foithread.stages.extract import extract_exemptions
from foithread.stages.regime import detect_regime

DETECT = [
    ("Your confirmatory application under Regulation (EC) No 1049/2001 has been registered.", "eu1049"),
    ("Your request under the Freedom of Information Act 2014 was received on 3 May.", "ie_foi"),
    ("I refer to your request under the Freedom of Information Act 1982 (the FOI Act).", "au_foi"),
    ("Your request has been considered under the Official Information Act 1982.", "nz_oia"),
    ("This is a request under the Freedom of Information Act, 5 U.S.C. § 552.", "us_foia"),
    ("Ihr Antrag nach dem Informationsfreiheitsgesetz (IFG) ist eingegangen.", "de_ifg"),
    ("Antrag nach dem Umweltinformationsgesetz", "de_uig"),
    ("Anfrage nach dem Verbraucherinformationsgesetz", "de_vig"),
    ("Your request under the Freedom of Information Act 2000 has been received.", None),
    ("We have handled this under the Environmental Information Regulations 2004.", "eir"),
]


@pytest.mark.parametrize(("text", "expected"), DETECT)
def test_detect_regime(text: str, expected: str | None) -> None:
    assert detect_regime(text) == expected


def test_a_known_regime_is_kept() -> None:
    assert detect_regime("under the Official Information Act", "eir") == "eir"  # UK found first stays
    assert detect_regime("refused under the EIR rather than FOIA", "au_foi") == "au_foi"


EXEMPTIONS = [
    (
        "eu1049",
        "Access is refused on the basis of Article 4(1)(b) (protection of privacy) and Article 4(3), first "
        "subparagraph, of Regulation 1049/2001.",
        ["Art. 4(1)(b)", "Art. 4(3)"],
    ),
    ("eu1049", "The exception in Article 4(2), first indent (commercial interests) applies.", ["Art. 4(2)"]),
    ("eu1049", "in accordance with Article 7(4) of Regulation (EC) No 1049/2001", []),  # procedure, not exception
    (
        "ie_foi",
        "I have decided to refuse the records under section 37(1) and section 36(1)(b) of the FOI Act 2014.",
        ["s37(1)", "s36(1)(b)"],
    ),
    ("ie_foi", "Under section 13 of the Act a decision is due within four weeks.", []),
    (
        "au_foi",
        "I have decided to refuse access to parts of the documents under s 47F(1) and s 47E(d) of the FOI Act.",
        ["s47F(1)", "s47E(d)"],
    ),
    ("au_foi", "A practical refusal reason exists under s 24AA of the FOI Act.", ["s24AA"]),
    (
        "nz_oia",
        "Some information is withheld under section 9(2)(a) of the Act, and your request for the rest is "
        "refused under section 18(d).",
        ["s9(2)(a)", "s18(d)"],
    ),
    ("nz_oia", "We are extending the time limit under section 15A of the Act.", []),
    (
        "us_foia",
        "Portions are withheld pursuant to FOIA Exemptions (b)(6) and (b)(7)(C), 5 U.S.C. § 552(b)(6), (b)(7)(C).",
        ["(b)(6)", "(b)(7)(C)"],
    ),
    ("us_foia", "Records were withheld under Exemption 5 (deliberative process).", ["(b)(5)"]),
    (
        "de_ifg",
        "Der Antrag wird nach § 5 Abs. 1 IFG abgelehnt; nach § 7 Abs. 5 IFG ist innerhalb eines Monats zu entscheiden.",
        ["§ 5 Abs. 1 IFG"],
    ),
    (
        "de_ifg",
        "Der Antrag ist nach § 4 Absatz 1 Nr. 5 AIG abzulehnen, § 1 LDG gilt nicht.",
        ["§ 4 Absatz 1 Nr. 5 AIG"],
    ),
    ("de_uig", "Dem Antrag steht § 9 Abs. 1 Nr. 3 UIG entgegen.", ["§ 9 Abs. 1 Nr. 3 UIG"]),
]


@pytest.mark.parametrize(("regime", "text", "expected"), EXEMPTIONS)
def test_exemptions_in_each_regimes_form(regime: str, text: str, expected: list[str]) -> None:
    assert extract_exemptions(text, regime) == expected


def test_irish_sections_are_not_read_as_uk_sections() -> None:
    text = "The records are exempt under section 37(1) and section 36(1)(b) of the Act."
    assert extract_exemptions(text, "ie_foi") == ["s37(1)", "s36(1)(b)"]
    assert extract_exemptions("The information is exempt under section 36(2)(b)(i).", "foi") == ["s36(2)(b)(i)"]


def test_eir_excepted_wording() -> None:
    text = "The information is excepted under regulation 12(5)(b) of the EIR."
    assert extract_exemptions(text, "eir") == ["reg12(5)(b)"]


def _msg(index: int, kind: str, party: str, sent_on: str | None) -> Message:
    text = f"message {index}\n"
    return Message(index=index, kind=kind, party=party, raw=text, span=(0, len(text)), body=text, sent_on=sent_on)


def _thread(regime: str | None, *msgs: tuple[str, str, str | None]) -> Thread:
    messages = tuple(_msg(i, k, p, d) for i, (k, p, d) in enumerate(msgs))
    return Thread(format="text", messages=messages, regime=regime)


# (regime, request date, answer date, expected due date, expected late): one worked example per regime.
WORKED = [
    # EU: 15 working days, weekends only. Mon 3 Jan 2022 + 15 working days = Mon 24 Jan 2022.
    ("eu1049", "2022-01-03", "2022-01-25", "2022-01-24", True),
    # Ireland: 4 weeks. Tue 1 Mar 2022 + 28 days = Tue 29 Mar 2022 (St Patrick's Day does not matter).
    ("ie_foi", "2022-03-01", "2022-03-29", "2022-03-29", False),
    # Australia: 30 days after receipt. 12 Mar 2022 -> 11 Apr 2022.
    ("au_foi", "2022-03-12", "2022-04-12", "2022-04-11", True),
    # NZ: 20 working days; Waitangi Day (Mon 6 Feb 2023) skipped. Wed 1 Feb 2023 -> Thu 2 Mar 2023.
    ("nz_oia", "2023-02-01", "2023-03-01", "2023-03-02", False),
    # NZ: 25 December to 15 January are not working days. Mon 18 Dec 2023: 4 working days to Fri 22 Dec,
    # 16 more from Tue 16 Jan to Mon 5 Feb 2024, Waitangi Day (Tue 6 Feb) skipped, the 20th is Wed 7 Feb.
    ("nz_oia", "2023-12-18", None, "2024-02-07", None),
    # US: 20 working days; Independence Day (Tue 4 Jul 2023) skipped. Mon 3 Jul 2023 -> Tue 1 Aug 2023.
    ("us_foia", "2023-07-03", "2023-08-01", "2023-08-01", False),
    # Germany: one month. 31 Jan 2023 -> 28 Feb 2023 (the month has no 31st).
    ("de_ifg", "2023-01-31", "2023-03-01", "2023-02-28", True),
]


@pytest.mark.parametrize(("regime", "asked", "answered", "due", "late"), WORKED)
def test_deadline_worked_examples(regime: str, asked: str, answered: str | None, due: str, late: bool | None) -> None:
    msgs = [("request", "requester", asked)] + ([("response", "authority", answered)] if answered else [])
    result = deadline(_thread(regime, *msgs))
    assert result is not None
    assert result.regime == regime
    assert result.due_on == dt.date.fromisoformat(due)
    assert result.late is late
    assert result.calendar == FOREIGN_REGIMES[regime].calendar
    assert "UK" not in result.calendar


def test_eu_deadline_says_it_counts_weekends_only() -> None:
    result = deadline(_thread("eu1049", ("request", "requester", "2022-01-03")))
    assert result is not None and "weekends only" in result.calendar


def test_extension_after_a_delay_notice() -> None:
    thread = _thread(
        "eu1049",
        ("request", "requester", "2022-01-03"),
        ("delay_notice", "authority", "2022-01-20"),
        ("response", "authority", "2022-02-10"),
    )
    result = deadline(thread)
    assert result is not None
    assert result.extension == "art7(3)"
    assert result.extended_due_on == dt.date(2022, 2, 14)  # 30 working days
    assert result.late is False


def test_regime_without_extension_says_so() -> None:
    thread = _thread(
        "de_vig",
        ("request", "requester", "2023-01-10"),
        ("delay_notice", "authority", "2023-02-01"),
        ("response", "authority", "2023-03-01"),
    )
    result = deadline(thread)
    assert result is not None and result.extension is None and result.late is True
    assert any("allows no extension" in note for note in result.notes)


def test_review_deadlines() -> None:
    thread = _thread(
        "au_foi",
        ("request", "requester", "2022-01-04"),
        ("response", "authority", "2022-02-01"),
        ("internal_review_request", "requester", "2022-02-10"),
        ("internal_review_response", "authority", "2022-03-10"),
    )
    result = review_deadline(thread)
    assert result is not None and result.due_on == dt.date(2022, 3, 12) and result.late is False
    nz = _thread(
        "nz_oia", ("request", "requester", "2022-01-04"), ("internal_review_request", "requester", "2022-02-10")
    )
    assert review_deadline(nz) is None  # the OIA has no internal review: a complaint goes to the Ombudsman


def test_tables_cover_every_regime() -> None:
    for code, regime in FOREIGN_REGIMES.items():
        assert regime.code == code and regime.response.limit > 0
        assert code in EXEMPTION_TABLES or code.startswith("de_")


AU_LETTER = """Our reference: LEX 51234
3 May 2022

Dear Applicant,

Freedom of Information request - decision

I refer to your request of 1 April 2022 for access to documents under the Freedom of Information
Act 1982 (the FOI Act).

I have decided to refuse access to parts of the documents under s 47F(1) of the FOI Act, because
disclosure would involve the unreasonable disclosure of personal information.

Yours sincerely

Kim Nguyen
Authorised FOI decision maker
GPO Box 5218 Sydney NSW 2001
"""


def test_an_australian_decision_end_to_end() -> None:
    import foithread

    thread = foithread.parse(AU_LETTER, format="text")
    assert thread.regime == "au_foi"
    msg = thread.messages[0]
    assert "s47F(1)" in msg.exemptions
    assert [(r.value, r.role) for r in msg.references] == [("LEX 51234", "request")]
    postal = [a for a in msg.addresses if a.kind == "postal"]
    assert [(a.value, a.postcode, a.country) for a in postal] == [("GPO Box 5218 Sydney, NSW 2001", "2001", "AU")]
    data = thread.to_dict()
    assert data["messages"][0]["addresses"][0]["country"] == "AU"


# (input, the regime its origin implies): the law is named nowhere, so the site or body behind it decides
PLATFORMS = [
    ("To: request-829104-7c2e4f19@whatdotheyknow.com", "foi"),
    ("See https://www.asktheeu.org/en/request/123 for the thread.", "eu1049"),
    ("foi+request-1234-ab12cd34@righttoknow.org.au", "au_foi"),
    ("Reply to fyi-request-9876-1a2b3c4d@requests.fyi.org.nz", "nz_oia"),
    ("To: 12345-67890123@requests.muckrock.com", "us_foia"),
    ("Tom Reyes filed this request with the Lowmoor Police.", None),  # MuckRock serves state laws too
    ("Delivered-To: foimail@fragdenstaat.de", "de_ifg"),
    ("From: Records Team <foi@leeds.gov.uk>", "foi"),
    ("Norfolk and Suffolk NHS Foundation Trust", "foi"),
    ("the appropriate limit set by the Freedom of Information (Fees and Appropriate Limit) Regulations 2004", "foi"),
    ("Please send me the minutes of the meeting.", None),  # a bare text: the law cannot be told
    ("This letter is a formal Freedom of Information Act (FOIA) request.", None),  # the UK's and the US's name
]


@pytest.mark.parametrize(("text", "expected"), PLATFORMS)
def test_platform_evidence(text: str, expected: str | None) -> None:
    assert detect_platform((text,)) == expected


REQUEST = "Dear Records Team,\nPlease send me the minutes of the March meeting.\nYours faithfully,\nJo Smith\n"


@pytest.mark.parametrize(
    ("text", "regime"),
    [
        (REQUEST, None),  # no law, no site, no UK body: unknown, not FOIA
        (REQUEST + "\nrequest-829104-7c2e4f19@whatdotheyknow.com\n", "foi"),
        (REQUEST + "\nJo Smith, Calle Mayor 4, 28013 Madrid\nfoimail@fragdenstaat.de\n", "de_ifg"),
    ],
)
def test_thread_regime_from_law_or_origin(text: str, regime: str | None) -> None:
    import foithread

    assert foithread.parse_text(text).regime == regime


def test_a_thread_with_no_known_law_has_no_deadline_and_says_so() -> None:
    thread = _thread(None, ("request", "requester", "2023-01-03"), ("response", "authority", "2023-03-01"))
    result = deadline(thread, today="2023-06-01")
    assert result is not None
    assert (result.regime, result.due_on, result.late, result.limit) == (None, None, None, 0)
    assert result.calendar == "none: the access law is unknown" and "UK" not in result.calendar
    assert result.received_on == dt.date(2023, 1, 3) and result.responded_on == dt.date(2023, 3, 1)
    assert any("no access law" in note for note in result.notes)
    review = _thread(None, ("internal_review_request", "requester", "2023-04-03"))
    found = review_deadline(review)
    assert found is not None and found.stage == "internal_review" and found.due_on is None


def test_a_uk_regime_still_counts_on_the_uk_calendar() -> None:
    result = deadline(_thread("foi", ("request", "requester", "2023-03-30")))
    assert result is not None and result.due_on == dt.date(2023, 5, 2) and "UK" in result.calendar


def test_a_muckrock_page_head_gives_the_tracking_number_and_the_federal_law() -> None:
    import foithread

    text = (
        "Drone records (FBI)\n\nTom Reyes filed this request with the Federal Bureau of Investigation of the "
        "United States of America.\n\nTracking #\n\n1587412-000\n\nFrom: Tom Reyes\n\nTo whom it may concern:\n\n"
        "This is a request under the Freedom of Information Act.\n"
    )
    thread = foithread.parse_text(text)
    assert (thread.regime, thread.references) == ("us_foia", ("1587412-000",))
    assert "Tracking #" not in thread.messages[0].raw  # page chrome, not the request's text
