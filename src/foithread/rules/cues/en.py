"""English cue tables for classification: what each kind of message says, and how much it counts.

Each rule is ``(name, pattern, weight)``; the weight is what a match adds to the score of the
table's kind (:data:`foithread.rules.cues.KIND_OF`). Patterns are searched in the cleaned body
with wrapped lines joined (notifications: the head and the subject). The classifier
(:mod:`foithread.stages.classify`) adds the structural signals of :mod:`.signals` and the best
score wins; a phrase alone rarely decides a kind. Other languages: :mod:`.cy`, :mod:`.de`,
:mod:`.fr`, :mod:`.es`, :mod:`.nl` (same rule names, so the code reads one name per meaning).
"""

from __future__ import annotations

from foithread.rules import table

AUTO_REPLY = table(
    "auto_reply",
    [
        (
            "automated",
            r"\b(?:this is an? (?:automated|automatic|auto-generated)|automated (?:response|reply|acknowledge?ment|message)|auto-?reply)\b",
            2.5,
        ),
        (
            "do_not_reply",
            r"\b(?:please )?do not reply to this (?:e-?mail|message)|\bnot possible to reply\b|mailbox is not monitored|no-?reply",
            1.5,
        ),
        (
            "due_course",
            r"\b(?:a response will follow in due course|will (?:respond|reply) (?:to you )?(?:as soon as possible|in due course))",
            1.5,
        ),
        (
            "office_hours",
            r"\b(?:operate|open) Monday to Friday|\bhigh volume of (?:requests|emails)|\boffice hours\b",
            1,
        ),
        ("received_email", r"^\s*Thank you for (?:your (?:e-?mail|message|enquiry|request)|contacting)\b", 1),
        ("will_receive_ack", r"\bwill receive (?:a|an) (?:formal )?acknowledge?ment\b|\breference number shortly\b", 2),
    ],
)

ACKNOWLEDGEMENT = table(
    "acknowledgement",
    [
        (
            "acknowledge",
            r"\backnowledge?(?:s|ment)?\b.{0,60}\b(?:request|e-?mail|receipt)|\bplease accept this (?:e-?mail )?as (?:an )?acknowledge?ment",
            2.5,
        ),
        (
            "received_on",
            r"\b(?:which |that )?(?:we|was|were|has been|have been)?\s*received (?:by .{1,60} )?on\b|\brequest (?:for information )?received\b|\b(?:received|have received) your (?:request|requirement|application|e-?mail)\b",
            1,
        ),
        (
            "logged",
            r"\b(?:has been|have been|is being|was|and have) (?:logged|registered|allocated|assigned)\b|\blogged (?:as|under|with)\b",
            2,
        ),
        (
            "allocated_reference",
            r"\b(?:allocated|assigned|given) (?:the )?(?:above |following )?reference\b|\bquot(?:e|ing) (?:the|this|our) reference\b",
            2,
        ),
        (
            "will_respond",
            r"\b(?:will|aim to|should) (?:respond|reply|send (?:you )?(?:a|our) (?:full )?response|provide (?:you with )?a response)\b.{0,80}\b(?:(?:20|twenty) working days|by \d{1,2}(?:st|nd|rd|th)? \w+|statutory)",
            2.5,
        ),
        (
            "being_handled",
            r"\b(?:is being|will be) (?:handled|dealt with|considered|processed)\b.{0,40}\b(?:under|in accordance with)\b",
            1.5,
        ),
        ("within_days", r"\bwithin (?:the statutory (?:timescale|time limit) of )?(?:20|twenty) working days\b", 2),
        ("attached_ack", r"\battached acknowledge?ment\b", 3),
        (
            "message_received",
            r"\b(?:your|the) (?:message|e-?mail|request|application|correspondence) (?:has been|was|is) (?:received|registered)\b",
            1.5,
        ),
    ],
)

CLARIFICATION = table(
    "clarification",
    [
        (
            "clarify",
            r"\b(?:could|can|would) you (?:please )?(?:clarify|confirm|specify|explain|narrow|refine|be more specific)|\bplease (?:clarify|confirm which|specify)\b",
            2.5,
        ),
        (
            "need_clarification",
            r"\b(?:require|need|seek|request(?:ing)?) (?:some |further )?clarification\b|\bclarification (?:of|on|about) (?:your|the) request\b",
            3,
        ),
        ("before_we_can", r"\bbefore we can (?:deal with|process|respond to|proceed with)\b", 1.5),
        (
            "clock_stops",
            r"\b(?:time for compliance|clock) will not (?:start|begin)\b|\bsection 1\(3\)|\bregulation 9\b|\b12\(4\)\(c\)",
            2,
        ),
        ("narrow", r"\b(?:narrow|refine|reduce) (?:the scope of )?your request\b", 2),
    ],
)

