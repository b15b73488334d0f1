"""Who signs a message (DOMAIN 4.6).

A signature block reads top to bottom: a closing from :data:`CLOSINGS` (``Yours sincerely``,
``Kind regards``, ``Yn gywir``, ``Mit freundlichen Grüßen`` ...), the signatory's name (blank
lines skipped; ``On behalf of James Hall`` gives ``James Hall``), then a role line
(``Freedom of Information Officer``) and an organisation line. A team line straight after the
closing (``Data Office Triage Team``) is the signatory, and requesters' sign-offs count
(``Yours Faithfully,`` / ``Index on Censorship``). Pipe one-liners (``Name | Role | Org``)
are split.

When no closing yields a name, the last short person or team line that starts a paragraph
(``...We will respond by 3 November 2021.`` / ``FOI Case Management Team``) is taken.

A name is never a placeholder, an e-mail address, a URL, a phone line, a postcode, a
classification marking or a sentence.
"""

from __future__ import annotations

import regex

from foithread.model import Signatory
from foithread.stages.extract.patterns import compile_pattern, fullmatch, match, search
from foithread.stages.extract.placeholders import is_placeholder
from foithread.stages.extract.postal import extract_postal
from foithread.stages.extract.signatory_rules import ASK_FOR, CLOSINGS, NAME_CONNECTORS, NOT_NAMES, ROLE_MODIFIERS
from foithread.stages.runs import fold_blank

_CLOSING_ALT = "|".join(regex.escape(c).replace(r"\ ", r"\s+") for c in sorted(CLOSINGS, key=len, reverse=True))
_CLOSING_LINE = compile_pattern(
    rf"(?:{_CLOSING_ALT})(?:\s*/\s*(?:{_CLOSING_ALT}))*\s*[,.!:;\-\u2013]*",
    regex.IGNORECASE,
    anchored=True,
)
_CLOSING_WITH_NAME = compile_pattern(
    rf"(?:{_CLOSING_ALT})\s*[,\-\u2013]\s*(?P<rest>\S.*)", regex.IGNORECASE, anchored=True
)
_ON_BEHALF = compile_pattern(
    r"^(?:(?:sent\s+)?(?:for\s+and\s+)?on\s+behalf\s+of|p\.?\s?p\.?|signed|ar\s+ran|per|i\.\s?A\.|"
    r"im\s+Auftrag)\s*[:,]?\s+",
    regex.IGNORECASE,
    anchored=True,
)
_MARKING = compile_pattern(
    r"(?:OFFICIAL|Official)(?:[\s\-\u2013:]+(?:SENSITIVE|Sensitive))?(?:[\s\-\u2013:]+\w+)?|UNCLASSIFIED|RESTRICTED|"
    r"PROTECT|NOT\s+PROTECTIVELY\s+MARKED|SWYDDOGOL(?:[\s\-]+SENSITIF)?|CONFIDENTIAL|PRIVATE",
    anchored=True,
)
# Never in a name: contact details, digits, brackets, greetings, quote headers.
_BAD = compile_pattern(
    r"@|https?:|www\.|\d|[\[\]<>:;?!=*_#\\{}]|^[^\w]|\bDear\b|\bHi\b|\bHello\b|\bwrote\b",
    regex.IGNORECASE,
)
_TEAM_END = compile_pattern(
    r"(?:Team|Unit|Office|Desk|Section|Branch|Directorate|Service|Centre|Department|Tîm(?:\s+\w+)*|Caseworkers?)\s*$"
)
# Words that make a line a team or unit even when they are not its last word.
_UNIT_WORD = compile_pattern(
    r"(?<!\w)(?:Team|Unit|Tîm|Governance|Management|Compliance|Disclosure|Transparency|Secretariat|"
    r"Rights|Directorate|Department|Branch|Desk)(?!\w)"
)
_ROLE = compile_pattern(
    r"(?<!\w)(?:Officer|Manager|Adviser|Advisor|Assistant|Director|Head|Co-?ordinator|Analyst|Caseworker|Lead|"
    r"Clerk|Executive|Decision\s+Maker|Practitioner|Specialist|Administrator|Secretary|Chief|Partner|Swyddog|"
    r"Rheolwr|Cynghorydd|Team|Unit|Solicitor|Counsel)(?!\w)",
    regex.IGNORECASE,
)
# Where quoted history starts: nobody signs the current message below these lines.
_QUOTE_START = compile_pattern(
    r"-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}|_{10,}|>.*|On\s.{5,120}\swrote:|"
    r"(?:From|Gesendet|Von):\s.+(?:\[mailto:|<\S+@\S+>|@).*",
    regex.IGNORECASE,
    anchored=True,
)
_QUOTE_FIRST = frozenset("-_>OoFfGgVv")  # first characters of the _QUOTE_START forms (a cheap pre-check)
_CONTACT = compile_pattern(
    r"^(?:Tel|Telephone|Phone|Fax|Mobile|E-?mail|Web|www\.|https?:|Direct|Please\s+ask\s+for|Contact)\b",
    regex.IGNORECASE,
)
_ASK_FOR = compile_pattern(r"^(?:" + "|".join(ASK_FOR) + r")\s*[:\-]?\s*(?P<name>\S.*)$", regex.IGNORECASE)
_PAGE_NUMBER = compile_pattern(r"[\d\s.,\-/]+|Page\s+\d+(?:\s+of\s+\d+)?", regex.IGNORECASE)
_LOWER_NAME = compile_pattern(r"[a-zà-ÿ][a-zà-ÿ'\-]+(?:[ ][a-zà-ÿ][a-zà-ÿ'\-]+){0,2}\.?")
_MAX_BLANKS = 4
_CLOSING_MAX = 60  # longer lines are never a closing (even "Yn gywir / Yours sincerely,")


