"""Quote headers per language: the data the ``quote_header`` and ``outlook_header`` tables are built from.

A reply quotes the message it answers under an *attribution line* (``On … wrote:``,
``Am … schrieb …:``, ``… 写道：``) or an *inline header block* (``From:`` / ``Sent:`` /
``To:`` / ``Subject:`` in the mail client's language), often under a separator
(``-----Original Message-----``). Each :class:`QuoteHeaderLanguage` lists those words for
one language; :func:`attribution_rules` and :func:`header_field_rules` turn the table into
line rules, one attribution rule per language (``wrote_de``, ``wrote_zh`` …), so a user can
disable a language or add one::

    from foithread.rules import DEFAULT_RULES, Rule
    from foithread.rules.quote_headers import QuoteHeaderLanguage, attribution_pattern

    klingon = QuoteHeaderLanguage("tlh", "Klingon", opens=("ghItlh",), wrote=("ghItlhta'",))
    mine = DEFAULT_RULES.add("quote_header", Rule("wrote_tlh", attribution_pattern(klingon)))
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs
import regex


@attrs.frozen
class QuoteHeaderLanguage:
    """The words of one language's quote headers.

    ``opens``: words an attribution line starts with (``On``, ``Am``); empty when the
    language puts the date first. ``wrote``: the verb that ends it (before the colon).
    ``fields``: inline header field names by role (``from``, ``sent``, ``to``, ``cc``,
    ``subject``). ``separators``: ``-----Original Message-----`` in that language.
    """

    code: str
    name: str
    opens: tuple[str, ...] = ()
    wrote: tuple[str, ...] = ()
    fields: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    separators: tuple[str, ...] = ()
    #: the verb may follow a CJK character directly (no word boundary before it)
    no_word_boundary: bool = False
    #: the letter's reader (``you``): ``On 17 December 2018 you wrote:`` with no address and no
    #: clock time is a letter quoting the request in its own prose, not a mail client's attribution
    readers: tuple[str, ...] = ()


LANGUAGES: tuple[QuoteHeaderLanguage, ...] = (
    QuoteHeaderLanguage(
        "en",
        "English",
        opens=("On",),
        wrote=("wrote", "said", "writes", "sent"),
        readers=("you",),
        fields={
            "from": ("From",),
            "sent": ("Sent", "Date", "Sent on"),
            "to": ("To",),
            "cc": ("Cc", "Bcc"),
            "subject": ("Subject",),
        },
        separators=("Original Message", "Reply Message", "Original Email"),
    ),
    QuoteHeaderLanguage(
        "de",
        "German",
        opens=("Am",),
        wrote=("schrieb", "geschrieben"),
        fields={
            "from": ("Von",),
            "sent": ("Gesendet", "Datum"),
            "to": ("An",),
            "cc": ("Kopie",),
            "subject": ("Betreff",),
        },
        separators=("Ursprüngliche Nachricht", "Original-Nachricht"),
    ),
    QuoteHeaderLanguage(
        "fr",
        "French",
        opens=("Le",),
        wrote=("a écrit", "a ecrit"),
        fields={"from": ("De",), "sent": ("Envoyé", "Date"), "to": ("À", "A"), "cc": ("Copie",), "subject": ("Objet",)},
        separators=("Message d'origine", "Message original"),
    ),
    QuoteHeaderLanguage(
        "es",
        "Spanish",
        opens=("El",),
        wrote=("escribió", "escribio"),
        fields={"from": ("De",), "sent": ("Enviado", "Fecha"), "to": ("Para",), "cc": ("CC",), "subject": ("Asunto",)},
        separators=("Mensaje original",),
    ),
    QuoteHeaderLanguage(
        "ca",
        "Catalan",
        opens=("El",),
        wrote=("ha escrit", "va escriure"),
        fields={"from": ("De",), "sent": ("Enviat", "Data"), "to": ("Per a",), "subject": ("Assumpte",)},
        separators=("Missatge original",),
    ),
    QuoteHeaderLanguage(
        "it",
        "Italian",
        opens=("Il",),
        wrote=("ha scritto", "scrive"),
        fields={"from": ("Da",), "sent": ("Inviato", "Data"), "to": ("A",), "cc": ("Cc",), "subject": ("Oggetto",)},
        separators=("Messaggio originale",),
    ),
    QuoteHeaderLanguage(
        "pt",
        "Portuguese",
        opens=("Em",),
        wrote=("escreveu",),
        fields={"from": ("De",), "sent": ("Enviado", "Enviada", "Data"), "to": ("Para",), "subject": ("Assunto",)},
        separators=("Mensagem original",),
    ),
    QuoteHeaderLanguage(
        "nl",
        "Dutch",
        opens=("Op",),
        wrote=("schreef", "het volgende geschreven", "geschreven"),
        fields={"from": ("Van",), "sent": ("Verzonden", "Datum"), "to": ("Aan",), "subject": ("Onderwerp",)},
        separators=("Oorspronkelijk bericht", "Origineel bericht"),
    ),
    QuoteHeaderLanguage(
        "da",
        "Danish and Norwegian",
        opens=("Den",),
        wrote=("skrev",),
        fields={"from": ("Fra",), "sent": ("Sendt", "Dato"), "to": ("Til",), "subject": ("Emne",)},
        separators=("Oprindelig meddelelse", "Opprinnelig melding"),
    ),
    QuoteHeaderLanguage(
        "sv",
        "Swedish",
        opens=("Den",),
        wrote=("skrev",),
        fields={
            "from": ("Från",),
            "sent": ("Skickat", "Datum"),
            "to": ("Till",),
            "cc": ("Kopia",),
            "subject": ("Ämne",),
        },
        separators=("Ursprungligt meddelande",),
    ),
    QuoteHeaderLanguage(
        "pl",
        "Polish",
        opens=("W dniu", "Dnia"),
        wrote=("napisał", "napisała", "napisał\\(a\\)", "pisze"),
        fields={"from": ("Od",), "sent": ("Wysłano", "Data"), "to": ("Do",), "cc": ("DW",), "subject": ("Temat",)},
        separators=("Oryginalna wiadomość",),
    ),
    QuoteHeaderLanguage(
        "cs",
        "Czech",
        wrote=("napsal", "napsala", "napsal\\(a\\)"),
        fields={"from": ("Od",), "sent": ("Odesláno",), "to": ("Komu",), "subject": ("Předmět",)},
        separators=("Původní zpráva",),
    ),
    QuoteHeaderLanguage(
        "cy",
        "Welsh",
        opens=("Ar",),
        wrote=("ysgrifennodd",),
        fields={"from": ("Oddi wrth",), "sent": ("Anfonwyd", "Dyddiad"), "to": ("At",), "subject": ("Pwnc",)},
    ),
    QuoteHeaderLanguage(
        "ru",
        "Russian",
        wrote=("написал", "написала", "пишет"),
        fields={"from": ("От",), "sent": ("Отправлено", "Дата"), "to": ("Кому",), "subject": ("Тема",)},
        separators=("Исходное сообщение",),
    ),
    QuoteHeaderLanguage(
        "vi",
        "Vietnamese",
        opens=("Vào",),
        wrote=("đã viết", "viết"),
        fields={"from": ("Từ",), "sent": ("Đã gửi", "Ngày"), "to": ("Đến",), "subject": ("Chủ đề",)},
    ),
    QuoteHeaderLanguage(
        "tr",
        "Turkish",
        wrote=("yazdı",),
        fields={"from": ("Kimden",), "sent": ("Gönderildi", "Tarih"), "to": ("Kime",), "subject": ("Konu",)},
    ),
    QuoteHeaderLanguage(
        "zh",
        "Chinese",
        wrote=("写道", "寫道"),
        fields={
            "from": ("发件人", "寄件者"),
            "sent": ("发送时间", "日期", "寄件日期"),
            "to": ("收件人", "收件者"),
            "cc": ("抄送",),
            "subject": ("主题", "主旨"),
        },
        separators=("原始邮件", "原始郵件"),
        no_word_boundary=True,
    ),
    QuoteHeaderLanguage(
        "ja",
        "Japanese",
        wrote=("のメッセージ", "書きました"),
        fields={"from": ("差出人",), "sent": ("送信日時",), "to": ("宛先",), "cc": ("CC",), "subject": ("件名",)},
        separators=("Original Message",),
        no_word_boundary=True,
    ),
    QuoteHeaderLanguage(
        "ko",
        "Korean",
        wrote=("작성", "님이 작성"),
        fields={"from": ("보낸 사람",), "sent": ("보낸 날짜",), "to": ("받는 사람",), "subject": ("제목",)},
        separators=("원본 메시지",),
        no_word_boundary=True,
    ),
)

#: Lotus Notes' table layout as text: a field name alone on its line, its value on the next
#: (``To`` / ``FOI requests <foi@example.org>`` / ``cc`` / ``Subject`` / ``…``), by role
LOTUS_TABLE_FIELDS: Mapping[str, str] = MappingProxyType(
    {"to": "to", "cc": "cc", "bcc": "bcc", "subject": "subject", "please respond to": "respond"}
)

#: second-person pronouns an attribution may name instead of a sender (``On 2 May 2019 you wrote:``):
#: the quoted message's author is then the one the quoting message is addressed to
ADDRESSEE_WORDS: frozenset[str] = frozenset(
    {"you", "sie", "du", "vous", "tu", "u", "jij", "usted", "ustedes", "lei", "você", "vocês", "ty", "vy", "вы", "ты"}
)

_COLON = r"\s*[:：]"
#: the longest line tried as an attribution (leading white space included)
_MAX_ATTRIBUTION = 400
#: verbs that end an attribution only after an opener (``host mx.example.org said:`` in a bounce)
_NOT_TAIL = frozenset({"sent", "said", "scrive", "pisze", "viết"})


def _alt(words: tuple[str, ...]) -> str:
    """Alternatives for ``words``; a space in a word matches any run of spaces."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


