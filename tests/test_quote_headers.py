"""Quote headers per language (rules/quote_headers.py): every language's attribution line and
inline header block is a quote header, and the table can be extended or disabled."""

from __future__ import annotations

import pytest

from foithread.rules import DEFAULT_RULES, Rule
from foithread.rules.quote_headers import LANGUAGES, QuoteHeaderLanguage, attribution_pattern, check
from foithread.stages.zoner import zone


def test_every_pattern_the_table_makes_compiles() -> None:
    check()
    assert len({lang.code for lang in LANGUAGES}) == len(LANGUAGES) >= 13


@pytest.mark.parametrize(
    "line, rule",
    [
        ("On Tue, 8 Mar 2022 at 14:02, Priya Shah <priya.shah@example.org> wrote:", "wrote_en"),
        ("On 8 March 2022 16:40, Records Team sent:", "wrote_en"),
        ("Am 08.03.2022 um 14:02 schrieb Lukas Weber <l.weber@example.de>:", "wrote_de"),
        ("Am Di., 8. März 2022 um 14:02 Uhr schrieb Lukas Weber <l.weber@example.de>:", "wrote_de"),
        ("Le mar. 8 mars 2022 à 14:02, Chloé Martin <chloe@example.fr> a écrit :", "wrote_fr"),
        ("El mar, 8 mar 2022 a las 14:02, Lucía Gómez (<lucia@example.es>) escribió:", "wrote_es"),
        ("El dt., 8 de març 2022 a les 14:02, Jordi Puig <jordi@example.cat> ha escrit:", "wrote_ca"),
        ("Il giorno mar 8 mar 2022 alle ore 14:02 Giulia Rossi <giulia@example.it> ha scritto:", "wrote_it"),
        ("Em ter., 8 de mar. de 2022 às 14:02, João Silva <joao@example.pt> escreveu:", "wrote_pt"),
        ("Op di 8 mrt. 2022 om 14:02 schreef Sanne Bakker <sanne@example.nl>:", "wrote_nl"),
        ("Op 8 mrt. 2022, om 14:02 heeft Sanne Bakker <sanne@example.nl> het volgende geschreven:", "wrote_nl"),
        ("Den tis 8 mars 2022 kl 14:02 skrev Erik Lind <erik@example.se>:", "wrote_da"),
        ("W dniu 8.03.2022 o 14:02, Anna Nowak <anna@example.pl> napisał:", "wrote_pl"),
        ("Anna Nowak <anna@example.pl> napisał(a):", "wrote_tail"),
        ("Ar 8 Maw 2022 am 14:02, ysgrifennodd Gareth Lloyd <gareth@example.cymru>:", "wrote_cy"),
        ("8 марта 2022 г., в 14:02, Иван Петров <ivan@example.ru> написал:", "wrote_ru"),
        ("Vào 14:02 Th 3, ngày 8 thg 3, 2022 Trần Minh <minh@example.vn> đã viết:", "wrote_vi"),
        ("在 2022年3月8日 14:02，王伟 <wangwei@example.cn> 写道：", "wrote_zh"),
        ("2022年3月8日(火) 14:02 佐藤花子 <hanako@example.jp>:のメッセージ:", "wrote_ja"),
        ("2022年3月8日(火) 14:02 佐藤花子 <hanako@example.jp>のメッセージ:", "wrote_ja"),
        ("2022년 3월 8일 (화) 오후 2:02, 김민수 <minsu@example.kr>님이 작성:", "wrote_ko"),
        ("---- Priya Shah wrote ----", "dashed_wrote"),
        ("-----Reply Message-----", "original_message"),
        ("----- Original Message -----", "original_message"),
        ("-------- Original-Nachricht --------", "original_message"),
    ],
)
def test_attribution_lines_in_every_language(line: str, rule: str) -> None:
    z = zone(line)
    assert (z.codes, z.rule_names[0]) == ("h", rule)


@pytest.mark.parametrize(
    "line",
    [
        "On 4 Oct 2021, at 09:12, you wrote:",  # a clock time: a mail client wrote it
        "On 4 Oct 2021 you <jane@example.org> wrote:",  # an address
        "On 12 March 2021 Jane Smith wrote:",  # a third person
    ],
)
def test_attributions_that_name_you_but_come_from_a_mail_client(line: str) -> None:
    assert zone(line).codes == "h"


