"""German cue tables (FragDenStaat mail: Bund, Länder, Kommunen), named ``<meaning>.de``.

Same rule names as :mod:`.en`, so the classifier and the outcome read one name per meaning.
"""

from __future__ import annotations

from foithread.rules import table

TABLES = (
    table(
        "auto_reply.de",
        [
            (
                "received_email",
                r"^\s*vielen Dank für Ihre (?:elektronische )?(?:Nachricht|E-Mail|Mail|Anfrage)\b",
                1,
            ),
            ("automated", r"\bautomatisch (?:erstellt|generiert|versandt)\w*\b|\bautomatische Antwort\b", 2.5),
        ],
    ),
    table(
        "acknowledgement.de",
        [
            (
                "acknowledge",
                r"\bbestätigen? (?:\w+ ){0,2}den Eingang\b|(?:Eingangs|Empfangs)best\S{0,20}tigung|(?:Eingangs|Empfangs)bestaetigung",
                3,
            ),
            ("received_on", r"\b(?:haben|habe) Ihre (?:Anfrage|E-Mail|Nachricht|Antrag) (?:\S+ ){0,4}erhalten\b", 2),
            ("logged", r"\b(?:Aktenzeichen|Geschäftszeichen)\b.{0,40}\b(?:vergeben|zugeordnet)\b", 2),
        ],
    ),
    table(
        "clarification.de",
        [
            (
                "clarify",
                r"\b(?:präzisieren|konkretisieren|Klarstellung|genauer (?:angeben|beschreiben|bezeichnen))\b",
                2.5,
            )
        ],
    ),
    table(
        "delay.de",
        [
            (
                "extend",
                r"\bverzöger(?:n|t|ung)\b|\bFristverlängerung\b|\bFrist\b.{0,40}\bverlängert\b|\bnicht fristgerecht\b|\bnoch nicht abschließend\b",
                3,
            ),
        ],
    ),
    table(
        "response.de",
        [
            (
                "refused",
                r"\b(?:kann|können) (?:Ihre[mn]? )?(?:Antr(?:ag|ägen)|Anfragen?)\b.{0,30}\bnicht (?:entsprochen|stattgegeben)|\blehne (?:ich )?Ihren Antrag\b.{0,40}\bab\b|\b(?:wird|werden) (?:hiermit )?abgelehnt\b",
                4,
            ),
            ("partial_access", r"\bteilweise (?:stattgegeben|gewährt)\b", 3),
            (
                "attached",
                r"\b(?:als|in der) Anlage\b.{0,60}\b(?:übersende|überreiche|erhalten Sie|sende)\b|\bim Anhang (?:übersende|erhalten Sie|finden Sie)\b",
                3,
            ),
            (
                "not_held",
                r"\b(?:liegen|sind) (?:hier |uns )?keine (?:Informationen|Unterlagen|Daten)\b.{0,30}\bvor\b",
                4,
            ),
        ],
    ),
    table(
        "notification.de",
        [
            (
                "encrypted_mail",
                r"\bBenachrichtigung über verschlüsselte Nachricht\b|\bmöchte Ihnen eine verschlüsselte Nachricht\b",
                6,
            ),
        ],
    ),
)
