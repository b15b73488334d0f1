"""extract_all on whole messages, and the extractors' robustness on hostile input."""

from __future__ import annotations

import time

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foithread.model import Address, DateMention, Reference, Signatory
from foithread.stages.extract import (
    Extracted,
    extract_addresses,
    extract_all,
    extract_dates,
    extract_exemptions,
    extract_references,
    extract_signatories,
)

MET_RESPONSE = """Official Sensitive
Information Rights Unit
PO Box 313
Sidcup
DA15 0HH
Email: [1][the Met request email]
[2]www.met.police.uk
Your ref:
Our ref: 01/FOI/21/021127
22/09/2021
Dear Ms Marks
Freedom of Information Request Reference No: 01/FOI/21/021127
Please see the attached in respect of your Freedom of Information request
referenced above.
Yours sincerely
Paul Mayger
Official Sensitive
"""

DC_RESPONSE = """OFFICIAL
Dear Mr Pendry
FREEDOM OF INFORMATION REQUEST - REFERENCE NUMBER: FOI/2021/0456
I write in response to your request for information dated 22nd Sept 2021.
Question 3: Devon & Cornwall Police holds this information; however, it is
exempt under section 31(1)(a) and (b) of the Act (Law Enforcement).
If you are dissatisfied with this response you may ask for an internal
review by writing to the Freedom of Information Team, Devon & Cornwall
Police, Middlemoor, Exeter, EX2 7HQ, or by emailing [1][Devon and Cornwall
Police request email]. If you remain dissatisfied you may complain to the
Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow,
Cheshire, SK9 5AF ([2]www.ico.org.uk).
Yours sincerely
Sian Treloar
Freedom of Information Officer
OFFICIAL
"""


def test_met_response_letter() -> None:
    found = extract_all(MET_RESPONSE)
    assert found == Extracted(
        references=(Reference(value="01/FOI/21/021127", label="Our ref", role="request"),),
        dates=(DateMention(value="2021-09-22", text="22/09/2021"),),
        signatories=(Signatory(name="Paul Mayger"),),
        addresses=(
            Address(kind="postal", value="PO Box 313, Sidcup, DA15 0HH", postcode="DA15 0HH", country="GB"),
            Address(kind="url", value="http://www.met.police.uk"),
        ),
    )


def test_police_response_with_appeal_boilerplate() -> None:
    found = extract_all(DC_RESPONSE)
    assert [r.value for r in found.references] == ["FOI/2021/0456"]
    assert [d.value for d in found.dates] == ["2021-09-22"]
    assert [s.name for s in found.signatories] == ["Sian Treloar"]
    assert [(a.kind, a.value) for a in found.addresses] == [
        ("postal", "Middlemoor, Exeter, EX2 7HQ"),
        ("postal", "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF"),
        ("url", "http://www.ico.org.uk"),
    ]
    assert extract_exemptions(DC_RESPONSE) == ["s31(1)(a)", "s31(1)(b)"]


def test_subject_reference_only_in_subject() -> None:
    found = extract_all(
        "OFFICIAL\n\nDear Jaspreet Kaur,\n\nKind regards,\n\nFOI Requests Team\nHome Office\n",
        subject="FOI 70915 - Acknowledgement - Skilled Worker visa processing times",
    )
    assert found.references == (Reference(value="FOI 70915", label=None),)
    assert [s.name for s in found.signatories] == ["FOI Requests Team"]


def test_extracted_is_frozen_and_empty_by_default() -> None:
    found = extract_all("")
    assert found == Extracted()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.references = ()  # type: ignore[misc]


HOSTILE = [
    "1" * 50_000,
    "1/" * 20_000,
    "1." * 20_000,
    "[" * 10_000 + "email" + "]" * 10_000,
    "section " * 5_000 + "40(2)" * 2_000,
    ("Yours sincerely\n" * 3_000),
    "A" * 30_000 + "@" + "b." * 10_000,
    "SW1A " * 10_000,
    "www." + "a." * 20_000,
    "Wycliffe House, " * 3_000 + "SK9 5AF",
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_hostile_input_finishes_quickly(text: str) -> None:
    start = time.perf_counter()
    extract_all(text)
    extract_exemptions(text)
    assert time.perf_counter() - start < 10.0


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbZ09 /.-,:;()[]@\n\tFOIEIRsection'£<>#|")), max_size=400))
def test_never_crashes_and_returns_model_objects(text: str) -> None:
    assert all(isinstance(r, Reference) for r in extract_references(text, subject=text[:80]))
    assert all(isinstance(d, DateMention) and len(d.value) == 10 for d in extract_dates(text))
    assert all(isinstance(s, Signatory) and s.name for s in extract_signatories(text))
    assert all(isinstance(a, Address) for a in extract_addresses(text))
    assert all(isinstance(x, str) for x in extract_exemptions(text))


def test_deterministic() -> None:
    assert extract_all(DC_RESPONSE) == extract_all(DC_RESPONSE)


def test_shared_scans_give_what_each_extractor_finds_alone() -> None:
    """extract_all scans e-mails, URLs, phones and placeholders once; the facts are the same."""
    from conftest import FIXTURES

    import foithread
    from foithread.stages.extract import extract_addresses, extract_all, extract_dates, extract_references

    bodies = [
        m.body
        for p in sorted((FIXTURES / "cases").glob("*.txt"))
        for m in foithread.parse(p).messages
        if m.body.strip()
    ]
    assert len(bodies) > 40
    for body in bodies:
        facts = extract_all(body)
        assert list(facts.references) == extract_references(body)
        assert list(facts.dates) == extract_dates(body)
        assert list(facts.addresses) == extract_addresses(body)
