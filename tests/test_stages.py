"""Each stage at its seam, on inputs written here: zoned lines → segments, zoned lines →
disclaimer blocks, draft → body and removed, and the message stages one by one."""

from __future__ import annotations

import attrs
import pytest

from foithread import discipline, pipeline
from foithread.readers.base import Part
from foithread.rules import DEFAULT_RULES
from foithread.stages import cleaner, message
from foithread.stages.disclaimers import disclaimer_blocks
from foithread.stages.drafts import drafts
from foithread.stages.segmenter import segment
from foithread.stages.zoner import zone


def first_lines(text: str) -> list[str]:
    z = zone(text)
    labels = cleaner.structural_labels(z, DEFAULT_RULES)
    out = []
    for seg in segment(z, labels, DEFAULT_RULES):
        lines = [ln.text.strip() for ln in z.lines[seg.start : seg.stop] if not ln.blank]
        out.append(lines[0] if lines else "")
    return out


# --- segmenter: page text with no headers → where each message starts ---------------------

SEGMENTS = [
    pytest.param(
        "Dear Leeds City Council,\n\nPlease send me the number of potholes repaired in 2023.\n\n"
        "Yours faithfully,\n\nSam Patel\n\n"
        "Dear Mr Patel,\n\nThank you for your request, which we received on 3 March 2024.\n\n"
        "Yours sincerely,\n\nInformation Governance\nLeeds City Council\n",
        ["Dear Leeds City Council,", "Dear Mr Patel,"],
        id="two-letters-by-greeting",
    ),
    pytest.param(
        "Dear Bristol City Council,\n\nHow many fixed penalty notices were issued for littering in 2022?\n\n"
        "Yours faithfully,\n\nJo Evans\n\n"
        "Jo Evans left an annotation (14 May 2023)\n\nStill no reply after six weeks.\n",
        ["Dear Bristol City Council,", "Jo Evans left an annotation (14 May 2023)"],
        id="annotation-heading",
    ),
    pytest.param(
        "Dear Sir or Madam,\n\nPlease tell me what the library service spent on e-books in 2021.\n\n"
        "Regards,\n\nKim Lee\n",
        ["Dear Sir or Madam,"],
        id="one-letter",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEGMENTS)
def test_segmenter_starts_each_message_at_its_first_line(text: str, expected: list[str]) -> None:
    assert first_lines(text) == expected


# --- disclaimers: zoned lines → blocks (cue words needed) ----------------------------------

DISCLAIMERS = [
    pytest.param(
        "Dear Ms Hart,\n\nPlease find our response attached.\n\nRegards,\nFOI Team\n\n"
        "This email and any files transmitted with it are confidential and intended solely for the use "
        "of the individual to whom they are addressed. If you have received this email in error please "
        "notify the sender and delete it.\n",
        True,
        id="confidentiality-notice",
    ),
    pytest.param(
        "Dear Ms Hart,\n\nThe report is confidential to the board until it meets in June; "
        "we will publish it after that meeting.\n\nRegards,\nFOI Team\n",
        False,
        id="confidential-in-prose",
    ),
]


@pytest.mark.parametrize(("text", "found"), DISCLAIMERS)
def test_disclaimer_blocks_need_their_cues(text: str, found: bool) -> None:
    z = zone(text)
    blocks = disclaimer_blocks(z, DEFAULT_RULES, [None] * len(z.lines))
    assert bool(blocks) is found
    for block in blocks:
        assert block.kind == "disclaimer"
        assert "confidential" in " ".join(ln.text for ln in z.lines[block.start : block.stop])


# --- the message stages, one at a time -----------------------------------------------------


def work_of(text: str, **part: object) -> message.Work:
    draft = next(drafts([Part(text=text, segment=False, **part)], DEFAULT_RULES))  # type: ignore[arg-type]
    return message.Work(draft, 0, message.Context(DEFAULT_RULES))


RESPONSE = (
    "Dear Ms Hart,\n\nWe can confirm that we hold the information. The council spent £12,400 on "
    "road salt in 2022.\n\nYours sincerely,\n\nPriya Shah\nInformation Officer\nCroydon Council\n\n"
    "-----Original Message-----\nFrom: Ann Hart\nSent: 01 February 2023 10:00\nTo: FOI\n"
    "Subject: Road salt\n\nHow much did you spend on road salt in 2022?\n"
)


def test_clean_removes_the_quoted_request_and_keeps_it_in_removed() -> None:
    work = message.clean(work_of(RESPONSE))
    assert "£12,400" in work.body and "How much did you spend" not in work.body
    assert [r.kind for r in work.removed] == ["quoted"]
    assert "How much did you spend" in work.removed[0].text
    assert len(work.labels) == len(work.draft.zoned.lines)


def test_extraction_reads_the_cleaned_body() -> None:
    work = message.extract_facts(message.clean(work_of(RESPONSE)))
    assert [s.name for s in work.facts.signatories] == ["Priya Shah"]
    assert "2023-02-01" not in [d.value for d in work.facts.dates]  # the quoted header's date was removed


def test_classify_then_outcome_then_assembly() -> None:
    work = work_of(RESPONSE)
    for stage in (message.clean, message.extract_facts, message.classify, message.decide_outcome, message.assemble):
        work = stage(work)
    assert work.verdict is not None and work.verdict.kind == "response"
    assert work.outcome == "information_provided"
    assert work.message is not None
    assert work.message.raw == RESPONSE and work.message.body == work.body


BOUNCE = (
    "This is the mail system at host mail.example.gov.uk.\n\nI'm sorry to have to inform you that your "
    "message could not be delivered to one or more recipients.\n\n<foi@example.gov.uk>: host "
    "mx.example.gov.uk said: 550 5.1.1 User unknown\n\nFinal-Recipient: rfc822; foi@example.gov.uk\n"
    "Action: failed\nStatus: 5.1.1\n"
)


def test_bounce_diagnostics_stage_only_acts_on_bounces() -> None:
    headers = {"from": "MAILER-DAEMON@mail.example.gov.uk", "subject": "Undelivered Mail Returned to Sender"}
    work = message.classify(message.extract_facts(message.clean(work_of(BOUNCE, headers=headers))))
    assert work.verdict is not None and work.verdict.kind == "bounce"
    stripped = message.strip_bounce_diagnostics(work)
    assert "Final-Recipient" not in stripped.body
    assert any(r.rule == "bounce_diagnostic" for r in stripped.removed)
    response = message.classify(message.extract_facts(message.clean(work_of(RESPONSE))))
    assert message.strip_bounce_diagnostics(response) is response


def test_the_pipeline_runs_the_named_stages_in_order() -> None:
    names = [name for name, _ in pipeline.MESSAGE_STAGES]
    assert names == [
        "cleaning",
        "extraction",
        "classification",
        "bounce diagnostics",
        "outcome",
        "assembly",
        "notices",
    ]
    out = pipeline.run_stages(work_of(RESPONSE), discipline.current())
    assert attrs.asdict(out) == attrs.asdict(next(pipeline.iter_messages([Part(text=RESPONSE)], DEFAULT_RULES)))


# --- readers: one registry, one reader per format ------------------------------------------


def test_every_format_has_one_reader_and_detection_names_only_those() -> None:
    from foithread.readers import FORMATS, READERS, detect_format

    assert FORMATS == tuple(READERS) == ("text", "eml", "mbox", "html", "wdtk-json", "wdtk-zip")
    assert all(r.format == name and r.description for name, r in READERS.items())
    samples = {
        b"Dear Council,\n\nPlease send me the list.\n": "text",
        b"From: a@example.org\nTo: b@example.org\nSubject: FOI\n\nHello\n": "eml",
        b"From a@example.org Mon Oct  4 10:00:00 2021\nFrom: a@example.org\nTo: b@example.org\n\nHi\n": "mbox",
        b"<!DOCTYPE html><html><body><p>Hi</p></body></html>": "html",
        b'{"id": 1, "url_title": "x"}': "wdtk-json",
        b"PK\x05\x06" + bytes(18): "wdtk-zip",
    }
    for data, expected in samples.items():
        assert detect_format(data) == expected
        assert detect_format(data) in READERS


def test_zone_codes_are_named_once_and_documented() -> None:
    from foithread.stages import codes, zoner

    letters = [v for k, v in vars(codes).items() if k.isupper() and len(v) == 1]
    assert sorted(letters) == sorted(codes.ALL) and len(set(codes.ALL)) == len(codes.ALL)
    for letter in codes.ALL:
        assert f"``{letter}``" in (zoner.__doc__ or "")
    for group in (codes.QUOTING, codes.HEADER_RUN, codes.TEXT, codes.MESSAGE_START):
        assert set(group) <= set(codes.ALL)
    assert set(zone(RESPONSE).codes) <= set(codes.ALL)
