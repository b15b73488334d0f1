"""Cue tables for classification, per language, and the structural signals.

A *meaning* (``response``, ``acknowledgement``, ``delay`` ...) has one table per language: the
English one carries the meaning's name, the others ``<meaning>.<lang>`` (``response.de``), and
every language uses the same rule names, so code reads one name per meaning (the constants
below). Each rule has a weight: what a match adds to the score of the meaning's kind
(:data:`KIND_OF`). :mod:`.signals` adds the cues that are not phrases. Add a language by adding
tables named ``<meaning>.<lang>`` to the bundle; disable a cue with
``DEFAULT_RULES.disable("response.de", "attached")``.
"""

from __future__ import annotations

from collections.abc import Iterator

from foithread import discipline
from foithread.rules import Rules, RuleTable
from foithread.rules.cues import cy, de, en, es, fr, nl
from foithread.rules.cues.signals import SIGNALS

#: what each meaning's hits score for; None: read only by signals and the outcome
KIND_OF: dict[str, str | None] = {
    "auto_reply": "receipt",
    "acknowledgement": "receipt",
    "clarification": "clarification_request",
    "delay": "delay_notice",
    "response": "response",
    "internal_review_request": "internal_review_request",
    "internal_review_response": "internal_review_response",
    "not_received": "other",
    "notification": "other",
    "chaser": "follow_up",
    "quoted_request": None,
    "commentary": None,
}
#: meanings read over the whole (windowed) body; the others have their own places
BODY_MEANINGS = tuple(m for m in KIND_OF if m != "notification")
#: a pool's score goes to each of its kinds; the signals then tell them apart
POOLS: dict[str, tuple[str, ...]] = {"receipt": ("acknowledgement", "auto_acknowledgement")}
#: a kind that also scores another kind's phrases once its own cues reach the threshold (an
#: internal review decision carries the answer's cues too)
INHERITS: dict[str, tuple[str, float]] = {"internal_review_response": ("response", 3.0)}
_REQUESTER = ("requester",)
_AUTHORITY = ("authority", "platform")
#: who can send each kind (kinds not listed: anyone)
SENDERS: dict[str, tuple[str, ...]] = {
    "request": _REQUESTER,
    "follow_up": _REQUESTER,
    "internal_review_request": _REQUESTER,
    "response": _AUTHORITY,
    "internal_review_response": _AUTHORITY,
    "acknowledgement": _AUTHORITY,
    "auto_acknowledgement": _AUTHORITY,
    "delay_notice": _AUTHORITY,
    "clarification_request": _AUTHORITY,
}
#: what a reader's kind hint weighs (a ``response`` hint is the readers' default: no evidence)
HINT_WEIGHT = 30.0
UNTRUSTED_HINTS = frozenset({"response"})
LANGUAGES = ("en", "cy", "de", "fr", "es", "nl")

# rule names the code reads (tests check that each is a rule of its meaning's tables)
#: response
NCND, PARTIAL_ACCESS, REFUSED, PROVIDED, ATTACHED, NOT_HELD, EXEMPT = (
    "ncnd",
    "partial_access",
    "refused",
    "provided",
    "attached",
    "not_held",
    "exempt",
)
#: out_of_office
OOO_SUBJECT, OOO_SUBJECT_AUTO, OOO_PHRASE = "subject", "subject_auto", "out_of_office"
#: bounce
BOUNCE_FAILED, BOUNCE_SMTP = "failed", "smtp"
#: opener (rules/lines.py): a line that opens a delivery report
OPENER_BOUNCE = "bounce"
#: acknowledgement rules whose presence in a subject or attachment name labels a receipt
RECEIPT_LABELS = frozenset({"acknowledge"})
#: the names the code reads, by meaning (or table)
READ_NAMES: dict[str, frozenset[str]] = {
    "response": frozenset({NCND, PARTIAL_ACCESS, REFUSED, PROVIDED, ATTACHED, NOT_HELD, EXEMPT}),
    "out_of_office": frozenset({OOO_SUBJECT, OOO_SUBJECT_AUTO, OOO_PHRASE}),
    "bounce": frozenset({BOUNCE_FAILED, BOUNCE_SMTP}),
    "opener": frozenset({OPENER_BOUNCE}),
    "dlog_response_heading": frozenset({"english"}),  # the table must be there (rules/pagetext.py)
    "acknowledgement": RECEIPT_LABELS,
}

TABLES: tuple[RuleTable, ...] = en.TABLES + cy.TABLES + de.TABLES + fr.TABLES + es.TABLES + nl.TABLES + (SIGNALS,)


_MEANING_TOKEN = discipline.compile(r"(?<![a-z_=])([a-z_]+):")
_PHRASE_TOKEN = discipline.compile(r"(?<![a-z_])([a-z_]+):(\(\?:[\w|]+\)|\w+)")


def signal_names(signals: RuleTable) -> dict[str, frozenset[str]]:
    """The ``meaning:rule`` phrase hits the signals read, by meaning."""
    found: dict[str, set[str]] = {}
    for rule in signals.rules:
        for meaning, names in _PHRASE_TOKEN.findall(rule.pattern.replace("\\b", " ")):
            found.setdefault(meaning, set()).update(names.removeprefix("(?:").removesuffix(")").split("|"))
    return {meaning: frozenset(names) for meaning, names in found.items()}


def missing_names(rules: Rules) -> list[str]:
    """The rule names the classifier reads (:data:`READ_NAMES`, the signals' phrase tokens) that
    no table of their meaning defines, as ``meaning:rule`` (empty: every name is there). A
    disabled rule still counts as defined: disabling is a choice, a missing name a mistake."""
    wanted: dict[str, set[str]] = {m: set(n) for m, n in READ_NAMES.items()}
    if "signals" in rules.names():
        for meaning, names in signal_names(rules["signals"]).items():
            wanted.setdefault(meaning, set()).update(names)
        for meaning in _MEANING_TOKEN.findall(" ".join(r.pattern.replace("\\b", " ") for r in rules["signals"].rules)):
            wanted.setdefault(meaning, set())
    out = []
    for meaning, wanted_names in sorted(wanted.items()):
        if not any(True for _ in tables_of(rules, meaning)):
            out.append(f"{meaning}:")
            continue
        defined = {name for tab in tables_of(rules, meaning) for name in tab.names()}
        out += [f"{meaning}:{name}" for name in sorted(wanted_names - defined)]
    return out


def tables_of(rules: Rules, meaning: str) -> Iterator[RuleTable]:
    """The tables of ``meaning`` in ``rules``: the English one and every ``<meaning>.<lang>``."""
    prefix = meaning + "."
    for name in rules.names():
        if name == meaning or name.startswith(prefix):
            yield rules[name]


__all__ = [
    "BODY_MEANINGS",
    "HINT_WEIGHT",
    "INHERITS",
    "KIND_OF",
    "LANGUAGES",
    "POOLS",
    "READ_NAMES",
    "SENDERS",
    "SIGNALS",
    "TABLES",
    "UNTRUSTED_HINTS",
    "missing_names",
    "signal_names",
    "tables_of",
]
