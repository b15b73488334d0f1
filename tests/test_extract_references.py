"""Reference extraction (DOMAIN 4.1): shapes, labels, subjects and the things that are not references."""

from __future__ import annotations

import pytest

from foithread.model import Reference
from foithread.stages.extract import (
    REFERENCE_LABELS,
    REFERENCE_SHAPES,
    extract_references,
    mask_spans,
)

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
    # A prefix word before the number is part of a labelled value (agencies' registry codes).
    ("Our reference: LEX 51234\nDear Applicant,", [("LEX 51234", "Our reference")]),
    ("Ref: Vg. 112-2019 / NUH 40871", [("Vg. 112-2019", "Ref"), ("NUH 40871", "Ref")]),
    ("Our ref: DC/FOI 415/19\n\nDear Sir", [("DC/FOI 415/19", "Our ref")]),
    ("Subject: access to documents - GESTDEM 2023/1142", [("GESTDEM 2023/1142", None)]),
    # A second value joined on the label's line takes the same label.
    ("Our ref: FOI-2023-20114 & DOHFOI-2023-0042", [("FOI-2023-20114", "Our ref"), ("DOHFOI-2023-0042", "Our ref")]),
    ("Our ref: 14002291 AB/Cd\nDate: 3 May 2019", [("14002291 AB/Cd", "Our ref")]),  # handler's initials kept
    ("Cyfeirnod: 18844\nDyddiad: 3 Mai 2022", [("18844", "Cyfeirnod")]),
    ("Re: Freedom of Information request \u2013 81233\nDear Mr Green", [("81233", "Freedom of Information request")]),
    # Unlabelled shapes: request serials, EU register numbers, CRM case numbers.
    ("We have given your request the number F0047712.", [("F0047712", None)]),
    ("See Council document A(2016)12045 and Ares(2019)1234567.", [("A(2016)12045", None), ("Ares(2019)1234567", None)]),
    ("Your case CAS-204815-K9P3Q1 is now closed.", [("CAS-204815-K9P3Q1", None)]),
    # US FOIA tracking numbers
    ("Your request has been assigned 2023-FOIA-04417.", [("2023-FOIA-04417", None)]),
    ("FOIA Tracking Number: EPA-HQ-2022-005531", [("EPA-HQ-2022-005531", "FOIA Tracking Number")]),
    ("Tracking #: 22-00481-F\nDear Requester", [("22-00481-F", "Tracking")]),  # "#" is dropped like "Ref #"
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
    "Ref: May 2021",  # a month is no prefix word
]

SUBJECT_CASES = [
    ("FOI 70915 - Acknowledgement - Skilled Worker visa processing times", ["FOI 70915"]),
    ("Re: FOI 221101046", ["FOI 221101046"]),
    ("[#32154] Freedom of Information request - Bus lanes", ["32154"]),  # a ticketing system's leading tag
    ("Re: [#41877] Your request", ["41877"]),
    ("Unterlagen nach \u00a7 6 Abs. 1 Arbeitsschutzgesetz [#31109]", []),  # FragDenStaat's request id, not a reference
    ("FOI Request 2023-0917 Response", ["2023-0917"]),
    ("Case CAS-301122-Z8Y7X6 closed", ["CAS-301122-Z8Y7X6"]),
    ("FW: FOI 34960 Tom Young re CSA Inquiry", ["FOI 34960"]),
    ("Freedom of Information request - Potholes reported on Otley Road 2020", []),
]


@pytest.mark.parametrize(("text", "expected"), BODY_CASES)
def test_references_in_body(text: str, expected: list[tuple[str, object]]) -> None:
    assert [(r.value, r.label) for r in extract_references(text)] == expected


# (text, subject, expected [(value, role)]): whose reference it is, from the label or an unambiguous shape.
ROLE_CASES = [
    ("Our ref: FOI-2022-10073", None, [("FOI-2022-10073", "request")]),
    ("Your ref: AB/123\nOur ref: 01/FOI/21/021127", None, [("AB/123", None), ("01/FOI/21/021127", "request")]),
    ("Internal Review Reference: 44102\n", None, [("44102", "review")]),
    ("logged with reference IR 2022/0157.", None, [("IR 2022/0157", "review")]),
    ("ICO reference: 0099123\n", None, [("0099123", "regulator")]),
    ("OAIC ref: MR22/00411\n", None, [("MR22/00411", "regulator")]),
    (
        "Your complaint IC-255369-Y7X2 and decision FS50441818.",
        None,
        [("IC-255369-Y7X2", "regulator"), ("FS50441818", "regulator")],
    ),
    ("", "RE: FOI 240311087", [("FOI 240311087", None)]),  # "RE:" is a subject prefix, not a label
    ("Reference: T3241/8\n", None, [("T3241/8", None)]),  # a bare "Reference" says nothing of whose
]


@pytest.mark.parametrize(("text", "subject", "expected"), ROLE_CASES)
def test_reference_roles(text: str, subject: str | None, expected: list[tuple[str, str | None]]) -> None:
    refs = extract_references(text, subject=subject)
    assert [(r.value, r.role) for r in refs] == expected
    assert all(r.label != "RE" for r in refs)


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_not_references(text: str) -> None:
    assert extract_references(text) == []


@pytest.mark.parametrize(("subject", "expected"), SUBJECT_CASES)
def test_references_in_subject(subject: str, expected: list[str]) -> None:
    assert [r.value for r in extract_references("", subject=subject)] == expected


def test_subject_references_come_first_and_merge_with_body() -> None:
    refs = extract_references("Dear Mr Jenkins\nRef: FOI18234\n", subject="FOI18234 - Ymateb / Response")
    assert refs == [Reference(value="FOI18234", label="Ref", role=None)]


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
