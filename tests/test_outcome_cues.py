"""Outcome cues added for real correspondence: restated questions, part access, outright refusals."""

from __future__ import annotations

import pytest

from foithread.rules import DEFAULT_RULES
from foithread.stages.classify import has_data, outcome_of

CASES = [
    # a response that restates a question about "not held" refusals is not itself a not-held answer
    (
        "1. How many requests were refused because the council does not hold the information?\n"
        "We received 412 requests in 2022, and 37 of them were refused.\n",
        "information_provided",
    ),
    (
        "The council does not hold a list of the contracts.\n",
        "not_held",
    ),
    (
        "The figures for 2021 are provided below: 1,204 permits were issued.\n"
        "The council does not hold figures for 2020.\n",
        "partially_provided",
    ),
    (
        "I have decided to give access to 5 documents in full and 9 documents in part.\n",
        "partially_provided",
    ),
    (
        "Having considered your request, I am not obliged to supply the information you asked for.\n",
        "refused",
    ),
    (
        "Leider kann Ihrem Antrag nicht entsprochen werden.\n",
        "refused",
    ),
    # figures inside the request the letter quotes say what was asked, not what was given
    (
        "Thank you for your internal review request. You wrote:\n“You disclosed that 3,080 cases were stayed and\n"
        "14 customers received 25% of the award. Please release the figures since.”\n"
        "We find that the original decision was not correct and your complaint is upheld.\n",
        "unknown",
    ),
    (
        'You asked: "How many of the 412 permits were revoked?"\nOf the 412 permits, 37 were revoked in 2022.\n',
        "information_provided",
    ),
]


@pytest.mark.parametrize(("body", "outcome"), CASES)
def test_outcome(body: str, outcome: str) -> None:
    assert outcome_of("response", body, (), DEFAULT_RULES) == outcome


def test_a_reference_heading_and_a_cited_regulation_are_no_figures() -> None:
    body = (
        "Request for Information: ATISN 15980 – Location of coal tips\n"
        "We believe it should be withheld under the exception contained in Reg 12(4)(d) of the EIRs.\n"
    )
    assert outcome_of("response", body, ("reg12(4)(d)",), DEFAULT_RULES, "eir") == "refused"


#: numbers that are not figures: citations of law, units and rooms, numbered ids; and ones that are
HAS_DATA = [
    ("Der Antrag wird nach § 4 Absatz 1 Nr. 5 AIG abgelehnt, siehe auch § 110 Absatz 2, 131 Absatz 1.", False),
    ("Your request was passed to Referat 31 of the ministry for an answer.", False),
    ("Please quote the request number [#7702] in any reply to this office.", False),
    ("The papers are kept in Room 204 of the county archive building.", False),
    ("Under Art. 4(1)(b) of the regulation the names of staff are withheld.", False),
    ("Request for Information: ATISN 15980 – Location of coal tips", False),
    ("Your request FOI 20231 was passed to the team dealing with licensing.", False),
    ("The information is withheld under Reg 12(4)(d) and regs 13 and 12(5)(e) of the EIRs.", False),
    ("The council issued 341 penalty notices in the year to March.", True),
    ("There were 12 complaints about the NHS 24 service in the last quarter.", True),
    ("Im Jahr 2022 wurden 57 Verfahren eingeleitet und 12 eingestellt.", True),
]


@pytest.mark.parametrize(("line", "expected"), HAS_DATA)
def test_has_data(line: str, expected: bool) -> None:
    assert has_data(line) is expected


def test_refusal_citing_laws_is_refused_not_partial() -> None:
    body = (
        "Aus folgenden Gründen kann Ihren Anträgen nicht entsprochen werden:\n"
        "Der Antrag wird nach § 4 Absatz 1 Nr. 5 AIG abzulehnen sein; Referat 31 hat ihn geprüft.\n"
    )
    assert outcome_of("response", body, ("§ 4 Absatz 1 Nr. 5 AIG",), DEFAULT_RULES) == "refused"
