"""Outcome cues added for real correspondence: restated questions, part access, outright refusals."""

from __future__ import annotations

import pytest

from foithread.classifier import outcome_of
from foithread.rules import DEFAULT_RULES

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
]


@pytest.mark.parametrize(("body", "outcome"), CASES)
def test_outcome(body: str, outcome: str) -> None:
    assert outcome_of("response", body, (), DEFAULT_RULES) == outcome
