"""A response that says "please see attached": its outcome and exemptions from the attachments.

Many FOI answers are a covering note ("Please find attached our response") with the decision in
an attached letter. When such a response's body names no exemption and its outcome is
``unknown``, the same outcome and exemption readers run over the attachments' text; their
reading is taken when it cites an exemption or is a decision in :data:`DECISIONS`.
"""

from __future__ import annotations

from collections.abc import Sequence

from foithread.model import Attachment
from foithread.rules import Rules
from foithread.rules.literals import WRAPPED

__all__ = ["DECISIONS", "outcome_from_attachments", "refers_to_attachment"]

#: outcomes an attachment's text is trusted for without a cited exemption. Not
#: ``information_provided``: an attached file is as often the data itself, a statute or a leaflet
#: as the decision letter, and data-like text is no decision.
DECISIONS = frozenset({"not_held", "refused", "partially_provided", "neither_confirm_nor_deny"})


def refers_to_attachment(body: str, rules: Rules) -> bool:
    """Whether ``body`` hands its substance to an attachment (table ``attachment_referral``)."""
    return bool(rules["attachment_referral"].hits(WRAPPED.sub(" ", body)))


def outcome_from_attachments(
    kind: str,
    body: str,
    outcome: str | None,
    exemptions: tuple[str, ...],
    attachments: Sequence[Attachment],
    rules: Rules,
    regime: str | None,
) -> tuple[str | None, tuple[str, ...]]:
    """``(outcome, exemptions)``: as given, or read from the attachments' text when the body of a
    response refers to them and gives neither."""
    if kind not in ("response", "internal_review_response") or outcome not in (None, "unknown") or exemptions:
        return outcome, exemptions
    text = "\n\n".join(a.text for a in attachments if a.text)
    if not text.strip() or not refers_to_attachment(body, rules):
        return outcome, exemptions
    from foithread.stages import classifier, extract

    found = tuple(extract.extract_exemptions(text, regime))
    read = classifier.outcome_of(kind, text, found, rules, regime)
    if read not in DECISIONS and not found:
        return outcome, exemptions
    return read, found
