"""Address extraction (DOMAIN 4.5): postcodes, postal addresses, e-mails, URLs and phones."""

from __future__ import annotations

import pytest

from foithread.model import Address
from foithread.stages.extract import extract_addresses, normalise_postcode


def _of(kind: str, text: str) -> list[str]:
    return [a.value for a in extract_addresses(text) if a.kind == kind]


POSTCODES = [
    ("DA15 0HH", "DA15 0HH"),
    ("da150hh", "DA15 0HH"),
    ("SW1A2AA", "SW1A 2AA"),
    ("EC1A 1BB", "EC1A 1BB"),
    ("W1A 0AX", "W1A 0AX"),
    ("M1 1AE", "M1 1AE"),
    ("GIR 0AA", "GIR 0AA"),
    ("QA1 1AA", None),  # Q never first
    ("AI1 1AA", None),  # I never second
    ("SW1A 1CA", None),  # C never in the inward code
    ("EX2", None),
]

POSTAL = [
    (
        "Official Sensitive\nInformation Rights Unit\nPO Box 313\nSidcup\nDA15 0HH\nEmail: [1][the Met request email]",
        "PO Box 313, Sidcup, DA15 0HH",
    ),
    ("Core location: P.O. Box 313, Sidcup, DA15 0HH\nOfficial Sensitive", "P.O. Box 313, Sidcup, DA15 0HH"),
    (
        (
            "review by writing to the Freedom of Information Team, Devon & Cornwall\n"
            "Police, Middlemoor, Exeter, EX2 7HQ, or by emailing us."
        ),
        "Middlemoor, Exeter, EX2 7HQ",
    ),
    (
        (
            "If you remain dissatisfied you may complain to the\nInformation Commissioner's Office, Wycliffe House, "
            "Water Lane, Wilmslow,\nCheshire, SK9 5AF ([2]www.ico.org.uk)."
        ),
        "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF",
    ),
    (
        (
            "If you remain dissatisfied after the review you may complain to the Information Commissioner's Office, "
            "Wycliffe House, Water\nLane, Wilmslow, Cheshire SK9 5AF."
        ),
        "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF",
    ),
    (
        "review by writing to Swyddfeydd y Cyngor, Stryd y Jêl, Caernarfon,\nGwynedd, LL55 1SH within 40 working days",
        "Swyddfeydd y Cyngor, Stryd y Jêl, Caernarfon, Gwynedd, LL55 1SH",
    ),
    (
        (
            "If you are dissatisfied you may request an internal review by writing to\nInformation Resilience & "
            "Transparency, Sessions House, County Road,\nMaidstone, Kent, ME14 1XQ."
        ),
        "Sessions House, County Road, Maidstone, Kent, ME14 1XQ",
    ),
    (
        "Jonathan Brice\nInformation Rights Officer\nBristol City Council\nCity Hall, PO Box 3399, Bristol, BS1 9NE",
        "City Hall, PO Box 3399, Bristol, BS1 9NE",
    ),
    (
        (
            "Joanna Fairclough\nLeeds City Council | Information Management and Governance\n"
            "Merrion House, 110 Merrion Centre, Leeds, LS2 8BB\nwww.leeds.gov.uk"
        ),
        "Merrion House, 110 Merrion Centre, Leeds, LS2 8BB",
    ),
    (
        (
            "or by letter to Information Management - Glasgow, Police Scotland,\nClyde Gateway, 2 French Street, "
            "Dalmarnock, G40 4EH."
        ),
        "Clyde Gateway, 2 French Street, Dalmarnock, G40 4EH",
    ),
    (
        "Information Management Team\nTewkesbury Borough Council\nCouncil Offices, Gloucester Road, Tewkesbury, GL20 5TT",
        "Council Offices, Gloucester Road, Tewkesbury, GL20 5TT",
    ),
    ("Hollowfield Primary School, Church Lane, Bicester, OX26 6XJ", "Church Lane, Bicester, OX26 6XJ"),
    (
        "Freedom of Information Unit\nLancashire Constabulary Headquarters\nPO Box 77\nHutton\nPreston\nPR4 5SB",
        "PO Box 77, Hutton, Preston, PR4 5SB",
    ),
    ("Dr Jane Smith\n10 Downing Street\nLondon\nSW1A 2AA", "10 Downing Street, London, SW1A 2AA"),
    ("The incident happened near SW1A 2AA last year.", "SW1A 2AA"),
]

