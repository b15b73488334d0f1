"""Regime detection (regime.py): a mention in a list of services is not the regime."""

from __future__ import annotations

import pytest
from conftest import CORPUS

import foithread
from foithread.stages.regime import applies_eir, detect_regime

CASES = [
    ("We have considered your request under the Environmental Information Regulations 2004.", "eir"),
    ("Your request has been dealt with under the EIR.", "eir"),
    ("As the information is environmental, we have handled your request under the EIR rather than the FOIA.", "eir"),
    (
        "We have handled your request under the Environmental Information Regulations\n"
        "2004 (EIR) rather than the Freedom of Information Act 2000.",
        "eir",
    ),
    ("Thank you for your request under the Freedom of Information Act 2000.", None),
    # boilerplate listing what an office handles
    (
        "The following applications are processed through this mailbox:\n"
        "• Freedom of Information Act Requests\n"
        "• Requests under the Environmental Information Regulations 2000 (EIR)\n",
        None,
    ),
    ("Requests will be handled under the Freedom of Information Act 2000 or the\nEIR 2004 as appropriate.", None),
    ("1. Requests under the Environmental Information Regulations\n2. Subject access requests\n", None),
    # Scotland
    ("We have dealt with your request under the Freedom of Information (Scotland) Act 2002.", "foisa"),
    ("You may apply to the Scottish Information Commissioner.", "foisa"),
    ("Your request falls under the Environmental Information (Scotland) Regulations 2004.", "eisr"),
    ("We handle requests under FOISA or the EIRs as appropriate.", "foisa"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_detect_regime(text: str, expected: str | None) -> None:
    assert detect_regime(text) == expected


def test_regime_never_moves_back() -> None:
    assert detect_regime("under the Freedom of Information Act 2000", "eir") == "eir"
    assert detect_regime("under the EIR", "foisa") == "foisa"
    assert detect_regime("We apply the EIR to this request.", "foi") == "eir"


def test_applies_eir_needs_a_mention() -> None:
    assert not applies_eir("Dear Sir, please find the figures attached.")


def test_seed_auto_acknowledgement_listing_the_eir_leaves_the_thread_under_foia() -> None:
    seed = CORPUS / "seed" / "wdtk-met-uyghur-2021.txt"
    if not seed.exists():
        pytest.skip("../shared corpus not present")
    assert foithread.parse(seed).regime == "foi"
