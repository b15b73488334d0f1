"""Zoning: each line gets the zone its structure says (table-driven)."""

from __future__ import annotations

import pytest

from foithread.zoner import split_lines, zone


@pytest.mark.parametrize(
    "line, code",
    [
        ("Dear Metropolitan Police Service (MPS),", "g"),
        ("Dear Ms Marks", "g"),
        ("Good morning Ms Marks,", "g"),
        ("Annwyl Mr Prys,", "g"),
        ("Annwyl Mr Jenkins / Dear Mr Jenkins", "g"),
        ("Hi Simon", "g"),
        ("Yours sincerely", "k"),
        ("Yours Faithfully,", "k"),
        ("With kind regards,", "k"),
        ("Yn gywir / Yours sincerely,", "k"),
        ("Mit freundlichen Grüßen", "k"),
        ("OFFICIAL", "m"),
        ("Official Sensitive", "m"),
        ("OFFICIAL-SENSITIVE", "m"),
        ("NOT PROTECTIVELY MARKED", "m"),
        ("*" * 40, "r"),
        ("_" * 70, "r"),
        ("* * * * * * *", "r"),
        ("References", "l"),
        ("Visible links", "l"),
        ("1. mailto:[the Met request email]", "L"),
        ("2. http://www.met.police.uk/", "L"),
        ("Helen Okafor left an annotation (11 January 2022)", "a"),
        ("Please use this email address for all replies to this request:", "f"),
        ("request-829104-7c2e4f19@whatdotheyknow.com", "f"),
        ("Donate Now", "f"),
        ("We work to defend the right to FOI for everyone", "f"),
        ("-----Original Message-----", "h"),
        ("On Mon, 4 Oct 2021 at 09:12, Jane Smith <jane@example.org> wrote:", "h"),
        ("> Dear Council,", "q"),
        ("NOTICE - This email and any attachments are solely for the intended", "d"),
        ("This e-mail and any attachments are confidential and intended solely for", "d"),
        ("The information contained in this email and any attachments may be confidential", "d"),
        ("If you have received this email in error please notify the sender", "d"),
        ("Please consider the environment before printing this e-mail.", "d"),
        ("Thank you for your email to the Metropolitan Police Service Data Office.", "o"),
        ("I am currently on annual leave, returning on 15 November 2021. For urgent", "o"),
        ("Delivery has failed to these recipients or groups:", "o"),
        ("Sent from my iPhone", "n"),
        ("Our ref: 01/FOI/21/021127", "x"),
        ("Your ref:", "x"),
        ("Please see the attached in respect of your Freedom of Information request", "c"),
        ("- How many instances of harassment by the Chinese authorities", "c"),
        ("Officials in the department said the figures were confidential.", "c"),
        ("   ", "b"),
    ],
)
def test_line_zone(line: str, code: str) -> None:
    assert zone(line).codes == code


def test_outlook_header_block_is_a_quote_header() -> None:
    text = "Thanks\n\nFrom: Jane <request-1-abcdef12@whatdotheyknow.com>\nSent: 22 September 2021 09:14\nTo: FOI <foi@x.gov.uk>\nSubject: Freedom of Information request - X\n\nDear X,\n"
    assert zone(text).codes == "kbhhhhbg"


def test_a_lone_from_line_is_content() -> None:
    assert zone("From: the council's own figures, it is clear\nthat").codes == "cc"


def test_lotus_header_needs_a_date_line() -> None:
    z = zone("Some text.\nBob Smith <request-x@whatdotheyknow.com>\n17/04/08 15:57\nTo\n")
    assert z.codes[1] == "h"
    assert zone("Some text.\nBob Smith <bob@example.com>\nThanks for this.\n").codes[1] == "c"


def test_split_lines_keeps_offsets() -> None:
    text = "ab\n\ncd\nef"
    lines = split_lines(text, offset=10)
    assert [(ln.start, ln.end, ln.stop, ln.text) for ln in lines] == [
        (10, 12, 13, "ab"), (13, 13, 14, ""), (14, 16, 17, "cd"), (17, 19, 19, "ef")
    ]


def test_very_long_line_is_cheap_content() -> None:
    line = "word " * 5000
    assert zone(line).codes == "c"
