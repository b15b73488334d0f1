"""The classifier at its seam: Evidence → Verdict, across kinds and languages.

Each case is one message as the pipeline hands it to the classifier (body, position, what came
before, headers, greeting ...); the expected kind and party are what an FOI officer would say.
"""

from __future__ import annotations

from typing import Any

import pytest

from foithread.rules import DEFAULT_RULES
from foithread.stages.classify import Evidence, Verdict, classify, explain

REQ = frozenset({("request", "requester")})
ACKED = frozenset({("request", "requester"), ("auto_acknowledgement", "authority")})
REVIEW_ASKED = frozenset(
    {("request", "requester"), ("response", "authority"), ("internal_review_request", "requester")}
)


def ev(body: str, index: int = 1, earlier: frozenset[tuple[str, str]] = REQ, **fields: Any) -> Evidence:
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    greeting = next((ln for ln in lines if ln.split(" ")[0] in {"Dear", "Annwyl", "Sehr", "Geachte", "Estimado"}), None)
    closing = next(
        (ln for ln in lines if ln.startswith(("Yours", "Mit freundlichen", "Met vriendelijke", "Yn gywir"))), None
    )
    fields.setdefault("greeting", greeting)
    fields.setdefault("closing", closing)
    return Evidence(body=body, index=index, earlier=earlier, **fields)


