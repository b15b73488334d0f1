"""Wording of delivery reports (bounces) and of the notices that look like them but are not.

froide sorts bounces into permanent and transient ones by RFC 3463 status codes; many reports
carry no code, or only one in prose, so these tables read the words too: English, German and
French. Each pattern is searched in one line of the report (the returned message left out).
:mod:`foithread.stages.bounces` uses them.
"""

from __future__ import annotations

from foithread.rules import table

#: why delivery failed, by rule name = reason (first match wins, in this order)
REASONS = table(
    "bounce_reason",
    [
        (
            "mailbox_full",
            r"\bmailbox\s+(?:is\s+)?full\b|\bover\s*quota\b|\bquota\s+exceeded\b|\bexceeded\s+(?:the|their|its|his|her)\s+storage\b|\binsufficient\s+(?:system\s+)?storage\b|\bmailbox\s+size\s+limit\b|\bPostfach\b.{0,40}?\b(?:voll|überfüllt)\b|\bSpeicherplatz\b|\bbo[iî]te\s+(?:aux\s+lettres\s+)?pleine\b|\bquota\s+d[ée]pass[ée]",
        ),
        (
            "message_too_large",
            r"\bmessage\s+(?:size\s+)?(?:is\s+)?too\s+(?:large|big)\b|\bexceeds\s+(?:the\s+)?(?:maximum\s+)?(?:allowed\s+)?(?:message\s+)?size\b|\bmessage\s+size\s+(?:limit|exceeds)\b|\bNachricht\s+(?:ist\s+)?zu\s+gro(?:ß|ss)\b|\btrop\s+volumineux\b",
        ),
        (
            "recipient_unknown",
            r"\buser\s+unknown\b|\bunknown\s+(?:user|recipient|mailbox)\b|\bno\s+such\s+(?:user|recipient|mailbox)\b|\brecipient\s+(?:address\s+)?rejected\b|\bmailbox\s+(?:unavailable|not\s+found|does\s+not\s+exist|disabled)\b|\bRecipNotFound\b|\baddress\s+(?:couldn'?t|could\s+not|wasn'?t)\s+(?:be\s+)?found\b|\b(?:recipient|address|user|mailbox|account)\s+(?:does\s+not|doesn'?t)\s+exist\b|\binvalid\s+(?:recipient|mailbox|address)\b|\brecipient\s+not\s+found\b|\bEmpf(?:ä|ae)nger\s+(?:ist\s+)?unbekannt\b|\bBenutzer\s+unbekannt\b|\bkonnte\s+nicht\s+gefunden\s+werden\b|\bexistiert\s+nicht\b|\bdestinataire\s+inconnu\b|\butilisateur\s+inconnu\b|\badresse\s+introuvable\b",
        ),
        (
            "domain_unknown",
            r"\bunrouteable\s+(?:mail\s+)?(?:address|domain)\b|\bhost\s+(?:or\s+domain\s+name\s+)?not\s+found\b|\bdomain\s+(?:name\s+)?(?:does\s+not\s+exist|not\s+found|unknown)\b|\bno\s+MX\b|\bname\s+service\s+error\b|\bDNS\s+(?:error|failure)\b|\bDom(?:ä|ae)ne\s+(?:existiert\s+nicht|unbekannt)\b|\bdomaine\s+inconnu\b",
        ),
        (
            "blocked",
            r"\bblock(?:ed|list(?:ed)?)\b|\b(?:black|deny)list(?:ed)?\b|\bspam\b|\bpolicy\s+(?:reasons?|violation|rejection)\b|\brejected\s+(?:for|by|due\s+to)\s+(?:policy|content)\b|\baccess\s+denied\b|\bnot\s+authori[sz]ed\s+to\s+send\b|\brelay(?:ing)?\s+(?:denied|not\s+permitted|access\s+denied)\b|\bblockiert\b|\bbloqu[ée]\b",
        ),
    ],
)