def _is_closing(line: str) -> bool:
    return 0 < len(line) <= _CLOSING_MAX and fullmatch(_CLOSING_LINE, line) is not None


def _words(line: str) -> list[str]:
    return [w for w in line.replace("/", " / ").split() if w not in {"/", "|", "-", "\u2013"}]


def valid_name(line: str) -> bool:
    """A short capitalised line that can be a person's or team's name (not a sentence or contact line)."""
    line = line.strip()
    if not line or len(line) > 70 or search(_BAD, line) or is_placeholder(line):
        return False
    if fullmatch(_MARKING, line) or _is_closing(line) or not line[0].isupper():
        return False
    words = _words(line)
    if not 1 <= len(words) <= 8:
        return False
    if line.endswith(".") and len(words[-1].rstrip(".")) > 2:
        return False
    for word in words:
        lead = word.lstrip("(\"'")[:1]
        if lead and not lead.isupper() and word.lower() not in NAME_CONNECTORS:
            return False
    return True


def _clean(name: str) -> str:
    return " ".join(name.strip().strip(",;").split())


def _split_name(line: str) -> tuple[str, str | None, str | None]:
    """Split ``On behalf of X, Role`` and ``Name | Role | Org`` into name, role, organisation."""
    line = line.strip()
    prefix = match(_ON_BEHALF, line)
    line = line[prefix.end() :] if prefix else line
    if "|" in line:
        parts = [_clean(p) for p in line.split("|")] + ["", ""]
        return parts[0], parts[1] or None, parts[2] or None
    if "," in line:
        head, tail = line.split(",", 1)
        if valid_name(head) and valid_name(tail):
            return _clean(head), _clean(tail), None
    return _clean(line), None, None


def _following(lines: list[str], index: int, limit: int = 2) -> list[str]:
    """Up to ``limit`` lines after ``index`` in the same block (one blank line allowed)."""
    out: list[str] = []
    blanks = 0
    for line in lines[index + 1 :]:
        if not line:
            blanks += 1
            if blanks > 1:
                break
            continue
        out.append(line)
        if len(out) == limit:
            break
    return out


def _is_unit(line: str) -> bool:
    return search(_TEAM_END, line) is not None or search(_UNIT_WORD, line) is not None


