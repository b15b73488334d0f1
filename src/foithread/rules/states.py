"""Wording that moves a request into a state no message kind names (Alaveteli's states).

Alaveteli asks the requester to classify each response; :func:`foithread.request_state` infers
the same states from the messages. Most follow from kinds and outcomes; these tables hold the
two that only wording tells: a request withdrawn by the requester (``user_withdrawn``) and an
authority answering on paper (``gone_postal``). Each pattern is searched in one line of a
cleaned body; a line that also matches :data:`CONDITIONAL` ("if we do not hear from you we will
treat your request as withdrawn") does not count.
"""

from __future__ import annotations

from foithread.rules import table

#: the requester withdraws the request (or the authority records that it is withdrawn)
WITHDRAWN = table(
    "state_withdrawn",
    [
        (
            "withdraw_request",
            r"\b(?:i|we)\s+(?:would\s+like\s+to\s+|wish\s+to\s+|hereby\s+|now\s+|am\s+)?withdraw(?:ing)?\s+(?:my|this|the)\s+(?:foi\s+|eir\s+|information\s+)?request\b",
        ),
        (
            "treat_as_withdrawn",
            r"\bplease\s+(?:consider|treat|regard|mark)\s+(?:my|this|the)\s+(?:foi\s+)?request\s+as\s+(?:withdrawn|cancelled|closed)\b",
        ),
        ("cancel_request", r"\bplease\s+(?:cancel|close)\s+(?:my|this|the)\s+(?:foi\s+)?request\b"),
        ("no_longer_require", r"\bi\s+no\s+longer\s+(?:require|need|want)\s+(?:the|this|that)\s+information\b"),
        (
            "recorded_withdrawn",
            r"\b(?:your|this)\s+request\s+(?:has|have)\s+(?:now\s+)?been\s+(?:withdrawn|closed\s+as\s+withdrawn)\b",
        ),
        (
            "german",
            r"\b(?:ziehe|ziehen)\s+(?:ich\s+|wir\s+)?(?:meine|die|diese)\s+Anfrage\s+(?:hiermit\s+)?zur(?:ü|ue)ck\b",
        ),
    ],
)

#: the answer goes (or went) by post, not by e-mail
GONE_POSTAL = table(
    "state_gone_postal",
    [
        (
            "sent_by_post",
            r"\b(?:will\s+be|has\s+been|have\s+been|is\s+being|are\s+being|was|were)\s+(?:sent|posted|dispatched|forwarded)\s+(?:to\s+you\s+)?(?:by|via|in\s+the)\s+(?:post|royal\s+mail|recorded\s+delivery|first\s+class\s+post)\b",
        ),
        (
            "postal_address_asked",
            r"\bplease\s+(?:provide|send|give|let\s+(?:me|us)\s+(?:have|know))\s+(?:me\s+|us\s+)?(?:with\s+)?(?:a|your)\s+(?:full\s+)?postal\s+address\b",
        ),
        ("hard_copy", r"\b(?:hard|paper)\s+cop(?:y|ies)\b.{0,40}\b(?:post|posted|by\s+mail)\b"),
        (
            "send_by_post",
            r"\bplease\s+(?:send|post)\s+(?:it|them|this|the\s+(?:information|response|documents?))\s+(?:to\s+me\s+)?by\s+post\b",
        ),
    ],
)

#: the platform sent the request again (after a delivery error): the thread waits once more
RESENT = table(
    "state_resent",
    [("sent_again", r"^\s*Sent\s+(?:request|(?:a\s+)?follow[\s-]?up|message)\s+to\s+.{1,120}\s+again\b")],
)

#: a line that only says what would happen ("if ..., we will treat the request as withdrawn")
CONDITIONAL = table(
    "state_conditional",
    [
        ("conditional", r"\b(?:if|unless|otherwise|should\s+you|fail(?:s|ing)?\s+to|failing)\b"),
        ("supposed", r"\b(?:assume[ds]?|deem(?:ed)?|presume[ds]?)\b"),
    ],
)

#: the status sentences of WhatDoTheyKnow pages ("The request was partially successful."): rule name = state,
#: first match wins (for a status that is not already a state's code)
STATUS_LINES = table(
    "state_status_lines",
    [
        ("partially_successful", r"\bpartially\s+successful\b"),
        ("successful", r"\bsuccessful\b"),
        ("not_held", r"\bnot\s+held\b|\bdid\s+not\s+have\s+the\s+information\b|\bdoes\s+not\s+hold\b"),
        ("rejected", r"\brefused\b|\brejected\b"),
        ("internal_review", r"\binternal\s+review\b"),
        ("waiting_clarification", r"\bclarification\b"),
        ("waiting_response_very_overdue", r"\b(?:long|very)\s+overdue\b"),
        ("waiting_response_overdue", r"\bdelayed\b|\boverdue\b"),
        ("waiting_response", r"\b(?:awaiting|waiting\s+for)\s+(?:a\s+|an\s+|the\s+)?(?:response|reply)\b"),
        ("gone_postal", r"\bby\s+post\b"),
        ("user_withdrawn", r"\bwithdrawn\b"),
        ("error_message", r"\bdelivery\s+error\b"),
    ],
)

TABLES = (WITHDRAWN, GONE_POSTAL, RESENT, CONDITIONAL, STATUS_LINES)
