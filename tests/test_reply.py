"""Reply zoning on ordinary e-mail: ``foithread.clean_reply``, ``Message.zones`` and ``reply_text``.

Each table is one failure family: the e-mails are written for these tests."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import assert_lossless

import foithread
from foithread.reply import reply_zones

ANSWER = "\n".join(f"Point {n}: the figure for ward {n} is {n * 7}." for n in range(1, 26))


def _parse_one(text: str) -> foithread.Message:
    thread = foithread.parse(text, format="text")
    assert len(thread.messages) == 1
    return thread.messages[0]


# ------------------------------------------------------------------ never cut new text


@pytest.mark.parametrize(
    "text, kept, gone",
    [
        # bottom-posted: the answer below the quote is the reply
        (
            f"Hi,\n\nOn Tue, 8 Mar 2022 at 14:02, Priya Shah <priya@example.org> wrote:\n> Could you send the ward"
            f" figures?\n> Thanks\n\n{ANSWER}\n\nRegards, Roman\n",
            ["Hi,", "Point 1:", "Point 25: the figure for ward 25 is 175.", "Regards, Roman"],
            ["Could you send", "wrote:"],
        ),
        # a quote block ends where unquoted text resumes: the sign-off after it stays
        (
            "Thanks Priya,\n\n> Will the report be published?\n> And when?\n\nYes, on 1 April.\n\nRegards, Roman\n",
            ["Thanks Priya,", "Yes, on 1 April.", "Regards, Roman"],
            ["Will the report"],
        ),
        # interleaved answers keep their new lines
        (
            "Priya Shah wrote:\n> How many staff?\n> In total?\n\n42 in total.\n\n> And how many part-time?\n> If known.\n\n"
            "Eleven of them.\n\nRoman\n",
            ["42 in total.", "Eleven of them.", "Roman"],
            ["How many staff?", "part-time?"],
        ),
        # interleaved one quoted line at a time under the attribution: each quoted line goes
        (
            "Priya Shah <priya@example.org> wrote:\n> How many staff?\n42.\n> Part-time?\nEleven.\n",
            ["42.", "Eleven."],
            ["How many staff?", "Part-time?"],
        ),
        # an answer typed straight under a long quoted question is not a wrapped quote line
        (
            "> Do you hold the figures for every ward in the borough of Exampleton?\nYes, all of them.\n"
            "> And for 2021 as well as for 2020, broken down by month if possible?\nOnly by year.\n> Thanks\n",
            ["Yes, all of them.", "Only by year."],
            ["Thanks"],  # a single '>' line inside the reply stays (a '>' may start content); at the end it goes
        ),
        # a quoted paragraph wrapped over several unmarked lines stays in the quote
        (
            "Noted.\n\n> To change your delivery options, visit the settings page of the portal or\n"
            "contact the records team by e-mail at records@example.org\nor by phone on 020 7946 0000 (office\n"
            "hours only).\n> The records team\n",
            ["Noted."],
            ["records team by e-mail", "or by phone", "hours only"],
        ),
        # deep quotes ('>>>') are quotes too (only '>>> … >>>' is a GroupWise header)
        (
            "Agreed, ship it.\n\nOn 8 Mar 2022, at 14:02, Priya Shah <priya@example.org> wrote:\n> Ship it?\n>> Is it ready?\n"
            ">>> Tests pass.\n>>> All of them.\n",
            ["Agreed, ship it."],
            ["Tests pass", "All of them", "Is it ready"],
        ),
        # a long quoted line whose wrapped end lost its '>' stays in the quote
        (
            "Agreed.\n\nOn 8 Mar 2022, at 14:02, Priya Shah <priya@example.org> wrote:\n> We propose to publish the"
            " figures for every ward in the borough next\nmonth, once they are checked\n> by the records team.\n",
            ["Agreed."],
            ["month, once they are checked", "records team"],
        ),
    ],
)
def test_new_text_is_never_cut(text: str, kept: list[str], gone: list[str]) -> None:
    reply = foithread.clean_reply(text)
    for s in kept:
        assert s in reply
    for s in gone:
        assert s not in reply
    thread = foithread.parse(text, format="text")
    assert_lossless(thread)
    (msg,) = thread.messages
    for s in kept:
        assert s in msg.body


# ------------------------------------------------------------------ attribution lines


@pytest.mark.parametrize(
    "header",
    [
        "Am 08.03.2022 um 14:02 schrieb Lukas Weber <l.weber@example.de>:",
        "El dt., 8 de març 2022 a les 14:02, Jordi Puig <jordi@example.cat> ha escrit:",
        "在 2022年3月8日 14:02，王伟 <wangwei@example.cn> 写道：",
        "2022년 3월 8일 (화) 오후 2:02, 김민수 <minsu@example.kr>님이 작성:",
        "2022年3月8日(火) 14:02 佐藤花子 <hanako@example.jp>のメッセージ:",
        "Op 8 mrt. 2022, om 14:02 heeft Sanne Bakker <sanne@example.nl> het volgende geschreven:",
        "Vào 14:02 Th 3, ngày 8 thg 3, 2022 Trần Minh <minh@example.vn> đã viết:",
        "W dniu 8.03.2022 o 14:02, Anna Nowak <anna@example.pl> napisał:",
        "On 8 March 2022 16:40, Records Team sent:",
        "---- Priya Shah wrote ----",
        "-----Reply Message-----",
        # wrapped over two and three lines
        "On Tue, 8 Mar 2022 at 14:02, Tim Cole <\ntim.cole@example.org> wrote:",
        "On Tue, 8 Mar 2022 at 14:02, Tim Cole <\ntim.cole@example.org\n> wrote:",
        "On Tue, 8 Mar 2022 at 14:02, Tim Cole\n<tim.cole@example.org> wrote:",
    ],
)
def test_attribution_and_its_quote_go(header: str) -> None:
    text = f"The files are attached.\n\n{header}\n> Please send the files.\n> Thanks\n"
    assert foithread.clean_reply(text) == "The files are attached."
    kinds = [z.kind for z in reply_zones(text)]
    assert kinds == ["content", "quote_header", "quoted"]


@pytest.mark.parametrize(
    "block",
    [
        "Od: Anna Nowak <anna@example.pl>\nWysłano: wtorek, 8 marca 2022 14:02\nDo: FOI <foi@example.gov.uk>\nTemat: Wniosek",
        "Från: Erik Lind <erik@example.se>\nSkickat: den 8 mars 2022 14:02\nTill: FOI <foi@example.gov.uk>\nÄmne: Begäran",
        "Da: Giulia Rossi <giulia@example.it>\nInviato: martedì 8 marzo 2022 14:02\nA: FOI <foi@example.gov.uk>\nOggetto: Richiesta",
        # Lotus Notes: Name@ORG, a date line, To / cc (wrapped) / Subject after a blank line
        "Maria Keller@ACME\n03/08/2022 02:02 PM\nTo: Tom Reed/LON/ACME@ACME, Ana Ruiz/MAD/ACME@ACME, Joe\nBloggs/NYC/ACME@ACME\ncc: \n\nSubject: Ward figures",
        # Lotus Notes: "Name" <addr> on a date whose time wraps
        '"Keller, Maria" <maria.keller@example.com> on 03/08/2022\n02:02:11 PM\nTo: "Tom Reed" <tom@example.com>\ncc:\nSubject: Ward figures',
        # Lotus Notes with "Please respond to" / "Sent by:" between the sender and the date
        "Maria Keller <maria@example.com>\nPlease respond to maria@example.com\n03/08/2022 02:02 PM\nTo: Tom Reed/LON/ACME@ACME\ncc:\nSubject: Ward figures",
        "Maria Keller\nSent by: Ana Ruiz\n03/08/2022 02:02 PM\nTo: Tom Reed/LON/ACME@ACME\ncc:\nSubject: Ward figures",
        '"Maria Keller" <maria@example.com> on 03/08/2022 02:02:11 PM\nPlease respond to maria@example.com\nTo: Tom Reed/LON/ACME@ACME\ncc:\nSubject: Ward figures',
        "From: Maria Keller@ACME on 08-03-2022 14:02 GMT\nTo: Tom Reed/LON/ACME@ACME, Ana Ruiz/MAD/ACME@ACME, Joe Bloggs/NYC/ACME@ACME,\nSam Smith/LON/ACME@ACME, Kim Lee/LON/ACME@ACME, Ali Khan/LON/ACME@ACME, Eve\nAdams/LON/ACME@ACME, Dan Brown/LON/ACME@ACME\ncc:\nSubject: Ward figures",
    ],
)
def test_inline_header_block_and_the_history_below_go(block: str) -> None:
    text = f"See my notes in the file.\n\nTom\n\n\n{block}\n\nPlease review the ward figures by Friday.\n\nMaria\n"
    assert foithread.clean_reply(text) == "See my notes in the file.\n\nTom"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the reply shares its line with the header: the line is split, the reply stays
        (
            "Sounds good, see you then. On Tue, 8 Mar 2022 at 14:02, Jane <jane@example.org> wrote:\n> Friday?\n> At 10?\n",
            "Sounds good, see you then.",
        ),
        ("Yes. Am 08.03.2022 um 14:02 schrieb Lukas Weber <l.weber@example.de>:\n> Freitag?\n> Um 10?\n", "Yes."),
        # an attribution without address counts over '>' lines
        ("Einverstanden.\n\nLukas Weber schrieb:\n> Freitag?\n> Um 10?\n", "Einverstanden."),
        ("Zgoda.\n\nAnna Nowak napisał:\n> Piątek?\n> O 10?\n", "Zgoda."),
        # the verb alone on the third line of a wrapped attribution
        (
            "Works for me.\n\nOn Dec 16, 2021, at 12:47 PM, Corey Dunn\n<corey@example.org>\nwrote:\n\n> Fixed?\n> Or not?\n",
            "Works for me.",
        ),
        # a date-first attribution wrapped inside its "<address>:"
        ("Reply\n\n2021-10-17 11:28 GMT+03:00 Postmaster <\npostmaster@example.org>:\n\n> Hello\n> There\n", "Reply"),
        # a date and an address alone over the quote, no verb
        ("Hi\n\n2021/11/15 Roman <roman@example.com>\n\n> hello\n> there\n", "Hi"),
        # Outlook's header flattened onto one line
        (
            "Noted.\n\nFrom: Joe Smith <joe@example.com> Sent: Tuesday, May 4, 2021 10:00 AM To: Bob <bob@example.com>"
            " Subject: Hi\n\nOld text\n",
            "Noted.",
        ),
        # mutt and IMP attributions
        ("Fine by me.\n\n* Priya Shah <priya@example.org> [2022-03-08 14:02]:\n> Friday?\n> At 10?\n", "Fine by me."),
        ("Fine by me.\n\nQuoting Priya Shah (priya@example.org):\n> Friday?\n> At 10?\n", "Fine by me."),
        # a mailing list's footer goes; the author's own signature stays
        (
            "I agree with this.\n\n--\nJane\n_______________________________________________\ndev mailing list\n"
            "dev@lists.example.org\nhttps://lists.example.org/mailman/listinfo/dev\n",
            "I agree with this.\n\n--\nJane",
        ),
        (
            "Patch attached.\n\n---------------------------------------------------------------------\n"
            "To unsubscribe, e-mail: dev-unsubscribe@example.org\nFor additional commands, e-mail: dev-help@example.org\n",
            "Patch attached.",
        ),
    ],
)
def test_attribution_shapes_and_list_footers(text: str, expected: str) -> None:
    assert foithread.clean_reply(text) == expected
    assert_lossless(foithread.parse(text, format="text"))


@pytest.mark.parametrize(
    "text",
    [
        "He told us so. On balance we agree:\nthe figures stand.\n",  # an opener mid-line, no attribution
        "Lukas Weber schrieb:\nWir sind einverstanden.\n",  # no quote below, no address: a sentence
        "Please call 020 7946 0000 or e-mail jane@example.org by 10:00.\n> 50 people said yes\nThanks.\n",  # a sentence
        "Write to:\njane@example.org>:\n",  # an address and a colon with no attribution above
    ],
)
def test_lines_that_only_look_like_shared_headers_stay(text: str) -> None:
    assert foithread.clean_reply(text) == text.strip()


# ------------------------------------------------------------------ forwarded messages are content


@pytest.mark.parametrize(
    "forward",
    [
        "---------------------- Forwarded by Tom Reed/LON/ACME on 03/08/2022\n02:10 PM ---------------------------\n\n"
        "Maria Keller@ACME\n03/08/2022 02:02 PM\nTo: Tom Reed/LON/ACME@ACME\ncc:\nSubject: Ward figures",
        "---------- Forwarded message ---------\nFrom: Maria Keller <maria@example.org>\nDate: Tue, 8 Mar 2022 at 14:02\n"
        "Subject: Ward figures\nTo: Tom Reed <tom@example.org>",
        "Begin forwarded message:\n\nFrom: Maria Keller <maria@example.org>\nSubject: Ward figures\nDate: 8 March 2022 at 14:02:11 GMT\nTo: Tom Reed <tom@example.org>",
    ],
)
def test_fyi_and_a_forwarded_message_keep_the_message(forward: str) -> None:
    text = f"FYI\n\n{forward}\n\nThe service area's answer: 14 wards reported figures.\n\nMaria\n"
    reply = foithread.clean_reply(text)
    assert reply.startswith("FYI")
    assert "The service area's answer: 14 wards reported figures." in reply
    assert "Ward figures" not in reply and "Forwarded" not in reply
    kinds = [z.kind for z in reply_zones(text)]
    assert kinds == ["content", "forwarded_header", "forwarded"]


@pytest.mark.parametrize(
    "note, forward",
    [
        ("FYI", True),
        ("Please see below the response from Parking Services.", True),
        ("See the answer from the service area below:", True),
        ("Forwarding this to you as requested.", True),
        ("Thanks, noted.", False),  # a reply: the history under it goes
        ("We will reply in full below the 20 working day limit. Thank you for your patience.", False),
    ],
)
def test_a_note_that_hands_over_the_message_below(note: str, forward: bool) -> None:
    text = (
        f"Dear Ms Shah,\n\n{note}\n\nKind regards\nFOI Team\n\nFrom: Parking Services\nSent: 8 March 2022 14:02\n"
        "To: FOI Team\nSubject: FOI 123\n\nWe issued 1,204 penalty notices in 2022.\n"
    )
    msg = _parse_one(text)
    assert ("We issued 1,204 penalty notices" in msg.body) is forward
    assert "Sent: 8 March 2022" not in msg.body
    assert ("forwarded" in [z.kind for z in msg.zones]) is forward


def test_a_forwarded_message_keeps_its_own_quote_removed() -> None:
    text = (
        "See below.\n\n---------- Forwarded message ---------\nFrom: Maria Keller <maria@example.org>\n"
        "Date: Tue, 8 Mar 2022 at 14:02\nSubject: Ward figures\nTo: Tom Reed <tom@example.org>\n\n"
        "All 14 wards reported.\n\nOn Mon, 7 Mar 2022 at 09:00, Tom Reed <tom@example.org> wrote:\n> How many wards?\n"
    )
    assert foithread.clean_reply(text) == "See below.\n\n\nAll 14 wards reported."


def test_a_pasted_raw_header_dump_goes() -> None:
    text = (
        "Forwarding the original with full headers.\n\nReceived: from mx.example.org by mail.example.com; Tue, 8 Mar 2022"
        " 14:02:11 +0000\nMessage-ID: <abc123@example.org>\nX-Mailer: ExampleMail 4.7\nFrom: Maria Keller"
        " <maria@example.org>\nSubject: Ward figures\n\nAll 14 wards reported.\n"
    )
    reply = foithread.clean_reply(text)
    assert reply.startswith("Forwarding the original with full headers.")
    assert "Received:" not in reply and "X-Mailer" not in reply and "Message-ID" not in reply
    assert "All 14 wards reported." in reply  # a note handing it over: the forwarded message stays


# ------------------------------------------------------------------ zones and reply_text

LETTER = (
    "Dear Ms Shah,\n\nThank you for your request. We hold 42 records.\n\nYours sincerely,\n\nRoman Novak\n"
    "Information Officer\nExample Borough Council\n\nSent from my iPhone\n\n"
    "On Tue, 8 Mar 2022 at 14:02, Priya Shah <priya@example.org> wrote:\n> How many records?\n> Thanks\n"
)


def test_zones_tile_raw_and_say_what_each_stretch_is() -> None:
    msg = _parse_one(LETTER)
    assert [z.kind for z in msg.zones] == [
        "greeting",
        "content",
        "closing",
        "signature",
        "signature_noise",
        "quote_header",
        "quoted",
    ]
    assert "".join(msg.zone_text(z) for z in msg.zones) == msg.raw
    spans = [z.span for z in msg.zones]
    assert spans[0][0] == msg.span[0] and spans[-1][1] == msg.span[1]
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert msg.zone_text(msg.zones[3]) == "Roman Novak\nInformation Officer\nExample Borough Council\n\n"


def test_reply_text_is_what_the_person_wrote() -> None:
    msg = _parse_one(LETTER)
    assert msg.reply_text == "Thank you for your request. We hold 42 records."
    assert "Roman Novak" in msg.body  # signatories are data: the signature stays in body
    data = msg.to_dict()
    assert data["reply_text"] == msg.reply_text
    assert data["zones"][0] == {"kind": "greeting", "span": list(msg.zones[0].span)}


@pytest.mark.parametrize(
    "text, signature, expected",
    [
        (
            "Yes, that works.\n\nKind regards,\nRoman Novak\nData Team\n",
            True,
            "Yes, that works.\n\nKind regards,\nRoman Novak\nData Team",
        ),
        ("Yes, that works.\n\nKind regards,\nRoman Novak\nData Team\n", False, "Yes, that works.\n\nKind regards,"),
        ("Yes, that works.\n\n-- \nRoman Novak | Data Team | 020 7946 0000\n", False, "Yes, that works."),
        ("Ja, das passt.\n\nViele Grüße\nLukas Weber\nReferat 3\n", False, "Ja, das passt.\n\nViele Grüße"),
        ("Sounds good.\n\nBest,\nJane\n", False, "Sounds good.\n\nBest,"),
    ],
)
def test_clean_reply_can_drop_the_signature(text: str, signature: bool, expected: str) -> None:
    assert foithread.clean_reply(text, signature=signature) == expected


def test_clean_reply_refuses_what_is_not_text() -> None:
    with pytest.raises(foithread.ParseError):
        foithread.clean_reply(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "a. On " * 66 + "wrote:",  # many openers on one line that ends like an attribution
        "12:00 01/01/2001\nTo: x/y\n" * 2000,  # Lotus-looking heads that never complete a block
        "From: x\nTo: y\n" * 2000,
        "Received: x\n" + "y" * 70 + "\n" * 2000,
        ("> " + "a" * 60 + "\nb\n") * 3000,
    ],
)
def test_header_shapes_at_scale_finish_and_stay_lossless(text: str) -> None:
    import time

    started = time.perf_counter()
    assert_lossless(foithread.parse(text, format="text"))
    foithread.clean_reply(text)
    assert time.perf_counter() - started < 30  # a hang guard, not a speed target (see benchmarks/)


def _inputs() -> list[Path]:
    from conftest import CORPUS, FIXTURES

    found = sorted(p for p in (FIXTURES / "cases").iterdir() if p.is_file())
    for sub in ("talon/standard_replies", "alaveteli"):
        if (CORPUS / sub).exists():
            found += sorted(p for p in (CORPUS / sub).iterdir() if p.suffix in (".eml", ".txt"))
    return found


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: p.name)
def test_zones_tile_raw_on_every_fixture(path: Path) -> None:
    try:
        thread = foithread.parse(path)
    except foithread.ParseError:
        return  # inputs that are refused by design have no zones to check
    for msg in thread.messages:
        assert "".join(msg.zone_text(z) for z in msg.zones) == msg.raw
        assert all(a.span[1] == b.span[0] and a.kind != b.kind for a, b in itertools.pairwise(msg.zones))
        if msg.raw:
            assert msg.zones[0].span[0] == msg.span[0] and msg.zones[-1].span[1] == msg.span[1]
        for z in msg.zones:  # what the author wrote is always kept
            if z.kind in ("content", "greeting", "closing", "signature", "forwarded"):
                assert msg.zone_text(z).strip() in msg.body
            if z.kind in ("quote_header", "forwarded_header", "disclaimer", "platform_footer", "link_footer"):
                assert msg.zone_text(z).strip() not in msg.body
