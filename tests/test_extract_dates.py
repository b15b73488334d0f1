"""Date extraction (DOMAIN 4.4): full calendar dates only, day-first, with references masked."""

from __future__ import annotations

import pytest

import foithread
from foithread.model import DateMention
from foithread.stages.extract import extract_dates, mask_spans

# (text, expected [(iso, text as written)])
DATE_CASES = [
    # other languages of FOI correspondence (AskTheEU, FragDenStaat): French, Spanish, Italian, Dutch, German
    ("Bruxelles, le 1er mars 2022", [("2022-03-01", "1er mars 2022")]),
    (
        "votre demande du 17 décembre 2021 enregistrée le 20 déc. 2021",
        [("2021-12-17", "17 décembre 2021"), ("2021-12-20", "20 déc. 2021")],
    ),
    ("Madrid, 15 de marzo de 2021", [("2021-03-15", "15 de marzo de 2021")]),
    ("Roma, 4 settembre 2020", [("2020-09-04", "4 settembre 2020")]),
    ("Den Haag, 3 maart 2023", [("2023-03-03", "3 maart 2023")]),
    ("Ihre Anfrage vom 6. Okt. 2019", [("2019-10-06", "6. Okt. 2019")]),
    # page text may glue the year to the next word
    ("Your complaint on 16 March 2015was as follows:", [("2015-03-16", "16 March 2015")]),
    ("Your ref:\nOur ref: 01/FOI/21/021127\n22/09/2021\nDear Ms Marks", [("2021-09-22", "22/09/2021")]),
    ("which was received\nby Devon & Cornwall Police on 22.09.21.", [("2021-09-22", "22.09.21")]),
    ("We now aim to respond by 03.11.21. We apologise", [("2021-11-03", "03.11.21")]),
    ("I write in response to your request for information dated 22nd Sept 2021.", [("2021-09-22", "22nd Sept 2021")]),
    ("The order came into force on the 3rd of March 2020.", [("2020-03-03", "3rd of March 2020")]),
    (
        "Thank you for your email received on Wednesday, 22 September 2021, in which",
        [("2021-09-22", "Wednesday, 22 September 2021")],
    ),
    ("Sept 22nd, 2021", [("2021-09-22", "Sept 22nd, 2021")]),
    (
        "Data from 1 January 2019 to 31 December 2020.",
        [("2019-01-01", "1 January 2019"), ("2020-12-31", "31 December 2020")],
    ),
    ("Diolch am eich cais am wybodaeth a dderbyniwyd ar 22 Medi 2021.", [("2021-09-22", "22 Medi 2021")]),
    ("o fewn 40 diwrnod gwaith o 19 Hydref 2021 / 19 October\n2021.", [("2021-10-19", "19 Hydref 2021")]),
    ("ers 1 Orffennaf 2020 a 3 Fedi 2020", [("2020-07-01", "1 Orffennaf 2020"), ("2020-09-03", "3 Fedi 2020")]),
    ("2021-09-22", [("2021-09-22", "2021-09-22")]),
    (
        "I will be out of the office starting 11/04/2008 and will not return until\n22/04/2008.",
        [("2008-04-11", "11/04/2008"), ("2008-04-22", "22/04/2008")],
    ),
    ("17/04/08\n\nDear Mr Requester", [("2008-04-17", "17/04/08")]),
    ("sent on 30/12/2011 06:54:19.", [("2011-12-30", "30/12/2011")]),
    ("Received on 22-09-2021", [("2021-09-22", "22-09-2021")]),
    ("On Thu, Nov 28, 2013 at 9:08 AM, Example User wrote:", [("2013-11-28", "Thu, Nov 28, 2013")]),
    ("Eingegangen am 3. März 2021.", [("2021-03-03", "3. März 2021")]),
    ("The US form 09/22/2021 can only be month-first.", [("2021-09-22", "09/22/2021")]),
    # Same date twice (Welsh then English): one mention, first spelling kept.
    ("a dderbyniwyd ar 22 Medi 2021.\nreceived on 22 September 2021.", [("2021-09-22", "22 Medi 2021")]),
]

NOT_DATES = [
    "see form 16 March 2015AB for details",  # a year glued to capitals is a code, not a date end
    "31/02/2021",  # impossible
    "We are interested in everything since September 2021.",  # no day
    "Thank you for your e-mail enquiry of 12th February.",  # no year
    "I will be out of the office starting dd/mm/yyyy and will not return",
    "I am out of the office until Tuesday, January 20. If your email is urgent",
    "<<0001_00035908_Resp_12RESPONSE LETTER_20080408_112311_01.TIF>>",
    "See report_20080408.pdf and Response 22.09.2021.pdf",
    "Our ref: 01/FOI/21/021127",
    "Cyf / Our Ref: FOI 21-1043",
    "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'",
    "Generating server 15.20.4844.15 at 46.43.39.78",
    "I will be out of the office until 3rd January December 2012.",
    "Iwan Prys left an annotation (20 October 2021)",  # the annotation header is metadata
]


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert extract_dates(text) == [DateMention(value=v, text=t) for v, t in expected]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert extract_dates(text) == []


def test_skip_spans_are_not_read() -> None:
    text = "Response sent 05/01/2015 about 06/01/2015"
    assert [d.value for d in extract_dates(text, skip=[(14, 24)])] == ["2015-01-06"]


def test_reference_spans_from_mask_spans_protect_dates() -> None:
    text = "Our ref: 2017-0046908 dated 2017-04-06"
    assert [d.value for d in extract_dates(text, skip=mask_spans(text))] == ["2017-04-06"]


def test_annotation_body_dates_still_count() -> None:
    text = "Iwan Prys left an annotation (20 October 2021)\nThe cabinet report of 8 June 2021 says otherwise."
    assert [d.value for d in extract_dates(text)] == ["2021-06-08"]


_LETTER = """Dear Mr Roberts
Thank you for your recent enquiries to the Department.
{intro}
"{quote}"
I can confirm that the Department holds the information.
Yours sincerely
Information Rights Team
"""


@pytest.mark.parametrize(
    ("intro", "quote", "expected"),
    [
        # the quoted request inside a letter is the letter's own text: its intro and its dates count
        ("On 17 December 2018 you wrote:", "Please send the minutes.", ["2018-12-17"]),
        ("On 2 January 2019 you wrote to us:", "What was decided on 4 May 2018?", ["2019-01-02", "2018-05-04"]),
        ("You asked:", "Please send the minutes of 17 December 2018.", ["2018-12-17"]),
        ("Your request of 6 January 2019 was for:", "the minutes.", ["2019-01-06"]),
    ],
)
def test_dates_in_requests_quoted_inside_letters(intro: str, quote: str, expected: list[str]) -> None:
    thread = foithread.parse_text(_LETTER.format(intro=intro, quote=quote))
    assert [d.value for m in thread.messages for d in m.dates] == expected


def test_a_mail_clients_quoted_history_keeps_its_dates_out() -> None:
    text = (
        "Dear Ms Shah\nThe minutes are attached.\nRecords Team\n\n"
        "On Tue, 8 Mar 2022 at 14:02, Priya Shah <priya.shah@example.org> wrote:\n"
        "Please send the minutes of 4 May 2018.\n"
    )
    thread = foithread.parse_text(text)
    assert [d.value for d in thread.messages[0].dates] == []
