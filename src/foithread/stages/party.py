"""Who sent a message: the requester, the authority or the platform.

Mail headers decide first (the request address, the platform's domains), then page-text cues:
a sender line above the message, the requester's own sign-off, and whom the greeting
addresses (``Dear Mr Smith`` is the authority writing; ``Dear Some Council`` or a greeting to
the authority the page names is the requester).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import regex

from foithread import discipline

_REQUEST_ADDRESS = discipline.compile(r"(?:request|foi\+request|request-bounce)-\d+-[0-9a-f]{6,}@", regex.I)
_PLATFORM_DOMAIN = discipline.compile(
    r"@(?:[\w.-]+\.)?(?:whatdotheyknow\.com|ukcod\.org\.uk|mysociety\.org|asktheeu\.org|righttoknow\.org\.au)\b",
    regex.I,
)
PERSON_GREETING = discipline.compile(
    r"^\s*(?:Dear|Annwyl|Hello|Hi|Good (?:morning|afternoon|evening))\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\b\.?\s+\S",
    regex.I,
)
_REQUESTER_GREETING = discipline.compile(
    r"^\s*Dear\s+(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\b)(?:Sir(?:\s+or\s+|/)Madam|FOI|Freedom of Information|Information|Data|(?:[A-Z][\w&'.-]*(?:\s+[\w&'().,-]+){0,9}?\s*)?(?:Council|Police|Constabulary|Service|Trust|University|Department|Office|Ministry|Authority|Commission(?:er)?|Agency|Board|Executive|Customs|College|Government|Team|Unit|Borough|Fire|Rescue|Parliament|Assembly|Court|Tribunal|Corporation|Inspectorate|Partnership|Group|Health|London|Wales|Scotland|England)\b)",
)
_REQUESTER_CLOSING = discipline.compile(r"^\s*Yours\s+faithfully", regex.I)


@attrs.frozen
class Evidence:
    """What the classifier looks at for one message."""

    body: str
    index: int
    earlier: frozenset[tuple[str, str]] = frozenset()  # the distinct (kind, party) of the messages before it
    subject: str | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    mime_type: str | None = None
    kind_hint: str | None = None
    party_hint: str | None = None
    sender_email: str | None = None
    sender_name: str | None = None
    has_reference: bool = False
    greeting: str | None = None  # the first greeting line of the body
    requester_name: str | None = None  # the requester's sign-off name, when known
    requester_email: str | None = None  # the address the request came from, when known
    annotation: bool = False  # the message opens with an annotation heading
    title: bool = False  # the message opens with the page title (first message of page text)
    closing: str | None = None  # the first closing line of the body
    signatory: str | None = None  # the first signatory's name
    attachments: tuple[str, ...] = ()  # file names of the message's attachments
    pasted_from: str | None = None  # the From: value of a pasted header block opening the message
    pasted_to: str | None = None  # the To: value of that block
    sender_line: str | None = None  # the page-text sender line above the message (``FOI Team, Some Council``)
    authority: str | None = None  # the authority the request was made to, when the page says so


def party_of(ev: Evidence) -> str:
    return party_basis(ev)[0]


def party_basis(ev: Evidence) -> tuple[str, bool]:
    """Who sent the message, and whether that is only the fallback (nothing said who)."""
    party = _party(ev)
    return (party or "authority", party is None)


def _party(ev: Evidence) -> str | None:
    if ev.party_hint:
        return ev.party_hint
    frm = (ev.sender_email or "").lower()
    to = ev.headers.get("to", "").lower()
    if frm and ev.requester_email:
        mine = ev.requester_email.lower()
        if frm == mine:
            return "requester"
        if mine in to:
            return "authority"
    if frm:
        if _REQUEST_ADDRESS.search(frm):
            return "requester"
        if _PLATFORM_DOMAIN.search(frm):
            return "platform"
        if _REQUEST_ADDRESS.search(to):
            return "authority"
        if _PLATFORM_DOMAIN.search(to):
            return "requester"  # a site user's mail client answering a platform alert
    if ev.sender_line:
        mine = (ev.requester_name or "").strip().lower()
        return "requester" if mine and ev.sender_line.strip().lower() == mine else "authority"
    if ev.signatory and ev.requester_name and ev.signatory.strip().lower() == ev.requester_name.strip().lower():
        return "requester"
    greeting = ev.greeting or ""
    if greeting and _addresses_authority(greeting, ev.authority):
        return "requester"
    if greeting and PERSON_GREETING.search(greeting):
        return "authority"
    if greeting and _REQUESTER_GREETING.search(greeting):
        return "requester"
    if ev.index == 0 and not frm and (ev.title or _REQUESTER_CLOSING.search(ev.closing or "")):
        return "requester"
    if ev.index == 0 and frm and not ev.requester_email and not ev.headers.get("to"):
        return "requester"
    if greeting or ev.closing or ev.signatory or frm:
        return "authority"  # a letter or a mail that nothing above gives to the requester
    return None


_GREETED = discipline.compile(r"^\s*(?:Dear|Annwyl|Hello|To)\s+(?P<name>[^,:\n]{2,120}?)\s*[,:]?\s*$", regex.I)
_ACRONYMS = discipline.compile(r"^(?:[A-Z]{2,10}|&|and|/)(?:\s+(?:[A-Z]{2,10}|&|and|/))*$")

_WORD = discipline.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in {"the", "and", "for"}}


def _addresses_authority(greeting: str, authority: str | None) -> bool:
    """``Dear Ministry of Defence,`` to the page's authority, or ``Dear FBI & NARA,`` (acronyms only)."""
    m = _GREETED.match(greeting)
    if not m:
        return False
    name = m.group("name").strip()
    if len(name.split()) > 1 and _ACRONYMS.match(name):
        return True
    if not authority:
        return False
    mine, theirs = _words(name), _words(authority)
    return bool(mine) and len(mine & theirs) * 2 >= len(mine)


def annotation_party(ev: Evidence) -> str:
    name = (ev.sender_name or "").strip().lower()
    if name and ev.requester_name and name == ev.requester_name.strip().lower():
        return "requester"
    if ev.party_hint:
        return ev.party_hint
    return "platform"
