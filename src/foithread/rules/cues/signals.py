"""Structural signals: cues that are not phrases (position, party, headers, references, quoting).

The classifier writes what it knows about a message as a line of fact tokens (see
:data:`FACTS`) and every rule here is searched in that line; a rule named ``kind/cue`` adds its
weight to ``kind`` (or to each kind of a pool, :data:`foithread.rules.cues.POOLS`). Phrase hits
are in the line too, as ``meaning:rule`` (``response:attached``), so a signal can combine a
phrase with structure: ``^(?=.*?\\bquoted_request:quoted\\b)(?=.*?\\blong\\b)`` is "a long letter
that quotes the request it answers". Negative weights are counter-evidence.
"""

from __future__ import annotations

from foithread.rules import table

#: the fact tokens the classifier writes (besides ``meaning:rule`` phrase hits)
FACTS = {
    "party=<party>": "who sent it (requester, authority, platform)",
    "party_default": "nothing said who sent it (the party is the fallback, authority)",
    "first": "the first message of the thread",
    "requester_before": "an earlier message came from the requester",
    "earlier=<kind>": "the kind of an earlier message (one token per distinct kind)",
    "hint=<kind>": "the reader's kind hint",
    "annotation_heading": "the message opens with an annotation heading (``X left an annotation``)",
    "reference": "the authority gave its own reference",
    "long": "the body is a long letter (at least 1,500 characters)",
    "auto_header": "mail headers say it was sent automatically (Auto-Submitted, X-Autoreply, ...)",
    "ack_label": "the subject or an attachment's name says it is a receipt",
    "bounce=<reason>": "a delivery report (multipart_report, daemon_sender, bounce_subject, ...)",
    "ooo=<reason>": "an out-of-office reply (subject, subject_auto, body, auto_header, messageclass)",
    "empty": "the body is blank",
    "unaddressed": "no greeting, closing, signature, header block, sender line or title: not a letter",
    "bare_letter": "a greeting and a closing with nothing said between them but a reference",
    "response_heading": "the message opens with an answer's heading (``Response``, ``Our response``, ``Ymateb``)",
}

SIGNALS = table(
    "signals",
    [
        ("annotation/heading", r"\bannotation_heading\b|\bhint=annotation\b", 50),
        ("bounce/report", r"\bbounce=\w", 40),
        ("out_of_office/reply", r"\booo=(?!body\b)\w", 35),
        ("out_of_office/body", r"\booo=body\b", 32),
        ("other/platform_notice", r"^(?=.*?\bparty=platform\b)(?=.*?\bempty\b)", 10),
        ("request/first_from_requester", r"^(?=.*?\bparty=requester\b)(?!.*?\brequester_before\b)", 2),
        ("follow_up/later_from_requester", r"^(?=.*?\bparty=requester\b)(?=.*?\brequester_before\b)", 2),
        ("response/authority_letter", r"\bparty=(?:authority|platform)\b", 0.5),
        ("response/exempt_with_reasons", r"^(?=.*?\bresponse:exempt\b)(?=.*?\bresponse:(?:appeal_rights|answer)\b)", 1),
        (
            "response/attached_receipt",
            r"^(?=.*?\bresponse:attached\b)(?=.*?\b(?:ack_label|acknowledgement:attached_ack)\b)",
            -3,
        ),
        ("response/quoted_request", r"^(?=.*?\bquoted_request:quoted\b)(?=.*?\blong\b)", 2.5),
        (
            "internal_review_response/review_asked",
            r"^(?=.*?\bearlier=internal_review_request\b)(?=.*?\binternal_review_response:)",
            1.5,
        ),
        ("receipt/labelled", r"\back_label\b", 3),
        ("receipt/auto_header", r"\bauto_header\b", 1.5),
        (
            "acknowledgement/reference",
            r"^(?=.*?\b(?:acknowledgement:|auto_reply:|ack_label\b|auto_header\b))(?=.*?\breference\b)",
            0.5,
        ),
        (
            "auto_acknowledgement/no_reference",
            r"^(?=.*?\b(?:acknowledgement:|auto_reply:|ack_label\b|auto_header\b))(?!.*?\breference\b)",
            0.5,
        ),
        ("other/not_a_letter", r"\bunaddressed\b", 0.75),
        ("other/bare_letter", r"\bbare_letter\b", 1.5),
        ("response/under_a_response_heading", r"\bresponse_heading\b", 2),
        ("annotation/commentary", r"^(?=.*?\bcommentary:)(?=.*?\bunaddressed\b)", 4),
    ],
    combine=False,
)
