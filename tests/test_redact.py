"""Redaction (foithread.redact): WDTK-style placeholders, lossless, with a mask map that undoes it."""

from __future__ import annotations

import attrs
import pytest
from conftest import FIXTURES, assert_lossless
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import foithread
from foithread.model import Thread
from foithread.redaction import PLACEHOLDERS, CensorRule, redact, redact_text, requester_names, unredact

PAGE = """Street lighting repairs 2023
Dear Belmore City Council,
Please tell me how many street lights were reported broken in 2023 and how long the repairs took on average.
I can be reached on 07700 900123 or at asha.patel@example.org if anything is unclear.
My postal address is 14 Rowan Close, Belmore, BL4 7QT.
Yours faithfully,
Asha Patel
Dear Ms Patel
Our ref: BCC/FOI/24/0091
Thank you for your request for information, which we received on 8 January 2024. It has been logged under the reference above and is being dealt with under the Freedom of Information Act 2000. We will respond within 20 working days.
Yours sincerely
Marek Dunn
Information Governance Officer
Belmore City Council
Tel: 01632 960123
Email: foi@belmore.gov.uk
"""


@pytest.fixture(scope="module")
def thread() -> Thread:
    parsed = foithread.parse(PAGE, format="text")
    assert [m.kind for m in parsed.messages] == ["request", "acknowledgement"]
    return parsed


EMAILS = {(0, "raw", "asha.patel@example.org"), (1, "raw", "foi@belmore.gov.uk")}
PHONES = {(0, "raw", "07700 900123"), (1, "raw", "01632 960123")}
POSTAL = {(0, "raw", "14 Rowan Close, Belmore, BL4 7QT")}
REQUESTER = {(0, "raw", "Asha Patel"), (0, "sender.name", "Asha Patel"), (1, "raw", "Ms Patel")}
NAMES = {(1, "raw", "Marek Dunn"), (1, "sender.name", "Marek Dunn")}

CASES = [
    ("emails", ("emails",), (), EMAILS),
    ("phones", ("phones",), (), PHONES),
    ("postal", ("postal",), (), POSTAL),
    ("requester", ("requester",), (), REQUESTER),
    ("names", ("names",), (), NAMES),
    ("default", ("emails", "phones", "postal", "requester"), (), EMAILS | PHONES | POSTAL | REQUESTER),
    ("literal rule", (), (CensorRule("street lights", "[things]"),), {(0, "raw", "street lights")}),
    (
        "pattern rule",
        (),
        (CensorRule(r"BCC/FOI/\d+/\d+", "[reference]", regexp=True, name="refs"),),
        {(1, "raw", "BCC/FOI/24/0091")},
    ),
    ("nothing", (), (), set()),
]


@pytest.mark.parametrize(("name", "what", "rules", "expected"), CASES, ids=[c[0] for c in CASES])
def test_what_is_masked(
    thread: Thread, name: str, what: tuple[str, ...], rules: tuple[CensorRule, ...], expected: set[tuple[int, str, str]]
) -> None:
    result = redact(thread, what=what, rules=rules)
    assert {(k.index, k.field, k.text) for k in result.masks} == expected
    assert_lossless(result.thread)
    for k in result.masks:
        message = result.thread.messages[k.index]
        field = {"raw": message.raw, "sender.name": message.sender.name, "subject": message.subject}[k.field]
        assert field is not None and field[k.redacted_span[0] : k.redacted_span[1]] == k.placeholder
        assert k.text not in field
        assert k.placeholder == (PLACEHOLDERS[k.what] if k.what != "rule" else next(r.replacement for r in rules))
    restored = unredact(result)
    for before, after in zip(thread.messages, restored.messages, strict=True):
        assert (after.raw, after.body, after.removed, after.span, after.sender, after.subject) == (
            before.raw,
            before.body,
            before.removed,
            before.span,
            before.sender,
            before.subject,
        )


