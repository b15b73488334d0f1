"""Line rule tables: what a single line can be.

Each table is data: a name per pattern, searched in one line without its newline,
case-insensitively unless marked. The zoner (:mod:`foithread.stages.zoner`) gives every line the
zone of the first table that matches, in the order of :data:`foithread.stages.zoner.ZONE_ORDER`; the structure
around the line then decides what is removed.
"""

from __future__ import annotations

from foithread.rules import RuleTable, table
from foithread.rules.notices import DISCLAIMER_CUE, DISCLAIMER_START
from foithread.rules.quoting import FORWARD_NOTE, MAIL_HEADER_FIELD, OUTLOOK_HEADER, QUOTE_HEADER

_WD = r"(?:whatdotheyknow|asktheeu|righttoknow|alaveteli)"

GREETING = table(
    "greeting",
    [
        ("dear", r"^\s*(?:Annwyl\s+[^/]{1,60}/\s*)?Dear\s+[^.!?]{1,90}[,:]?\s*$"),
        ("annwyl", r"^\s*Annwyl\s+[^.!?]{1,90}[,:]?\s*$"),
        ("hello", r"^\s*(?:Hello|Hi|Hallo|Helo|Bonjour|Hola|Hej)(?:\s+[^.!?]{1,60})?[,:!]?\s*$"),
        ("time_of_day", r"^\s*(?:Good\s+(?:morning|afternoon|evening)|Bore da|Prynhawn da)\b[^.!?]{0,60}[,:!]?\s*$"),
        ("german", r"^\s*(?:Sehr geehrte[rs]?|Guten Tag)\b[^.!?]{0,80}[,:]?\s*$"),
        (
            "other_languages",
            r"^\s*(?:Madame|Monsieur|Mesdames|Geachte|Beste|Kære|Estimad[oa]s?|Gentile)\b[^.!?]{0,80}[,:]?\s*$",
        ),
        ("maori", r"^\s*(?:Kia ora|T[eē]n[aā] koe|T[eē]n[aā] koutou)\b[^.!?]{0,80}[,:]?\s*$"),
    ],
    prefixes=(
        "annwyl",
        "dear",
        "hello",
        "hi",
        "hallo",
        "helo",
        "bonjour",
        "hola",
        "hej",
        "good",
        "bore",
        "prynhawn",
        "sehr",
        "guten",
        "madame",
        "monsieur",
        "mesdames",
        "geachte",
        "beste",
        "kære",
        "estimad",
        "gentile",
        "kia",
        "tena",
        "tēnā",
    ),
    examples={
        "dear": ("Dear Sir or Madam,", "Dear Ms Patel", "Annwyl Syr/ Dear Sir,", "Dear FOI Team:"),
        "annwyl": ("Annwyl Mr Jones,",),
        "hello": ("Hello,", "Hi Sam", "Hola Marta,", "Bonjour Madame Durand,"),
        "time_of_day": ("Good morning,", "Bore da,", "Good afternoon Mr Khan"),
        "german": ("Sehr geehrte Frau Schmidt,", "Sehr geehrter Herr Meier,", "Guten Tag,"),
        "other_languages": ("Geachte heer De Vries,", "Madame, Monsieur,", "Estimada señora García:"),
        "maori": ("Kia ora Aroha,", "Tēnā koe Mere,"),
    },
    counterexamples={
        "dear": ("Dear me, what a mess this is.", "The dear old town hall was sold in 2019."),
        "hello": ("Hello. We have now closed your case.",),
        "german": ("Sehr geehrte Damen und Herren, wir haben Ihre Anfrage erhalten. Sie wird bearbeitet.",),
    },
)

