"""Signatory extraction (DOMAIN 4.6): closings, team sign-offs, fallbacks and what is never a name."""

from __future__ import annotations

import pytest

from foithread.model import Signatory
from foithread.stages.extract import CLOSINGS, extract_signatories

# (text, expected names in order)
NAME_CASES = [
    (
        "Many thanks for dealing with our request.\nYours Faithfully,\nIndex on Censorship\n*(1)",
        ["Index on Censorship"],
    ),
    (
        "With kind regards,\nData Office Triage Team\nData Governance\nData Office\nMetropolitan Police Service",
        ["Data Office Triage Team"],
    ),
    ("Please see the attached.\nYours sincerely\nPaul Mayger\nOfficial Sensitive", ["Paul Mayger"]),
    ("Yours faithfully,\n\nOn behalf of James Hall, Chief Executive\nIdentity and Passport Service", ["James Hall"]),
    ("Kind Regards,\nLinda Dempsey\n\nInformation Assistant DP/FOI\nLeicestershire Constabulary", ["Linda Dempsey"]),
    ("Yours sincerely\n\nMICHAEL HEGARTY\n\nFOI Officer", ["MICHAEL HEGARTY"]),
    (
        "Please find attached a reply to your FOI request.\n\nYours ever,\n\nAdetokunbo Ighodaro",
        ["Adetokunbo Ighodaro"],
    ),
    ("Yours sincerely\n\n\nFOI Team\n\n\n\nBob Smith <request-xx-xxxxx@whatdotheyknow.com>", ["FOI Team"]),
    ("I will deal with all emails upon my return.\n\nThanks\n\nName\n", ["Name"]),
    ("If your email is urgent please resend it.\nThanks very much\nBoris", ["Boris"]),
    (
        "Yn gywir / Yours sincerely,\nTîm Rhyddid Gwybodaeth / Freedom of Information Team\nCyngor Gwynedd",
        ["Tîm Rhyddid Gwybodaeth / Freedom of Information Team"],
    ),
    ("Kind regards\nJoanna Fairclough | Information Governance Officer | Leeds City Council", ["Joanna Fairclough"]),
    ("Mit freundlichen Grüßen\n\ni. A. Max Mustermann", ["Max Mustermann"]),
    ("Regards, Jonathan Brice\nInformation Rights Officer", ["Jonathan Brice"]),
    # No closing: the last person or team line that starts a paragraph.
    (
        (
            "Thank you for your request received by Transport for London (TfL) on\n6 October 2021. "
            "We will respond by 3 November 2021.\nFOI Case Management Team"
        ),
        ["FOI Case Management Team"],
    ),
    (
        (
            "You asked for the number.\nOur response\nWe are withholding the names.\nIf you are not satisfied you can ask "
            "for a review.\nHMRC Freedom of Information Team"
        ),
        ["HMRC Freedom of Information Team"],
    ),
    (
        (
            "I am currently on annual leave, returning on 15 November 2021. For urgent\n"
            "FOI matters please contact [name removed] on [email address].\nMark"
        ),
        ["Mark"],
    ),
    (
        (
            "<<Freedom of Information request - Contracts or options with Kimberley\nDevelopments or Waitrose>>\n\n"
            "Arthur Pritchard\nProperty & Assets Manager\nTel: 01625 504234"
        ),
        ["Arthur Pritchard"],
    ),
    (
        (
            "If I can be of further assistance please contact me\n\nBarry Turnbull\n"
            "Environmental Health Co-ordinator (Housing)\nHousing, Health and Community Safety"
        ),
        ["Barry Turnbull"],
    ),
    (
        (
            "Thank you for your request for information, received on 17/08/2022. We\nwill respond within 20 working days.\n"
            "Information Governance\nDorset & Wiltshire Fire and Rescue Service"
        ),
        ["Information Governance"],
    ),
    (
        (
            "Thank you for your request. We aim to respond by 20.10.22.\nPlease ask for: [name removed]\n"
            "Information Management Team\nTewkesbury Borough Council"
        ),
        ["Information Management Team"],
    ),
    (
        "Your request will be dealt with within 20 working days.\nInformation Management - Glasgow\nPolice Scotland",
        ["Information Management - Glasgow"],
    ),
    # The quoted history below a reply never signs it.
    (
        (
            "Tree works data is published on our website.\n\nRhian Pugh\nSwyddog Rhyddid Gwybodaeth / Freedom of Information Officer\n\nFrom: Gethin Jenkins "
            "<gethin.jenkins@example.net>\nSent: 04 October 2021 08:47\n\nMany thanks,\n\nGethin Jenkins"
        ),
        ["Rhian Pugh"],
    ),
    # an organisation's closing address block, no closing and no name: the organisation signs
    (
        "Guten Tag,\nvielen Dank für Ihre Nachricht. Wir bearbeiten Ihre Anfrage.\n\n"
        "BGN - Ihre gesetzliche Unfallversicherung\nBezirksverwaltung Mannheim\nDynamostraße 7\n68165 Mannheim",
        ["BGN - Ihre gesetzliche Unfallversicherung"],
    ),
    (
        "Thank you for your email. It has been logged.\n\nCoastal Transport Agency\nHarbour House\n"
        "12 Quay Street\nPlymouth\nPL1 2AB",
        ["Coastal Transport Agency"],
    ),
    (
        "Your request has been received.\n\nFreedom of Information Unit\nPO Box 7820\nCanberra BC ACT 2610",
        ["Freedom of Information Unit"],
    ),
]