DELAY = table(
    "delay",
    [
        (
            "extend",
            r"\b(?:extend|extending|extension (?:of|to)) (?:the )?(?:time|deadline|response (?:time|date))|\bextend(?:ed)? the time limit\b|\bextension\b.{0,40}\bworking days\b|\b(?:is|are|has been|have been|is being|will be|was) extended\b",
            2.5,
        ),
        (
            "public_interest_time",
            r"\b(?:further|additional|more) time to consider (?:the )?(?:balance of the )?public interest|\bsection 10\(3\)|\bs\.?\s?10\(3\)",
            3.5,
        ),
        (
            "eir_reg7",
            r"\bregulation 7(?:\(1\))?\b|\b40 working days\b.{0,60}\b(?:complex|voluminous)|\bcomplex and voluminous\b",
            3,
        ),
        (
            "apologise",
            r"\b(?:apologi[sz]e|apologies|sorry)\b.{0,40}\bdelay|\bdelay in (?:responding|our response|replying|dealing)|\b(?:apologi[sz]e|apologies|sorry)\b.{0,30}\b(?:not (?:yet )?(?:been )?able|unable|failed) to (?:respond|reply|answer)",
            2,
        ),
        (
            "new_date",
            r"\b(?:now )?(?:aim|expect|hope|intend) to (?:respond|reply|provide (?:a|our|you with a) response|send (?:you )?(?:a |our |the )?(?:full )?(?:response|reply))\b.{0,30}\bby\b",
            1,
        ),
        (
            "not_yet",
            r"\b(?:have|has) not yet (?:completed|been able to complete|finished)\b|\bnot (?:yet )?(?:been )?able to (?:respond|reply|complete|answer)\b",
            2.5,
        ),
        (
            "extending_now",
            r"\b(?:we are|I am|we have decided to|we need to|we will need to|I have decided to) extend(?:ing)? (?:the time limit|the timeframe|your request|the deadline)\b|\bsection 15A\b.{0,80}\b(?:extend|extension)|\bextension (?:is|will be) (?:needed|necessary|required)\b",
            2,
        ),
    ],
)

RESPONSE = table(
    "response",
    [
        (
            "attached",
            r"\b(?:please )?(?:find|see)\b.{0,20}\battached\b|\battached (?:is|are|spreadsheet|document|file|letter|response)\b|\bis attached\b|\bare attached\b",
            3,
        ),
        (
            "not_held",
            r"\b(?:does|do|did) not hold\b|\bnot held\b|\bholds? no (?:recorded )?information\b|\bno (?:recorded )?information (?:is )?held\b|\bNid yw'r .{1,30} yn dal\b",
            4,
        ),
        (
            "exempt",
            r"\bexempt(?:ion|ed)?\b|\bwithh(?:o|e)ld(?:ing)?\b|\brefus(?:e|ed|al|ing)\b|\bexception\b|\bengag(?:ed|es)\b",
            1,
        ),
        ("ncnd", r"\bneither confirm(?:s|ing)? nor den(?:y|ies|ying)\b", 4),
        (
            "answer",
            r"\b(?:in response to|I am writing (?:in response|to respond)|our response|your request\b.{0,40}\b(?:has been considered|answer)|the information (?:you )?requested|I can confirm|we can confirm|please see (?:below|our response)|as follows)\b",
            1,
        ),
        (
            "appeal_rights",
            r"\b(?:internal review|right to (?:appeal|complain)|if you are (?:dis|un|not )satisfied|Information Commissioner|Wycliffe House|Scottish Information Commissioner)\b",
            1.5,
        ),
        ("cost_limit", r"\b(?:appropriate|cost) limit\b|\bsection 12\b|\bexceed (?:the )?(?:cost|appropriate)\b", 3),
        (
            "provided",
            r"\b(?:is|are|has been|have been) (?:provided|released|disclosed|enclosed|set out)\b|\bplease find (?:below|enclosed)\b|\b(?:decided to|will|now|are|have|am|we|I|can) (?:release|releasing|released|disclose|disclosing|provide|providing)\b(?! (?:any|the remaining))|\b(?:full |partial )?access (?:is|has been) granted\b|\bwe are pleased to (?:provide|release|grant)\b|\b(?:please )?(?:find|see) attached (?:the|a copy of the|copies of the) (?!(?:\S+ ){0,2}(?:response|letter|decision|reply|acknowledge?ment|notice)\b)\w+",
            3,
        ),
        (
            "refused",
            r"\bwe are refusing\b|\bI (?:must|have to) refuse\b|\b(?:I am|we are|the \w+ is) not obliged to (?:supply|provide|disclose)\b",
            4,
        ),
        (
            "partial_access",
            r"\b(?:documents?|information|records?|pages?) in part\b|\baccess in part\b|\bpart(?:ial)? access\b|\b(?:released?|disclosed?|provided?) in part\b",
            3,
        ),
    ],
)

