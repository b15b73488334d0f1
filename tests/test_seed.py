"""The seed thread (../shared/corpus/seed): the end-to-end acceptance test of the first issue."""

from __future__ import annotations

import pytest
from conftest import assert_lossless, shared_path

import foithread


@pytest.fixture(scope="module")
def thread() -> foithread.Thread:
    return foithread.parse(shared_path("corpus", "seed", "wdtk-met-uyghur-2021.txt"))


def test_four_messages_of_the_right_kinds(thread: foithread.Thread) -> None:
    assert [m.kind for m in thread.messages] == ["request", "auto_acknowledgement", "acknowledgement", "response"]
    assert [m.party for m in thread.messages] == ["requester", "authority", "authority", "authority"]


def test_thread_facts(thread: foithread.Thread) -> None:
    assert thread.format == "text"
    assert thread.authority == "Metropolitan Police Service"
    assert thread.references == ("01/FOI/21/021127",)
    assert thread.title == "Instances of Harassment towards Uyghur Individuals reported to the Met"


def test_reference_and_postal_address(thread: foithread.Thread) -> None:
    ack = thread.messages[2]
    assert [r.value for r in ack.references] == ["01/FOI/21/021127"]
    postal = [a for a in ack.addresses if a.kind == "postal"]
    assert [(a.value, a.postcode) for a in postal] == [("P.O. Box 313, Sidcup, DA15 0HH", "DA15 0HH")]
    assert [s.name for s in ack.signatories] == ["Data Office Triage Team"]


def test_response_date_and_signatory(thread: foithread.Thread) -> None:
    resp = thread.messages[3]
    assert resp.sent_on == "2021-09-22"
    assert "2021-09-22" in [d.value for d in resp.dates]
    assert [s.name for s in resp.signatories] == ["Paul Mayger"]
    assert resp.outcome == "unknown"
    assert "http://www.met.police.uk/" in [a.value for a in resp.addresses if a.kind == "url"] or any(
        a.value.rstrip("/").endswith("www.met.police.uk") for a in resp.addresses if a.kind == "url"
    )


def test_boilerplate_sits_in_removed(thread: foithread.Thread) -> None:
    auto, resp = thread.messages[1], thread.messages[3]
    disclaimers = [r for r in auto.removed if r.kind == "disclaimer"]
    assert len(disclaimers) == 1 and disclaimers[0].text.startswith("NOTICE - This email")
    assert "NOTICE - This email" not in auto.body
    kinds = {r.kind for r in resp.removed}
    assert {"link_footer", "platform_footer", "classification"} <= kinds
    link = next(r for r in resp.removed if r.kind == "link_footer")
    assert link.text.startswith("References\nVisible links")
    assert "Donate Now" in "".join(r.text for r in resp.removed if r.kind == "platform_footer")
    for phrase in ("Visible links", "Donate Now", "Official Sensitive", "We work to defend"):
        assert phrase not in resp.body


def test_answer_and_request_kept(thread: foithread.Thread) -> None:
    req, resp = thread.messages[0], thread.messages[3]
    assert "- How many instances of harassment*(2)" in req.body
    assert "Yours Faithfully,\nIndex on Censorship" in req.body
    assert "Please see the attached in respect of your Freedom of Information request" in resp.body
    assert "Our ref: 01/FOI/21/021127" in resp.body


def test_lossless_and_spans_index_the_input(thread: foithread.Thread) -> None:
    assert_lossless(thread)
    text = shared_path("corpus", "seed", "wdtk-met-uyghur-2021.txt").read_text(encoding="utf-8")
    for m in thread.messages:
        assert text[m.span[0] : m.span[1]] == m.raw
        for r in m.removed:
            assert text[r.span[0] : r.span[1]] == r.text
    assert "".join(m.raw for m in thread.messages) == text


def test_deterministic(thread: foithread.Thread) -> None:
    again = foithread.parse(shared_path("corpus", "seed", "wdtk-met-uyghur-2021.txt"))
    assert again.to_dict() == thread.to_dict()
