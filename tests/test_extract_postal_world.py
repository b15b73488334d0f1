"""Postal addresses beyond a bare UK postcode: other countries' closing pieces and letterhead shapes.

Each row: text, expected [(value, postcode, country)] for the postal addresses found, in order.
"""

from __future__ import annotations

import pytest

from foithread.stages.extract import extract_addresses
from foithread.stages.extract.postal_rules import ADDRESS_ENDS, COUNTRY_NAMES, STREET_COUNTRIES

WORLD = [
    # Germany: street and house number, then PLZ and city; bodies and units above are left out
    (
        # no street word tells the country of a five-digit postcode here
        "Mit freundlichen Grüßen\nIm Auftrag\nKarl Beispiel\n\nBundesministerium des Innern\nReferat Z 4\n"
        "Alt-Moabit 140\n10557 Berlin\nTel.: 030 18681-0",
        [("Alt-Moabit 140, 10557 Berlin", "10557", None)],
    ),
    (
        "Landesamt für Umwelt\nHauptverwaltung Mainz\nKaiser-Friedrich-Straße 7\n55116 Mainz\n",
        [
            ("Kaiser-Friedrich-Straße 7, 55116 Mainz", "55116", "DE"),
        ],
    ),
    ("  Postanschrift: 53107 Bonn\n  Tel.: 0228 99 123", [("53107 Bonn", "53107", None)]),
    # Belgium: lower-case street type, B- prefix, country line kept
    (
        "Mr Jan Peeters\n14 rue de la Loi,\nB-1040 Brussels\nBelgium\n\nDear Mr Peeters,",
        [("14 rue de la Loi, B-1040 Brussels, Belgium", "1040", "BE")],
    ),
    # Spain: floor words after the house number; the signer's name and body above are left out
    (
        "Kind regards,\n\nAna García\nCiudadanos Abiertos\nCalle Mayor 12, 3 izquierda\n28013 Madrid\n",
        [("Calle Mayor 12, 3 izquierda, 28013 Madrid", "28013", "ES")],
    ),
    # Netherlands
    (
        "Ministerie van Financiën\nKorte Voorhout 7\n2511 CW Den Haag\n",
        [("Korte Voorhout 7, 2511 CW Den Haag", "2511 CW", "NL")],
    ),
    # Australia: state and four digits, a lead-in before a one-line address
    (
        "If undeliverable return to GPO Box 5218 Sydney NSW 2001\n12 May 2023",
        [("GPO Box 5218 Sydney, NSW 2001", "2001", "AU")],
    ),
    # New Zealand: city and four digits
    ("Office of the Ombudsman\nPO Box 10152\nWellington 6143\n", [("PO Box 10152, Wellington 6143", "6143", "NZ")]),
    # United States: state (abbreviated, spelt out or D.C.) and ZIP
    (
        "FOIA Office\n1500 Pennsylvania Avenue, N.W.\nWashington, D.C. 20220\n",
        [("1500 Pennsylvania Avenue, N.W., Washington, D.C. 20220", "20220", "US")],
    ),
    ("Send to PO Box 221504, Chicago, IL 60622.", [("PO Box 221504, Chicago, IL 60622", "60622", "US")]),
    # British Forces Post Office
    ("Cpl A Jones\n\nHQ Mess\nBFPO 58\n", [("HQ Mess, BFPO 58", "58", "GB")]),
]

UK_LETTERHEADS = [
    # the addressee's name interleaved with the sender's lines (two-column letter as page text)
    (
        "Corporate Correspondence Unit\nRiverside House\n2 Kings Road\nReading\nBerkshire\nJohn Parry\nRG1 3BQ\n\n"
        "Dear John Parry,",
        "Riverside House, 2 Kings Road, Reading, Berkshire, RG1 3BQ",
    ),
    # a page-break artefact between the street and the town
    (
        "Information Team\nAlban House\n3-7 Bridge Street\n=\nLeeds\nLS2 7UE\n",
        "Alban House, 3-7 Bridge Street, Leeds, LS2 7UE",
    ),
    # a unit's name between a building line and the street, both marked with commas
    (
        "Headquarters Regional Training Group\nBrecon House,\nArmy Training Services Sennybridge,\nDefynnog Rd\nBrecon\nLD3 8PN",
        "Brecon House, Army Training Services Sennybridge, Defynnog Rd, Brecon, LD3 8PN",
    ),
    ("Write to PO Box 64321 London SW1P 9LB today", "PO Box 64321 London, SW1P 9LB"),  # five-digit PO Box
    # a "c/o" line tops the block and is kept whole
    (
        "c/o Legal Services Team,\nCounty Hall,\nTaunton,\nTA1 4DY",
        "c/o Legal Services Team, County Hall, Taunton, TA1 4DY",
    ),
]

TWO_POSTCODES = "We moved from EC1A 1BB and, since May, we are at W1A 0AA."


@pytest.mark.parametrize(("text", "expected"), WORLD)
def test_addresses_of_other_countries(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = [(a.value, a.postcode, a.country) for a in extract_addresses(text) if a.kind == "postal"]
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), UK_LETTERHEADS)
def test_uk_letterheads(text: str, expected: str) -> None:
    found = [a for a in extract_addresses(text) if a.kind == "postal"]
    assert [a.value for a in found] == [expected]
    assert found[0].country == "GB"


def test_prose_with_two_postcodes_gives_two_bare_postcodes() -> None:
    assert [a.value for a in extract_addresses(TWO_POSTCODES) if a.kind == "postal"] == ["EC1A 1BB", "W1A 0AA"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 12345 Personen haben geklagt.",  # five digits inside a sentence
        "There were 2021 complaints in NSW in total and more.",
        "Ref 40786186 page 2",
    ],
)
def test_numbers_in_prose_are_not_addresses(text: str) -> None:
    assert [a for a in extract_addresses(text) if a.kind == "postal"] == []


def test_tables_are_named() -> None:
    for table in (ADDRESS_ENDS, COUNTRY_NAMES, STREET_COUNTRIES):
        names = [row[0] for row in table]
        assert len(set(names)) == len(names)
    assert all("(?P<postcode>" in pattern for _n, _c, pattern in ADDRESS_ENDS)