INTERNAL_REVIEW_REQUEST = table(
    "internal_review_request",
    [
        ("wdtk_template", r"\bPlease pass this on to the person who conducts Freedom of Information reviews\b", 4),
        (
            "request_review",
            r"\b(?:request|requesting|ask(?:ing)? for) an internal review\b|\bwriting to request an internal review\b",
            3,
        ),
        (
            "ask_to_review",
            r"\b(?:please|I (?:would like|want|ask|require) (?:you|the \w+(?: \w+){0,4})? ?to)\s+(?:carry out|conduct|undertake)?\s*(?:an? )?(?:internal )?review (?:of )?(?:your|the|its|this) (?:response|decision|handling|refusal)|\bI ask you to review\b|\bI require you to review\b|\brequirement for review\b",
            3,
        ),
        (
            "reconsider",
            r"\b(?:reconsider (?:its|your|the) (?:decision|response)|request(?:ing)? (?:a )?reconsideration)\b|\breconsider\w*\b.{0,60}\bregulation 11\b",
            3,
        ),
    ],
)

INTERNAL_REVIEW_RESPONSE = table(
    "internal_review_response",
    [
        (
            "review_done",
            r"\b(?:I|we) have (?:now )?(?:completed|carried out|conducted|undertaken) (?:an|the|my|our) (?:internal )?(?:review|reconsideration)\b|\bI have (?:now )?(?:reviewed|reconsidered) (?:the|your|our|its)\b|\b(?:I|we) have (?:now )?carried out the review\b",
            3,
        ),
        (
            "decision",
            r"\b(?:I|we) (?:have decided to |therefore )?(?:uphold|overturn|reverse|do not uphold|partially uphold)\b|\b(?:is|was|has been|are)(?: therefore| now| hereby)?(?: not)?(?: (?:partly|partially|wholly|fully|in part))? (?:upheld|overturned|reversed|varied)\b",
            2.5,
        ),
        (
            "review_heading",
            r"^\s*Internal review\b|\bInternal Review (?:Officer|Response|Outcome)\b|(?-i:\bInternal Review of (?:the|your|our))",
            1.5,
        ),
        ("confirmatory", r"\byour confirmatory application\b|\bconfirmatory decision\b", 3.5),
        (
            "review_reference",
            r"\b(?:in response to|thank you for) your (?:[\w()]+ ){0,6}(?:internal review|review) request\b|\bopportunity to review the (?:response|decision|handling)\b",
            1.5,
        ),
    ],
)

OUT_OF_OFFICE = table(
    "out_of_office",
    [
        (
            "out_of_office",
            r"\bout of (?:the )?office\b|\bon (?:annual |parental |maternity |sick |study )?leave\b|\baway from (?:the|my) (?:office|desk)\b|\bnot in the office\b",
            1,
        ),
        (
            "returning",
            r"\b(?:return(?:ing)?|back) (?:on|to the office|in the office|until)\b|\buntil \w+day\b|\bwill not return\b|\blimited access to (?:my )?e-?mail",
            1,
        ),
        (
            "urgent",
            r"\bfor (?:urgent|immediate) (?:matters|enquiries|queries|assistance|FOI matters)\b|\bif (?:your (?:e-?mail|matter) is|it is) urgent\b",
            1,
        ),
        ("subject", r"^(?:Out of (?:the )?Office|AUTO:|Abwesenheitsnotiz|Absence)\b|is out of the office$", 1),
        (
            "subject_auto",
            r"^(?:Automatic reply|Auto(?:matic)?[- ]?(?:reply|response)|Automatische Antwort|R[ée]ponse automatique)\b",
            1,
        ),
    ],
)

BOUNCE = table(
    "bounce",
    [
        (
            "failed",
            r"\bDelivery has failed\b|\bcould not be delivered\b|\bcouldn't be delivered\b|\bundeliverable\b|\bpermanent (?:error|failure)\b|\bDelivery (?:Status Notification|to the following recipients? failed)\b|\bFailed Recipients\b|\bMail delivery (?:failed|software)\b|\bReturned mail\b",
            1,
        ),
        (
            "smtp",
            r"\b5\d\d[ -]5\.\d\.\d+\b|\bRESOLVER\.ADR\.\w+|\bRCPT TO\b|\bmailbox (?:unavailable|full)\b|\buser unknown\b|\bRecipient not found\b|\bMail Loop Detected\b",
            1,
        ),
    ],
)

