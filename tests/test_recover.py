"""Messages recovered from quoted history (issue 17 item 3): foithread.recover_quoted and
parse(..., recover_quoted=True)."""

from __future__ import annotations

import mailbox
import re
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, assert_lossless

import foithread
from foithread.cli import main
from foithread.rules import DEFAULT_RULES
from foithread.stages.quote_fields import lotus_table_lines, read_quote_header

REQUEST = "request-123-4f9e2ab@whatdotheyknow.com"

OUTLOOK_EN = f"""\
From: FOI Team <foi@brightwater.gov.uk>
To: Sam Patel <{REQUEST}>
Subject: RE: Freedom of Information request - Bus lanes
Date: Tue, 14 Mar 2023 10:12:00 +0000
Message-ID: <r3@brightwater.gov.uk>

Dear Mr Patel,

Please find our response below. We hold the information: 1,204 fines were issued in 2022.

Yours sincerely,

Anna Clarke
FOI Officer

-----Original Message-----
From: Sam Patel [mailto:{REQUEST}]
Sent: 10 March 2023 09:00
To: FOI Team <foi@brightwater.gov.uk>
Subject: RE: Freedom of Information request - Bus lanes

Dear FOI Team,

Could you tell me when I can expect a reply? It has been some weeks.

Yours sincerely,

Sam Patel

-----Original Message-----
From: FOI Team [mailto:foi@brightwater.gov.uk]
Sent: 02 February 2023 14:30
To: Sam Patel
Subject: Freedom of Information request - Bus lanes

Dear Mr Patel,

Thank you for your request, which we received on 1 February 2023. Our reference is FOI-2023-0456.
We will respond within 20 working days.

Kind regards,

FOI Team

-----Original Message-----
From: Sam Patel <{REQUEST}>
Sent: 01 February 2023 08:15
To: FOI requests at Brightwater Council <foi@brightwater.gov.uk>
Subject: Freedom of Information request - Bus lanes

Dear Brightwater Council,

Please send me the number of fines issued for driving in bus lanes in 2022.

Yours faithfully,

Sam Patel
"""

OUTLOOK_DE = """\
From: Informationsfreiheit <ifg@stadt-beispiel.de>
To: Jana Kurz <jana.kurz@example.de>
Subject: AW: Antrag nach dem IFG
Date: Mon, 20 Mar 2023 08:00:00 +0100

Sehr geehrte Frau Kurz,

anbei erhalten Sie die angefragten Unterlagen.

Mit freundlichen Grüßen
Stadt Beispiel

-----Ursprüngliche Nachricht-----
Von: Jana Kurz <jana.kurz@example.de>
Gesendet: Dienstag, 14. März 2023 10:12
An: Informationsfreiheit <ifg@stadt-beispiel.de>
Cc: Presse <presse@stadt-beispiel.de>
Betreff: Antrag nach dem IFG

Sehr geehrte Damen und Herren,

bitte senden Sie mir die Verträge zur Straßenreinigung.

Mit freundlichen Grüßen
Jana Kurz
"""

OUTLOOK_FR = """\
From: Service juridique <juridique@mairie-exemple.fr>
To: Marie Dupont <marie.dupont@example.fr>
Subject: RE: Demande de documents administratifs
Date: Wed, 22 Mar 2023 09:30:00 +0100

Madame,

Vous trouverez ci-joint les documents demandés.

Cordialement,
Service juridique

-----Message d'origine-----
De : Marie Dupont <marie.dupont@example.fr>
Envoyé : mardi 14 mars 2023 10:12
À : juridique@mairie-exemple.fr
Objet : Demande de documents administratifs

Madame, Monsieur,

Je vous prie de me communiquer les délibérations du conseil municipal de 2022.

Cordialement,
Marie Dupont
"""

