"""Body text whose charset is missing, unknown or wrong: read again, with a warning.

The MIME parser decodes each text part with its declared charset, or UTF-8 when none is
declared or the declared one is unknown, putting U+FFFD where that fails. That is right for
most mail, and it stays the first reading. A part is read again only when that reading is
suspect:

- its charset is not one Python knows (``charset=x-unknown-42``): always a warning;
- the declared (or assumed UTF-8) charset could not decode its bytes (U+FFFD in the text);
- a Latin single-byte charset is declared (ISO-8859-1, Windows-1252, ...) but the text reads as
  Latin *mojibake*: words made mostly of accented letters, what Cyrillic, Greek or Hebrew bytes
  look like through a Latin table (``Óâàæàåìûé`` for ``Уважаемый``).

A suspect part is read as Windows-1252 first, when that gives plausible Latin text (short
English or French mail with ``£``, ``é`` or curly quotes, the common undeclared case, where a
detector guesses wrong); otherwise charset-normalizer's best guess is taken if it reads as a
non-Latin script. Failing both, the first reading stays. Every re-reading is a warning.
"""

from __future__ import annotations

import codecs
import email.message
import unicodedata
from collections.abc import Sequence

import attrs

from foithread import discipline

__all__ = ["Reading", "reread", "reread_bodies"]

#: single-byte Latin codecs (Python's names) whose reading of other scripts is mojibake
LATIN_CODECS = frozenset({"cp1252", "iso8859-1", "iso8859-15", "latin-1", "ascii"})
_TOKEN = discipline.compile(r"\S{2,}+", why="possessive run of non-space characters")
#: how many mostly-accented words, and what share of the accented words, make a Latin reading mojibake
_MOJIBAKE_WORDS = 3
_MOJIBAKE_SHARE = 0.5
#: share of a detected reading's non-ASCII letters that must be of another script than Latin
_NON_LATIN_SHARE = 0.8
_REPLACEMENT = "\ufffd"


@attrs.frozen
class Reading:
    """One text part: how it was first decoded, how it reads now, and why it changed."""

    first: str
    text: str
    warning: str | None = None


def codec_name(charset: str | None) -> str | None:
    """Python's name for ``charset``'s text codec, or ``None`` when there is none."""
    if not charset:
        return None
    try:
        info = codecs.lookup(charset)
    except (LookupError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def mojibake(text: str) -> bool:
    """True when ``text``, read through a Latin table, is really another script's letters: at
    least a few words, and half the words with non-ASCII characters, are mostly non-ASCII."""
    accented = heavy = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        foreign = sum(1 for ch in word if ord(ch) > 127)
        if foreign:
            accented += 1
            heavy += foreign * 2 > len(word)
    return heavy >= _MOJIBAKE_WORDS and heavy >= _MOJIBAKE_SHARE * accented


def non_latin(text: str) -> bool:
    """True when the non-ASCII letters of ``text`` are mostly of a script other than Latin."""
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    if len(letters) < _MOJIBAKE_WORDS:
        return False
    other = sum(1 for ch in letters if not unicodedata.name(ch, "LATIN").startswith("LATIN"))
    return other >= _NON_LATIN_SHARE * len(letters)


def first_reading(payload: bytes, charset: str | None) -> str:
    """The MIME parser's reading of ``payload``: ``charset`` (default UTF-8), else UTF-8 with U+FFFD."""
    name = codec_name(charset or "utf-8")
    if name is not None:
        try:
            return payload.decode(name)
        except UnicodeDecodeError:
            pass
    return payload.decode("utf-8", "replace")


def _windows_1252(payload: bytes) -> str:
    try:
        return payload.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        return payload.decode("latin-1")


def _detected(payload: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(payload).best()
    if best is None:
        return None
    text = str(best)
    return (best.encoding, text) if _REPLACEMENT not in text and non_latin(text) else None


def reread(payload: bytes, charset: str | None, first: str | None = None) -> Reading:
    """``payload`` of a text part declared as ``charset`` (``None``: undeclared), read again if suspect."""
    first = first_reading(payload, charset) if first is None else first
    name = codec_name(charset or "utf-8")
    label = f"charset {charset!r}" if charset else "undeclared charset"
    unknown = f"unknown charset {charset!r}" if charset and name is None else None
    failed = _REPLACEMENT in first and (name is None or not _decodes(payload, name))
    if not failed and not (name in LATIN_CODECS and mojibake(first)):
        return Reading(first, first, f"{unknown}: read as UTF-8" if unknown else None)
    latin = _windows_1252(payload)
    if failed and not mojibake(latin):
        return Reading(first, latin, f"{unknown or label} does not decode the text: read as Windows-1252")
    found = _detected(payload)
    if found is not None:
        encoding, text = found
        why = "does not decode the text" if failed else "reads as Latin mojibake"
        return Reading(first, text, f"{unknown or label} {why}: read as {encoding} (detected)")
    if failed:  # no better guess: Latin text without replacement characters beats U+FFFD
        return Reading(first, latin, f"{unknown or label} does not decode the text: read as Windows-1252")
    return Reading(first, first, f"{unknown}: read as UTF-8" if unknown else None)


def _decodes(payload: bytes, name: str) -> bool:
    try:
        payload.decode(name)
    except UnicodeDecodeError:
        return False
    return True


def _body_parts(message: email.message.Message) -> list[email.message.Message]:
    """The leaf text/plain and text/html parts of ``message``, in order."""
    return [
        part
        for part in message.walk()
        if not part.is_multipart() and part.get_content_type() in ("text/plain", "text/html")
    ]


def reread_bodies(message: email.message.Message, chunks: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[str]]:
    """Each list of decoded body texts in ``chunks`` (the parser's text/plain ones, its
    text/html ones) with suspect parts read again, and a warning per part read again.

    A text is matched to its MIME part by the parser's reading of the part's bytes; a text no
    part gives is left alone.
    """
    wanted = {text for texts in chunks for text in texts}
    readings: dict[str, Reading] = {}
    for part in _body_parts(message):
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload:
            continue
        charset = part.get_content_charset()
        first = first_reading(payload, charset)
        suspect = (charset and codec_name(charset) is None) or not payload.isascii()
        if suspect and first in wanted and first not in readings:
            readings[first] = reread(payload, charset, first)
    warnings = [r.warning for r in readings.values() if r.warning]
    fixed = [[readings[t].text if t in readings else t for t in texts] for texts in chunks]
    return fixed, warnings