@pytest.mark.parametrize(
    "line",
    [
        "On Tuesday we wrote to the council about this:",  # no date: a sentence, not a header
        "The officer said:",
        "<mx.example.org[192.0.2.1]>: host mx.example.org said:",  # a bounce diagnostic
        "Am Ende des Tages:",
        # a letter quoting the request it answers: the reader wrote, no address, no clock time
        "On 17 December 2018 you wrote:",
        "On 2 January 2019 you wrote to us:",
        "On Friday 6 January 2019 you said:",
    ],
)
def test_sentences_that_only_look_like_attributions(line: str) -> None:
    assert zone(line).codes == "c"


@pytest.mark.parametrize(
    "block",
    [
        "Od: Anna Nowak <anna@example.pl>\nWysłano: wtorek, 8 marca 2022 14:02\nDo: FOI <foi@example.gov.uk>\nTemat: Wniosek\n",
        "Från: Erik Lind <erik@example.se>\nSkickat: den 8 mars 2022 14:02\nTill: FOI <foi@example.gov.uk>\nÄmne: Begäran\n",
        "Da: Giulia Rossi <giulia@example.it>\nInviato: martedì 8 marzo 2022 14:02\nA: FOI <foi@example.gov.uk>\nOggetto: Richiesta\n",
        "发件人: 王伟 <wangwei@example.cn>\n发送时间: 2022年3月8日 14:02\n收件人: FOI <foi@example.gov.uk>\n主题: 申请\n",
        "差出人: 佐藤花子 <hanako@example.jp>\n送信日時: 2022年3月8日 14:02\n宛先: FOI <foi@example.gov.uk>\n件名: 請求\n",
        "보낸 사람: 김민수 <minsu@example.kr>\n보낸 날짜: 2022년 3월 8일 14:02\n받는 사람: FOI <foi@example.gov.uk>\n제목: 요청\n",
        "Från: Erik Lind\nSkickat: den 8 mars 2022 14:02\nTill: Alice Example <alice@example.org>, Bob Example\n<bob@example.org>, Carol Example <carol@example.org>\nÄmne: Begäran om allmän handling som rör skolskjutsar och busskort för\nläsåret 2022\n",
    ],
)
def test_inline_header_blocks_in_other_languages(block: str) -> None:
    assert set(zone(block).codes) == {"h"}


def test_a_language_can_be_disabled_and_added() -> None:
    line = "Am 08.03.2022 um 14:02 schrieb Lukas Weber:"
    assert zone(line).codes == "h"
    without = DEFAULT_RULES.disable("quote_header", "wrote_de", "wrote_tail")
    assert zone(line, rules=without).codes == "c"
    esperanto = QuoteHeaderLanguage("eo", "Esperanto", opens=("Je",), wrote=("skribis",))
    mine = DEFAULT_RULES.add("quote_header", Rule("wrote_eo", attribution_pattern(esperanto)))
    assert zone("Je 2022-03-08 14:02, Zamenhof skribis:", rules=mine).codes == "h"


@pytest.mark.parametrize("lang", LANGUAGES, ids=[lang.code for lang in LANGUAGES])
def test_every_language_row_makes_working_rules(lang: QuoteHeaderLanguage) -> None:
    """Each row of the table, built into lines from its own words, is zoned as a quote header."""
    for verb in lang.wrote:
        verb = verb.replace("\\", "")
        opener = f"{lang.opens[0]} " if lang.opens else ""
        line = f"{opener}8.3.2022 14:02, Maria Keller <maria@example.org> {verb}:"
        assert zone(line).codes == "h", line
    if {"from", "sent", "to", "subject"} <= set(lang.fields):
        block = "\n".join(
            [
                f"{lang.fields['from'][0]}: Maria Keller <maria@example.org>",
                f"{lang.fields['sent'][0]}: 8.3.2022 14:02",
                f"{lang.fields['to'][0]}: FOI <foi@example.org>",
                f"{lang.fields['subject'][0]}: 123",
            ]
        )
        assert zone(f"See my notes.\n\n{block}\n\nOld text.\n").codes == "cbhhhhbc"
    for separator in lang.separators:
        assert zone(f"-----{separator}-----").codes == "h"