# (case id, evidence, expected kind, expected party)
CASES: list[tuple[str, Evidence, str, str]] = [
    (
        "en request to a council",
        ev(
            "Dear Sheffield City Council,\n\nPlease provide the number of potholes repaired in 2023, by ward.\n\n"
            "Yours faithfully,\n\nAnn Roe\n",
            index=0,
            earlier=frozenset(),
        ),
        "request",
        "requester",
    ),
    (
        "en follow-up chasing an answer",
        ev(
            "Dear Sheffield City Council,\n\nI have still not had a response to my request of 3 March, and the "
            "statutory deadline has passed.\n\nYours faithfully,\n\nAnn Roe\n",
            index=2,
            earlier=ACKED,
        ),
        "follow_up",
        "requester",
    ),
    (
        "en internal review request (WDTK template)",
        ev(
            "Dear Home Office,\n\nPlease pass this on to the person who conducts Freedom of Information reviews.\n\n"
            "I am writing to request an internal review of Home Office's handling of my FOI request.\n\n"
            "Yours faithfully,\n\nAnn Roe\n",
            index=3,
            earlier=frozenset({("request", "requester"), ("response", "authority")}),
        ),
        "internal_review_request",
        "requester",
    ),
    (
        "en acknowledgement with a reference",
        ev(
            "Dear Ms Roe,\n\nThank you for your request for information. It has been logged under reference "
            "FOI-2024-118 and we will respond within 20 working days.\n\nYours sincerely,\n\nInformation Governance\n",
            has_reference=True,
        ),
        "acknowledgement",
        "authority",
    ),
    (
        "en automatic receipt without a reference",
        ev(
            "This is an automated response. Please do not reply to this email.\n\nThank you for contacting the "
            "Freedom of Information team. We aim to respond within 20 working days.\n",
            headers={"auto-submitted": "auto-replied"},
            sender_email="foi@example.gov.uk",
        ),
        "auto_acknowledgement",
        "authority",
    ),
    (
        "en response with the answer attached",
        ev(
            "Dear Ms Roe,\n\nPlease find attached the information you requested.\n\nIf you are dissatisfied with "
            "this response you may ask for an internal review.\n\nYours sincerely,\n\nJo Bloggs\n",
            index=2,
            earlier=ACKED,
        ),
        "response",
        "authority",
    ),
    (
        "en response: not held",
        ev(
            "Dear Mr Khan,\n\nThe council does not hold the information you requested.\n\nYours sincerely,\n\nJo Bloggs\n"
        ),
        "response",
        "authority",
    ),
    (
        "en delay for the public interest test, not an answer",
        ev(
            "Dear Ms Roe,\n\nThe information you asked for engages the exemption in section 43. We need further "
            "time to consider the public interest under section 10(3) of the Act and now aim to respond by "
            "14 June.\n\nYours sincerely,\n\nJo Bloggs\n"
        ),
        "delay_notice",
        "authority",
    ),
    (
        "en apology for missing the deadline is a delay, not a receipt",
        ev(
            "Dear Ms Hale\n\nI am sorry that we have not been able to respond to your request within 20 working "
            "days. We are still collating figures and hope to reply shortly.\n\nYours sincerely\n\nGemma Rowntree\n",
            index=3,
            earlier=ACKED,
            has_reference=True,
        ),
        "delay_notice",
        "authority",
    ),
    (
        "en clarification request",
        ev(
            "Dear Ms Roe,\n\nBefore we can deal with your request, could you please clarify which years you mean? "
            "The time for compliance will not start until we receive your reply.\n\nYours sincerely,\n\nJo Bloggs\n"
        ),
        "clarification_request",
        "authority",
    ),
    (
        "en internal review decision after a review request",
        ev(
            "Dear Ms Roe,\n\nI have completed the internal review of your request. I uphold the original decision "
            "to withhold the names under section 40(2).\n\nIf you remain dissatisfied you may complain to the "
            "Information Commissioner.\n\nYours sincerely,\n\nReview Officer\n",
            index=4,
            earlier=REVIEW_ASKED,
        ),
        "internal_review_response",
        "authority",
    ),
    (
        "en out of office by subject",
        ev(
            "I am out of the office until Monday 5 June with limited access to email.\n",
            subject="Out of Office: Freedom of Information request",
        ),
        "out_of_office",
        "authority",
    ),
    (
        "en bounce by subject",
        ev(
            "Delivery has failed to these recipients or groups:\nfoi@example.gov.uk\n",
            subject="Undeliverable: Freedom of Information request",
        ),
        "bounce",
        "authority",
    ),
    (
        "en annotation heading",
        ev("Ann Roe left an annotation (3 May 2024)\n\nStill waiting.\n", annotation=True),
        "annotation",
        "platform",
    ),
    (
        "en secure-message notice",
        ev(
            "The council has sent you a secure message.\n\nTo read the secure message, follow the link below.\n",
            sender_email="noreply@securemail.example.gov.uk",
        ),
        "other",
        "authority",
    ),
    (
        "en 'no record of receiving' reply",
        ev(
            "Thank you for your email.\n\nI have checked our records and we have no record of receiving your "
            "request.\n",
            index=3,
            earlier=ACKED,
        ),
        "other",
        "authority",
    ),
    (
        "en commentary above reproduced mails",
        ev(
            "Why will the trust not answer?\n\nWe asked the trust for its staffing report in December. Read the "
            "correspondence below: more than four months on, we have yet to receive a reply.\n",
            index=0,
            earlier=frozenset(),
        ),
        "annotation",
        "requester",
    ),
    (
        "en chaser with nothing else saying who wrote it",
        ev(
            "We submitted this request in January but we have not had a response. Please confirm that you "
            "received it.\n",
            index=2,
            earlier=frozenset({("annotation", "requester"), ("request", "requester")}),
        ),
        "follow_up",
        "requester",
    ),
    (
        "en bare covering letter",
        ev(
            "Dear Mr Cross\n\nFreedom of Information Request Reference No: 2008040590\n\nYours sincerely\n\nJo Bloggs\n"
        ),
        "other",
        "authority",
    ),
    (
        "en receipt sent as an attachment",
        ev(
            "Dear Ms Roe,\n\nPlease find attached an acknowledgement of your request.\n\nYours sincerely,\n\nFOI Team\n",
            subject="Acknowledgement of your request",
            attachments=("acknowledgement.pdf",),
        ),
        "auto_acknowledgement",
        "authority",
    ),
    (
        "disclosure-log answer of figures only",
        ev("Response\n\n1. 1,204 permits in 2022.\n2. 1,317 permits in 2023.\n", index=1, earlier=REQ),
        "response",
        "authority",
    ),
    (
        "unaddressed text with no cue at all",
        ev("Preface to the message\n\n----------\nImportant message about cheese\n", index=0, earlier=frozenset()),
        "other",
        "authority",
    ),
    (
        "reader hint decides",
        ev("Some text without cues.\n", kind_hint="clarification_request", party_hint="authority"),
        "clarification_request",
        "authority",
    ),
    (
        "cy acknowledgement",
        ev(
            "Annwyl Ms Roe,\n\nDiolch am eich cais am wybodaeth. Byddwn yn ymateb o fewn 20 diwrnod gwaith.\n\n"
            "Yn gywir,\n\nTîm Rhyddid Gwybodaeth\n",
            has_reference=True,
        ),
        "acknowledgement",
        "authority",
    ),
    (
        "cy response: not held",
        ev("Annwyl Mr Jones,\n\nNid yw'r Cyngor yn dal y wybodaeth y gofynnoch amdani.\n\nYn gywir,\n\nSiân Evans\n"),
        "response",
        "authority",
    ),
    (
        "cy out of office",
        ev("Rydw i allan o'r swyddfa tan ddydd Llun.\n", sender_email="swyddog@example.llyw.cymru"),
        "out_of_office",
        "authority",
    ),
    (
        "de receipt",
        ev(
            "Sehr geehrter Herr Doe,\n\nhiermit bestätige ich den Eingang Ihrer Anfrage vom 3. Mai.\n\n"
            "Mit freundlichen Grüßen\n\nIm Auftrag\n"
        ),
        "auto_acknowledgement",
        "authority",
    ),
    (
        "de delay",
        ev(
            "Sehr geehrte Frau Roe,\n\ndie Bearbeitung Ihres Antrags verzögert sich leider.\n\nMit freundlichen Grüßen\n"
        ),
        "delay_notice",
        "authority",
    ),
    (
        "de refusal after a receipt line",
        ev(
            "Sehr geehrter Herr Doe,\n\nich bestätige den Eingang Ihrer Anfrage. Ihr Antrag wird hiermit "
            "abgelehnt.\n\nMit freundlichen Grüßen\n"
        ),
        "response",
        "authority",
    ),
    (
        "de encrypted-mail notice",
        ev(
            "Benachrichtigung über verschlüsselte Nachricht\n\nsachbearbeitung@kreis.example.de möchte Ihnen eine "
            "verschlüsselte Nachricht zukommen lassen.\n",
            sender_email="gateway@kreis.example.de",
        ),
        "other",
        "authority",
    ),
    (
        "fr receipt",
        ev("Madame,\n\nNous accusons réception de votre demande d'accès aux documents.\n"),
        "auto_acknowledgement",
        "authority",
    ),
    ("es response", ev("Estimado Sr. Pérez:\n\nAdjuntamos la información solicitada.\n"), "response", "authority"),
    (
        "nl receipt",
        ev("Geachte heer Jansen,\n\nWij hebben uw verzoek ontvangen.\n\nMet vriendelijke groet,\n\nTeam Woo\n"),
        "auto_acknowledgement",
        "authority",
    ),
]


