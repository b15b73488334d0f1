"""Spanish cue tables, named ``<meaning>.es``."""

from __future__ import annotations

from foithread.rules import table

TABLES = (
    table(
        "acknowledgement.es",
        [("acknowledge", r"\bacusamos recibo\b|\bhemos recibido su\b", 3)],
    ),
    table(
        "clarification.es",
        [("clarify", r"\baclarar su (?:solicitud|petición)\b", 2.5)],
    ),
    table(
        "response.es",
        [("attached", r"\b(?:adjunto|adjuntamos|se adjunta)\b", 3)],
    ),
)
