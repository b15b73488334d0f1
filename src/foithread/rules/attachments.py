"""Phrases by which a message hands its substance to an attachment ("please see attached").

When a response's body matches one of these and gives no outcome of its own, the outcome and
exemptions are read from the text of its attachments (:mod:`foithread.attachments.referral`).
Matched over the body with wrapped lines joined, case-insensitively.
"""

from __future__ import annotations

from foithread.rules import table

ATTACHMENT_REFERRAL = table(
    "attachment_referral",
    [
        ("see_attached", r"\b(?:please )?(?:find|see|refer to)\b.{0,40}\battached\b"),
        ("attached_response", r"\battached (?:is|are|please find|you will find)\b|\b(?:is|are) attached\b"),
        (
            "response_in_attachment",
            r"\b(?:response|reply|decision|letter|answer)\b.{0,30}\b(?:is|are|has been|have been) (?:attached|enclosed)\b|\bin the attached (?:letter|document|file|pdf|response)\b",
        ),
        ("enclosed", r"\bplease find enclosed\b|\b(?:our|my|the) (?:full )?response (?:is )?enclosed\b"),
        ("attachment_word", r"\b(?:see|in) the attachment\b|\bsee attachment\b"),
        ("german_attachment", r"\b(?:als|in der) Anlage\b|\bim Anhang\b"),
        ("french_attachment", r"\bci-joint\b|\ben pi[eè]ce jointe\b"),
    ],
)

TABLES = (ATTACHMENT_REFERRAL,)