def test_bodies_read_like_a_wdtk_page(thread: Thread) -> None:
    red = redact(thread).thread
    assert "I can be reached on [phone number] or at [email address] if anything is unclear." in red.messages[0].body
    assert "My postal address is [address]." in red.messages[0].body
    assert red.messages[0].body.rstrip().endswith("Yours faithfully,\n[Requester name]")
    assert red.messages[1].body.startswith("Dear [Requester name]\n")
    assert "Marek Dunn" in red.messages[1].body  # officials' names only with what=("names",)
    assert red.messages[1].span[0] == red.messages[0].span[1]  # the page's coordinates stay contiguous


def test_masked_facts_are_dropped(thread: Thread) -> None:
    red = redact(thread).thread
    assert [a.kind for m in red.messages for a in m.addresses] == []
    assert red.messages[0].signatories == () and red.messages[0].sender.name == "[Requester name]"
    assert [s.name for s in red.messages[1].signatories] == ["Marek Dunn"]
    assert red.messages[1].references == thread.messages[1].references  # what is not masked stays


def test_the_redacted_page_reparses_without_reporting_placeholders(thread: Thread) -> None:
    result = redact(thread, what=("emails", "phones", "postal", "requester", "names"))
    page = redact_text(PAGE, result.masks)
    assert page == "".join(m.raw for m in result.thread.messages)
    again = foithread.parse(page, format="text")
    assert [m.kind for m in again.messages] == ["request", "acknowledgement"]
    assert [a for m in again.messages for a in m.addresses] == []
    assert [s.name for m in again.messages for s in m.signatories] == []
    for secret in ("Asha", "Patel", "07700", "asha.patel", "Rowan", "BL4", "Marek"):
        assert secret not in page


def test_a_mask_running_into_removed_text_is_cut_at_the_boundary(thread: Thread) -> None:
    assert thread.messages[0].removed[0].text == "Street lighting repairs 2023\n"  # the page title: removed
    result = redact(thread, what=(), rules=(CensorRule("2023\nDear Belmore", "[x]"),))
    message = result.thread.messages[0]
    assert_lossless(result.thread)
    assert message.removed[0].text == "Street lighting repairs [x]"
    assert message.body.startswith("[x] City Council,")
    assert [(k.text, k.placeholder) for k in result.masks] == [("2023\n", "[x]"), ("Dear Belmore", "[x]")]
    assert unredact(result).messages[0] == thread.messages[0]


def test_overlapping_masks_widen_rather_than_leak(thread: Thread) -> None:
    rule = CensorRule("Close, Belmore, BL4 7QT. Yours", "[gone]")  # starts inside the address, ends past it
    red = redact(thread, what=("postal",), rules=(rule,)).thread
    assert "My postal address is 14 Rowan [gone]" not in red.messages[0].raw
    assert "Rowan" not in red.messages[0].raw and "BL4" not in red.messages[0].raw


def test_the_requester_can_be_named(thread: Thread) -> None:
    anonymous = attrs.evolve(
        thread, messages=tuple(attrs.evolve(m, signatories=(), sender=foithread.Sender()) for m in thread.messages)
    )
    assert requester_names(anonymous) == []
    assert {k.text for k in redact(anonymous, what=("requester",), requester=("Asha Patel",)).masks} == {
        "Asha Patel",
        "Ms Patel",
    }


def test_emails_of_per_message_inputs() -> None:
    thread = foithread.parse(FIXTURES / "cases" / "eml-rushcliffe-bounce-multipart-report.eml")
    result = redact(thread, what=("emails",))
    message = result.thread.messages[0]
    assert "foi.requests@rushcliffe.gov.uk" not in message.raw and "[email address]" in message.raw
    assert message.sender.email is None
    assert message.span[0] == thread.messages[0].span[0]
    assert_lossless(result.thread)
    assert unredact(result).messages[0].sender == thread.messages[0].sender