def _role_and_org(
    lines: list[str], index: int, role: str | None, org: str | None, team: bool
) -> tuple[str | None, str | None]:
    """Role and organisation from the lines below; the body wins over a unit line above it
    (``Information Rights Unit`` / ``Metropolitan Police Service`` gives the Service)."""
    for line in _following(lines, index, limit=3):
        if not valid_name(line) or fullmatch(_MARKING, line):
            break
        if role is None and not team and org is None and search(_ROLE, line):
            role = _clean(line)
        elif org is None:
            org = _clean(line)
            if not _is_unit(line):
                break
        elif _is_unit(org) and not _is_unit(line):
            org = _clean(line)
            break
        else:
            break
    return role, org


def _run_on(line: str) -> tuple[str, str | None, str | None] | None:
    """``Jo Bloggs Information Manager Rights Unit (IRU)``: a name, then a role phrase, then its unit."""
    words = line.split()
    for k, word in enumerate(words):
        if search(_ROLE, word) is None:
            continue
        start = k
        while start > 2 and words[start - 1].lower() in ROLE_MODIFIERS:
            start -= 1
        name = " ".join(words[:start])
        if 2 <= start <= 3 and valid_name(name):
            rest = " ".join(words[k + 1 :])
            return name, " ".join(words[start : k + 1]), rest or None
        return None
    return None


def _signatory(lines: list[str], index: int, closed: bool = False) -> tuple[str, str | None, str | None] | None:
    """The signatory named on ``lines[index]`` with role and organisation from the lines below.

    ``closed``: the line follows a closing, so a full stop after the name (``Gill Thorburn.``), a
    run-on line (name, role and unit on one line) and a lower-case name (``jo bloggs``) are read too.
    """
    line = lines[index]
    if closed:
        if line.endswith(".") and not line.endswith(".."):
            line = line[:-1]
        if fullmatch(_LOWER_NAME, line) and not any(w in NOT_NAMES for w in line.split()):
            return line, None, None
        if not valid_name(_split_name(line)[0]) and (run_on := _run_on(line)) is not None:
            name, role, unit = run_on
            return name, role, _role_and_org(lines, index, role, None, False)[1] or unit
    name, role, org = _split_name(line)
    if not valid_name(name) or "|" in name:
        return None
    team = search(_TEAM_END, name) is not None
    if role is None or org is None:
        role, org = _role_and_org(lines, index, role, org, team)
    return name, role, org


def _name_line_after(lines: list[str], index: int) -> int | None:
    """The first line after the closing on ``lines[index]`` that can hold a name (blanks skipped)."""
    blanks = 0
    for j in range(index + 1, len(lines)):
        line = lines[j]
        if not line or set(line) <= set("-_ ") or _is_closing(line) or fullmatch(_PAGE_NUMBER, line):
            blanks += not line
            if blanks > _MAX_BLANKS:
                return None
            continue
        return j
    return None


def _full_name(first: str, lines: list[str], index: int) -> str:
    """``Best regards, Tom`` over ``Tom Ng``: the line below gives the full name (and is no organisation)."""
    below = next((line for line in lines[index + 1 : index + 3] if line), "")
    if below.startswith(first.strip() + " ") and valid_name(below) and len(_words(below)) <= 4:
        lines[lines.index(below, index + 1)] = ""  # read once: as the name, not again as the organisation
        return below
    return first


def _candidate_kind(line: str, last: bool) -> str | None:
    """``"team"``, ``"unit"`` (a unit word not at the end), ``"person"`` or None for a fallback line."""
    if not valid_name(line) or line.endswith(","):
        return None
    if "|" in line:
        return "person" if valid_name(line.split("|", 1)[0]) else None
    if search(_TEAM_END, line) or line.startswith("Tîm "):
        return "team"
    if search(_UNIT_WORD, line):
        return "unit"
    words = _words(line)
    if any(w.lower().strip(".,") in NOT_NAMES for w in words):
        return None
    if len(words) == 1:
        ok = last and words[0][:1].isupper() and words[0][1:].islower() and len(words[0]) > 1
        return "person" if ok else None
    if len(words) <= 4 and all(w[:1].isupper() or w.lower() in NAME_CONNECTORS for w in words):
        return "person"
    return None


def _block_edge(line: str) -> bool:
    """Does a paragraph (or a letterhead label such as ``Please ask for: [name]``) end on ``line``?"""
    return line.endswith((".", "!", "?", ":", ")", "]")) or search(_CONTACT, line) is not None