#: a report that the message is only late: the server keeps trying (a delay warning, not a bounce)
DELAY = table(
    "bounce_delay",
    [
        (
            "delayed",
            r"\bdelivery\s+(?:status\s+notification\s+)?\(?delay(?:ed)?\)?\b|\bdelay(?:ed)?\s+(?:warning|notification|mail)\b|\bmessage\s+(?:has\s+been\s+)?delayed\b|\bdelivery\s+(?:is\s+)?(?:has\s+been\s+)?delayed\b",
        ),
        (
            "not_yet",
            r"\bhas\s+not\s+(?:yet\s+)?been\s+delivered\s+yet\b|\bnot\s+(?:yet\s+)?been\s+delivered\s+yet\b|\bhas\s+not\s+yet\s+been\s+delivered\b",
        ),
        (
            "retrying",
            r"\bwill\s+(?:continue\s+to\s+)?(?:retry|try\s+(?:again|to\s+deliver))\b|\bstill\s+(?:be\s+)?trying\b|\bretrying\b",
        ),
        ("warning_only", r"\bthis\s+is\s+a\s+warning\s+message\s+only\b|\byou\s+do\s+not\s+need\s+to\s+resend\b"),
        (
            "german",
            r"\bVerz(?:ö|oe)gert(?:e)?\s+(?:Zustellung|zugestellt)\b|\bZustellung\s+(?:ist\s+)?verz(?:ö|oe)gert\b|\bwird\s+weiterhin\s+versucht\b",
        ),
        ("french", r"\bremise\s+(?:du\s+message\s+)?(?:est\s+)?retard[ée]e\b|\bnouvel\s+essai\b"),
    ],
)

#: a report that delivery failed for good
PERMANENT = table(
    "bounce_permanent",
    [
        (
            "permanent",
            r"\bpermanent(?:ly)?\s+(?:error|failure|fatal|failed)\b|\bfailed\s+permanently\b|\bgiving\s+up\b",
        ),
        (
            "not_delivered",
            r"\bcould\s+not\s+be\s+delivered\b|\bcouldn'?t\s+be\s+delivered\b|\bwasn'?t\s+delivered\b|\bundeliver(?:able|ed)\b|\bdelivery\s+(?:has\s+)?failed\b|\bdelivery\s+to\s+the\s+following\s+recipients?\s+failed\b|\breturn(?:ed|ing)\s+(?:mail|message)?\s*to\s+sender\b",
        ),
        ("german", r"\bUnzustellbar\b|\bFehler\s+bei\s+der\s+Nachrichtenzustellung\b|\bnicht\s+zugestellt\s+werden\b"),
        (
            "french",
            r"\bnon\s+remis\b|\bn'a\s+pas\s+pu\s+(?:être|etre)\s+(?:remis|distribu[ée])\b|\b[ée]chec\s+de\s+(?:la\s+)?remise\b",
        ),
    ],
)

#: Outlook's "recall" notice: a request to delete an earlier message, not a delivery report
RECALL = table(
    "recall_notice",
    [
        ("recall", r"\bwould\s+like\s+to\s+recall\s+the\s+message\b"),
        ("recall_subject", r"^\s*(?:Recall|Rückruf|Rappel)\s*:"),
        ("german", r"\bmöchte\s+die\s+Nachricht\b.{0,200}\bzurückrufen\b"),
        ("french", r"\bsouhaite\s+rappeler\s+le\s+message\b"),
    ],
)

#: WhatDoTheyKnow's notice to an authority writing to a request closed to new responses
CLOSED = table(
    "closed_notice",
    [
        (
            "closed",
            r"\bhas\s+been\s+marked\s+to\s+no\s+longer\s+receive\s+responses\b|\bclosed\s+to\s+new\s+responses\b",
        ),
        (
            "not_delivered_reply",
            r"\bsent\s+to\b.{0,120}\bto\s+reply\s+to\s+an?\s+\w+\s+request\s+has\s+not\s+been\s+delivered\b",
        ),
        ("subject", r"^\s*Your\s+response\s+to\s+an?\s+\w+\s+request\s+was\s+not\s+delivered\b"),
    ],
)

#: where the returned message (or its headers) begins: the report proper ends there
RETURNED = table(
    "bounce_returned",
    [
        ("copy_follows", r"^\W*This\s+is\s+a\s+copy\s+of\s+the\s+message\b"),
        (
            "original_headers",
            r"^\s*(?:Original\s+message\s+headers|Ursprüngliche\s+Nachrichtenköpfe|En-têtes\s+(?:du\s+message\s+)?d'origine)\s*:?",
        ),
        ("header_line", r"^(?:Received|Return-path|Message-ID|DKIM-Signature):\s"),
        ("forwarded", r"^\W*(?:Original\s+message|Forwarded\s+message|Undelivered\s+message\s+headers)\W*$"),
    ],
)

TABLES = (REASONS, DELAY, PERMANENT, RECALL, CLOSED, RETURNED)