GMAIL_NESTED = """\
Thanks, that answers my question.

Sam

On Wed, 15 Mar 2023 at 11:02, FOI Team <foi@brightwater.gov.uk> wrote:
> Dear Mr Patel,
>
> The figures are in the attached spreadsheet. We hold the information.
>
> Kind regards,
> FOI Team
>
> On Mon, 13 Mar 2023 at 09:40, Sam Patel <sam.patel@example.org> wrote:
> > Dear FOI Team,
> >
> > Could you say whether the figures include penalty charge appeals?
> >
> > Sam Patel
> >
> > On Fri, 10 Mar 2023 at 16:20, FOI Team <foi@brightwater.gov.uk> wrote:
> > > Dear Mr Patel,
> > >
> > > Please find our answer to your request below. We do not hold figures for appeals.
> > >
> > > FOI Team
"""

INTERLEAVED = """\
Hello Jo,

On Mon, 13 Mar 2023 at 09:40, Sam Patel <sam.patel@example.org> wrote:
> Can you send the 2021 figures?

Yes, they are attached.

> And the 2020 ones?

Those were published last year.

Jo
"""

# input, format, the recovered messages oldest first: (sent_on, sender name, sender email, subject)
CASES = [
    (
        OUTLOOK_EN,
        "eml",
        [
            ("2023-02-01", "Sam Patel", REQUEST, "Freedom of Information request - Bus lanes"),
            ("2023-02-02", "FOI Team", "foi@brightwater.gov.uk", "Freedom of Information request - Bus lanes"),
            ("2023-03-10", "Sam Patel", REQUEST, "RE: Freedom of Information request - Bus lanes"),
        ],
    ),
    (OUTLOOK_DE, "eml", [("2023-03-14", "Jana Kurz", "jana.kurz@example.de", "Antrag nach dem IFG")]),
    (
        OUTLOOK_FR,
        "eml",
        [("2023-03-14", "Marie Dupont", "marie.dupont@example.fr", "Demande de documents administratifs")],
    ),
    (
        GMAIL_NESTED,
        "text",
        [
            ("2023-03-10", "FOI Team", "foi@brightwater.gov.uk", None),
            ("2023-03-13", "Sam Patel", "sam.patel@example.org", None),
            ("2023-03-15", "FOI Team", "foi@brightwater.gov.uk", None),
        ],
    ),
    (INTERLEAVED, "text", []),
]


def _recovered(thread: foithread.Thread) -> list[foithread.Message]:
    return [m for m in thread.messages if m.recovered_from is not None]


@pytest.mark.parametrize(
    ("text", "fmt", "expected"), CASES, ids=["outlook-en", "outlook-de", "outlook-fr", "gmail-nested", "interleaved"]
)
def test_recovered_messages_from_header_blocks(text: str, fmt: str, expected: list[tuple[str | None, ...]]) -> None:
    thread = foithread.parse_text(text, format=fmt, recover_quoted=True)
    found = [(m.sent_on, m.sender.name, m.sender.email, m.subject) for m in _recovered(thread)]
    assert found == expected
    own = thread.messages[-1]
    assert own.recovered_from is None
    assert [m.recovered_from for m in _recovered(thread)] == [own.index] * len(expected)
    assert [m.index for m in thread.messages] == list(range(len(thread.messages)))
    assert_lossless(thread)
    for m in _recovered(thread):  # the span indexes the input, inside the quoting message
        base = own.span[0]
        assert own.span[0] <= m.span[0] < m.span[1] <= own.span[1]
        assert own.raw[m.span[0] - base : m.span[1] - base] == m.raw
        assert m.body.strip() and ">" not in m.body.splitlines()[0]


