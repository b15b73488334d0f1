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
* above a component that starts with a number (``110 Merrion Centre``) only a building-like
  component (``Merrion House``) is taken, so a person's name over a street is left out.

The value is one line, components joined with ``", "`` as printed, postcode normalised.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import attrs
import regex

from foithread.extract.patterns import POSTCODE, Span, compile_pattern, finditer, fullmatch, match, overlaps, search

_ORG_WORDS = (
    r"Office|Police|Council|Team|Unit(?!\s*\d)|Department|Dept|Service|Services|Trust|Commissioner|"
    r"Commissioner's|Constabulary|Authority|Agency|Executive|Ministry|Directorate|Division|Branch|"
    r"Information|Transparency|Governance|Compliance|Rights|Management|Limited|Ltd|plc|LLP|NHS|"
    r"Group|Board|Government|Parliament|Commission|University|College|School|Officer|Manager|"
    r"Assistant|Adviser|Advisor|Director|Clerk|Analyst|Co-?ordinator|Caseworker|Triage|Desk|"
    r"Freedom|FOI|Data|Governance|Legal|Corporate|Support|Tîm|Cyngor\s+\w+\s+\w+"
)
_ORG = compile_pattern(rf"(?<![\w'])(?:{_ORG_WORDS})(?![\w'])", regex.IGNORECASE)
_BUILDING = compile_pattern(
    r"(?<!\w)(?:House|Hall|Building|Buildings|Centre|Center|Court|Tower|Place|Chambers|Offices|"
    r"Floor|Suite|Block|Wing|Lodge|Mill|Works|Swyddfeydd|Tŷ|Neuadd|Canolfan)(?!\w)",
    regex.IGNORECASE,
)
_CONNECTOR = frozenset("of the y yr and & upon on in le la de du by under over cum next to".split())
_WORD = compile_pattern(r"[\w.'’&()\-/]+")
_NUMBER_LED = compile_pattern(r"(?:\d|P\.?\s?O\.?\s+Box\b|Flat\b|Unit\s+\d)", regex.IGNORECASE)
_LEAD_IN = compile_pattern(
    r"^(?:.*\s)?(?:to|at|is|address|located|location|visit|write|writing|c/o)\s*[:,]?\s+(?P<tail>.+)$|^.*:\s*(?P<tail>.+)$",
    regex.IGNORECASE | regex.DOTALL,
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


def normalise_postcode(text: str) -> Optional[str]:
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
    for m in finditer(POSTCODE, text):
        token = m.group(0)
        if overlaps(m.span(), skip):
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
    if not comp or len(comp) > 40 or search(_REJECT, comp) or search(_ORG, comp):
        return False
    words = _WORD.findall(comp)
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


def _tail(component: str) -> Optional[str]:
    """The capitalised tail of a lead-in such as ``writing to X`` or ``Core location: X``."""
    m = match(_LEAD_IN, component.strip())
    if m is None:
        return None
    tail = (m.group("tail") or "").strip()
    return tail if _address_like(tail) else None


def _line_bounds(text: str, line_start: int) -> Optional[tuple[int, str]]:
    """The line above the one starting at ``line_start``: ``(start, text)``, or None at the top."""
    if line_start == 0:
        return None
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    return prev_start, text[prev_start : line_start - 1]


def _components_before(text: str, pos: int) -> list[str]:
    """Address components read backwards from ``pos``, nearest first; ``""`` marks a hard stop."""
    out: list[str] = []
    line_start = text.rfind("\n", 0, pos) + 1
    segment = text[line_start:pos]
    while len(out) < _MAX_COMPONENTS:
        parts = segment.split(",")
        if len(parts) > 1 and not parts[-1].strip():
            parts.pop()  # "Leeds, LS2 8BB": nothing between the last comma and what follows
        above = _line_bounds(text, line_start)
        for index in range(len(parts) - 1, -1, -1):
            part = parts[index].strip()
            if index > 0:
                out.append(part)  # an empty piece (",,") is a hard stop
                continue
            if part and above is not None:
                prev = above[1]
                if prev.strip() and not prev.rstrip().endswith(",") and len(prev) >= _WRAP_WIDTH:
                    # Wrapped prose: the last comma piece of the line above runs into this one.
                    out.extend([(prev.rsplit(",", 1)[-1].strip() + " " + part).strip(), ""])
                    return out
            if part:
                out.append(part)
        if above is None:
            return out
        line_start, prev = above
        if not prev.strip():
            out.append("")
            return out
        segment = prev.rstrip().removesuffix(",")
    return out


def _walk(components: list[str]) -> list[str]:
    kept: list[str] = []
    for comp in components:
        if not comp:
            break
        number_led_below = bool(kept) and bool(_NUMBER_LED.match(kept[-1]))
        if _address_like(comp):
            if number_led_below and not _NUMBER_LED.match(comp) and not search(_BUILDING, comp):
                break
            kept.append(comp)
            continue
        tail = _tail(comp)
        if tail is not None and not (number_led_below and not _NUMBER_LED.match(tail) and not search(_BUILDING, tail)):
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
        begin = text.rfind(components[0], 0, start) if components else start
        out.append(PostalAddress(value=value, postcode=postcode, span=(max(begin, 0), end)))
    return out
