"""Welsh cue tables: the same meanings and rule names as :mod:`.en`, named ``<meaning>.cy``."""

from __future__ import annotations

from foithread.rules import table

TABLES = (
    table(
        "auto_reply.cy",
        [
            ("automated", r"\b(?:ymateb awtomatig|neges awtomatig)\b", 2.5),
            ("received_email", r"^\s*Diolch am eich (?:e-bost|neges|ymholiad)\b", 1),
        ],
    ),
    table(
        "acknowledgement.cy",
        [
            ("acknowledge", r"\bDiolch am eich cais\b|\bcydnabod (?:derbyn|eich)\b", 2.5),
            ("will_respond", r"\bByddwn yn ymateb\b", 2.5),
            ("within_days", r"\bo fewn (?:20|ugain) diwrnod gwaith\b", 2),
        ],
    ),
    table(
        "response.cy",
        [
            ("not_held", r"\bNid yw'r .{1,30} yn dal\b|\bnid ydym yn dal\b", 4),
            ("attached", r"\bamgaeedig\b|\bynghlwm\b", 3),
            ("exempt", r"\bwedi'i eithrio\b|\beithriad\b", 1),
        ],
    ),
    table(
        "delay.cy",
        [("apologise", r"\bymddiheur\w*\b.{0,40}\boedi\b", 2)],
    ),
    table(
        "out_of_office.cy",
        [("out_of_office", r"\bar wyliau\b|\ballan o'r swyddfa\b", 1)],
    ),
)
