"""Dutch (and Danish, which shares the short receipt wording) cue tables, named ``<meaning>.nl``."""

from __future__ import annotations

from foithread.rules import table

TABLES = (
    table(
        "acknowledgement.nl",
        [
            (
                "acknowledge",
                r"\bontvangstbevestiging\b|\bhebben uw (?:verzoek|e-mail) ontvangen\b|\bhar modtaget (?:din|jeres)\b",
                3,
            )
        ],
    ),
    table(
        "clarification.nl",
        [("clarify", r"\bverduidelijken\b|\bpreciseren\b|\buddybe\b|\bpræcisere\b", 2.5)],
    ),
    table(
        "response.nl",
        [("attached", r"\bin de bijlage\b|\bbijgevoegd\b", 3)],
    ),
)