CLOSING = table(
    "closing",
    [
        ("yours", r"^\s*(?:Yn gywir\s*/\s*)?Yours\s+(?:sincerely|faithfully|truly)\s*[,.]?\s*$"),
        (
            "welsh",
            r"^\s*(?:Yn gywir|Yr eiddoch yn gywir|Cofion(?:\s+(?:cynnes|gorau))?)\s*(?:/\s*[A-Za-z ,]+)?[,.]?\s*$",
        ),
        (
            "regards",
            r"^\s*(?:With\s+)?(?:(?:Kind|Kindest|Best|Warm|Warmest|Many)\s+)?(?:regards|wishes)\s*[,.!]?\s*$",
        ),
        ("thanks", r"^\s*(?:Many\s+thanks|Thanks(?:\s+again)?|Thank\s+you(?:\s+again)?|Cheers)\s*[,.!]?\s*$"),
        ("german", r"^\s*(?:Mit\s+freundlichen\s+Gr(?:ü|ue)(?:ß|ss)en|Freundliche\s+Gr(?:ü|ue)(?:ß|ss)e)\s*[,.]?\s*$"),
        ("informal", r"^\s*(?:All the best|Best|Warmly|Sincerely|Cordially|Respectfully|Take care)\s*[,.!]?\s*$"),
        (
            "other_languages",
            r"^\s*(?:Cordialement|Bien (?:à vous|cordialement)|(?:Un )?saludo(?:s)?(?: cordiales)?|Atentamente|Met vriendelijke groet(?:en)?|Pozdrawiam|Med vänlig hälsning|Med venlig hilsen|Distinti saluti|Cordiali saluti|Atenciosamente|Viele Grüße|Beste Grüße|Gruß)\s*[,.!]?\s*$",
        ),
        ("maori", r"^\s*(?:Ng[aā] mihi(?:\s+nui)?|N[aā]ku noa,?\s*n[aā]|N[aā]ku iti noa,?\s*n[aā])\s*[,.]?\s*$"),
    ],
    prefixes=(
        "yn",
        "yours",
        "yr",
        "cofion",
        "with",
        "kind",
        "best",
        "warm",
        "many",
        "regards",
        "wishes",
        "thanks",
        "thank",
        "cheers",
        "mit",
        "freundliche",
        "all",
        "sincerely",
        "cordially",
        "respectfully",
        "take",
        "cordialement",
        "bien",
        "un",
        "saludo",
        "atentamente",
        "met",
        "pozdrawiam",
        "med",
        "distinti",
        "cordiali",
        "atenciosamente",
        "viele",
        "beste",
        "gruß",
        "nga",
        "ngā",
        "naku",
        "nāku",
    ),
    examples={
        "yours": ("Yours sincerely,", "Yours faithfully", "Yn gywir / Yours sincerely,"),
        "welsh": ("Yn gywir,", "Cofion cynnes,"),
        "regards": ("Kind regards,", "Best wishes", "With warmest regards,", "Regards"),
        "thanks": ("Many thanks,", "Thank you again.", "Cheers"),
        "german": ("Mit freundlichen Grüßen", "Freundliche Gruesse,"),
        "informal": ("All the best,", "Best", "Respectfully,"),
        "other_languages": ("Cordialement,", "Met vriendelijke groet,", "Saludos cordiales", "Viele Grüße"),
        "maori": ("Ngā mihi,", "Nāku noa, nā"),
    },
    counterexamples={
        "yours": ("Yours is the third request we have had on this subject.",),
        "regards": ("With regards to your request, we hold the information.",),
        "thanks": ("Thanks to the new system, requests are answered faster.",),
    },
)

