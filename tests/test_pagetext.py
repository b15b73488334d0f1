"""Request-page text: the page head (title, requester, authority, status), sender lines,
page chrome and disclosure-log pages (rules/pagetext.py, pagehead.py, senderline.py, dlog.py)."""

from __future__ import annotations

import pytest

import foithread
from foithread.rules import DEFAULT_RULES
from foithread.rules.pagetext import TABLES
from foithread.stages.dlog import disclosure_log
from foithread.stages.pagehead import read_head

# (table, line, the rule that matches it first)
LINES = [
    ("page_status", "The request was successful.", "successful"),
    ("page_status", "The request was partially successful.", "partially_successful"),
    ("page_status", "Wessex Water Authority did not have the information requested.", "not_held"),
    ("page_status", "The request was refused by Northshire County Council.", "rejected"),
    ("page_status", "Die Anfrage wurde abgelehnt durch Generaldirektion Handel.", "rejected"),
    (
        "page_status",
        "Waiting for Riverside Trust to complete an internal review of their handling of the request.",
        "internal_review",
    ),
    ("page_status", "Kestrel Borough Council is waiting for your clarification.", "waiting_clarification"),
    (
        "page_status",
        "Response to this request is long overdue. By law Kestrel should have responded.",
        "waiting_response_very_overdue",
    ),
    (
        "page_status",
        "Response to this request is delayed. By law, Kestrel should normally have responded.",
        "waiting_response_overdue",
    ),
    (
        "page_status",
        "Currently waiting for a response from Kestrel Council, they must respond promptly and normally no later than 4 May.",
        "waiting_response",
    ),
    (
        "page_status",
        "We're waiting for Sam Ortiz to read a recent response and update the status.",
        "waiting_classification",
    ),
    ("page_status", "Lowmoor Police have responded by post to this request.", "gone_postal"),
    ("page_status", "This request has been withdrawn by the person who made it.", "user_withdrawn"),
    ("page_status", "There was a delivery error or similar, which needs fixing.", "error_message"),
    ("page_status", "This request has had an unusual response, and requires attention.", "requires_admin"),
    ("page_status", "This request is not a valid Freedom of Information request.", "not_foi"),
    (
        "page_request_line",
        "Priya Nandakumar made this Freedom of Information request to Lowmoor Police",
        "made_request",
    ),
    ("page_request_line", "Tom Reyes filed this request with the Bureau of Land Management.", "filed_request"),
    ("page_request_line", "Lena Vogt hat diese Anfrage an Stadt Beispielhausen gestellt.", "german"),
    (
        "page_head_chrome",
        "This request has been closed to new correspondence. Contact us if you think it should be reopened.",
        "closed",
    ),
    ("page_head_chrome", "It is a clone of this request.", "clone"),
    ("page_head_chrome", "This request was sent as part of a batch to 12 authorities.", "batch"),
    ("page_head_chrome", "Est. Completion None", "tracking_field"),
    ("page_head_chrome", "From: Sam Ortiz", "from_line"),
    ("page_head_chrome", "Track this request", "follow"),
    ("page_chrome", "2 Attachments", "wdtk_attachment_count"),
    (
        "page_chrome",
        "This is an HTML version of an attachment to the Freedom of Information request 'Gritting routes'.",
        "wdtk_html_attachment",
    ),
    ("page_chrome", "Page 3 of 7", "page_number"),
    ("page_chrome", "Skip to main content", "skip_link"),
    ("page_chrome", "Leave this site", "leave_site"),
    ("page_chrome", "We use some essential cookies to make this service work.", "cookie_banner"),
    ("page_chrome", "Your cookie preferences have been saved.", "site_notice"),
    ("page_chrome", "Ministry of Examples, 1 Sample Way, Exampleton - Tel. +44 2079460000", "letter_footer"),
    ("page_chrome", "Annual accounts 2021, file type: PDF, file size: 340 KB", "file_link"),
    ("page_chrome", "30517742", "document_number"),
    ("page_chrome", "Visible links", "elinks_heading"),
    ("page_chrome", "Page 14 - Board papers March 2022", "viewer_page"),
    ("page_chrome", "P. 14", "viewer_page"),
    ("sender_line", "Information Rights Team, Northshire County Council", "name_comma_org"),
    ("sender_line", "Information Rights Team, Northshire County Council 4 March 2024", "dated"),
    ("organisation_word", "Northshire County Council", "english"),
    ("organisation_word", "Cyngor Sir Enghraifft", "welsh"),
    ("organisation_word", "Landesamt für Beispiele", "other_languages"),
    ("mailbox_word", "FOI Mailbox (MULTIUSER)", "mailbox"),
    ("dlog_request_heading", "Information requested", "english"),
    ("dlog_request_heading", "Gwybodaeth a geisiwyd", "welsh"),
    ("dlog_response_heading", "Our response", "english"),
    ("dlog_response_heading", "Ymateb", "welsh"),
    ("dlog_response_opener", "With regards to questions 2 and 4, we do not hold this data.", "answer"),
    ("letter_cue", "Dear", "bare_salutation"),
    ("letter_cue", "3 March 2023", "date_line"),
]

