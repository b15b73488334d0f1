"""Bounces (foithread.stages.bounces): permanent or transient, why, for whom; and the notices that are not bounces."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, shared_path

import foithread
from foithread.model import Bounce, Message
from foithread.rules.bounces import TABLES
from foithread.stages.bounces import (
    bounce_details,
    details_of_text,
    is_closed_notice,
    is_delay_warning,
    is_recall_notice,
)

POSTFIX = """This is the mail system at host mx1.kestrelford.gov.uk.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<foi@kestrelford.gov.uk>: host mail.kestrelford.gov.uk[192.0.2.4] said:
    550 5.1.1 <foi@kestrelford.gov.uk>: Recipient address rejected: User unknown
    in local recipient table (in reply to RCPT TO command)
"""
EXCHANGE_FULL = """Delivery has failed to these recipients or groups:

records@glanforth.gov.uk
The recipient's mailbox is full and can't accept messages now.

Diagnostic information for administrators:
Generating server: MAIL01.glanforth.local
Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'
Microsoft SMTP Server (TLS) id 14.3.361.1
"""
EXIM_DELAY = """This message was created automatically by mail delivery software.
A message that you sent has not yet been delivered to one or more of its
recipients after more than 24 hours on the queue on relay.example.net.

  foi@northmoor.police.uk
    host mx.northmoor.police.uk [192.0.2.9]: 451 4.4.1 Temporary local problem

No action is required on your part. Delivery attempts will continue for
some time, and this warning may be repeated at intervals.
"""
GERMAN = """Unzustellbar: Ihre Anfrage nach dem Informationsfreiheitsgesetz

Die Nachricht konnte nicht zugestellt werden.
Das Postfach des Empfängers ist voll.

poststelle@stadt-beispiel.de
"""
GERMAN_UNKNOWN = """Fehler bei der Nachrichtenzustellung an folgende Empfänger oder Gruppen:

anfragen@amt-beispiel.de
Empfänger unbekannt. Bitte prüfen Sie die Adresse.
"""
FRENCH = """Votre message n'a pas pu être remis.

contact@mairie-exemple.fr
Destinataire inconnu
"""
TOO_LARGE = """Delivery to the following recipient failed permanently:

     planning@belmore.nhs.uk

552 5.3.4 Message size exceeds fixed limit
"""
BLOCKED = """Undeliverable: FOI request

foi@strathallan.gov.uk
550 5.7.1 Service unavailable; client host [198.51.100.7] blocked using a reputation list
"""
UNROUTEABLE = """A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  info@no-such-council.example
    Unrouteable address
"""
VAGUE = "Your message was returned.\n"

CASES = [
    ("postfix", POSTFIX, Bounce(True, "recipient_unknown", "5.1.1", ("foi@kestrelford.gov.uk",))),
    ("exchange mailbox full", EXCHANGE_FULL, Bounce(True, "mailbox_full", "5.2.2", ("records@glanforth.gov.uk",))),
    ("exim delay", EXIM_DELAY, Bounce(False, "other", "4.4.1", ("foi@northmoor.police.uk",))),
    ("german mailbox full", GERMAN, Bounce(True, "mailbox_full", None, ("poststelle@stadt-beispiel.de",))),
    ("german unknown", GERMAN_UNKNOWN, Bounce(True, "recipient_unknown", None, ("anfragen@amt-beispiel.de",))),
    ("french unknown", FRENCH, Bounce(True, "recipient_unknown", None, ("contact@mairie-exemple.fr",))),
    ("too large", TOO_LARGE, Bounce(True, "message_too_large", "5.3.4", ("planning@belmore.nhs.uk",))),
    ("blocked", BLOCKED, Bounce(True, "blocked", "5.7.1", ("foi@strathallan.gov.uk",))),
    ("unrouteable", UNROUTEABLE, Bounce(True, "domain_unknown", None, ("info@no-such-council.example",))),
    ("vague", VAGUE, Bounce(None, "other", None, ())),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_details_of_text(name: str, text: str, expected: Bounce) -> None:
    assert details_of_text(text) == expected


def test_the_sender_and_daemons_are_not_failed_recipients() -> None:
    text = "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nDelivery failed for\n  a@example.org\npostmaster@mx.example.net"
    assert details_of_text(text, sender="bounces@mx.example.net").recipients == ("a@example.org",)


DSN = """From: Mail Delivery Subsystem <postmaster@mx.example.net>
To: request-4410-2ab3c4d5@whatdotheyknow.com
Subject: Delivery Status Notification (Failure)
X-Failed-Recipients: planning@kestrelford.gov.uk
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

