"""The classification cue tables (rules/cues/), meaning by meaning and in every language: what each rule says."""

from __future__ import annotations

import pytest

from foithread.rules import DEFAULT_RULES
from foithread.rules.cues import TABLES
from foithread.stages.classify.facts import weighted_hits

# (table, text, the rules that match it)
CASES = [
    ("auto_reply", "This is an automated response. Please do not reply to this email.", {"automated", "do_not_reply"}),
    ("auto_reply", "We will respond in due course.", {"due_course"}),
    ("auto_reply", "Thank you for your email, which has been received.", {"received_email"}),
    ("auto_reply", "Our office hours are 9am to 5pm.", {"office_hours"}),
    ("auto_reply", "Diolch am eich e-bost.", {"received_email"}),
    ("acknowledgement", "We acknowledge receipt of your request for information.", {"acknowledge"}),
    ("acknowledgement", "Your request was received on 3 April 2023.", {"received_on", "message_received"}),
    ("acknowledgement", "Your correspondence has been registered by the Access Unit.", {"message_received", "logged"}),
    ("acknowledgement", "Hiermit bestätigen wir den Eingang Ihrer Anfrage.", {"acknowledge"}),
    ("acknowledgement", "Betreff: Empfangsbestätigung zu Ihrer Anfrage", {"acknowledge"}),
    ("acknowledgement", "It has been logged under reference FOI-23-0417.", {"logged"}),
    ("acknowledgement", "We will respond within 20 working days.", {"will_respond", "within_days"}),
    (
        "acknowledgement",
        "Your request is being dealt with under the Freedom of Information Act 2000.",
        {"being_handled"},
    ),
    ("acknowledgement", "We have allocated the above reference to your request.", {"allocated_reference"}),
    ("auto_reply", "You will receive a formal acknowledgement shortly.", {"will_receive_ack"}),
    ("clarification", "Could you please clarify what you mean by 'incidents'?", {"clarify"}),
    (
        "clarification",
        "We need clarification before we can process your request.",
        {"need_clarification", "before_we_can"},
    ),
    ("clarification", "Please could you narrow the scope of your request to a single year?", {"clarify", "narrow"}),
    ("delay", "We need to extend the time limit to consider the public interest test.", {"extend", "extending_now"}),
    (
        "delay",
        "We are extending the deadline under regulation 7(1) of the EIR.",
        {"extend", "eir_reg7", "extending_now"},
    ),
    (
        "delay",
        "We need further time to consider the public interest under section 10(3) of the Act.",
        {"public_interest_time"},
    ),
    ("clarification", "The time for compliance will not start until we receive your reply.", {"clock_stops"}),
    ("delay", "We apologise for the delay in responding to your request.", {"apologise"}),
    ("delay", "I am sorry that we have not been able to respond to your request in time.", {"apologise", "not_yet"}),
    ("delay", "We now aim to respond by 14 June 2022.", {"new_date"}),
    ("delay", "We have not yet been able to complete our searches.", {"not_yet"}),
    ("response", "Please find attached our response to your request.", {"attached", "answer"}),
    ("response", "The council does not hold the information you requested.", {"not_held", "answer"}),
    ("response", "This information is exempt under section 40(2).", {"exempt"}),
    ("response", "The figures are set out in the table below.", {"provided"}),
    ("response", "Please see attached the Parking Revenue Account for 2010/11.", {"attached", "provided"}),
    ("response", "Please see attached the council's response letter.", {"attached"}),
    ("response", "We can neither confirm nor deny that we hold this information.", {"ncnd"}),
    ("response", "If you are unhappy with this response you may ask for an internal review.", {"appeal_rights"}),
    ("response", "Complying would exceed the appropriate limit of £450.", {"cost_limit"}),
    (
        "internal_review_request",
        "Please pass this on to the person who conducts Freedom of Information reviews.",
        {"wdtk_template"},
    ),
    (
        "internal_review_request",
        "I am writing to request an internal review of your handling of my request.",
        {"request_review"},
    ),
    ("internal_review_request", "Please conduct an internal review of your refusal.", {"ask_to_review"}),
    ("internal_review_request", "Please reconsider your decision to withhold the figures.", {"reconsider"}),
    ("internal_review_response", "I have completed the internal review of your request.", {"review_done"}),
    ("internal_review_response", "I uphold the original decision.", {"decision"}),
    ("internal_review_response", "The original decision is therefore partly overturned.", {"decision"}),
    ("internal_review_response", "Your complaint has been upheld in part.", {"decision"}),
    ("internal_review_response", "Internal Review Outcome", {"review_heading"}),
    ("internal_review_response", "Internal Review of your request 2024/117", {"review_heading"}),
    ("out_of_office", "I am out of the office until Monday 5 June.", {"out_of_office", "returning"}),
    ("out_of_office", "For urgent matters please contact foi@example.gov.uk.", {"urgent"}),
    ("out_of_office", "Rydw i allan o'r swyddfa.", {"out_of_office"}),
    ("bounce", "Delivery has failed to these recipients or groups:", {"failed"}),
    ("bounce", "550 5.1.1 User unknown", {"smtp"}),
    ("annotation_phrase", "Jane Smith left an annotation (3 May 2024)", {"left"}),
    ("auto_reply", "Vielen Dank für Ihre Nachricht an das Bürgerbüro.", {"received_email"}),
    ("delay", "Die Bearbeitung Ihres Antrags verzögert sich um zwei Wochen.", {"extend"}),
    ("delay", "Wir bitten um eine Fristverlängerung bis Ende März.", {"extend"}),
    ("delay", "We are extending the time limit for your request by 20 working days.", {"extend", "extending_now"}),
    ("delay", "Under section 15A of the Act we need an extension.", {"extending_now"}),
    ("response", "Leider kann Ihrem Antrag nicht entsprochen werden.", {"refused"}),
    ("response", "Ihr Antrag wird hiermit abgelehnt.", {"refused"}),
    ("response", "I am not obliged to supply the figures you asked for.", {"refused"}),
    ("response", "I have decided to release 12 documents in part.", {"partial_access", "provided"}),
    ("response", "In der Anlage übersende ich Ihnen den Bescheid.", {"attached"}),
    ("internal_review_response", "Thank you for your confirmatory application of 2 May.", {"confirmatory"}),
    (
        "internal_review_response",
        "In response to your internal review request, we looked again at the case.",
        {"review_reference"},
    ),
    ("quoted_request", "Your request of 4 March 2023 was for: the budget papers.", {"quoted"}),
    ("quoted_request", "You asked for: copies of the minutes.", {"quoted"}),
    ("notification", "Encrypted mail notification from the district office", {"encrypted_mail"}),
    ("notification", "The council has sent you a secure message.", {"secure_message"}),
    ("notification", "Benachrichtigung über verschlüsselte Nachricht", {"encrypted_mail"}),
    ("not_received", "I do not appear to have received your request of 3 May.", {"no_record"}),
    ("not_received", "We have no record of receiving an email from you.", {"no_record"}),
    ("chaser", "I have still not had a response to my request of 2 March.", {"no_answer_yet"}),
    ("chaser", "We submitted this request in January and we are still waiting.", {"submitted", "no_answer_yet"}),
    ("chaser", "Your reply is now overdue.", {"overdue"}),
    ("commentary", "The council has its figures, as the exchange below shows.", {"below"}),
    ("commentary", "UPDATE: the trust has now replied.", {"update"}),
    ("commentary", "We asked the trust for its audit report and have heard nothing since.", {"narrative"}),
    ("commentary", "Six months on, we have yet to receive anything.", {"third_party_voice"}),
    ("acknowledgement", "Wir haben Ihre Anfrage vom 3. Mai erhalten.", {"received_on"}),
    ("acknowledgement", "Ihrer Anfrage wurde das Aktenzeichen 12-34 zugeordnet.", {"logged"}),
    ("acknowledgement", "Nous accusons réception de votre demande.", {"acknowledge"}),
    ("acknowledgement", "Hemos recibido su solicitud de acceso.", {"acknowledge"}),
    ("acknowledgement", "Wij hebben uw verzoek ontvangen.", {"acknowledge"}),
    ("acknowledgement", "Diolch am eich cais am wybodaeth.", {"acknowledge"}),
    ("acknowledgement", "Byddwn yn ymateb o fewn 20 diwrnod gwaith.", {"will_respond", "within_days"}),
    ("acknowledgement", "Please see the attached acknowledgement letter.", {"attached_ack"}),
    ("auto_reply", "Dies ist eine automatisch erstellte Nachricht.", {"automated"}),
    ("auto_reply", "Ymateb awtomatig yw hwn.", {"automated"}),
    ("clarification", "Bitte präzisieren Sie Ihre Anfrage.", {"clarify"}),
    ("clarification", "Pourriez-vous préciser votre demande ?", {"clarify"}),
    ("clarification", "Le rogamos aclarar su solicitud.", {"clarify"}),
    ("clarification", "Kunt u uw verzoek verduidelijken?", {"clarify"}),
    ("delay", "Le délai de réponse est prolongé de quinze jours ouvrables.", {"extend"}),
    ("delay", "Rydym yn ymddiheuro am yr oedi.", {"apologise"}),
    ("response", "Hierzu liegen uns keine Informationen vor.", {"not_held"}),
    ("response", "Dem Antrag wird teilweise stattgegeben.", {"partial_access"}),
    ("response", "Veuillez trouver ci-joint les documents demandés.", {"attached"}),
    ("response", "Votre demande est refusée.", {"refused"}),
    ("response", "Adjuntamos la información solicitada.", {"attached"}),
    ("response", "In de bijlage vindt u de stukken.", {"attached"}),
    ("response", "Nid yw'r Cyngor yn dal y wybodaeth hon.", {"not_held"}),
    ("response", "Mae'r wybodaeth ynghlwm.", {"attached"}),
    ("response", "Mae'r wybodaeth hon wedi'i eithrio.", {"exempt"}),
]