#: an authority letter that quotes the request it answers (``You requested:``): an answer, not a receipt
QUOTED_REQUEST = table(
    "quoted_request",
    [
        (
            "quoted",
            r"\bYou (?:requested|asked(?: for| us)?|wrote)\s*:|\byour request (?:was|read|stated)(?: for| as follows)?\s*:|\bYou asked for the following\b|\bYour request (?:on|of|dated) [^:]{4,40} was for\s*:",
            1,
        ),
    ],
)

#: notices that are neither correspondence nor a receipt: encrypted-mail pick-up, portal notifications
NOTIFICATION = table(
    "notification",
    [
        (
            "encrypted_mail",
            r"\bEncrypted (?:mail|message|e-?mail) notification\b",
            6,
        ),
        (
            "secure_message",
            r"\bhas sent you a secure (?:message|e-?mail)\b|\bto read (?:the|your) (?:secure|encrypted) message\b",
            6,
        ),
    ],
)

#: the authority says the message it answers never arrived: neither a receipt nor an answer
NOT_RECEIVED = table(
    "not_received",
    [
        (
            "no_record",
            r"\bno record of (?:having )?(?:receiv\w+|your (?:request|e-?mail|correspondence))|\b(?:do(?:es)?|did) ?n[o']t (?:appear to )?have (?:a record of )?(?:received|receiving|had) (?:this|your|the|any|that) (?:request|e-?mail|message|correspondence)\b|\b(?:have|has) not (?:been )?received (?:this|your|the|that) (?:request|e-?mail|message|correspondence)\b|\bnot (?:appear|seem) to have received\b",
            4,
        ),
    ],
)

#: the requester chasing an answer (``I have not yet had a response``): a follow-up, and the
#: requester's voice even when nothing else says who wrote it
CHASER = table(
    "chaser",
    [
        (
            "no_answer_yet",
            r"\b(?:I|we) (?:have|had) (?:still |yet )?(?:not|yet to) (?:yet )?(?:had|received|receive|seen|get|got) (?:a|any|an|your) (?:response|reply|answer|acknowledge?ment|decision)\b|\b(?:I|we) (?:am|are) still (?:waiting|awaiting)\b|\bstill (?:waiting|awaiting) (?:for )?(?:a|your|the) (?:response|reply|answer)\b",
            2.5,
        ),
        (
            "submitted",
            r"\b(?:I|we) (?:submitted|sent|made) (?:this|my|our|the above|the) (?:request|e-?mail|application)\b",
            1.5,
        ),
        (
            "overdue",
            r"\b(?:response|reply|answer) is (?:now )?(?:overdue|late)\b|\b(?:past|passed|exceeded) the (?:statutory )?(?:deadline|time limit)\b|\b(?:20|twenty) working days have (?:now )?(?:passed|elapsed)\b",
            2,
        ),
    ],
)

#: commentary about the correspondence (a blog post or note above the mails it reproduces): read
#: only together with the signals (an unaddressed text, neither greeting nor closing nor headers)
COMMENTARY = table(
    "commentary",
    [
        (
            "below",
            r"\b(?:the|our|my|this) (?:request|e-?mails?|correspondence|exchange|letters?|reply|response|FOI(?: request)?)s? (?:below|that follows|reproduced below)\b|\b(?:see|read) (?:the )?(?:correspondence|exchange|e-?mails?|request) below\b|\bhere (?:is|are) the (?:correspondence|e-?mails?|exchange|request)\b|\bbelow (?:is|are) (?:the|our|my) (?:correspondence|e-?mails?|exchange|request)\b",
        ),
        (
            "narrative",
            r"\b(?:we|I) (?:asked|wrote to|contacted|e-?mailed|submitted a request to) (?:the|our|this) \w+\b|\b(?:have|had) heard nothing\b",
        ),
        ("update", r"^\s*(?:UPDATE|Update|EDIT|Edit)\b\s*(?:\(|:|\d)"),
        (
            "third_party_voice",
            r"\b(?:we|I) (?:have|had) (?:yet to|still not) (?:receive|received|had|get)\b|\b(?:ignores?|ignored|refuses? to answer|stonewall\w*)\b",
        ),
    ],
)

ANNOTATION = table("annotation_phrase", [("left", r"\bleft an annotation\b")])

TABLES = (
    AUTO_REPLY,
    ACKNOWLEDGEMENT,
    CLARIFICATION,
    DELAY,
    RESPONSE,
    INTERNAL_REVIEW_REQUEST,
    INTERNAL_REVIEW_RESPONSE,
    OUT_OF_OFFICE,
    BOUNCE,
    QUOTED_REQUEST,
    NOTIFICATION,
    NOT_RECEIVED,
    CHASER,
    COMMENTARY,
    ANNOTATION,
)
