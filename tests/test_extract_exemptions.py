"""Exemption extraction (DOMAIN 4.2): normalised, expanded, filtered by number and by context."""

from __future__ import annotations

import pytest

from foithread.stages.extract import extract_exemptions, is_exemption_context
from foithread.stages.extract.exemptions import parse_citations

CASES = [
    (
        "Devon & Cornwall Police holds this information; however, it is\nexempt under section 31(1)(a) and (b) of the Act.",
        ["s31(1)(a)", "s31(1)(b)"],
    ),
    (
        "The information requested at question 3 engages the exemption at section 31(1)(a) (Law\nEnforcement).",
        ["s31(1)(a)"],
    ),
    (
        "Details of individual notices are exempt under section 31(1)(a) and section 40(2) of the Act.",
        ["s31(1)(a)", "s40(2)"],
    ),
    ("We are withholding the scheme names under section 31(1)(d) of the Freedom of Information Act.", ["s31(1)(d)"]),
    (
        (
            "We consider this part of your request manifestly unreasonable under regulation 12(4)(b) of\nthe EIR. "
            "The names would in any case be withheld under\nregulation 13 (personal data)."
        ),
        ["reg12(4)(b)", "reg13"],
    ),
    ("The information is exempt by virtue of EIR 12(5)(e) and reg. 13.", ["reg12(5)(e)", "reg13"]),
    ("The information is exempt under sections 40 and 41 of the Act.", ["s40", "s41"]),
    ("We rely on the exemption at s.36(2)(b)(i) and (ii) and (c).", ["s36(2)(b)(i)", "s36(2)(b)(ii)", "s36(2)(c)"]),
    ("We have refused your request under section 12(1) as it would exceed the cost limit.", ["s12(1)"]),
    ("We consider the request vexatious and have applied section 14(1).", ["s14(1)"]),
    ("The names are withheld under s40(2) and s 43 (2) applies to the prices.", ["s40(2)", "s43(2)"]),
    ("The exemption at section 40(2) applies by virtue of section 40(3A)(a).", ["s40(2)"]),
    ("I am withholding it under section 35(1)(d). Section 35 is a qualified exemption.", ["s35(1)(d)"]),
    ("We neither confirm nor deny under section 23(5) and section 24(2).", ["s23(5)", "s24(2)"]),
    ("Section 21 applies as the information is reasonably accessible to you.", ["s21"]),
]

NOT_EXEMPTIONS = [
    "Section 10(3) of the Act allows us to extend the time limit where we need to consider the public interest test.",
    "Please note that under section 1(3) of the Freedom of Information Act 2000 the time for compliance will not start.",
    (
        "We are extending the time for our response to 40 working days under\nregulation 7(1) of the Environmental "
        "Information Regulations."
    ),
    "Section 20 of the Children Act 1989 applies to these cases.",
    "Section 38 of the Data Protection Act 2018 is exempt from nothing here.",
    "You can read section 40 of the Act on legislation.gov.uk.",  # no exemption vocabulary
    "We have applied section 25 of the Act.",  # supplementary under FOIA
    "Under section 16 we have a duty to advise and assist, so we have refused nothing.",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_exemptions(text: str, expected: list[str]) -> None:
    assert extract_exemptions(text) == expected


@pytest.mark.parametrize("text", NOT_EXEMPTIONS)
def test_not_exemptions(text: str) -> None:
    assert extract_exemptions(text) == []


@pytest.mark.parametrize(
    ("text", "regime", "expected"),
    [
        ("The information is exempt under section 25 of FOISA.", "foisa", ["s25"]),
        ("The information is exempt under section 25 of FOISA.", None, []),
        ("The information is withheld under section 38(1)(b) of FOISA.", "foisa", ["s38(1)(b)"]),
        ("The exception in regulation 10(4)(b) of the EISRs applies.", "eisr", ["reg10(4)(b)"]),
        ("The exception in regulation 10(4)(b) of the EISRs applies.", "eir", []),
    ],
)
def test_regime(text: str, regime: object, expected: list[str]) -> None:
    assert extract_exemptions(text, regime=regime) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("section 5.1.a&b", [("5", ("1", "a")), ("5", ("1", "b"))]),
        ("S.2(1)(b)(i)&(ii)", [("2", ("1", "b", "i")), ("2", ("1", "b", "ii"))]),
        ("section 31(1)(a)(b)", [("31", ("1", "a")), ("31", ("1", "b"))]),
        ("s36 (2) (b)", [("36", ("2", "b"))]),
        ("sections 40 and 41", [("40", ()), ("41", ())]),
        ("section 12 and 20 working days", [("12", ())]),
    ],
)
def test_parse_citations(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(num, chain) for _kind, num, chain, _s, _e in parse_citations(text)] == expected


def test_context_is_the_sentence() -> None:
    text = "Section 10(3) allows an extension. The information engages the exemption at section 31(1)(a)."
    assert not is_exemption_context(text, 0, 13)
    assert is_exemption_context(text, text.index("section 31"), len(text) - 1)


@pytest.mark.parametrize(
    ("text", "regime", "expected"),
    [
        (
            "It is estimated that the cost of locating and retrieving the information exceeds the "
            '"appropriate level" as stated in the Fees Regulations.',
            "foi",
            ["s12"],
        ),
        ("Complying with your request would exceed the appropriate limit of £450.", "foi", ["s12"]),
        ("The cost of answering is over the cost limit, so we cannot comply.", "foisa", ["s12"]),
        ("Your request exceeds the appropriate limit under section 12(1) of the Act.", "foi", ["s12(1)"]),
        ("If the cost would exceed the appropriate limit we will contact you.", "foi", []),
        ("Please tell us whether any part would exceed the appropriate limit.", "foi", []),
        ("Responding would exceed the appropriate limit.", "eir", []),  # EIR: manifestly unreasonable, not s12
    ],
)
def test_the_cost_limit_applied_without_its_section_is_s12(text: str, regime: str, expected: list[str]) -> None:
    assert extract_exemptions(text, regime) == expected
