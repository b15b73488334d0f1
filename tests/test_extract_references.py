"""Reference extraction (DOMAIN 4.1): shapes, labels, subjects and the things that are not references."""

from __future__ import annotations

import pytest

from foithread.extract import (
    REFERENCE_LABELS,
    REFERENCE_SHAPES,
    extract_references,
    mask_spans,
)
from foithread.model import Reference

# (text, expected [(value, label)]) - values exactly as printed, in order of appearance.
BODY_CASES = [
    (
        "Freedom of Information Request Reference No: 01/FOI/21/021127",
        [("01/FOI/21/021127", "Freedom of Information Request Reference No")],
    ),
    ("Your ref:\nOur ref: 01/FOI/21/021127\n22/09/2021", [("01/FOI/21/021127", "Our ref")]),
    ("Reference : T3241/8\n\nThank you for your e-mail enquiry of 12th February.", [("T3241/8", "Reference")]),
    ("Our ref: DE00000642471\n\nDear Ms Peters Rock,", [("DE00000642471", "Our ref")]),
    ("Cyf / Our Ref: FOI 21-1043", [("FOI 21-1043", "Cyf / Our Ref")]),
    ("Our reference: EIR 21/123\nThank you for your request", [("EIR 21/123", "Our reference")]),
    (
        "Your request for an internal review of FOI2022/01234 has been logged with\nreference IR 2022/0157.",
        [("FOI2022/01234", None), ("IR 2022/0157", "logged with reference")],
    ),
    ("which we received on\n11 January 2022 and have logged as BH-FOI-22-0113.", [("BH-FOI-22-0113", "logged as")]),
    ("FREEDOM OF INFORMATION REQUEST - REFERENCE NUMBER: FOI/2021/0456", [("FOI/2021/0456", "REFERENCE NUMBER")]),
    (
        "Freedom of Information Request Reference No: 2008040590",
        [("2008040590", "Freedom of Information Request Reference No")],
    ),
    ("TfL Ref: FOI-0934-2122\nThank you for your request", [("FOI-0934-2122", "TfL Ref")]),
    ("Cyf / Ref: FOI18234", [("FOI18234", "Cyf / Ref")]),
    ("Ref: EIR22/0456", [("EIR22/0456", "Ref")]),
    (
        "has been received and allocated reference PD/FOI/22/00412. We will respond",
        [("PD/FOI/22/00412", "allocated reference")],
    ),
    ("Please quote case number 72722 in any correspondence.", [("72722", "case number")]),
    ("Request ID: 16267565", [("16267565", "Request ID")]),
    ("Ein cyf: 16301", [("16301", "Ein cyf")]),
    # Bare shapes, no label.
    ("Your response to FOI-0934-2122 was due on 3 November 2021.", [("FOI-0934-2122", None)]),
    (
        "Your complaint IC-255369-Y7X2 follows decision notice FS50441818 and appeal EA/2022/0049.",
        [("IC-255369-Y7X2", None), ("FS50441818", None), ("EA/2022/0049", None)],
    ),
    (
        "GMP GSA/4762/12, Police Scotland IM-FOI-2021-0942, Warwickshire FOI-120-2024",
        [("GSA/4762/12", None), ("IM-FOI-2021-0942", None), ("FOI-120-2024", None)],
    ),
    (
        "BBC RFI20240191, DWP IR2021/08111 and MoD FOI2023/93842.",
        [("RFI20240191", None), ("IR2021/08111", None), ("FOI2023/93842", None)],
    ),
    # Repeats are de-duplicated on the whitespace-free form; the first label is kept.
    ("Our ref: FOI/2021/4471\n...\nRe: FOI/2021/4471", [("FOI/2021/4471", "Our ref")]),
]

NOT_REFERENCES = [
    "Your ref:\nDear Ms Marks",  # an empty label never takes the next line
    "Please use this email address for all replies to this request:\nrequest-829104-7c2e4f19@whatdotheyknow.com",
    "Email: [FOI #123456 email]",
    "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF",
    "Telephone 0303 123 1113 or write to us.",
    "under The Environmental Information Regulations 2004 (SI 2004/3244)",
    "Your request was received on 22/09/2021 and we will respond by 20.10.2021.",
    "it is exempt under section 31(1)(a) of the Act",
    "Please quote the reference number above in any correspondence.",
    "With reference to your email of 5 May, I attach our reply.",
    "The 72722 people who replied",  # a bare number without a label
    "Our ref: 01234 567890",  # a phone number after a label
]

SUBJECT_CASES = [
    ("FOI 70915 - Acknowledgement - Skilled Worker visa processing times", ["FOI 70915"]),
    ("Re: FOI 221101046", ["FOI 221101046"]),
    ("[#32154] Freedom of Information request - Bus lanes", ["32154"]),
    ("FW: FOI 34960 Tom Young re CSA Inquiry", ["FOI 34960"]),
    ("Freedom of Information request - Potholes reported on Otley Road 2020", []),
]


@pytest.mark.parametrize(("text", "expected"), BODY_CASES)
def test_references_in_body(text: str, expected: list[tuple[str, object]]) -> None:
    assert extract_references(text) == [Reference(value=v, label=lab) for v, lab in expected]


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_not_references(text: str) -> None:
    assert extract_references(text) == []


@pytest.mark.parametrize(("subject", "expected"), SUBJECT_CASES)
def test_references_in_subject(subject: str, expected: list[str]) -> None:
    assert [r.value for r in extract_references("", subject=subject)] == expected


def test_subject_references_come_first_and_merge_with_body() -> None:
    refs = extract_references("Dear Mr Jenkins\nRef: FOI18234\n", subject="FOI18234 - Ymateb / Response")
    assert refs == [Reference(value="FOI18234", label="Ref")]


def test_mask_spans_cover_every_occurrence() -> None:
    text = "Our ref: 01/FOI/21/021127\nFreedom of Information Request Reference No: 01/FOI/21/021127"
    spans = mask_spans(text)
    assert [text[s:e] for s, e in spans] == ["01/FOI/21/021127", "01/FOI/21/021127"]


def test_tables_are_named_and_ordered() -> None:
    shape_names = [name for name, _ in REFERENCE_SHAPES]
    label_names = [name for name, _ in REFERENCE_LABELS]
    assert shape_names[0] == "met" and len(set(shape_names)) == len(shape_names)
    # longer labels must come before the generic "Reference" so they win at the same position
    assert label_names.index("foi_request_reference_no") < label_names.index("reference")