@pytest.mark.parametrize("path", sorted(p for p in (FIXTURES / "cases").iterdir() if p.is_file()), ids=lambda p: p.name)
def test_every_fixture_redacts_losslessly_and_back(path) -> None:  # type: ignore[no-untyped-def]
    thread = foithread.parse(path)
    result = redact(thread, what=tuple(PLACEHOLDERS))
    assert_lossless(result.thread)
    restored = unredact(result)
    assert [(m.raw, m.body, m.removed, m.span, m.sender, m.subject) for m in restored.messages] == [
        (m.raw, m.body, m.removed, m.span, m.sender, m.subject) for m in thread.messages
    ]


def test_bad_arguments() -> None:
    thread = foithread.parse(PAGE, format="text")
    with pytest.raises(ValueError, match="cannot redact"):
        redact(thread, what=("passwords",))
    with pytest.raises(ValueError):
        CensorRule("x", "")
    with pytest.raises(ValueError, match="does not match"):
        redact_text(PAGE.upper(), redact(thread).masks)


def test_a_pathological_rule_cannot_hang() -> None:
    thread = foithread.parse(PAGE, format="text")
    result = redact(thread, what=(), rules=(CensorRule(r"(a+)+$", regexp=True),))
    assert_lossless(result.thread)


def test_attachment_names_and_subjects_are_masked_too(thread: Thread) -> None:
    first = attrs.evolve(
        thread.messages[0], subject="FOI from Asha Patel", attachments=("Asha Patel - evidence.pdf", "map.png")
    )
    named = attrs.evolve(thread, messages=(first, *thread.messages[1:]))
    result = redact(named, what=("requester",))
    message = result.thread.messages[0]
    assert (message.subject, message.attachments) == (
        "FOI from [Requester name]",
        ("[Requester name] - evidence.pdf", "map.png"),
    )
    back = unredact(result).messages[0]
    assert (back.subject, back.attachments) == (first.subject, first.attachments)


def test_the_recipe_table_is_the_archive_output() -> None:
    archive = sorted((FIXTURES.parent / "docs" / "examples" / "archive").glob("*.txt"))
    counts: dict[tuple[str, str], int] = {}
    for path in archive:
        for k in redact(foithread.parse(path)).masks:
            counts[(k.what, k.field)] = counts.get((k.what, k.field), 0) + 1
    recipe = (FIXTURES.parent / "docs" / "recipes" / "redaction.md").read_text(encoding="utf-8")
    assert counts
    for (what, field), n in counts.items():
        assert f"| {what} | {field} | {n} |" in recipe
    assert f"The default redaction of the {len(archive)} threads" in recipe


_LINES = st.sampled_from(
    [
        "Dear Belmore City Council,",
        "Yours faithfully,",
        "Asha Patel",
        "Dear Ms Patel",
        "Yours sincerely",
        "Marek Dunn",
        "Tel: 01632 960123",
        "Call 07700 900123 or write to asha.patel@example.org today.",
        "14 Rowan Close, Belmore, BL4 7QT",
        "Civic Centre",
        "Belmore",
        "BL1 1AA",
        "Please see the attached spreadsheet.",
        "-----Original Message-----",
        "> quoted line with foi@belmore.gov.uk",
        "This email and any attachments are confidential and intended solely for the addressee.",
        "",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_LINES, min_size=1, max_size=40).filter(lambda ls: "".join(ls).strip()),
    st.sampled_from([*PLACEHOLDERS, "rule"]),
)
def test_any_page_redacts_losslessly_and_back(lines: list[str], key: str) -> None:
    text = "\n".join(lines) + "\n"
    thread = foithread.parse(text, format="text")
    what = (key,) if key != "rule" else ()
    rules = (CensorRule(r"Belmore\s+\w+", "[place]", regexp=True),) if key == "rule" else ()
    result = redact(thread, what=what, rules=rules)
    assert_lossless(result.thread)
    redact_text(text, result.masks)  # every mask fits the input it came from
    assert [(m.raw, m.body, m.removed, m.span) for m in unredact(result).messages] == [
        (m.raw, m.body, m.removed, m.span) for m in thread.messages
    ]