Delivery to the following recipients failed.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; planning@kestrelford.gov.uk
Action: failed
Status: 5.2.2

Final-Recipient: rfc822; foi@kestrelford.gov.uk
Action: delivered
Status: 2.0.0

--b1--
"""


@pytest.mark.parametrize("source", [DSN, DSN.encode()], ids=["str", "bytes"])
def test_the_delivery_status_part_is_read_from_the_source(source: str | bytes) -> None:
    found = details_of_text("Delivery to the following recipients failed.\n", source=source)
    assert found == Bounce(True, "mailbox_full", "5.2.2", ("planning@kestrelford.gov.uk",))


def _message(kind: str, raw: str) -> Message:
    return Message(index=0, kind=kind, party="authority", raw=raw, span=(0, len(raw)), body=raw)


def test_bounce_details_only_for_bounces_and_not_from_the_returned_copy() -> None:
    raw = (
        UNROUTEABLE
        + "\n------ This is a copy of the message, including all the headers. ------\nTo: clerk@belmore.gov.uk\n"
    )
    assert bounce_details(_message("response", raw)) is None
    assert bounce_details(_message("bounce", raw)) == Bounce(
        True, "domain_unknown", None, ("info@no-such-council.example",)
    )


def test_parsed_bounces_carry_their_details() -> None:
    thread = foithread.parse(FIXTURES / "cases" / "eml-rushcliffe-bounce-multipart-report.eml")
    (message,) = thread.messages
    assert message.bounce == Bounce(True, "recipient_unknown", "5.1.1", ("foi.requests@rushcliffe.gov.uk",))
    assert message.to_dict()["bounce"] == {
        "permanent": True,
        "reason": "recipient_unknown",
        "status": "5.1.1",
        "recipients": ["foi.requests@rushcliffe.gov.uk"],
    }
    other = foithread.parse(FIXTURES / "cases" / "eml-hackney-html-only-response.eml")
    assert all(m.bounce is None and m.to_dict()["bounce"] is None for m in other.messages)


def test_a_delay_warning_stays_a_bounce_but_not_permanent_and_changes_no_state() -> None:
    path = shared_path("eval", "dev", "cases", "alaveteli-track-response-ms-bounce.eml")
    thread = foithread.parse(path)
    assert thread.messages[0].kind == "bounce"  # the gold (and Alaveteli) call it a bounce
    assert thread.messages[0].bounce is not None and thread.messages[0].bounce.permanent is False
    assert bounce_details(thread.messages[0], path.read_bytes()).status == "4.4.7"  # type: ignore[union-attr]
    assert thread.state is None


NOTICES = [
    (is_delay_warning, EXIM_DELAY, None, True),
    (
        is_delay_warning,
        "Delivery to the following recipients has been delayed.",
        "Delivery Status Notification (Delay)",
        True,
    ),
    (is_delay_warning, "Die Zustellung ist verzögert. Es wird weiterhin versucht.", None, True),
    (is_delay_warning, POSTFIX, None, False),
    (is_delay_warning, "451 4.7.0 try again later; 550 5.1.1 user unknown", None, False),  # any 5.x.x is final
    (is_recall_notice, 'Priya Shah would like to recall the message, "FOI 2023-118".', None, True),
    (is_recall_notice, "Please ignore my earlier message.", "Recall: FOI 2023-118", True),
    (is_recall_notice, 'Priya Shah möchte die Nachricht "FOI 2023-118" zurückrufen.', None, True),
    (is_recall_notice, "I recall that we discussed the message last week.", None, False),
    (
        is_recall_notice,
        "Recall: the officer's notes of 3 May are withheld.",
        "FOI 2023-118",
        False,
    ),  # subject rule: subjects only
    (
        is_closed_notice,
        "The email that you, on behalf of Kestrelford Council, sent to\nAsha Patel to reply to an FOI\nrequest has not been delivered.\n\n"
        "This is because Pothole repairs is an old request that has been\nmarked to no longer receive responses.",
        None,
        True,
    ),
    (is_closed_notice, "Please find attached.", "Your response to an FOI request was not delivered", True),
    (is_closed_notice, "We have closed your request.", None, False),
]


@pytest.mark.parametrize(("check", "text", "subject", "expected"), NOTICES)
def test_notices(check, text: str, subject: str | None, expected: bool) -> None:  # type: ignore[no-untyped-def]
    assert check(text, subject) is expected


RULE_LINES = [
    ("bounce_reason", "mailbox_full", "Quota exceeded for this account"),
    ("bounce_reason", "message_too_large", "The message is too large for this server"),
    ("bounce_reason", "recipient_unknown", "No such user here"),
    ("bounce_reason", "domain_unknown", "Host or domain name not found"),
    ("bounce_reason", "blocked", "Relay access denied"),
    ("bounce_delay", "delayed", "Warning: message delayed"),
    ("bounce_delay", "not_yet", "Your message has not yet been delivered"),
    ("bounce_delay", "retrying", "The server will continue to retry"),
    ("bounce_delay", "warning_only", "THIS IS A WARNING MESSAGE ONLY."),
    ("bounce_delay", "german", "Verzögerte Zustellung"),
    ("bounce_delay", "french", "La remise du message est retardée"),
    ("bounce_permanent", "permanent", "This is a permanent error."),
    ("bounce_permanent", "not_delivered", "Undelivered Mail Returned to Sender"),
    ("bounce_permanent", "german", "Unzustellbar: Anfrage"),
    ("bounce_permanent", "french", "Message non remis"),
    ("recall_notice", "recall", "Asha would like to recall the message"),
    ("recall_notice", "recall_subject", "Recall: FOI request"),
    ("recall_notice", "german", "Asha möchte die Nachricht zurückrufen"),
    ("recall_notice", "french", "Asha souhaite rappeler le message"),
    ("closed_notice", "closed", "This request is closed to new responses"),
    ("closed_notice", "not_delivered_reply", "sent to Asha to reply to an FOI request has not been delivered"),
    ("closed_notice", "subject", "Your response to an FOI request was not delivered"),
    ("bounce_returned", "copy_follows", "------ This is a copy of the message, including all the headers. ------"),
    ("bounce_returned", "original_headers", "Original message headers:"),
    ("bounce_returned", "header_line", "Received: from mx.example.net"),
    ("bounce_returned", "forwarded", "-----Original message-----"),
]
_BY_NAME = {t.name: t for t in TABLES}


@pytest.mark.parametrize(("table", "rule", "line"), RULE_LINES)
def test_bounce_rule_tables(table: str, rule: str, line: str) -> None:
    found = _BY_NAME[table].first(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize(
    "line", ["Thank you for your request.", "We will reply within 20 working days.", "Dear Ms Patel,"]
)
def test_ordinary_lines_match_no_bounce_rule(line: str) -> None:
    assert all(t.first(line) is None for t in TABLES)


def test_every_bounce_rule_has_a_test() -> None:
    assert {(t, r) for t, r, _line in RULE_LINES} == {(t.name, r.name) for t in TABLES for r in t}


def test_the_recipe_table_is_the_fixture_output() -> None:
    recipe = (FIXTURES.parent / "docs" / "recipes" / "bounces.md").read_text(encoding="utf-8")
    rows = 0
    for path in sorted((FIXTURES / "cases").iterdir()):
        for m in foithread.parse(path).messages:
            if m.bounce is None:
                continue
            rows += 1
            permanent = {True: "true", False: "false", None: "null"}[m.bounce.permanent]
            who = ", ".join(m.bounce.recipients) or "(masked by WhatDoTheyKnow)"
            row = f"| `{path.name}` | {m.index} | {permanent} | {m.bounce.reason} | {m.bounce.status} | {who} |"
            assert row in recipe
    assert rows == 3


RECALL_EML = b"""From: Jane Smith <jane.smith@kestrelford.gov.uk>
To: request-4410-2ab3c4d5@whatdotheyknow.com
Subject: Recall: Freedom of Information request - Pothole repairs
Date: Tue, 7 Mar 2023 10:12:00 +0000
Content-Type: text/plain; charset=utf-8

Jane Smith would like to recall the message, "Freedom of Information request - Pothole repairs".
"""
CLOSED_EML = b"""From: WhatDoTheyKnow <do-not-reply-to-this-address@whatdotheyknow.com>
To: foi@kestrelford.gov.uk
Subject: Your response to an FOI request was not delivered
Auto-Submitted: auto-replied
Date: Tue, 7 Mar 2023 10:12:00 +0000
Content-Type: text/plain; charset=utf-8

The email that you, on behalf of Kestrelford Borough Council, sent to
Asha Patel to reply to an FOI
request has not been delivered.

This is because 'Pothole repairs' is an old request that has been
marked to no longer receive responses.

Your original message is attached.

-- the WhatDoTheyKnow team
"""


@pytest.mark.parametrize("data", [RECALL_EML, CLOSED_EML], ids=["recall", "closed"])
def test_recall_and_closed_notices_parse_as_other(data: bytes) -> None:
    (message,) = foithread.parse(data, format="eml").messages
    assert (message.kind, message.outcome, message.bounce) == ("other", None, None)
