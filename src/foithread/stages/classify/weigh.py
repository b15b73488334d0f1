"""Evidence weighing: every kind scores its cues, the best wins, the margin is the confidence.

A cue is a phrase rule of a meaning's tables (``response:attached``, weight 3), a structural
signal (``signals:response/quoted_request``) or a reader's hint. Each adds its weight to one kind
(or to each kind of a pool); kinds whose sender does not match the message's party are not
candidates (:data:`foithread.rules.cues.SENDERS`). The verdict keeps every cue that fired, so
:func:`explain` can say why.
"""

from __future__ import annotations

import math

import attrs

from foithread.rules import Rules
from foithread.rules.cues import HINT_WEIGHT, INHERITS, KIND_OF, POOLS, SENDERS, UNTRUSTED_HINTS
from foithread.stages.classify.facts import Facts, facts_of
from foithread.stages.party import Evidence, annotation_party


@attrs.frozen
class Cue:
    """One piece of evidence: where it comes from, which kind it speaks for, and how much."""

    source: str  # a meaning (``response``), ``signals`` or ``hint``
    name: str  # the rule's name (``attached``, ``response/quoted_request``) or the hinted kind
    kind: str  # the kind (or pool) it adds to
    weight: float


@attrs.frozen
class Verdict:
    kind: str
    party: str
    confidence: float
    #: the winning kind's cues, as ``source:name``
    cues: tuple[str, ...] = ()
    #: the response-table phrases found in the body (None when classification did not read them)
    response_phrases: frozenset[str] | None = None
    #: every cue that fired, for every kind
    evidence: tuple[Cue, ...] = ()
    #: each candidate kind's score, best first
    scores: tuple[tuple[str, float], ...] = ()


def _members(kind: str) -> tuple[str, ...]:
    return POOLS.get(kind, (kind,))


def cues_of(facts: Facts, ev: Evidence, rules: Rules) -> list[Cue]:
    """Every cue that fired for the message."""
    found = [
        Cue(meaning, name, kind, weight)
        for meaning, hits in facts.hits.items()
        if (kind := KIND_OF.get(meaning))
        for name, weight in sorted(hits.items())
    ]
    line = facts.line()
    for rule in rules["signals"]:
        kind, _, _ = rule.name.partition("/")
        if rule.search(line):
            found.append(Cue("signals", rule.name, kind, rule.weight))
    if ev.kind_hint and ev.kind_hint not in UNTRUSTED_HINTS:
        found.append(Cue("hint", ev.kind_hint, ev.kind_hint, HINT_WEIGHT))
    return found


def _scores(cues: list[Cue], party: str, hinted: str | None) -> dict[str, float]:
    scores: dict[str, float] = {}
    for cue in cues:
        for kind in _members(cue.kind):
            scores[kind] = scores.get(kind, 0.0) + cue.weight
    for heir, (source, threshold) in INHERITS.items():
        if scores.get(heir, 0.0) >= threshold:
            scores[heir] += sum(c.weight for c in cues if c.kind == source)
    return {
        kind: score
        for kind, score in scores.items()
        if kind == hinted or party in SENDERS.get(kind, (party,))  # a hint overrides who can send it
    }


def _confidence(best: float, runner_up: float) -> float:
    """The logistic of the margin: 0.5 for a tie, 0.88 for a margin of 2, at most 0.99."""
    return round(min(0.99, 1 / (1 + math.exp(-(best - runner_up)))), 2)


def classify(ev: Evidence, rules: Rules) -> Verdict:
    """Kind, party and confidence of one message, with the evidence."""
    facts = facts_of(ev, rules)
    cues = cues_of(facts, ev, rules)
    party = facts.party
    if facts.party_default and "requester_before" in facts.tokens and any(c.source == "chaser" for c in cues):
        party = "requester"  # the requester's voice says who chases an answer when nothing else does
    hinted = ev.kind_hint if ev.kind_hint not in UNTRUSTED_HINTS else None
    scores = _scores(cues, party, hinted)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] <= 0:
        ranked = [("request" if party == "requester" else "other", 0.0), *ranked]
    kind, best = ranked[0]
    runner_up = max((s for _, s in ranked[1:]), default=0.0)
    if kind == "annotation":
        party = (
            annotation_party(ev)
            if (ev.annotation or hinted == "annotation")
            else ("requester" if facts.party_default else party)
        )
    elif kind == "bounce" and party == "requester" and not ev.headers:
        party = "authority"
    winning = tuple(sorted(f"{c.source}:{c.name}" for c in cues if kind in _members(c.kind)))
    return Verdict(
        kind,
        party,
        _confidence(best, runner_up),
        winning,
        frozenset(facts.hits.get("response", {})),
        tuple(cues),
        tuple(ranked),
    )


def explain(verdict: Verdict) -> str:
    """Why the verdict: the scores, then each cue with its weight, the winner's first."""
    lines = [f"{verdict.kind} ({verdict.party}), confidence {verdict.confidence:.2f}"]
    lines += [f"  {kind:<26} {score:6.2f}" for kind, score in verdict.scores]
    won = [c for c in verdict.evidence if verdict.kind in _members(c.kind)]
    lost = [c for c in verdict.evidence if c not in won]
    lines += [f"  + {c.weight:5.2f} {c.kind:<26} {c.source}:{c.name}" for c in won]
    lines += [f"    {c.weight:5.2f} {c.kind:<26} {c.source}:{c.name}" for c in lost]
    return "\n".join(lines)
