"""French cue tables (AskTheEU replies, Belgian and Swiss authorities), named ``<meaning>.fr``."""

from __future__ import annotations

from foithread.rules import table

TABLES = (
    table(
        "acknowledgement.fr",
        [("acknowledge", r"\baccus(?:ons|é) (?:bonne )?réception\b|\bnous avons bien reçu\b", 3)],
    ),
    table(
        "clarification.fr",
        [("clarify", r"\bpréciser (?:votre|la portée|l'objet)\b", 2.5)],
    ),
    table(
        "delay.fr",
        [("extend", r"\bprolong(?:er|ation) (?:du |le )?délai\b|\bdélai\b.{0,40}\bprolongé\b", 2.5)],
    ),
    table(
        "response.fr",
        [
            ("attached", r"\bveuillez trouver ci-joint\b|\bci-joint(?:e|s)?\b", 3),
            ("refused", r"\b(?:est|sont) refusée?s?\b|\bnous refusons\b", 3),
        ],
    ),
)
