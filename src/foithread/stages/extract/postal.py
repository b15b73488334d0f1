"""UK postcodes and the postal addresses that end in them (DOMAIN 4.5).

A postcode is validated with the letter rules of :data:`~foithread.stages.extract.patterns.POSTCODE`
and normalised to upper case with one space before the inward code (``da150hh`` ->
``DA15 0HH``). The address is read backwards from the postcode, one component at a time:

* components are separated by commas, and by line breaks between short lines (a run of
  letterhead lines ``PO Box 313`` / ``Sidcup`` / ``DA15 0HH``); a break inside wrapped prose
  joins the two halves (``Devon & Cornwall`` + ``Police``);
* a component counts when it is short and capitalised (``Wycliffe House``, ``110 Merrion
  Centre``, ``Stryd y Jêl``); the walk stops at an organisation or team component
  (``Information Rights Unit``, ``Devon & Cornwall Police``), at a role, at a blank line and
  at anything long or lower-case led, after keeping the capitalised tail of a lead-in
  (``writing to Swyddfeydd y Cyngor`` -> ``Swyddfeydd y Cyngor``, ``Core location: P.O. Box 313``
  -> ``P.O. Box 313``);
* in a letterhead run, above a line that starts with a number (``10 Downing Street``) only a
  building-like line (``Merrion House``) is taken, so a person's name over a street is left out;
* the walk never reads more than a few hundred characters back, and stops at the postcode of
  an earlier address, so long inputs stay linear.

The value is one line, components joined with ``", "`` as printed, postcode normalised.
A postcode with nothing address-like before it is reported alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from foithread.stages.extract.patterns import (
    POSTCODE,
    Span,
    SpanIndex,
    compile_pattern,
    findall,
    finditer,
    fullmatch,
    match,
    search,
)
from foithread.stages.extract.postal_rules import (
    ADDRESS_ENDS,
    COUNTRY_NAMES,
    LOWER_ADDRESS_WORDS,
    STREET_COUNTRIES,
)

_ORG_WORDS = (
    r"Office|Police|Council|Team|Unit(?!\s*\d)|Department|Dept|Service|Services|Trust|Commissioner|"
    r"Commissioner's|Constabulary|Authority|Agency|Executive|Ministry|Directorate|Division|Branch|"
    r"Information|Transparency|Governance|Compliance|Rights|Management|Limited|Ltd|plc|LLP|NHS|"
    r"Group|Board|Government|Parliament|Commission|University|College|School|Academy|Officer|"
    r"Manager|Assistant|Adviser|Advisor|Director|Clerk|Analyst|Co-?ordinator|Caseworker|Triage|"
    r"Desk|Freedom|FOI|Data|Legal|Corporate|Support|Secretariat|Tîm|(?-i:Cyngor(?=\s+[A-Z]))|"
    # German bodies and units, also as the end of a compound: Hauptverwaltung, Bundesministerium, Referat 31
    r"\w*(?:verwaltung|ministerium|amt|ämter|behörde|referat|abteilung|direktion|kanzlei|stelle)|Landes|Bundes\w*"
)
_ORG = compile_pattern(rf"(?<![\w'])(?:{_ORG_WORDS})(?![\w'])", regex.IGNORECASE)
_BUILDING_WORDS = (
    r"House|Hall|Building|Buildings|Centre|Center|Court|Tower|Place|Chambers|Offices|Headquarters|"
    r"Floor|Suite|Block|Wing|Lodge|Mill|Works|Swyddfeydd|Tŷ|Neuadd|Canolfan"
)
_BUILDING = compile_pattern(rf"(?<!\w)(?:{_BUILDING_WORDS})(?!\w)", regex.IGNORECASE)
# "Council Offices", "Old School House": an organisation word before these building words is a place.
_BUILDING_END = compile_pattern(r"(?<!\w)(?:Offices|House|Hall|Buildings?)$", regex.IGNORECASE)
# A component ending in a street type is an address even if it holds an organisation word.
_STREET_END = compile_pattern(
    r"(?<!\w)(?:Road|Rd|Street|St|Lane|Avenue|Ave|Way|Drive|Close|Square|Place|Crescent|Terrace|Row|Hill|"
    r"Park|Gardens|Walk|Green|Grove|Wharf|Quay|Parade|Mews|Court|Yard|Gate|Rise|View|Vale|Boulevard|"
    r"Embankment|Broadway|Circus|Heol|Stryd|Ffordd)\.?$",
    regex.IGNORECASE,
)
_CONNECTOR = frozenset(
    {
        "of",
        "the",
        "y",
        "yr",
        "and",
        "&",
        "upon",
        "on",
        "in",
        "le",
        "la",
        "de",
        "du",
        "by",
        "under",
        "over",
        "cum",
        "next",
        "to",
    }
)
_LOOK_BACK = 500  # characters; eight short components and a lead-in fit well within it
_WORD = compile_pattern(r"[\w.'’&()\-/]+")
_NUMBER_LED = compile_pattern(
    r"(?:\d|P\.?\s?O\.?\s+Box\b|Flat\b|Unit\s+\d"
    # a continental street: the house number after the name (Calle Cava de San Miguel 8, Völklinger Straße 49)
    r"|[^\d,]{3,40}[ ]\d{1,4}[a-z]?(?:[-/]\d{1,4})?$)",
    regex.IGNORECASE,
    anchored=True,
)
_LEAD_IN = compile_pattern(
    r"^(?:.*\s)?(?:to|at|is|address|located|location|visit|write|writing)\s*[:,]?\s+(?P<tail>.+)$"
    r"|^.*:\s*(?P<tail>.+)$",
    regex.IGNORECASE | regex.DOTALL,
    anchored=True,
    max_input=_LOOK_BACK,
    why="matched on one address component, read within _LOOK_BACK characters of a postcode",
)
# a verb sending something to the address that follows: "Write to PO Box 64321", "return to GPO Box 5218"
_VERB_LEAD = compile_pattern(
    r"^(?:[^,]*\s)?(?:write|writing|send|sending|return|returned|post|forward|deliver(?:ed)?)\s++(?:\w++\s++)?"
    r"(?:to|at)\s++(?P<tail>.+)$",
    regex.IGNORECASE,
    anchored=True,
    max_input=_LOOK_BACK,
    why="matched on one address component, read within _LOOK_BACK characters of a postcode",
)
_CARE_OF = compile_pattern(r"^c/o\s+\S", regex.IGNORECASE)  # "c/o Legal Services": the top line of a block
_REJECT = compile_pattern(
    r"@|https?:|www\.|[\[\]<>|;:?!*=_]|\bDear\b|\bYours\b|\bregards\b|(?<!Box[ ])(?<!\d)\d{5,}", regex.IGNORECASE
)
# abbreviations that end in a full stop inside an address: N.W., D.C., St., Rd., P.O.
_DOTTED_END = compile_pattern(r"(?:\b[A-Z]\.)+$|(?:P\.O|St|Rd|Ave|Blvd|Str|Pl)\.$", regex.IGNORECASE)
# the addressee named in a salutation: "Dear Mary Atkinson," / "Dear Ms Bijl,"
_SALUTATION = compile_pattern(
    r"^[ \t]*Dear[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \t]+)?(?P<name>[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){0,2})"
    r"[ \t]*,?[ \t]*$",
    regex.MULTILINE,
)
_TITLE = compile_pattern(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+")
_END_PATTERNS = tuple((name, country, compile_pattern(p)) for name, country, p in ADDRESS_ENDS)
_COUNTRY_CODES = tuple((code, f"c_{code}") for code, _p in COUNTRY_NAMES)
_COUNTRY_AFTER = compile_pattern(
    r"[ \t]*+(?:,[ \t]*+|\n[ \t]*+)(?:"
    + "|".join(f"(?P<c_{c}>{p})" for c, p in COUNTRY_NAMES)
    + r")[ \t]*+(?=\n|$|[,.])",
    anchored=True,
    why="only used with match just after an address end; possessive white space",
)
_STREET_PATTERNS = tuple((code, compile_pattern(p)) for code, p in STREET_COUNTRIES)
_WRAP_WIDTH = 60  # a line at least this long that runs into the next one is wrapped prose
_MAX_COMPONENTS = 8


@attrs.frozen
class PostalAddress:
    """A postal address found in text: one-line value, postcode and the span it covers."""

    value: str
    postcode: str
    span: Span
    country: str | None = None


def normalise_postcode(text: str) -> str | None:
    """``text`` as a valid UK postcode in upper case with one space, else None."""
    candidate = "".join(text.split()).upper()
    m = fullmatch(POSTCODE, candidate)
    if m is None:
        return None
    return f"{m.group('out')} {m.group('in')}"


def find_postcodes(text: str, skip: Sequence[Span] = ()) -> list[tuple[Span, str]]:
    """Valid postcodes in ``text`` as ``(span, normalised postcode)``, skipping ``skip`` spans.

    Lower-case postcodes count only when written with the space (``sk9 5af``), so that ordinary
    lower-case tokens are never read as postcodes.
    """
    out = []
    skipped = SpanIndex(skip)
    for m in finditer(POSTCODE, text):
        token = m.group(0)
        if skipped.hits(m.span()):
            continue
        if token != token.upper() and not m.group("sep"):
            continue
        if token != token.upper() and token != token.lower():
            continue
        out.append((m.span(), f"{m.group('out').upper()} {m.group('in').upper()}"))
    return out


def _address_like(component: str) -> bool:
    """A short, capitalised address component that names no organisation or role."""
    comp = component.strip()
    if not comp or len(comp) > 40 or search(_REJECT, comp):
        return False
    if search(_ORG, comp) and not search(_STREET_END, comp) and not search(_BUILDING_END, comp):
        return False
    words = findall(_WORD, comp)
    if not words or len(words) > 6:
        return False
    if not (comp[0].isupper() or comp[0].isdigit()):
        return False
    if comp.endswith(".") and not search(_DOTTED_END, comp):
        return False
    for word in words:
        lead = word.lstrip("(")[:1]
        if lead and not (lead.isupper() or lead.isdigit() or lead in "&-/") and not _lower_ok(word):
            return False
    return True


def _lower_ok(word: str) -> bool:
    low = word.lower()
    return low in _CONNECTOR or low in LOWER_ADDRESS_WORDS


def _tail(component: str) -> str | None:
    """The capitalised tail of a lead-in such as ``writing to X`` or ``Core location: X``."""
    m = match(_LEAD_IN, component.strip())
    if m is None:
        return None
    tail = (m.group("tail") or "").strip()
    return tail if _address_like(tail) else None


def _line_bounds(text: str, line_start: int, floor: int) -> tuple[int, str] | None:
    """The line above the one starting at ``line_start`` (cut at ``floor``): ``(start, text)``, or None."""
    if line_start <= floor:
        return None
    prev_start = max(text.rfind("\n", floor, line_start - 1) + 1, floor)
    return prev_start, text[prev_start : line_start - 1]


def _components_before(text: str, pos: int) -> list[tuple[str, bool, str]]:
    """Address components read backwards from ``pos``, nearest first.

    Each is ``(text, line_run, alone)``: ``line_run`` is True when a line break without a comma
    separates it from the component below (letterhead style); ``alone`` is, for a piece joined to
    the end of a long line above (wrapped prose), the piece without it. ``("", False, "")`` is a
    hard stop.
    """
    out: list[tuple[str, bool, str]] = []
    floor = max(0, pos - _LOOK_BACK)  # never read further back: keeps long inputs linear
    line_start = max(text.rfind("\n", floor, pos) + 1, floor)
    segment = text[line_start:pos]
    line_run, alone = False, ""
    while len(out) < _MAX_COMPONENTS:
        parts = segment.split(",")
        if len(parts) > 1 and not parts[-1].strip():
            parts.pop()  # "Leeds, LS2 8BB": nothing between the last comma and what follows
        above = _line_bounds(text, line_start, floor)
        prev = above[1].rstrip() if above is not None else ""
        carry: str | None = None
        for index in range(len(parts) - 1, -1, -1):
            part = parts[index].strip()
            if index == 0 and not part:
                break  # nothing before the first comma (or the postcode) on this line
            wrapped = prev and not prev.endswith((",", ".", "!", "?", ":")) and len(prev) >= _WRAP_WIDTH
            if index == 0 and wrapped and not alone:
                carry = part  # wrapped prose: this piece began on the line above
                break
            out.append((part, line_run, alone))  # an empty piece (",,") is a hard stop
            line_run, alone = False, ""
        if above is None:
            return out
        line_start = above[0]
        if not prev.strip() or (prev.endswith((".", "!", "?", ":")) and not search(_DOTTED_END, prev)):
            out.append(("", False, ""))
            return out
        if carry is not None:
            head, _, last = prev.rpartition(",")
            segment = (head + "," if head else "") + last + " " + carry
            alone = carry
        elif prev.endswith(","):
            segment = prev[:-1]
        else:
            segment = prev
            line_run = True
    return out


def _fits_above(component: str, below: str | None, line_run: bool) -> bool:
    """Over a number-led line (``110 Merrion Centre``) a letterhead takes only a building line."""
    if not line_run or below is None or not match(_NUMBER_LED, below) or match(_NUMBER_LED, component):
        return True
    return search(_BUILDING, component) is not None


def _is_addressee(comp: str, names: frozenset[str]) -> bool:
    """A line naming the letter's addressee (two-column letterheads interleave it with the sender's address)."""
    bare = " ".join(_TITLE.sub("", comp.strip()).split()).casefold()
    return bool(bare) and any(bare == n or (bare.endswith(" " + n) and len(bare.split()) <= 3) for n in names)


def _org_between(comp: str, above: str | None) -> bool:
    """An organisation line held between a building line above and the street below
    (``Coltman House,`` / ``Defence Medical Services Whittington,`` / ``Tamworth Rd``) is part of the address."""
    if above is None or not comp[:1].isupper() or len(findall(_WORD, comp)) > 5 or search(_REJECT, comp):
        return False
    return _address_like(above) and search(_BUILDING, above) is not None


def _walk(components: list[tuple[str, bool, str]], names: frozenset[str] = frozenset()) -> list[str]:
    kept: list[str] = []
    for index, (comp, line_run, alone) in enumerate(components):
        if not comp or normalise_postcode(comp) or search(POSTCODE, comp):
            break  # a blank line, ",,", or the postcode of an earlier address
        if not any(ch.isalnum() for ch in comp) or _is_addressee(comp, names):
            continue  # a stray "=" of a page break; the addressee's name between the sender's lines
        below = kept[-1] if kept else None
        lead = match(_VERB_LEAD, comp.strip())
        if lead is not None:
            if _address_like(lead.group("tail")) and _fits_above(lead.group("tail"), below, line_run):
                kept.append(lead.group("tail"))
            break
        if match(_CARE_OF, comp.strip()) and len(comp) <= 60 and not search(_REJECT, comp):
            kept.append(comp)
            break
        if _address_like(comp):
            if not _fits_above(comp, below, line_run):
                break
            kept.append(comp)
            continue
        above = components[index + 1][0] if index + 1 < len(components) else None
        if kept and _org_between(comp, above):
            kept.append(comp)
            continue
        tail = _tail(comp) or (alone if _address_like(alone) else None)
        if tail is not None and _fits_above(tail, below, line_run):
            kept.append(tail)
        break
    return list(reversed(kept))


@attrs.frozen
class _End:
    """The piece that closes an address: a UK postcode or one of :data:`ADDRESS_ENDS`."""

    start: int
    end: int
    text: str
    postcode: str
    country: str | None


def _ends(text: str, skip: Sequence[Span]) -> list[_End]:
    out = [_End(s, e, pc, pc, "GB") for (s, e), pc in find_postcodes(text, skip)]
    taken = SpanIndex(list(skip) + [(e.start, e.end) for e in out])
    for _name, country, pattern in _END_PATTERNS:
        for m in finditer(pattern, text):
            if taken.hits(m.span()):
                continue
            taken.add(m.span())
            out.append(_End(m.start(), m.end(), " ".join(m.group(0).split()), m.group("postcode"), country))
    return sorted(out, key=lambda e: e.start)


def _country_line(text: str, end: int) -> tuple[str, str] | None:
    """A country named just after an address's closing piece: ``(text, ISO code)``."""
    m = match(_COUNTRY_AFTER, text, end)
    if m is None:
        return None
    for code, name in _COUNTRY_CODES:
        if m.group(name) is not None:
            return m.group(name), code
    return None