MARKING = table(
    "marking",
    [
        (
            "official",
            r"^\s*(?:OFFICIAL|Official)(?:[\s\-–]+(?:SENSITIVE|Sensitive))?(?:\s*[-–:]\s*[A-Z][A-Z ]{2,30})?\s*$",
        ),
        ("secret", r"^\s*(?:TOP\s+)?SECRET(?:\s*[-–:].{0,60})?\s*$"),
        ("legacy", r"^\s*(?:UNCLASSIFIED|PROTECT|RESTRICTED|CONFIDENTIAL|NOT PROTECTIVELY MARKED)\s*$"),
        ("welsh", r"^\s*SWYDDOGOL(?:\s*[-–/]\s*OFFICIAL)?\s*$"),
    ],
    case_sensitive=True,
    examples={
        "official": ("OFFICIAL", "OFFICIAL-SENSITIVE", "OFFICIAL - PERSONAL"),
        "secret": ("SECRET", "TOP SECRET - UK EYES ONLY"),
        "legacy": ("UNCLASSIFIED", "NOT PROTECTIVELY MARKED"),
        "welsh": ("SWYDDOGOL", "SWYDDOGOL / OFFICIAL"),
    },
    counterexamples={
        "official": ("Official statistics are published every quarter.", "official"),
        "secret": ("The secret ballot was held in May.",),
        "legacy": ("Confidential",),
    },
)

RULE_LINE = table(
    "rule_line",
    [
        ("score", r"^\s*([-_*=#~+])\1{7,}\s*$"),
        ("spaced", r"^\s*+(?:[-_*=#~]\s){4,}+[-_*=#~]?\s*$"),  # possessive: linear on long lines
        ("disclaimer_heading", r"^\s*(?:[-*=_]\s?){2,}\s*Disclaimer\s*(?:[-*=_]\s?){2,}\s*$"),
    ],
    prefixes=("-", "_", "*", "=", "#", "~", "+"),
    examples={
        "score": ("________________________________", "==========", "--------------------"),
        "spaced": ("- - - - - - - -", "* * * * *"),
        "disclaimer_heading": ("***** Disclaimer *****", "-- Disclaimer --"),
    },
    counterexamples={"score": ("-----Original Message-----", "----"), "spaced": ("- 1 - 2 - 3 -",)},
)

