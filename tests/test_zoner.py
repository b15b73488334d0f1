"""Zoning: each line gets the zone its structure says (table-driven)."""

from __future__ import annotations

import pytest

from foithread.stages.zoner import split_lines, zone


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
        ("Best,", "k"),
        (
            "Thank you for your request which we received on 4 March. You wrote:",
            "o",
        ),  # prose quoting the request, no header
        ("the answer is below. You asked:", "c"),
        ("Cordialement,", "k"),
        ("Met vriendelijke groet,", "k"),
        ("Pozdrawiam", "k"),
        ("Best wishes for the new year and thanks.", "c"),
        ("Kia ora Ministry of Coastal Transport,", "g"),
        ("Tēnā koe Mereana Holt", "g"),
        ("Ngā mihi,", "k"),
        ("Nāku noa, nā", "k"),
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
        (10, 12, 13, "ab"),
        (13, 13, 14, ""),
        (14, 16, 17, "cd"),
        (17, 19, 19, "ef"),
    ]


def test_very_long_line_is_cheap_content() -> None:
    line = "word " * 5000
    assert zone(line).codes == "c"


@pytest.mark.parametrize(
    "header",
    [
        "On Thu, Jun 26, 2014 at 2:14 PM, Alexander L <a@example.com> wrote:",
        "Am 12.03.2022 um 10:15 schrieb Max Mustermann <max@example.de>:",
        "Le 12 mars 2022 à 10:15, Jean Dupont <jean@example.fr> a écrit :",
        "El 12 mar 2022, a las 10:15, Juan Pérez <juan@example.es> escribió:",
        "Op 12 mrt. 2022 om 10:15 schreef Jan de Vries <jan@example.nl>:",
        "Den 12. mar. 2022 kl. 10.15 skrev Jens Hansen <jens@example.dk>:",
        "Ar 12 Maw 2022, am 10:15, ysgrifennodd Siân Jones <sian@example.cymru>:",
        '26.06.2014, 14:41, "Alexander L" <abc@example.com>:',
        "Thu, 26 Jun 2014 14:00:51 +0400 от Alexander L <abc@example.com>:",
        "-----Ursprüngliche Nachricht-----",
        "-----Message d'origine-----",
        "-----Mensaje original-----",
        "-----Oorspronkelijk bericht-----",
        "-----Oprindelig meddelelse-----",
        ">>> John Smith <john.smith@council.gov.uk> 17/04/2008 15:57 >>>",
    ],
)
def test_quote_headers_in_many_clients_and_languages(header: str) -> None:
    assert zone(header).codes == "h"


@pytest.mark.parametrize(
    "block",
    [
        "Von: Anna Schmidt <anna@example.de>\nGesendet: Montag, 14. März 2022 10:15\nAn: FOI <foi@example.gov.uk>\nBetreff: Anfrage\n",
        "De : Jean Dupont <jean@example.fr>\nEnvoyé : lundi 14 mars 2022 10:15\nÀ : FOI <foi@example.gov.uk>\nObjet : Demande\n",
        "Van: Jan de Vries <jan@example.nl>\nVerzonden: maandag 14 maart 2022 10:15\nAan: FOI <foi@example.gov.uk>\nOnderwerp: Verzoek\n",
        "Fra: Jens Hansen <jens@example.dk>\nSendt: 14. marts 2022 10:15\nTil: FOI <foi@example.gov.uk>\nEmne: Anmodning\n",
        "Date: Thu, 26 Jun 2014 13:53:45 +0400\nSubject: Test message\nFrom: abc@example.com\nTo: alex.l@example.com\n",
    ],
)
def test_outlook_style_header_blocks_in_other_languages(block: str) -> None:
    assert set(zone(block).codes) == {"h"}


def test_wrapped_gmail_header_over_two_lines() -> None:
    z = zone(
        "Thanks\n\nOn Thu, Nov 28, 2013 at 9:08 AM, Jane Smith\n<request-1-abcdef12@whatdotheyknow.com> wrote:\n> Dear X\n"
    )
    assert z.codes == "kbhhq"


def test_a_letters_you_wrote_over_quote_marks_introduces_a_quote() -> None:
    from foithread.stages.zoner import zone

    quoted = zone("We hold it.\n\nOn 2 January 2019 you wrote:\n> When was it?\n")
    assert quoted.codes == "cbhq" and quoted.rule_names[2] == "letter_quote_intro"
    prose = zone("We hold it.\n\nOn 2 January 2019 you wrote:\n\nWhen was it?\n")
    assert prose.codes[2] == "c"  # the letter quotes the request in its own prose: kept