def letter_intro_guard(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """A lookahead that fails on a letter's own quote introduction: ``On 17 December 2018 you wrote:``,
    ``You wrote:`` (the reader as the writer, with no address and no clock time before the colon)."""
    readers = tuple(w for lang in languages for w in lang.readers)
    verbs = tuple(w for lang in languages if lang.readers for w in lang.wrote)
    if not readers:
        return ""
    plain = r"(?:(?!\d{1,2}:\d{2})[^@<>\n])"  # no address, no time of day
    return rf"(?!{plain}{{0,200}}?\b(?:{_alt(readers)})\s+(?:{_alt(verbs)})\b[^@<>:\n]{{0,40}}{_COLON}\s*$)"


def letter_intro_pattern(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """A line that ends as a letter's own quote introduction does (``… you wrote:``): over ``>``
    lines it still introduces a quote (the zoner makes it a quote header there)."""
    readers = tuple(w for lang in languages for w in lang.readers)
    verbs = tuple(w for lang in languages if lang.readers for w in lang.wrote)
    return rf"\b(?:{_alt(readers)})\s+(?:{_alt(verbs)})\b[^@<>:\n]{{0,40}}{_COLON}\s*$"


def attribution_pattern(lang: QuoteHeaderLanguage) -> str:
    """``<opener> … <verb>:`` on one line, or ``<opener> <date> <verb> <name>:``; any line ending in
    the verb when the language has no opener. A letter's ``On <date> you wrote:`` is not one."""
    verb = _alt(lang.wrote)
    b = "" if lang.no_word_boundary else r"\b"
    guard = letter_intro_guard((lang,))
    if lang.opens:
        at_end = rf".{{3,200}}?{b}(?:{verb}){_COLON}\s*$"
        name_after = rf"(?=.*\d).{{3,200}}?{b}(?:{verb})\s+\S.{{0,150}}?{_COLON}\s*$"
        return rf"^\s*(?:{_alt(lang.opens)})\s{guard}(?:{at_end}|{name_after})"
    return rf"^\s*{guard}\S.{{2,200}}?{b}(?:{verb}){_COLON}\s*$"


def dashed_pattern(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """``---- John Smith wrote ----``."""
    verbs = tuple(w for lang in languages for w in lang.wrote if w != "sent")
    # an attribution is a short line: longer ones are not tried (linear on a 100,000-character line)
    return rf"^(?=.{{0,{_MAX_ATTRIBUTION}}}$)\s*-{{2,}}\s*\S.{{0,100}}?(?:{_alt(verbs)})\s*-{{2,}}\s*$"


def wrote_tail_pattern(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """The end of an attribution in any language: the last line of a wrapped header."""
    plain = tuple(w for lang in languages if not lang.no_word_boundary for w in lang.wrote if w not in _NOT_TAIL)
    cjk = tuple(w for lang in languages if lang.no_word_boundary for w in lang.wrote)
    # "… received on 18 October. You wrote:" is a letter quoting the request in its own prose
    prose = r"(?!.*[.!?][\"”’)]?\s+you\s+(?:wrote|said|asked)\b)"
    return rf"^(?=.{{0,{_MAX_ATTRIBUTION}}}$){prose}{letter_intro_guard(languages)}\s*(?:\S.{{0,120}})?(?:\b(?:{_alt(plain)})|(?:{_alt(cjk)})){_COLON}\s*$"


def address_end_pattern(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """``> wrote:``: the last line of an attribution wrapped inside ``<address>``."""
    verbs = tuple(w for lang in languages for w in lang.wrote if w not in _NOT_TAIL)
    return rf"^\s*>\s*(?:{_alt(verbs)}){_COLON}\s*$"


def separator_pattern(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """``-----Original Message-----`` (or ``Original Message`` between dashes) in any language."""
    words = tuple(s for lang in languages for s in lang.separators)
    return rf"^\s*[-_=]{{2,}}\s*(?:{_alt(words)})\s*[-_=]{{2,}}\s*$"


def attribution_rules(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> list[tuple[str, str]]:
    """One ``(name, pattern)`` rule per language: ``wrote_en``, ``wrote_de`` …"""
    return [(f"wrote_{lang.code}", attribution_pattern(lang)) for lang in languages if lang.wrote]


def field_names(role: str, languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> tuple[str, ...]:
    """Every language's names for one header field role, without repeats."""
    seen: dict[str, None] = {}
    for lang in languages:
        for word in lang.fields.get(role, ()):
            seen.setdefault(word, None)
    return tuple(seen)


def header_field_rules(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> list[tuple[str, str]]:
    """``(role, pattern)`` for inline header lines: ``From:``/``Von:``/``发件人：`` …"""
    out = []
    for role in ("from", "sent", "to", "cc", "subject"):
        names = field_names(role, languages)
        value = r"\s*\S" if role in ("from", "sent") else r"\s*"
        out.append((role, rf"^\s*\*?(?:{_alt(names)})\s*[:：]\*?{value}"))
    return out


def gate_words(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> tuple[str, ...]:
    """Words one of which every attribution or separator line contains (the table's cheap gate)."""
    words = {w.split()[0].split("\\")[0] for lang in languages for w in lang.wrote + lang.separators}
    return tuple(sorted(w for w in words if w))


def openers(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """A pattern for the start of an attribution that may wrap: an opener word, or a date."""
    words = tuple(w for lang in languages for w in lang.opens)
    return (
        rf"(?:{_alt(words)})\s|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{4}}[-/]\d{{1,2}}[-/]\d{{1,2}}|\d{{4}}\s*[年년]"
    )


def verb_words(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """Alternatives of every language's attribution verbs (``wrote|schrieb|a écrit|…``), longest first."""
    return _alt(tuple(dict.fromkeys(w for lang in languages for w in lang.wrote)))


def opener_words(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> str:
    """Alternatives of every language's attribution openers (``On|Am|Le|…``)."""
    return _alt(tuple(dict.fromkeys(w for lang in languages for w in lang.opens)))


def check(languages: tuple[QuoteHeaderLanguage, ...] = LANGUAGES) -> None:
    """Compile every pattern the table makes (a table test calls this)."""
    for _, pattern in attribution_rules(languages) + header_field_rules(languages):
        regex.compile(pattern)
    regex.compile(wrote_tail_pattern(languages))
    regex.compile(dashed_pattern(languages))
    regex.compile(address_end_pattern(languages))
    regex.compile(separator_pattern(languages))