@pytest.mark.parametrize(("evidence", "kind", "party"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_evidence_to_verdict(evidence: Evidence, kind: str, party: str) -> None:
    verdict = classify(evidence, DEFAULT_RULES)
    assert (verdict.kind, verdict.party) == (kind, party), explain(verdict)
    assert 0.5 <= verdict.confidence <= 0.99
    assert verdict.scores[0][0] == kind


def _verdict(name: str) -> Verdict:
    case = next(c for c in CASES if c[0] == name)
    return classify(case[1], DEFAULT_RULES)


def test_the_verdict_carries_its_evidence() -> None:
    verdict = _verdict("en response with the answer attached")
    assert "response:attached" in verdict.cues and "response:appeal_rights" in verdict.cues
    fired = {(c.source, c.name): c.weight for c in verdict.evidence}
    assert fired[("response", "attached")] == DEFAULT_RULES["response"].rules[0].weight
    assert dict(verdict.scores)["response"] == pytest.approx(
        sum(c.weight for c in verdict.evidence if c.kind == "response")
    )
    text = explain(verdict)
    assert text.splitlines()[0].startswith("response (authority), confidence")
    assert "response:attached" in text


def test_confidence_is_the_margin() -> None:
    clear = _verdict("en internal review decision after a review request")
    close = _verdict("de refusal after a receipt line")  # a receipt and a refusal in one letter
    assert clear.confidence > close.confidence
    best, second = clear.scores[0][1], clear.scores[1][1]
    assert best - second > 2


def test_disabling_a_cue_removes_exactly_its_weight() -> None:
    evidence = next(c[1] for c in CASES if c[0] == "en response with the answer attached")
    before = classify(evidence, DEFAULT_RULES)
    after = classify(evidence, DEFAULT_RULES.disable("response", "attached"))
    assert "response:attached" not in after.cues
    weight = next(c.weight for c in before.evidence if c.name == "attached")
    assert dict(before.scores)["response"] - dict(after.scores)["response"] == pytest.approx(weight)
    # nothing else moved
    assert [c for c in before.evidence if c.name != "attached"] == list(after.evidence)


def test_disabling_a_language_table_rule() -> None:
    evidence = next(c[1] for c in CASES if c[0] == "de delay")
    assert classify(evidence, DEFAULT_RULES.disable("delay.de", "extend")).kind != "delay_notice"