def _street_country(components: list[str]) -> str | None:
    joined = " ".join(components)
    for code, pattern in _STREET_PATTERNS:
        if search(pattern, joined):
            return code
    return None


def extract_postal(text: str, skip: Sequence[Span] = ()) -> list[PostalAddress]:
    """Postal addresses ending in a valid UK postcode or another country's closing piece
    (:data:`~foithread.stages.extract.postal_rules.ADDRESS_ENDS`), in order of appearance.

    A postcode with no address lines before it is reported alone (value = postcode).
    """
    out: list[PostalAddress] = []
    names = frozenset(" ".join(m.group("name").split()).casefold() for m in finditer(_SALUTATION, text))
    for piece in _ends(text, skip):
        components = [" ".join(c.split()) for c in _walk(_components_before(text, piece.start), names)]
        tail, end, country = [piece.text], piece.end, piece.country
        if piece.country != "GB":
            named = _country_line(text, piece.end)
            if named is not None:
                tail.append(named[0])
                end = text.index(named[0], piece.end) + len(named[0])
            country = named[1] if named is not None else country or _street_country(components)
        value = ", ".join(components + tail)
        begin = (
            text.rfind(components[0].split()[0], max(0, piece.start - _LOOK_BACK), piece.start) if components else -1
        )
        out.append(
            PostalAddress(
                value=value, postcode=piece.postcode, span=(begin if begin >= 0 else piece.start, end), country=country
            )
        )
    return out