#: ordinary sentences of a letter that no phrase table may take for a cue
PLAIN = [
    "Dear Sir, please find the figures for 2022 below.",
    "Yours sincerely, Jo Bloggs",
    "The meeting on 3 May went well and the minutes are published on our website.",
    "There were 14 incidents in 2021 and 19 in 2022.",
]


@pytest.mark.parametrize(("table", "text", "expected"), CASES)
def test_phrase_rules(table: str, text: str, expected: set[str]) -> None:
    """``table`` is a meaning: its English table and every ``<meaning>.<lang>`` one."""
    assert set(weighted_hits(DEFAULT_RULES, table, text)) == expected


@pytest.mark.parametrize("text", PLAIN)
def test_plain_sentences_are_no_cue(text: str) -> None:
    assert {t.name: t.hits(text) for t in TABLES if t.hits(text)} == {}


def test_every_phrase_rule_has_a_case() -> None:
    covered = {(table, text, name) for table, text, names in CASES for name in names}
    missing = set()
    for t in TABLES:
        if t.name == "signals":
            continue  # searched in fact lines: tests/test_classifier_signals.py
        meaning = t.name.split(".")[0]
        for rule in t.rules:
            if not any(m == meaning and n == rule.name and rule.search(text) for m, text, n in covered):
                missing.add((t.name, rule.name))
    # subject-line rules are exercised through subjects (tests/test_classifier_*.py)
    assert {name for _t, name in missing} <= {"subject", "subject_auto"}, missing
