"""UK postcodes and the postal addresses that end in them (DOMAIN 4.5).

A postcode is validated with the letter rules of :data:`~foithread.extract.patterns.POSTCODE`
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

from foithread.extract.patterns import (
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

_ORG_WORDS = (
    r"Office|Police|Council|Team|Unit(?!\s*\d)|Department|Dept|Service|Services|Trust|Commissioner|"
    r"Commissioner's|Constabulary|Authority|Agency|Executive|Ministry|Directorate|Division|Branch|"
    r"Information|Transparency|Governance|Compliance|Rights|Management|Limited|Ltd|plc|LLP|NHS|"
    r"Group|Board|Government|Parliament|Commission|University|College|School|Academy|Officer|"
    r"Manager|Assistant|Adviser|Advisor|Director|Clerk|Analyst|Co-?ordinator|Caseworker|Triage|"
    r"Desk|Freedom|FOI|Data|Legal|Corporate|Support|Tîm|(?-i:Cyngor(?=\s+[A-Z]))"
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
_NUMBER_LED = compile_pattern(r"(?:\d|P\.?\s?O\.?\s+Box\b|Flat\b|Unit\s+\d)", regex.IGNORECASE, anchored=True)
_LEAD_IN = compile_pattern(
    r"^(?:.*\s)?(?:to|at|is|address|located|location|visit|write|writing|c/o)\s*[:,]?\s+(?P<tail>.+)$"
    r"|^.*:\s*(?P<tail>.+)$",
    regex.IGNORECASE | regex.DOTALL,
    anchored=True,
    max_input=_LOOK_BACK,
    why="matched on one address component, read within _LOOK_BACK characters of a postcode",
)
_REJECT = compile_pattern(r"@|https?:|www\.|[\[\]<>|;:?!*=_]|\bDear\b|\bYours\b|\bregards\b|\d{5,}", regex.IGNORECASE)
_WRAP_WIDTH = 60  # a line at least this long that runs into the next one is wrapped prose
_MAX_COMPONENTS = 8


@attrs.frozen
class PostalAddress:
    """A postal address found in text: one-line value, postcode and the span it covers."""

    value: str
    postcode: str
    span: Span


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
    if comp.endswith(".") and not comp.upper().endswith(("P.O.", "ST.", "RD.")):
        return False
    for word in words:
        lead = word.lstrip("(")[:1]
        if lead and not (lead.isupper() or lead.isdigit() or lead in "&-/") and word.lower() not in _CONNECTOR:
            return False
    return True


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
        if not prev.strip() or prev.endswith((".", "!", "?", ":")):
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


def _walk(components: list[tuple[str, bool, str]]) -> list[str]:
    kept: list[str] = []
    for comp, line_run, alone in components:
        if not comp or normalise_postcode(comp):
            break  # a blank line, ",,", or the postcode of an earlier address
        below = kept[-1] if kept else None
        if _address_like(comp):
            if not _fits_above(comp, below, line_run):
                break
            kept.append(comp)
            continue
        tail = _tail(comp) or (alone if _address_like(alone) else None)
        if tail is not None and _fits_above(tail, below, line_run):
            kept.append(tail)
        break
    return list(reversed(kept))


def extract_postal(text: str, skip: Sequence[Span] = ()) -> list[PostalAddress]:
    """Postal addresses ending in a valid postcode, in order of appearance.

    A postcode with no address lines before it is reported alone (value = postcode).
    """
    out: list[PostalAddress] = []
    for (start, end), postcode in find_postcodes(text, skip):
        components = _walk(_components_before(text, start))
        value = ", ".join([" ".join(c.split()) for c in components] + [postcode])
        begin = text.rfind(components[0], max(0, start - _LOOK_BACK), start) if components else start
        out.append(PostalAddress(value=value, postcode=postcode, span=(begin if begin >= 0 else start, end)))
    return out