# input, (kind, party) of each message after recovery, oldest first
KIND_CASES = [
    (
        OUTLOOK_EN,
        "eml",
        [
            ("request", "requester"),
            ("acknowledgement", "authority"),
            ("follow_up", "requester"),
            ("response", "authority"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "fmt", "expected"), KIND_CASES)
def test_recovered_messages_are_classified_like_any_message(
    text: str, fmt: str, expected: list[tuple[str, str]]
) -> None:
    thread = foithread.parse_text(text, format=fmt, recover_quoted=True)
    assert [(m.kind, m.party) for m in thread.messages] == expected
    ack = thread.messages[1]
    assert [r.value for r in ack.references] == ["FOI-2023-0456"]
    assert [s.name for s in ack.to] == ["Sam Patel"]


def test_recovered_cc_and_to_from_the_header_block() -> None:
    thread = foithread.parse_text(OUTLOOK_DE, format="eml", recover_quoted=True)
    m = _recovered(thread)[0]
    assert [(s.name, s.email) for s in m.to] == [("Informationsfreiheit", "ifg@stadt-beispiel.de")]
    assert [(s.name, s.email) for s in m.cc] == [("Presse", "presse@stadt-beispiel.de")]
    assert m.body.startswith("Sehr geehrte Damen und Herren,")
    assert "Ursprüngliche" not in m.raw


def test_nested_quote_markers_are_removed_losslessly() -> None:
    thread = foithread.parse_text(GMAIL_NESTED, format="text", recover_quoted=True)
    oldest = thread.messages[0]
    assert oldest.raw.startswith("> > > Dear Mr Patel,")
    assert oldest.body.startswith("Dear Mr Patel,\n\nPlease find our answer")
    assert {r.rule for r in oldest.removed} == {"quote_marker"}
    middle = thread.messages[1]
    assert "On Fri, 10 Mar 2023" not in middle.body  # its own quoted history is removed, as on any message
    assert any(r.kind == "quoted" and r.rule != "quote_marker" for r in middle.removed)


def test_default_output_is_unchanged() -> None:
    plain = foithread.parse_text(OUTLOOK_EN, format="eml")
    assert plain.to_dict() == foithread.parse_text(OUTLOOK_EN, format="eml", recover_quoted=False).to_dict()
    assert len(plain.messages) == 1
    assert "recovered_from" not in plain.to_dict()["messages"][0]
    recovered = foithread.recover_quoted(plain)
    own = recovered.messages[-1].to_dict()
    assert {**own, "index": 0} == plain.to_dict()["messages"][0]
    assert recovered.messages[0].to_dict()["recovered_from"] == 3


def test_recovering_twice_is_recovering_once() -> None:
    once = foithread.parse_text(GMAIL_NESTED, format="text", recover_quoted=True)
    assert foithread.recover_quoted(once) == once


def _mail(frm: str, to: str, date: str, subject: str, body: str, mid: str) -> str:
    return f"From: {frm}\nTo: {to}\nSubject: {subject}\nDate: {date}\nMessage-ID: <{mid}>\n\n{body}"


REQ_BODY = (
    "Dear Brightwater Council,\n\nPlease send me the bus lane fines for 2022.\n\nYours faithfully,\n\nSam Patel\n"
)
ACK_BODY = (
    "Dear Mr Patel,\n\nThank you for your request. Our reference is FOI-2023-0456.\n\nKind regards,\n\nFOI Team\n"
)
MISSING_BODY = (
    "Dear Mr Patel,\n\nWe need to extend the time for a response by 20 working days.\n\nKind regards,\n\nFOI Team\n"
)


def _quoted(frm: str, sent: str, subject: str, body: str) -> str:
    return f"-----Original Message-----\nFrom: {frm}\nSent: {sent}\nTo: x\nSubject: {subject}\n\n{body}\n"


def _mbox(tmp_path: Path) -> Path:
    sam, foi = f"Sam Patel <{REQUEST}>", "FOI Team <foi@brightwater.gov.uk>"
    subject = "Freedom of Information request - Bus lanes"
    messages = [
        _mail(sam, foi, "Wed, 01 Feb 2023 08:15:00 +0000", subject, REQ_BODY, "q1@example.org"),
        _mail(
            foi,
            sam,
            "Thu, 02 Feb 2023 14:30:00 +0000",
            "RE: " + subject,
            ACK_BODY + "\n" + _quoted(sam, "01 February 2023 08:15", subject, REQ_BODY),
            "a1@brightwater.gov.uk",
        ),
        # the reply quotes the extension notice, which is not in the mailbox, and the acknowledgement
        _mail(
            sam,
            foi,
            "Mon, 06 Mar 2023 09:00:00 +0000",
            "RE: " + subject,
            "Dear FOI Team,\n\nWhen can I expect the answer?\n\nSam Patel\n\n"
            + _quoted(foi, "01 March 2023 11:00", "RE: " + subject, MISSING_BODY)
            + "\n"
            + _quoted(foi, "02 February 2023 14:30", "RE: " + subject, ACK_BODY)
            + "\n"
            + _quoted(sam, "01 February 2023 08:15", subject, REQ_BODY),
            "q2@example.org",
        ),
    ]
    path = tmp_path / "thread.mbox"
    box = mailbox.mbox(path)
    for text in messages:
        box.add(mailbox.mboxMessage(text))
    box.flush()
    box.close()
    return path


def test_recovered_copies_of_messages_in_the_thread_are_dropped(tmp_path: Path) -> None:
    thread = foithread.parse(_mbox(tmp_path), recover_quoted=True)
    rows = [(m.sent_on, m.message_id, m.recovered_from) for m in thread.messages]
    assert rows == [
        ("2023-02-01", "q1@example.org", None),
        ("2023-02-02", "a1@brightwater.gov.uk", None),
        ("2023-03-01", None, 3),  # the extension notice the mailbox lacks, placed by its date
        ("2023-03-06", "q2@example.org", None),
    ]
    notice = thread.messages[2]
    assert (notice.sender.email, notice.party) == ("foi@brightwater.gov.uk", "authority")
    assert notice.body.startswith("Dear Mr Patel,\n\nWe need to extend the time")
    assert_lossless(thread)
    plain = foithread.parse(_mbox(tmp_path))
    assert [m.to_dict() for m in plain.messages] == [
        {**m.to_dict(), "index": i} for i, m in enumerate(thread.messages[:2] + thread.messages[3:])
    ]


# header lines, what they say: (sender name, sender email, sent_on, subject, to)
HEADER_CASES = [
    (
        ["-----Original Message-----", "From: Smith, Jane [mailto:jane@x.org]", "Sent: 14 March 2023 10:12",
         "To: FOI Team <foi@council.gov.uk>", "Subject: RE: FOI request 123"],
        ("Smith, Jane", "jane@x.org", "2023-03-14", "RE: FOI request 123", "FOI Team <foi@council.gov.uk>"),
    ),
    (
        ["From: Foi Officer [mailto:foi@example.com] On Behalf Of Foi Officer", "Sent: 11 March 2009 10:21",
         "To: Bob Smith", "Subject: RE: Freedom of Information request"],
        ("Foi Officer", "foi@example.com", "2009-03-11", "RE: Freedom of Information request", "Bob Smith"),
    ),
    (
        ["From: FOI Team <foi@x.gov.uk>", "Sent: Tuesday, March 14, 2023 10:12 AM", "To: a@x.org;",
         "  b@x.org", "Subject: Request"],
        ("FOI Team", "foi@x.gov.uk", "2023-03-14", "Request", "a@x.org; b@x.org"),
    ),
    (["On Mon, 4 Oct 2021 at 09:12, Jane Smith <jane@example.org> wrote:"],
     ("Jane Smith", "jane@example.org", "2021-10-04", None, None)),
    (["On Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.com>", "wrote:"],
     ("Megan One", "xxx@gmail.com", "2012-04-02", None, None)),
    (["Am 14.03.2023 um 10:12 schrieb Anna Weber <anna@x.de>:"], ("Anna Weber", "anna@x.de", "2023-03-14", None, None)),
    (["Le mar. 14 mars 2023 à 10:12, Marie Dupont <marie@x.fr> a écrit :"],
     ("Marie Dupont", "marie@x.fr", "2023-03-14", None, None)),
    (["On 04/02/2012 06:26 PM, Megan One wrote:"], ("Megan One", None, "2012-02-04", None, None)),  # day-first
    (["On Wed, Oct 24, 2007 at 11:30:06AM +0100, Francis wrote:"], ("Francis", None, "2007-10-24", None, None)),
    (['02.04.2012 14:20 пользователь "bob@xxx.mailgun.org" <', "bob@xxx.mailgun.org> написал:"],
     (None, "bob@xxx.mailgun.org", "2012-04-02", None, None)),
    (
        ["Bob Smith <bob@example.org>", "06/03/08 10:00", "To", "FOI requests <foi@example.com>", "cc", "",
         "Subject", "Freedom of Information request"],
        ("Bob Smith", "bob@example.org", "2008-03-06", "Freedom of Information request", "FOI requests <foi@example.com>"),
    ),
    (["From: xxx@x.org [mailto:xxx@x.org]", "Sent: March-09-12 4:22 PM", "To: Dan Le", "Subject: Loop"],
     (None, "xxx@x.org", None, "Loop", "Dan Le")),  # a date it cannot read is not guessed
]  # fmt: skip


HEADER_CASES += [
    (
        ['Von: "Max Möster [#123456]" <e.xample@fragdenstaat.de>', "Gesendet: Montag, 23. Februar 2026 11:28",
         "An: x@stadt.example.de", "Betreff: AW: Anfrage [#123456]"],
        ("Max Möster", "e.xample@fragdenstaat.de", "2026-02-23", "AW: Anfrage [#123456]", "x@stadt.example.de"),
    ),
    (["On 17 December 2018 you wrote:"], (None, None, "2018-12-17", None, None)),  # the addressee: no name
]  # fmt: skip


@pytest.mark.parametrize(("lines", "expected"), HEADER_CASES)
def test_read_quote_header(lines: list[str], expected: tuple[str | None, ...]) -> None:
    h = read_quote_header(lines, DEFAULT_RULES)
    sender = h.sender or foithread.Sender()
    assert (sender.name, sender.email, h.sent_on, h.subject, h.to) == expected


@pytest.mark.parametrize(
    ("lines", "taken"),
    [
        (["06/03/08 10:00", "Please respond to", "Bob <b@x.org>", "", "To", "FOI <f@x.org>", "cc", "", "Subject",
          "FOI request", "", "Dear Sir,"], 10),
        (["Dear Sir,", "To be clear"], 0),
        (["17/04/08 15:57", "", "Dear Sir,"], 0),
    ],
)  # fmt: skip
def test_lotus_table_lines(lines: list[str], taken: int) -> None:
    assert lotus_table_lines(lines) == taken


def test_limits_stop_the_recovery_with_a_warning() -> None:
    thread = foithread.parse_text(
        GMAIL_NESTED, format="text", recover_quoted=True, limits=foithread.Limits(max_messages=2)
    )
    assert len(thread.messages) == 2
    assert any("limits.max_messages" in w for w in thread.warnings)


def test_cli_recover_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(GMAIL_NESTED, encoding="utf-8")
    assert main(["parse", str(path), "--format", "jsonl", "--recover-quoted"]) == 0
    out = capsys.readouterr().out
    assert out.count('"recovered_from": 3') == 3
    assert main(["parse", str(path), "--format", "jsonl"]) == 0
    assert "recovered_from" not in capsys.readouterr().out


# corpus e-mails with full quoted history: file, the recovered messages (sent_on, sender name, sender email)
CORPUS_CASES = [
    ("talon/standard_replies/gmail.eml", [("2012-04-02", "Megan One", "xxx@gmail.com")]),
    ("talon/standard_replies/aol.eml", [("2012-04-02", "bob", "bob@example.com")]),
    ("talon/standard_replies/yahoo.eml", [("2012-04-02", None, "bob@xxx.mailgun.org")]),
    ("talon/standard_replies/sparrow.eml", [("2012-04-03", "bob", None), ("2012-04-03", "xxx", None)]),
    ("talon/standard_replies/thunderbird.eml", [("2012-02-04", "Megan One", None)]),
    ("alaveteli/raw_email_1.eml", [("2007-10-24", "Bob Smith", None)]),
    (
        "alaveteli/forward-quoting-example-2.eml",
        [
            ("2008-05-18", "Bob Smith", "request-xxx-xxxxx@whatdotheyknow.com"),
            ("2008-05-19", "Foi Officer", "foi@example.com"),
        ],
    ),
    ("alaveteli/lotus-notes-quoting.eml", [("2008-03-06", "Bob Smith", "request-xx-xxxxx@whatdotheyknow.com")]),
    ("alaveteli/forward-quoting-example.eml", []),  # a Lotus header over no text: nothing to recover
    ("alaveteli/track-response-exim-bounce.eml", []),  # a bounce returns the failed message, not history
]


@pytest.mark.parametrize(("name", "expected"), CORPUS_CASES, ids=[c[0] for c in CORPUS_CASES])
def test_corpus_emails_with_quoted_history(name: str, expected: list[tuple[str | None, ...]]) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    thread = foithread.parse(path, recover_quoted=True)
    assert [(m.sent_on, m.sender.name, m.sender.email) for m in _recovered(thread)] == expected
    assert all(m.body.strip() for m in thread.messages)
    assert_lossless(thread)


def test_every_corpus_email_recovers_losslessly() -> None:
    paths = sorted(CORPUS.glob("alaveteli/*.eml")) + sorted(CORPUS.glob("talon/standard_replies/*.eml"))
    if not paths:
        pytest.skip("corpus not available")
    for path in paths:
        try:
            thread = foithread.parse(path, recover_quoted=True)
        except foithread.ParseError:
            continue
        assert_lossless(thread)
        own = [m for m in thread.messages if m.recovered_from is None]
        assert [m.to_dict() | {"index": 0} for m in own] == [
            m.to_dict() | {"index": 0} for m in foithread.parse(path).messages
        ], path.name


def test_recipe_section_output_is_real(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    recipe = (ROOT / "docs" / "recipes" / "threading.md").read_text(encoding="utf-8")
    section = recipe[recipe.index("## Messages recovered from quoted history") :]
    code, shown = re.findall(r"```python\n(.*?)```\n\n```text\n(.*?)```", section, re.S)[0]
    monkeypatch.chdir(ROOT)
    exec(code, {})
    assert capsys.readouterr().out == shown


def test_deep_nesting_gives_each_level_once() -> None:
    lines = ["Reply at the top.", ""]
    for d in range(1, 13):
        lines.append("> " * (d - 1) + f"On Mon, {30 - d} Mar 2023 at 10:00, Person {d} <p{d}@example.org> wrote:")
        lines.append("> " * d + "Thank you.")  # the same short text from everyone: different senders, kept
        lines.append("> " * d)
    thread = foithread.parse_text("\n".join(lines) + "\n", format="text", recover_quoted=True)
    assert [m.sender.email for m in thread.messages[:-1]] == [f"p{d}@example.org" for d in range(12, 0, -1)]
    assert [m.sent_on for m in thread.messages[:-1]] == [f"2023-03-{30 - d}" for d in range(12, 0, -1)]
    assert all(m.body.strip() == "Thank you." for m in thread.messages[:-1])
    assert_lossless(thread)


YOU_WROTE = f"""\
From: Secretariat <foi@mod.example.gov.uk>
To: Jo Bloggs <{REQUEST}>
Subject: RE: Freedom of Information request - Vaccines
Date: Mon, 4 Feb 2019 10:00:00 +0000

Dear Jo Bloggs,

Thank you for your emails. We do not hold the information you asked for.

On 2 January 2019 you wrote:
> When were troops last given the anthrax vaccine?

Yours sincerely,

Secretariat
"""


def test_you_wrote_is_the_quoting_messages_addressee() -> None:
    thread = foithread.parse_text(YOU_WROTE, format="eml", recover_quoted=True)
    quoted, own = thread.messages
    assert own.party == "authority"
    assert (quoted.sender, quoted.party, quoted.sent_on) == (foithread.Sender(), "requester", "2019-01-02")
    assert quoted.body == "When were troops last given the anthrax vaccine?\n\n"