NO_NAME_CASES = [
    # an address block that is not the message's last block, or that opens the message, signs nothing
    "Coastal Transport Agency\nHarbour House\n12 Quay Street\nPL1 2AB\n\nThank you for your email.",
    "Harbour House\n12 Quay Street\nPlymouth\nPL1 2AB",
    "Thank you for your email.\n\nPlease write to us at the address below.\n12 Quay Street\nPlymouth\nPL1 2AB",
    "Hello Example,\n\nThis is a reply to your test request Nov 28.\n\nRegards.",
    "Regards\n\n[name removed]\nFOI Officer",
    "Thanks,\nI also wanted to ask about the budget for 2021.",
    "Many thanks for dealing with our request.",
    "Yours sincerely,\nhttps://www.example.gov.uk/foi",
    "Kind regards\n0303 123 1113",
    "Yours faithfully\nSK9 5AF",
    "Yours sincerely\nOFFICIAL",
    "Regards.\n\n On Thu, Nov 28, 2013 at 9:08 AM, Example User\n <[1]request-x-xxx@xxx.com> wrote:\n\n Dear Test,",
    "Thank you for your message. I am currently out of the office.\n\n[Signature]\n",
    "---- Failed Recipients ----\n\n<failed.user@example.co.uk>\nMail Loop Detected\n\n\nRequested action aborted: Mail loop detected",
    "Please visit www.met.police.uk for enquiries relating to:\nI. Road Traffic Collisions,\nV. Publication Scheme and statistics",
]


@pytest.mark.parametrize(("text", "expected"), NAME_CASES)
def test_signatory_names(text: str, expected: list[str]) -> None:
    assert [s.name for s in extract_signatories(text)] == expected


@pytest.mark.parametrize("text", NO_NAME_CASES)
def test_no_signatory(text: str) -> None:
    assert extract_signatories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yours sincerely\nSian Treloar\nFreedom of Information Officer\nOFFICIAL",
            Signatory(name="Sian Treloar", role="Freedom of Information Officer", organisation=None),
        ),
        (
            "Yours faithfully,\n\nOn behalf of James Hall, Chief Executive\nIdentity and Passport Service",
            Signatory(name="James Hall", role="Chief Executive", organisation="Identity and Passport Service"),
        ),
        (
            "Kind regards\nJoanna Fairclough | Information Governance Officer | Leeds City Council",
            Signatory(
                name="Joanna Fairclough", role="Information Governance Officer", organisation="Leeds City Council"
            ),
        ),
        (
            "Yours sincerely\nFreedom of Information Team\nDevon & Cornwall Police\nOFFICIAL",
            Signatory(name="Freedom of Information Team", role=None, organisation="Devon & Cornwall Police"),
        ),
        # the organisation is the body, not the unit line above it
        (
            "Yours sincerely\nPriya Shah\nDisclosure Officer\nInformation Rights Unit\nNorthshire Constabulary",
            Signatory(name="Priya Shah", role="Disclosure Officer", organisation="Northshire Constabulary"),
        ),
        # an inline closing with a first name over the full name
        (
            "Best regards, Tom\nTom Ng\nWaka Kotahi Transport Agency",
            Signatory(name="Tom Ng", role=None, organisation="Waka Kotahi Transport Agency"),
        ),
        # a page number between the closing and a run-on line of name, role and unit
        (
            "Yours sincerely\n212,\nJo Bloggs Information Manager Freedom of Information Rights Unit (IRU)\nCity Police",
            Signatory(name="Jo Bloggs", role="Information Manager", organisation="City Police"),
        ),
        # te reo Māori sign-off
        (
            "Nāku noa, nā\n\nAroha Smith\nSenior Advisor\nMinistry of Health",
            Signatory(name="Aroha Smith", role="Senior Advisor", organisation="Ministry of Health"),
        ),
        # letterhead label naming the officer
        ("Please ask for: Jane Roe\nDirect line: 01234 567890\n\nDear Sir,", Signatory(name="Jane Roe")),
        # lower-case names and a full stop after the name are kept as printed
        ("Yours faithfully,\n\nmary jones", Signatory(name="mary jones")),
        ("Yours faithfully,\nGill Harper.\n", Signatory(name="Gill Harper")),
        ("Ngā mihi,\nHemi Walker", Signatory(name="Hemi Walker")),
        ("Atentamente,\nLucía Pérez", Signatory(name="Lucía Pérez")),
    ],
)
def test_role_and_organisation(text: str, expected: Signatory) -> None:
    assert extract_signatories(text) == [expected]


def test_repeated_signatory_is_reported_once() -> None:
    text = "Yours sincerely\nAnil Desai\n\nKind regards\nanil desai"
    assert [s.name for s in extract_signatories(text)] == ["Anil Desai"]


def test_closings_table_has_the_domain_forms() -> None:
    for closing in (
        "Yours sincerely",
        "Yours faithfully",
        "Kind regards",
        "With kind regards",
        "Best regards",
        "Many thanks",
        "Regards",
        "Yn gywir",
        "Cofion",
        "Mit freundlichen Grüßen",
    ):
        assert closing in CLOSINGS