#: tables of words that only weigh in on a line another table picked (a sender line)
WORD_TABLES = ("organisation_word", "mailbox_word")

#: lines of running text that none of these tables may take
PLAIN = [
    "I would like to know how many gritting lorries the council owns.",
    "The council replied on time and the figures were helpful.",
    "Please provide the data for each year since 2019.",
]


@pytest.mark.parametrize(("table", "line", "rule"), LINES)
def test_line_rules(table: str, line: str, rule: str) -> None:
    found = DEFAULT_RULES[table].first(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize("line", PLAIN)
def test_plain_lines_match_no_page_rule(line: str) -> None:
    hits = {t.name: r.name for t in TABLES if t.name not in WORD_TABLES for r in t if r.search(line)}
    assert hits == {}


def test_every_page_rule_has_a_case() -> None:
    covered = {(table, rule) for table, _line, rule in LINES}
    assert {(t.name, r.name) for t in TABLES for r in t.rules} - covered == set()


HEAD_CASES = [
    (
        "Gritting routes in Northshire\n\nSam Ortiz made this Freedom of Information request to Northshire County Council\n\n"
        "This request has been closed to new correspondence from the public body.\n\nThe request was partially successful.\n\n"
        "Dear Northshire County Council,\n\nPlease send me the gritting routes.\n",
        ("Gritting routes in Northshire", "partially_successful", "Sam Ortiz", "Northshire County Council", ()),
        "Dear Northshire County Council,",
    ),
    (
        "We don't know whether the most recent response to this request contains information or not.\n\n"
        "Library closures\n\nWe're waiting for Ana to read a recent response and update the status.\n\n"
        "Dear Kestrel Borough Council,\n\nWhich libraries will close?\n",
        ("Library closures", "waiting_classification", None, None, ()),
        "Dear Kestrel Borough Council,",
    ),
    (
        "Drone purchases (Lowmoor Police)\n\nTom Reyes filed this request with the Lowmoor Police.\n\nTracking #\n\nLP-2291\n\n"
        "From: Tom Reyes\n\nTo whom it may concern:\n\nThis is a request under the public records law.\n",
        ("Drone purchases (Lowmoor Police)", None, "Tom Reyes", "Lowmoor Police", ("LP-2291",)),
        "To whom it may concern:",
    ),
]


@pytest.mark.parametrize(("text", "facts", "first"), HEAD_CASES)
def test_page_head(text: str, facts: tuple[str | None, ...], first: str) -> None:
    head = read_head(text, DEFAULT_RULES)
    assert head is not None
    assert (head.title, head.status, head.requester, head.authority, head.references) == facts
    assert text[head.end :].lstrip().splitlines()[0] == first


@pytest.mark.parametrize(
    "text",
    [
        "Library closures\n\nDear Kestrel Borough Council,\n\nWhich libraries will close?\n",
        "Dear Ms Ortiz,\n\nThe request was successful, we hope.\n",
    ],
)
def test_no_head_without_status_or_request_line(text: str) -> None:
    assert read_head(text, DEFAULT_RULES) is None


WDTK_PAGE = """Salt stocks for winter

Sam Ortiz made this Freedom of Information request to Northshire County Council

Northshire County Council did not have the information requested.

Dear Northshire County Council,

How many tonnes of road salt did you hold on 1 November 2023?

Yours faithfully,

Sam Ortiz

Highways Information Team, Northshire County Council

1 Attachment

Dear Ms Ortiz,

Thank you for your request. The council does not hold a record of salt stocks on that date.

Kind regards,

Highways Information Team

show quoted sections

Dear Northshire County Council,

Please pass this on to the person who conducts Freedom of Information reviews.

I am writing to request an internal review of your handling of my request.

Yours faithfully,

Sam Ortiz
"""


def test_wdtk_page_text_end_to_end() -> None:
    thread = foithread.parse(WDTK_PAGE, format="text")
    assert (thread.title, thread.status, thread.authority) == (
        "Salt stocks for winter",
        "not_held",
        "Northshire County Council",
    )
    got = [(m.kind, m.party, m.raw.strip().splitlines()[0]) for m in thread.messages]
    assert got == [
        ("request", "requester", "Dear Northshire County Council,"),
        ("response", "authority", "Highways Information Team, Northshire County Council"),
        ("internal_review_request", "requester", "Dear Northshire County Council,"),
    ]
    reply = thread.messages[1]
    assert reply.outcome == "not_held"
    assert "1 Attachment" not in reply.body and "Northshire County Council\n" not in reply.body.split("Dear")[0]
    assert {r.rule for r in reply.removed} >= {"sender_line", "wdtk_attachment_count", "wdtk_quoted_toggle"}
    for m in thread.messages:
        assert "did not have the information requested" not in m.body


DLOG_CASES = [
    (
        "Road salt stocks: FOI release\n\nFOI reference: FOI/23/00911\n\nInformation requested\n\n"
        "1. How much road salt was held in each depot?\n\nResponse\n\n"
        "The information you requested is set out below.\n\nDepot A 1,200 tonnes\n",
        "1. How much road salt was held in each depot?",
        "The information you requested is set out below.",
    ),
    (
        "FX2231\nRequest\nHow many bins were replaced in 2022?\n"
        "The Council holds this information and it is provided below.\n312 bins were replaced.\n",
        "How many bins were replaced in 2022?",
        "The Council holds this information and it is provided below.",
    ),
    (
        "Skip to main content\nLeave this site\nPlease provide the number of speed cameras on the A12.\n"
        "Your request for information has now been considered and the answer is 14.\n",
        "Please provide the number of speed cameras on the A12.",
        "Your request for information has now been considered and the answer is 14.",
    ),
    (
        "Gritting 2022\n\nInformation requested\n\n1. Routes gritted in December.\n\n"
        "1. Routes gritted in December.\n\nAll priority one routes were gritted daily.\n",
        "1. Routes gritted in December.",
        "1. Routes gritted in December.",
    ),
]


@pytest.mark.parametrize(("text", "asked", "answer"), DLOG_CASES)
def test_disclosure_log_layout(text: str, asked: str, answer: str) -> None:
    layout = disclosure_log(text, DEFAULT_RULES)
    assert layout is not None
    req = [ln for ln in text[layout.request[0] : layout.request[1]].splitlines() if ln.strip()]
    resp = [ln for ln in text[layout.response[0] : layout.response[1]].splitlines() if ln.strip()]
    assert asked in req[:2] and answer in resp[:2]


@pytest.mark.parametrize(
    "text",
    [
        "Ein cyf: ATISN 1\n3 March 2023\nDear\nYour request\n1. Tips\nOur response\nWe hold no list.\n",
        "Dear Ms Ortiz,\nInformation requested\nThe number of bins.\nResponse\nWe replaced 312.\n",
    ],
)
def test_letters_are_not_disclosure_logs(text: str) -> None:
    assert disclosure_log(text, DEFAULT_RULES) is None


def test_disclosure_log_end_to_end() -> None:
    thread = foithread.parse(DLOG_CASES[0][0], format="text")
    assert [(m.kind, m.party) for m in thread.messages] == [("request", "requester"), ("response", "authority")]
    assert thread.title == "Road salt stocks: FOI release"
    assert thread.messages[1].outcome == "information_provided"


PASTED = """Why we are still waiting for the audit report

We asked the trust for its audit report last year and have heard nothing since.

Date: Mon, 6 Mar 2023 10:02:11 +0000
Subject: Audit report on bed closures
From: Ward Watch Campaign
To: "Information Governance (Riverside Trust)"

Please send us the internal audit report on bed closures.


Date: Tue, 2 May 2023 09:15:40 +0100
Subject: Fwd: Audit report on bed closures
From: Ward Watch Campaign
To: "Information Governance (Riverside Trust)"

We sent the request below in March and have had no reply.
"""


def test_pasted_mail_header_blocks_start_messages() -> None:
    thread = foithread.parse(PASTED, format="text")
    firsts = [m.raw.strip().splitlines()[0] for m in thread.messages]
    assert firsts[1:] == ["Date: Mon, 6 Mar 2023 10:02:11 +0000", "Date: Tue, 2 May 2023 09:15:40 +0100"]
    assert [(m.kind, m.party) for m in thread.messages] == [
        ("annotation", "requester"),  # the commentary above the mails it reproduces
        ("request", "requester"),
        ("follow_up", "requester"),
    ]
    for m in thread.messages[1:]:
        assert not m.body.lstrip().startswith("Date:") and not m.dates  # the envelope is removed
        assert {r.rule for r in m.removed} == {"pasted_header"}


def test_a_reply_quoting_under_a_from_block_is_one_message() -> None:
    text = (
        "Dear Ms Ortiz,\n\nPlease find the report attached.\n\nKind regards,\n\nInformation Governance\n\n"
        "From: Sam Ortiz\nSent: 6 March 2023 10:02\nTo: Information Governance\nSubject: Audit report\n\n"
        "Please send me the audit report.\n"
    )
    assert len(foithread.parse(text, format="text").messages) == 1


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Gritting routes\nDetails\n14 February 2023\nDear\nThank you for your request.\n", "Gritting routes"),
        ("PO Box 12, Exampleton\n14 February 2023\nDear Ms Ortiz\nThank you for your request.\n", None),
    ],
)
def test_web_page_title_over_a_dated_letter(text: str, title: str | None) -> None:
    thread = foithread.parse(text, format="text")
    assert thread.title == title
    assert thread.messages[0].party == "authority"
    assert (title is None) == (text.splitlines()[0] in thread.messages[0].body)


def test_sender_line_after_an_unsigned_request() -> None:
    text = (
        "Dear Kestrel Borough Council,\n\nPlease send me the list of grit bins on Mill Lane and the dates they were refilled.\n\n"
        "Customer Services, Kestrel Borough Council 12 January 2024\n\nDear Ms Ortiz,\n\nThe list of grit bins is attached.\n\n"
        "Kind regards,\n\nCustomer Services\n"
    )
    thread = foithread.parse(text, format="text")
    assert [(m.kind, m.party) for m in thread.messages] == [("request", "requester"), ("response", "authority")]
    assert thread.messages[1].raw.startswith("Customer Services, Kestrel Borough Council")
    assert "Kestrel Borough Council\n" not in thread.messages[1].body
