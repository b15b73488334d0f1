"""The classifier under its old module name: see :mod:`foithread.stages.classify`."""

from __future__ import annotations

from foithread.stages.classify import (
    Cue,
    Evidence,
    Verdict,
    classify,
    explain,
    has_data,
    is_auto_reply,
    outcome_of,
    party_of,
)

__all__ = ["Cue", "Evidence", "Verdict", "classify", "explain", "has_data", "is_auto_reply", "outcome_of", "party_of"]