EMAILS = [
    ("Please note that my email address has changed to foi@example.com", ["foi@example.com"]),
    ("From: Foi Officer [mailto:foi@example.com] On Behalf Of Foi Officer", ["foi@example.com"]),
    ("please email Paul the Pony at, paul.the.pony@parliament.uk.", ["paul.the.pony@parliament.uk"]),
    (
        "Please use this email address for all replies to this request:\nrequest-829104-7c2e4f19@whatdotheyknow.com",
        ["request-829104-7c2e4f19@whatdotheyknow.com"],
    ),
    ("Email: [email address]", []),
    ("Email: [1][the Met request email]\n1. mailto:[the Met request email]", []),
    ("attachment contact xxxx@xxxx.xxx", []),
    ("Is [3]request-x-xxx@xxx.com the right address?", []),
    ("Kontakt: <<email address>>", []),
]

URLS = [
    # a worded HTML link's hidden target, as the converter writes it, is not a URL the message shows
    ("ein Passwort auf unserem Web Portal <https://portal.example.de/register/abc123> hinterlegen", []),
    ("complain to the ICO at https://ico.org.uk/make-a-complaint/ today", ["https://ico.org.uk/make-a-complaint/"]),
    ("Visit <https://www.example.gov.uk/foi> for more.", []),  # reads as a worded link: a known limit
    ("Visit: <https://www.example.gov.uk/foi>", ["https://www.example.gov.uk/foi"]),
    ("our website<https://www.example.gov.uk/foi>", ["https://www.example.gov.uk/foi"]),
    ("Email: [1][the Met request email]\n[2]www.met.police.uk", ["http://www.met.police.uk"]),
    ("discrimination. https://www.citizensadvice.org.uk/law-an...", ["https://www.citizensadvice.org.uk/law-an"]),
    ("Cheshire, SK9 5AF ([2]www.ico.org.uk).", ["http://www.ico.org.uk"]),
    (
        "on our website at\n[1]https://www.kent.gov.uk/roads-and-travel/road-maintenance/weed-control.",
        ["https://www.kent.gov.uk/roads-and-travel/road-maintenance/weed-control"],
    ),
    ("(see http://en.wikipedia.org/wiki/Foo_(bar)).", ["http://en.wikipedia.org/wiki/Foo_(bar)"]),
    ("mailto:foi@example.com", []),
    ("Visit www.met.police.uk and WWW.MET.POLICE.UK/ again", ["http://www.met.police.uk"]),
]

PHONES = [
    ("Tel: 01625 504234\nFax: 01625 504268", ["01625 504234", "01625 504268"]),
    ("Telephone +44 (0) 116 2222222\nExtn 5221 VM No. 8035", ["+44 (0) 116 2222222"]),
    ("Helpline 0303 123 1113 or 020 7946 0000.", ["0303 123 1113", "020 7946 0000"]),
    ("please ring 02085419088 for Legal Business Support", ["02085419088"]),
    ("Please call 101 or visit our website. In an emergency always dial 999.", []),
    ("Our ref: 01/FOI/21/021127 of 22/09/2021", []),
    ("From abroad call 0044 20 7946 0321.", ["0044 20 7946 0321"]),
    ("Tel: 020 7946 0000 ext. 2245\nFax: 020 7946 0001", ["020 7946 0000 ext. 2245", "020 7946 0001"]),
    ("Call 0161 496 0123 (x 31) today", ["0161 496 0123 (x 31)"]),
]


@pytest.mark.parametrize(("text", "expected"), POSTCODES)
def test_postcode_validation(text: str, expected: object) -> None:
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(("text", "expected"), POSTAL)
def test_postal_addresses(text: str, expected: str) -> None:
    postal = [a for a in extract_addresses(text) if a.kind == "postal"]
    assert [a.value for a in postal] == [expected]
    assert postal[0].postcode == expected.rsplit(", ", 1)[-1]


@pytest.mark.parametrize(("text", "expected"), EMAILS)
def test_emails(text: str, expected: list[str]) -> None:
    assert _of("email", text) == expected


@pytest.mark.parametrize(("text", "expected"), URLS)
def test_urls(text: str, expected: list[str]) -> None:
    assert _of("url", text) == expected


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_phones(text: str, expected: list[str]) -> None:
    assert _of("phone", text) == expected


def test_order_postal_then_email_url_phone() -> None:
    text = "Tel: 0303 123 1113\nwww.ico.org.uk\ncasework@ico.org.uk\nWycliffe House\nWater Lane\nWilmslow\nSK9 5AF"
    assert extract_addresses(text) == [
        Address(kind="postal", value="Wycliffe House, Water Lane, Wilmslow, SK9 5AF", postcode="SK9 5AF", country="GB"),
        Address(kind="email", value="casework@ico.org.uk"),
        Address(kind="url", value="http://www.ico.org.uk"),
        Address(kind="phone", value="0303 123 1113"),
    ]


def test_same_postal_address_spelt_twice_is_reported_once() -> None:
    text = "Core location: P.O. Box 313, Sidcup, DA15 0HH\n\nPO Box 313\nSidcup\nDA15 0HH"
    assert [a.value for a in extract_addresses(text)] == ["P.O. Box 313, Sidcup, DA15 0HH"]
