"""Request state (foithread.request_state): Alaveteli's states from message kinds, outcomes and wording."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from conftest import FIXTURES, ROOT

import foithread
from foithread.model import Message, Thread
from foithread.rules.states import CONDITIONAL, GONE_POSTAL, RESENT, STATUS_LINES, WITHDRAWN
from foithread.state import STATES, normalise_status, request_state

Step = tuple[str, str, str | None, str]  # kind, party, outcome, body


def thread_of(
    steps: list[Step],
    *,
    status: str | None = None,
    authority: str | None = None,
    dates: list[str] | None = None,
    regime: str | None = "foi",
) -> Thread:
    messages = []
    for i, (kind, party, outcome, body) in enumerate(steps):
        sent_on = dates[i] if dates and i < len(dates) else None
        messages.append(
            Message(
                index=i,
                kind=kind,
                party=party,
                raw=body,
                span=(0, len(body)),
                body=body,
                outcome=outcome,
                sent_on=sent_on,
            )
        )
    # WhatDoTheyKnow's states: a UK thread (a thread whose law is unknown is never judged on FOIA's clock)
    return Thread(format="text", messages=tuple(messages), status=status, authority=authority, regime=regime)


REQ: Step = (
    "request",
    "requester",
    None,
    "Dear Council,\nPlease send me the number of potholes repaired in 2023.\nYours faithfully,\nAsha Patel",
)
ACK: Step = ("acknowledgement", "authority", None, "We acknowledge receipt of your request, reference FOI-2023-118.")
OOO: Step = ("out_of_office", "authority", None, "I am out of the office until Monday.")
NOTE: Step = ("annotation", "requester", None, "Asha Patel left an annotation: still waiting.")
CLARIFY: Step = ("clarification_request", "authority", None, "Could you please clarify which roads you mean?")
CLARIFY_IF: Step = (
    "clarification_request",
    "authority",
    None,
    "Could you please clarify which roads you mean?\nIf we do not hear from you within 60 days your request has been withdrawn.",
)
CLARIFY_WRAPPED: Step = (
    "clarification_request",
    "authority",
    None,
    "Could you please clarify which roads you mean? If we do not hear from you within\n"
    "20 working days, your request has been withdrawn and closed.",
)
REPLY: Step = ("follow_up", "requester", None, "I mean every road the council maintains.")
CHASER: Step = ("follow_up", "requester", None, "Thank you for the information.")
IR: Step = (
    "internal_review_request",
    "requester",
    None,
    "Please pass this on to the person who conducts internal reviews.",
)
BOUNCE: Step = ("bounce", "platform", None, "Delivery to the following recipients failed permanently.")
RESENT_NOTE: Step = (
    "annotation",
    "platform",
    None,
    "Sent request to Kestrelford Council again, using a new contact address.",
)


def response(outcome: str | None) -> Step:
    return ("response", "authority", outcome, "Please find our response attached.")


CASES = [
    ("request only", [REQ], "waiting_response"),
    ("acknowledged", [REQ, ACK], "waiting_response"),
    ("an acknowledgement alone implies a request", [ACK], "waiting_response"),
    ("out of office changes nothing", [REQ, ACK, OOO], "waiting_response"),
    ("nothing that moves a state", [OOO], None),
    ("information provided", [REQ, ACK, response("information_provided")], "successful"),
    ("partially provided", [REQ, response("partially_provided")], "partially_successful"),
    ("not held", [REQ, response("not_held")], "not_held"),
    ("refused", [REQ, response("refused")], "rejected"),
    ("neither confirm nor deny", [REQ, response("neither_confirm_nor_deny")], "rejected"),
    ("unknown outcome", [REQ, response("unknown")], "awaiting_classification"),
    ("thanks after an answer keeps the answer", [REQ, response("not_held"), CHASER, NOTE], "not_held"),
    ("clarification asked", [REQ, CLARIFY], "waiting_clarification"),
    ("clarification given", [REQ, CLARIFY, REPLY], "waiting_response"),
    ("a conditional withdrawal is not one", [REQ, CLARIFY_IF], "waiting_clarification"),
    ("a condition on the line before", [REQ, CLARIFY_WRAPPED], "waiting_clarification"),
    ("internal review", [REQ, response("refused"), IR, ACK], "internal_review"),
    (
        "internal review answered",
        [
            REQ,
            response("refused"),
            IR,
            ("internal_review_response", "authority", "information_provided", "We now release it."),
        ],
        "successful",
    ),
    ("bounce", [REQ, BOUNCE], "error_message"),
    ("bounce then resent", [REQ, BOUNCE, RESENT_NOTE], "waiting_response"),
    (
        "bounce then resent then answered",
        [REQ, BOUNCE, RESENT_NOTE, ACK, response("information_provided")],
        "successful",
    ),
    (
        "a bounce after the answer does not reopen it",
        [REQ, response("information_provided"), CHASER, BOUNCE],
        "successful",
    ),
    (
        "withdrawn",
        [REQ, ACK, ("follow_up", "requester", None, "I would like to withdraw my request.\nThanks")],
        "user_withdrawn",
    ),
    (
        "withdrawn, authority records it",
        [REQ, ("other", "authority", None, "Your request has now been withdrawn as you asked.")],
        "user_withdrawn",
    ),
    (
        "gone postal",
        [REQ, ACK, ("delay_notice", "authority", None, "The documents will be sent to you by post this week.")],
        "gone_postal",
    ),
    (
        "postal address asked",
        [
            REQ,
            ("clarification_request", "authority", None, "Please provide us with your postal address so we can reply."),
        ],
        "gone_postal",
    ),
]


@pytest.mark.parametrize(("name", "steps", "expected"), CASES, ids=[c[0] for c in CASES])
def test_state_from_messages(name: str, steps: list[Step], expected: str | None) -> None:
    result = request_state(thread_of(steps))
    assert result.state == expected
    assert result.state is None or result.state in STATES
    assert result.described is None and result.agrees is None
    if expected is not None:
        assert result.evidence and result.evidence[-1].startswith("message ")


# sent Tuesday 3 January 2023; the 20th working day after it is 31 January, the 40th 28 February,
# the 60th 29 March (St Patrick's Day, 17 March, stops a FOIA clock UK-wide)
OVERDUE = [
    ("2023-01-20", None, "waiting_response"),
    ("2023-01-31", None, "waiting_response"),
    ("2023-02-01", None, "waiting_response_overdue"),
    ("2023-02-28", None, "waiting_response_overdue"),
    ("2023-03-01", None, "waiting_response_very_overdue"),
    ("2023-03-01", True, "waiting_response_overdue"),
    ("2023-03-29", True, "waiting_response_overdue"),
    ("2023-03-30", True, "waiting_response_very_overdue"),
]


@pytest.mark.parametrize(
    ("regime", "today", "expected", "said"),
    [
        (None, "2023-03-01", "waiting_response", "the access law is unknown"),  # never FOIA's clock by default
        ("au_foi", "2023-02-02", "waiting_response", "due 2023-02-02 under au_foi"),  # 30 days after 3 January
        ("au_foi", "2023-02-03", "waiting_response_overdue", "due 2023-02-02 under au_foi"),
        ("de_ifg", "2023-02-04", "waiting_response_overdue", "due 2023-02-03 under de_ifg"),  # one month
    ],
)
def test_overdue_under_another_or_an_unknown_law(regime: str | None, today: str, expected: str, said: str) -> None:
    thread = thread_of([REQ, ACK], dates=["2023-01-03", "2023-01-04"], regime=regime)
    result = request_state(thread, today=today)
    assert (result.state, said in result.evidence[-1]) == (expected, True)


@pytest.mark.parametrize(("today", "school", "expected"), OVERDUE)
def test_overdue_counts_working_days(today: str, school: bool | None, expected: str) -> None:
    thread = thread_of([REQ, ACK], dates=["2023-01-03", "2023-01-04"])
    result = request_state(thread, today=today, school=school)
    assert result.state == expected
    assert result.evidence[-1].startswith(f"as of {today}:")
    assert request_state(thread, today=dt.date.fromisoformat(today), school=school).state == expected


def test_school_is_read_from_the_authority_name() -> None:
    thread = thread_of([REQ], dates=["2023-01-03"], authority="Glanforth Primary School")
    assert request_state(thread, today="2023-03-01").state == "waiting_response_overdue"


def test_overdue_needs_a_date_and_never_applies_after_an_answer() -> None:
    assert request_state(thread_of([REQ, ACK]), today="2030-01-01").state == "waiting_response"
    answered = thread_of([REQ, response("refused")], dates=["2023-01-03", "2023-06-01"])
    assert request_state(answered, today="2030-01-01").state == "rejected"
    clarifying = thread_of([REQ, CLARIFY], dates=["2023-01-03", "2023-01-05"])
    assert request_state(clarifying, today="2030-01-01").state == "waiting_clarification"


@pytest.mark.parametrize(
    ("status", "normalised"),
    [
        ("successful", "successful"),
        ("Awaiting response", "waiting_response"),
        ("Long overdue", "waiting_response_very_overdue"),
        ("Withdrawn by the requester", "user_withdrawn"),
        ("vexatious", "rejected"),
        ("requires_admin", "requires_admin"),
        ("The request was partially successful.", "partially_successful"),
        ("The request was successful.", "successful"),
        ("Kestrelford Council did not have the information requested.", "not_held"),
        ("The request was refused by Kestrelford Council.", "rejected"),
        ("Currently waiting for a response from Kestrelford Council, they must respond promptly", "waiting_response"),
        ("Response to this request is long overdue.", "waiting_response_very_overdue"),
        ("Response to this request is delayed.", "waiting_response_overdue"),
        ("Waiting for an internal review by Kestrelford Council of their handling of this request.", "internal_review"),
        ("Waiting clarification: the authority asked for clarification", "waiting_clarification"),
        ("Kestrelford Council will reply by post.", "gone_postal"),
        ("This request has been withdrawn by the person who made it.", "user_withdrawn"),
        ("A delivery error occurred.", "error_message"),
        ("This request has an unusual status.", "This request has an unusual status."),
        ("", None),
        (None, None),
    ],
)
def test_normalise_status(status: str | None, normalised: str | None) -> None:
    assert normalise_status(status) == normalised


@pytest.mark.parametrize(
    ("steps", "status", "today", "agrees"),
    [
        ([REQ, response("information_provided")], "successful", None, True),
        ([REQ, response("unknown")], "successful", None, False),
        ([REQ, ACK], "waiting_response", "2023-03-10", True),  # overdue still agrees with waiting
        ([REQ, ACK], "Delayed", None, True),
        ([REQ, response("refused")], "requires_admin", None, None),  # no state of ours to compare
    ],
)
def test_agreement_with_the_stated_status(
    steps: list[Step], status: str, today: str | None, agrees: bool | None
) -> None:
    thread = thread_of(steps, status=status, dates=["2023-01-03"])
    assert request_state(thread, today=today).agrees is agrees


def test_to_dict_carries_the_state_without_today() -> None:
    thread = thread_of([REQ, ACK], dates=["2001-01-03"])
    assert thread.state == "waiting_response"
    assert thread.to_dict()["state"] == "waiting_response"  # never overdue: to_dict has no today
    assert request_state(thread, today="2002-01-01").state == "waiting_response_very_overdue"
    assert request_state(thread).to_dict()["state"] == "waiting_response"


def test_schema_enum_lists_every_state() -> None:
    assert foithread.json_schema()["properties"]["state"]["enum"] == [*STATES, None]


def test_a_request_page_status_agrees() -> None:
    thread = foithread.parse(FIXTURES / "html" / "wdtk-hampshire-internal-review.html")
    result = request_state(thread)
    assert (result.state, result.described, result.agrees) == ("internal_review", "internal_review", True)


RULES = [
    (WITHDRAWN, "I would like to withdraw my request.", "withdraw_request"),
    (WITHDRAWN, "We hereby withdraw this FOI request", "withdraw_request"),
    (WITHDRAWN, "Please treat my request as withdrawn.", "treat_as_withdrawn"),
    (WITHDRAWN, "Please cancel this request, it was sent in error.", "cancel_request"),
    (WITHDRAWN, "I no longer require the information.", "no_longer_require"),
    (WITHDRAWN, "Your request has been closed as withdrawn.", "recorded_withdrawn"),
    (WITHDRAWN, "Hiermit ziehe ich meine Anfrage zurück.", "german"),
    (WITHDRAWN, "Your request has been logged.", None),
    (WITHDRAWN, "The council withdrew the policy in 2019.", None),
    (GONE_POSTAL, "The information will be sent to you by post.", "sent_by_post"),
    (GONE_POSTAL, "Your pack was posted via Royal Mail today", "sent_by_post"),
    (GONE_POSTAL, "Please let us have your postal address.", "postal_address_asked"),
    (GONE_POSTAL, "A paper copy of the report will follow by post.", "hard_copy"),
    (GONE_POSTAL, "Please send the documents to me by post.", "send_by_post"),
    (GONE_POSTAL, "The information is attached to this email.", None),
    (GONE_POSTAL, "Our postal address is Town Hall, Kestrelford.", None),
    (RESENT, "Sent request to Kestrelford Borough Council again.", "sent_again"),
    (RESENT, "Sent a follow up to Kestrelford Borough Council again, using a new contact address.", "sent_again"),
    (RESENT, "We sent the request to the wrong team.", None),
    (CONDITIONAL, "If we do not hear from you we will close the request.", "conditional"),
    (CONDITIONAL, "We have closed the request.", None),
    (CONDITIONAL, "Otherwise we will assume that your request has been withdrawn.", "conditional"),
    (CONDITIONAL, "We will assume that your request has been withdrawn.", "supposed"),
]


@pytest.mark.parametrize(("table", "line", "rule"), RULES, ids=[f"{t.name}:{line[:30]}" for t, line, _ in RULES])
def test_state_rule_tables(table: foithread.RuleTable, line: str, rule: str | None) -> None:
    found = table.first(line)
    assert (found.name if found else None) == rule


def test_every_state_rule_has_a_test() -> None:
    tested = {(t.name, r) for t, _line, r in RULES if r}
    assert tested == {(t.name, r.name) for t in (WITHDRAWN, GONE_POSTAL, RESENT, CONDITIONAL) for r in t}


def test_every_status_line_rule_names_a_state() -> None:
    assert {r.name for r in STATUS_LINES} <= set(STATES)


def test_the_recipe_table_is_the_archive_output() -> None:
    archive = sorted((ROOT / "docs" / "examples" / "archive").glob("*.txt"))
    last: Counter[str] = Counter()
    june: Counter[str] = Counter()
    for path in archive:
        thread = foithread.parse(path)
        last[str(thread.state)] += 1
        june[str(request_state(thread, today="2024-06-03").state)] += 1
    recipe = (ROOT / "docs" / "recipes" / "request-state.md").read_text(encoding="utf-8")
    for state in sorted(set(last) | set(june)):
        assert f"| {state} | {last[state]} | {june[state]} |" in recipe
    assert f"The {len(archive)} threads" in recipe