def _fallback(lines: list[str]) -> tuple[str, str | None, str | None] | None:
    """The last person or team line that starts a paragraph, for messages without a closing."""
    filled = [i for i, line in enumerate(lines) if line]
    chosen: int | None = None
    for pos, i in enumerate(filled[1:], start=1):
        prev = filled[pos - 1]
        nxt = filled[pos + 1] if pos + 1 < len(filled) else None
        if prev == i - 1 and not _block_edge(lines[prev]):
            continue
        kind = _candidate_kind(lines[i], last=nxt is None)
        below = lines[nxt] if nxt == i + 1 else None  # the next line of the same block
        if kind is None:
            continue
        if nxt is None or (kind == "team" and not (below and below[:1].islower())):
            chosen = i
        elif kind == "unit" and (below is None or valid_name(below)):
            chosen = i  # "Information Governance" over an organisation line
        elif kind == "person" and below and (search(_ROLE, below) or search(_CONTACT, below)):
            chosen = i  # a person's name needs a role or contact line under it
    return _signatory(lines, chosen) if chosen is not None else None


_MAX_SENDER_BLOCK = 7  # lines of an organisation's closing address block


def _sender_block(lines: list[str]) -> tuple[str, str | None, str | None] | None:
    """A message that ends in its sender's address block and names nobody (``VBG - Ihre gesetzliche
    Unfallversicherung`` / ``Hauptverwaltung Hamburg`` / ``Deelbögenkamp 4`` / ``22297 Hamburg``): the
    organisation on the block's first line signs it. Read only when no closing or name line signs."""
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    start = end
    while start and lines[start - 1]:
        start -= 1
    block = lines[start:end]
    if start == 0 or not 3 <= len(block) <= _MAX_SENDER_BLOCK:
        return None
    head = block[0]
    if len(head) > 70 or search(_BAD, head.replace(" - ", " ")) or not head[:1].isupper() or _block_edge(head):
        return None
    if _is_closing(head) or fullmatch(_MARKING, head) or not 1 <= len(_words(head)) <= 8:
        return None
    rest = "\n".join(block[1:])
    if not any(a.span[0] < len(block[1]) + 1 + len(block[2]) for a in extract_postal(rest)):
        return None  # the address must start on the block's second or third line
    return _clean(head), None, None


def extract_signatories(text: str) -> list[Signatory]:
    """The people or teams who sign ``text``, in order, de-duplicated by name."""
    lines = fold_blank(list(map(str.strip, (text or "").splitlines())))
    for i, line in enumerate(lines):
        if not line:
            continue
        wrapped_on = line.startswith("On ") and i + 1 < len(lines) and lines[i + 1].endswith("wrote:")
        quote = line[:1] in _QUOTE_FIRST and fullmatch(_QUOTE_START, line) is not None
        if i > 0 and (wrapped_on or quote):
            lines = lines[:i]
            break
    found: list[tuple[str, str | None, str | None]] = []
    redacted = False  # a closing over "[name removed]": the name was masked, nobody else signs
    for i, line in enumerate(lines):
        sig = None
        if _is_closing(line):
            if i > 0 and _is_closing(lines[i - 1]):
                continue
            j = _name_line_after(lines, i)
            if j is not None:
                redacted = redacted or is_placeholder(lines[j])
                sig = _signatory(lines, j, closed=True)
        elif 0 < len(line) <= 100 and ("," in line or "-" in line or "\u2013" in line):
            inline = fullmatch(_CLOSING_WITH_NAME, line)
            if inline is not None and valid_name(inline.group("rest")):
                sig = _signatory([_full_name(inline.group("rest"), lines, i), *lines[i + 1 :]], 0)
        elif (ask := match(_ASK_FOR, line)) is not None and valid_name(ask.group("name")):
            sig = (_clean(ask.group("name")), None, None)
        if sig is not None:
            found.append(sig)
    if not found and not redacted:
        sig = _fallback(lines) or _sender_block(lines)
        if sig is not None:
            found.append(sig)
    out: dict[str, Signatory] = {}
    for name, role, org in found:
        out.setdefault(name.casefold(), Signatory(name=name, role=role, organisation=org))
    return list(out.values())
