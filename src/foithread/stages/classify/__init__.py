"""Classification: the kind and party of each message, and a response's outcome.

Evidence weighing, in three steps: :mod:`.facts` reads a message's
:class:`~foithread.stages.party.Evidence` into phrase hits (the cue tables of
:mod:`foithread.rules.cues`, one per meaning and language) and structural fact tokens;
:mod:`.weigh` scores every kind by the weights of its cues (phrases and the signals of
:mod:`foithread.rules.cues.signals`), the best wins and the margin over the runner-up is the
confidence; :mod:`.outcome` reads a response's outcome. :func:`explain` shows why.
"""

from __future__ import annotations

from foithread.stages.classify.facts import Facts, facts_of, is_auto_reply
from foithread.stages.classify.outcome import has_data, outcome_of
from foithread.stages.classify.weigh import Cue, Verdict, classify, explain
from foithread.stages.party import Evidence, party_of

__all__ = [
    "Cue",
    "Evidence",
    "Facts",
    "Verdict",
    "classify",
    "explain",
    "facts_of",
    "has_data",
    "is_auto_reply",
    "outcome_of",
    "party_of",
]