LINK_FOOTER = table(
    "link_footer",
    [
        ("heading", r"^\s*(?:References|Visible links|Hidden links)\s*:?\s*$"),
        ("item", r"^\s*\d{1,3}\.\s+(?:(?:https?://|ftp://|www\.|file:|javascript:)\S*|mailto:\S.{0,120})\s*$"),
    ],
    prefixes=("references", "visible", "hidden", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
    examples={
        "heading": ("References", "Visible links:", "Hidden links"),
        "item": ("1. https://www.whatdotheyknow.com/help/officers", "12. mailto:foi@example.gov.uk"),
    },
    counterexamples={
        "heading": ("References to the 2019 report are in section 4.",),
        "item": ("1. The number of staff employed in 2021.",),
    },
)

#: a page-text annotation heading, ``Jo Evans left an annotation (14 May 2023)``: who and when
#: (one pattern for the zoner, the message stages and the date extractor)
ANNOTATION_HEADING = r"^\s*(?P<name>\S.{0,80}?)\s+left an annotation:?\s*\((?P<date>[^)\n]{0,40})\)"

ANNOTATION = table(
    "annotation",
    [("heading", r"^\s*\S.{0,80}\bleft an annotation:?\s*\((?:.{4,40})?\)\s*$")],
    words=("left an annotation",),
    examples={"heading": ("Jo Evans left an annotation (14 May 2023)", "Dave left an annotation: (3 March 2020)")},
    counterexamples={"heading": ("She left an annotation on the page last week.",)},
)

PLATFORM_FOOTER = table(
    "platform_footer",
    [
        ("wdtk_use_address", r"^\s*(?:\[\d+\])?Please use this email address for all replies to this request"),
        (
            "wdtk_request_address",
            rf"^\s*(?:\[\d+\])?(?:request|foi\+request|request-bounce)-\d+-[0-9a-f]{{8}}@\S*{_WD}",
        ),
        ("wdtk_wrong_address", r"^\s*Is\s+\S+.{0,120}\bthe wrong address for\b"),
        (
            "wdtk_wrong_address_tail",
            r"\bthe wrong address for (?:Freedom of Information|Environmental Information Regulations)",
        ),
        ("wdtk_contact_form", r"(?:please contact us using this form|change_request/new|/help/contact\b)"),
        ("wdtk_disclaimer", r"^\s*Disclaimer:\s*This message and any reply that you make will be published"),
        ("wdtk_published", r"will be published on the internet\.?\s*(?:Our privacy and copyright policies:?)?\s*$"),
        ("wdtk_help_link", rf"^\s*(?:\[\d+\])?https?://(?:www\.)?{_WD}\.\S+/help/(?:officers|privacy|contact)"),
        ("wdtk_ico_guidance", r"^\s*For more detailed guidance on safely disclosing information"),
        (
            "wdtk_useful",
            r"^\s*If you find (?:this service|WhatDoTheyKnow|AsktheEU|Right to Know) useful as an FOI officer",
        ),
        ("wdtk_web_manager", r"(?:ask your web manager to (?:link to|suggest) us|from your organisation's FOI page)"),
        ("wdtk_delayed", r"^\s*Please note that in some cases publication of requests and responses will be delayed"),
        ("donate_defend", r"^\s*We work to defend the right to FOI for everyone\s*$"),
        ("donate_help", r"^\s*Help us protect your right to hold public authorities to account"),
        ("donate_now", r"^\s*Donate Now\s*$"),
        ("muckrock", r"^\s*-*\s*Please respond above this line\s*-*\s*$"),
        ("froide", r"^\s*(?:Legal Note: This mail was sent through a Freedom Of Information Portal|Rechtshinweis:)"),
        ("wdtk_quoted_toggle", r"^\s*(?:show|hide) quoted sections\s*$"),
        # mailing-list software's footer (Mailman, Google Groups); the run is possessive: inside the
        # table's combined (case-folded) pattern a backtracking [\w.] run cost 40 ms a line
        ("list_name", r"^\s*[\w.+-]{2,60}+ mailing list\s*$"),
        ("list_info", r"^\s*(?:<)?https?://\S+/(?:mailman/listinfo|mailman3?/lists|cgi-bin/mailman/listinfo)/\S*\s*$"),
        ("ezmlm", r"^\s*(?:To unsubscribe, e-mail|For additional commands, e-mail):\s*\S+@\S+\s*$"),
        (
            "google_groups",
            r"^\s*(?:You received this message because you are subscribed to the Google Groups|To unsubscribe from this group and stop receiving emails from it)",
        ),
    ],
    words=(
        "request-",
        "foi+request",
        "please use this",
        "wrong address",
        "contact us using",
        "change_request",
        "/help/",
        "disclaimer:",
        "published on the internet",
        "detailed guidance",
        "useful as an foi",
        "web manager",
        "foi page",
        "publication of requests",
        "defend the right",
        "help us protect",
        "donate now",
        "respond above",
        "legal note",
        "rechtshinweis",
        "quoted sections",
        "mailing list",
        "mailman",
        "google groups",
        "to unsubscribe, e-mail",
        "for additional commands",
        "to unsubscribe from this group",
    ),
)

OPENER = table(
    "opener",
    [
        ("thank_you", r"^\s*Thank you for (?:your|contacting|the)\b"),
        ("welsh_thanks", r"^\s*Diolch (?:am|i chi|yn fawr)\b"),
        (
            "out_of_office",
            r"^\s*(?:I am|I'm|I will be|I shall be)\s+(?:currently\s+|now\s+)?(?:out of (?:the )?office|on (?:annual |parental |maternity |sick )?leave|away|absent|not in the office|working part[- ]time)\b",
        ),
        ("welsh_ooo", r"^\s*(?:Rwyf|Dw i|Byddaf)\s+(?:ar wyliau|allan o'r swyddfa|i ffwrdd)"),
        (
            "automated",
            r"^\s*(?:This is an? (?:automated|automatic|auto-generated)\b|Please note:? (?:it is not possible to reply|this (?:is an automated|mailbox is not monitored)))",
        ),
        (
            "bounce",
            r"^\s*(?:Delivery has failed to these recipients|Your message (?:to .{1,80} )?(?:couldn't|could not|wasn't|was not) (?:be )?delivered|Undeliverable:|This is an automatically generated Delivery Status Notification|This message was created automatically by mail delivery software|Mail delivery failed|-+\s*Failed Recipients\s*-+|Returned mail:|Delivery to the following recipients? failed)",
        ),
    ],
    prefixes=(
        "thank",
        "diolch",
        "i",
        "rwyf",
        "dw",
        "byddaf",
        "this",
        "please",
        "delivery",
        "your",
        "undeliverable",
        "mail",
        "returned",
        "-",
    ),
)

SIGNATURE_NOISE = table(
    "signature_noise",
    [
        (
            "sent_from_device",
            r"^\s*Sent from (?:my |the )?(?:iPhone|iPad|BlackBerry|Android|mobile|Samsung|Galaxy|Huawei|Windows Phone|smartphone|Xperia)\b.{0,40}$",
        ),
        (
            "sent_from_app",
            r"^\s*(?:Sent from (?:Outlook|Mail|Yahoo Mail|Gmail|ProtonMail|AOL)\b.{0,40}|Get Outlook for (?:iOS|Android))\s*$",
        ),
    ],
    prefixes=("sent", "get"),
)

REF_LINE = table(
    "ref_line",
    [
        (
            "our_your",
            r"^\s*(?:Cyf(?:eirnod)?\s*/\s*)?(?:Our|Your|My|Ein|Eich)\s+(?:ref(?:erence)?|cyf(?:eirnod)?)\b\.?\s*(?:no\.?|number)?\s*:?",
        ),
        ("reference", r"^\s*(?:Reference|Ref|Case|Request)\s*(?:No\.?|Number|ID)?\s*:"),
        ("re_ref", r"^\s*Re:\s*\S{3,30}\s*$"),
    ],
    prefixes=("cyf", "our", "your", "my", "ein", "eich", "reference", "ref", "case", "request", "re:"),
)

BOUNCE_DIAGNOSTIC = table(
    "bounce_diagnostic",
    [
        ("exchange", r"^\s*Diagnostic information for administrators:?\s*$"),
        (
            "headers",
            r"^\s*(?:Original message headers|-+\s*Original message\s*-+|The original message was received at|-+\s*The following addresses had permanent fatal errors\s*-+)\s*:?\s*$",
        ),
        ("copy", r"^\s*-{2,}\s*(?:This is a copy of the message|Contents of the undelivered mail)"),
        (
            "dsn",
            r"^\s*(?:Reporting-MTA|Final-Recipient|Action|Status|Diagnostic-Code|Remote-MTA|Arrival-Date)\s*:\s*\S",
        ),
        ("rfc822_headers", r"^\s*(?:Received|Return-Path|Message-ID|X-[A-Za-z-]+)\s*:\s*\S"),
    ],
)

#: encoded attachments inlined in a body: (start, end) line pairs by name
ATTACHMENT_START = table("attachment_start", [("uuencode", r"^begin [0-7]{3,4} \S")], case_sensitive=True)
ATTACHMENT_END = table("attachment_end", [("uuencode", r"^end\s*$")], case_sensitive=True)

TABLES: tuple[RuleTable, ...] = (
    GREETING,
    CLOSING,
    MARKING,
    RULE_LINE,
    LINK_FOOTER,
    ANNOTATION,
    PLATFORM_FOOTER,
    QUOTE_HEADER,
    OUTLOOK_HEADER,
    DISCLAIMER_START,
    DISCLAIMER_CUE,
    OPENER,
    SIGNATURE_NOISE,
    REF_LINE,
    BOUNCE_DIAGNOSTIC,
    MAIL_HEADER_FIELD,
    FORWARD_NOTE,
    ATTACHMENT_START,
    ATTACHMENT_END,
)
