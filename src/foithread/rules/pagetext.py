"""Page-text rules: the chrome that request sites print around the correspondence.

A request page copied as text (WhatDoTheyKnow and the other Alaveteli sites, MuckRock) opens
with a *head*: the title, a ``X made this … request to Y`` line and the request's status
lines. These tables describe those lines; :mod:`foithread.stages.pagehead` reads the head with them
(title, requester, authority and :attr:`Thread.status <foithread.model.Thread.status>`) and the
pipeline leaves it out of the messages.

* :data:`PAGE_STATUS` — one rule per Alaveteli request state, named by WhatDoTheyKnow's state
  code (``successful``, ``not_held``, ``waiting_response_overdue`` …), in English, Welsh-site,
  German, French and Spanish interface wordings. The first matching rule names the state.
* :data:`PAGE_REQUEST_LINE` — ``Ann made this Freedom of Information request to Some Council``
  with named groups ``requester`` and ``authority``.
* :data:`PAGE_HEAD_CHROME` — other lines a head may hold (closure notices, clone notices,
  MuckRock tracking fields): skipped, never taken for the title.
* :data:`SENDER_LINE` — shapes of the line Alaveteli prints above each reply
  (``FOI Team, Some Council``), with the words that make a part of it an organisation.
"""

from __future__ import annotations

from foithread.rules import table

_BODY = r".{2,160}?"

PAGE_STATUS = table(
    "page_status",
    [
        ("partially_successful", r"^\s*The request was partially successful\.?\s*$|\bteilweise erfolgreich\b"),
        (
            "successful",
            r"^\s*(?:The request was successful|Die Anfrage war erfolgreich|La demande a abouti|La solicitud fue exitosa)\.?\s*$",
        ),
        (
            "not_held",
            rf"^\s*{_BODY} did not have the information requested\.?\s*$|^\s*{_BODY} (?:verfügt|verfügte) nicht über die angeforderten Informationen",
        ),
        (
            "rejected",
            rf"^\s*(?:The request was refused by|Die Anfrage wurde abgelehnt (?:durch|von)|La demande a été refusée par|La solicitud ha sido rechazada por) {_BODY}\.?\s*$",
        ),
        (
            "internal_review",
            rf"^\s*(?:Currently )?[Ww]aiting for {_BODY} to complete an internal review\b",
        ),
        (
            "waiting_clarification",
            # a status line is one short sentence: lines past 600 characters are not tried (linear on long lines)
            rf"^(?=.{{0,600}}$)(?:\s*{_BODY} (?:is|are) waiting for (?:your|{_BODY}'s) clarification\b|\s*Waiting for clarification\b)",
        ),
        ("waiting_response_very_overdue", r"^\s*Response to this request is long overdue\b"),
        ("waiting_response_overdue", r"^\s*Response to this request is delayed\b"),
        (
            "waiting_response",
            rf"^\s*Currently waiting for a response from {_BODY}, they (?:must|should) respond\b|^\s*(?:Derzeit )?[Ww]arte(?:t)? auf (?:eine )?Antwort von\b",
        ),
        (
            "waiting_classification",
            rf"^\s*We're waiting for {_BODY} to read (?:a recent response|recent responses) and update the status\b"
            r"|^\s*We don't know whether the most recent response to this request contains information or not\b",
        ),
        ("gone_postal", rf"^\s*{_BODY} (?:has|have) (?:responded|replied|said they will respond) by post\b"),
        ("user_withdrawn", r"^\s*This request has been withdrawn by the person who made it\b"),
        ("error_message", r"^\s*There was a delivery error or similar\b"),
        ("requires_admin", r"^\s*This request has had an unusual response\b"),
        ("not_foi", r"^\s*This request is not a valid (?:Freedom of Information|FOI) request\b"),
    ],
    words=(
        "request was",
        "anfrage",
        "demande",
        "solicitud",
        "did not have",
        "verfügt",
        "internal review",
        "clarification",
        "long overdue",
        "delayed",
        "waiting for",
        "warte",
        "we're waiting",
        "we don't know",
        "by post",
        "withdrawn",
        "delivery error",
        "unusual response",
        "not a valid",
    ),
)

PAGE_REQUEST_LINE = table(
    "page_request_line",
    [
        (
            "made_request",
            r"^\s*(?P<requester>\S.{0,80}?) made this (?:(?:Freedom of|Official|Environmental|Government) Information |access to (?:documents|information) |FOI |EIR |OIA |)request to (?P<authority>.{2,160}?)(?: as part of a batch sent to \d+ (?:authorities|bodies|public authorities)| using the .{2,60})?\.?\s*$",
        ),
        (
            "filed_request",
            r"^\s*(?P<requester>\S.{0,80}?) filed this request with (?:the )?(?P<authority>.{2,160}?)(?: of the United States of America| of [A-Z][\w ]{2,40})?\.?\s*$",
        ),
        ("german", r"^\s*(?P<requester>\S.{0,80}?) hat diese Anfrage an (?P<authority>.{2,160}?) gestellt\.?\s*$"),
    ],
    words=("made this", "filed this", "hat diese anfrage"),
)

PAGE_HEAD_CHROME = table(
    "page_head_chrome",
    [
        ("closed", r"^\s*This request has been closed to new correspondence\b"),
        ("clone", r"^\s*It is a clone of (?:this|another) request\.?\s*$"),
        ("batch", r"^\s*This request was (?:sent|made) (?:as part of a batch|to \d+ authorities)\b"),
        (
            "tracking_field",
            r"^\s*(?:Tracking #|Est\. Completion\b.*|Status|Communications|Files|Multi Request\b.*|Submitted\b.{0,40}|Due\b.{0,40})\s*$",
        ),
        ("from_line", r"^\s*From:\s*\S.{0,80}$"),
        ("follow", r"^\s*(?:Follow|Track this request|Share on \w+|Download a zip file of all correspondence)\s*$"),
    ],
)

#: a sender line: ``Part one, Part two`` (the name before the comma, the organisation after it)
SENDER_LINE = table(
    "sender_line",
    [
        # a sender line may end in the date of the message (``FOI Team, Some Council 3 March 2023``)
        (
            "dated",
            r"^(?P<rest>\S.*?)\s+\d{1,2}(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{4}\s*$",
        ),
        ("name_comma_org", r"^\s*(?P<name>[^\s,.;:!?][^,.;:!?<>@]{1,90}), (?P<org>[^\s,.;:!?][^,;:!?<>@]{2,100}?)\s*$"),
    ],
)

#: words that make a sender line's second part an organisation (folded, whole words)
ORGANISATION_WORD = table(
    "organisation_word",
    [
        (
            "english",
            r"\b(?:Council|Police|Constabulary|Service|Services|Trust|University|Department|Office|Ministry|Authority|Commission(?:er)?|Agency|Board|Executive|Customs|College|Government|Team|Unit|Borough|Fire|Rescue|Parliament|Assembly|Court|Tribunal|Corporation|Inspectorate|Partnership|Group|Health|NHS|Defence|Revenue|Treasury|Cabinet|Home|Foreign|Secretariat|Directorate|Institute|Bank|Museum|Library|Archives|Ombudsman)\b",
        ),
        ("welsh", r"\b(?:Adran|Cyngor|Heddlu|Llywodraeth|Comisiynydd|Prifysgol|Bwrdd|Gwasanaeth|Awdurdod)\b"),
        (
            "other_languages",
            r"\b(?:Ministerium|Bundesamt|Landesamt|Behörde|Senat|Stadt|Kreis|Amt|Generalsekretariat|Kommission|Commission|Ministère|Direction|Ministerio|Comisión|Ministerie|Gemeente)\b",
        ),
    ],
)

#: a sender line's first part that names an FOI mailbox or team rather than a person
MAILBOX_WORD = table(
    "mailbox_word",
    [
        (
            "mailbox",
            r"\b(?:FOI|FoI|Freedom[- ]of[- ]Information|Information|Requests?|Team|Unit|Secretariat|Office|MULTIUSER|Mailbox|Enquiries|Disclosure|Compliance|Rights|Access|Transparency|Correspondence|Data|Casework)\b",
        ),
    ],
)

#: page chrome that may stand anywhere in copied page text: removed, and invisible to segmentation
PAGE_CHROME = table(
    "page_chrome",
    [
        ("wdtk_attachment_count", r"^\s*\d{1,3} Attachments?\s*$"),
        (
            "wdtk_html_attachment",
            r"^\s*This is an HTML version of an attachment to the (?:Freedom of Information|Environmental Information|Official Information|access to documents|FOI) request\b",
        ),
        (
            "page_number",
            r"^\s*(?:Page|Tudalen|Seite) \d{1,4} (?:of|o|von) \d{1,4}\s*$|^\s*You are on page \d{1,4}\s*of \d{1,4}\s*$",
        ),
        ("skip_link", r"^\s*(?:Skip to (?:main )?content|Neidio i'r prif gynnwys|Zum Inhalt springen)\s*$"),
        ("leave_site", r"^\s*(?:Leave this site|Hide this page|Exit this page|Gadael y wefan)\s*$"),
        (
            "cookie_banner",
            r"^\s*(?:We use (?:some )?(?:essential )?cookies\b|You can manage your preferences and cookie settings\b|(?:Accept|Reject) (?:all |additional |analytics )?cookies\s*$|Cookie (?:settings|preferences)\s*$)",
        ),
        # a letter's page footer: an address with commas that ends in an international phone number
        ("letter_footer", r"^(?=(?:[^,\n]*,){2}).{10,200}\b(?:Tel|Tél|Telephone)\.?\s*:?\s*\+\d[\d ]{6,}\s*$"),
        (
            "site_notice",
            r"^\s*(?:Your cookie preferences have been saved\b|This site is a beta\b|Sorry, there was a technical problem\b)",
        ),
        # elinks' link-list heading left without its links (the list was not copied)
        ("elinks_heading", r"^\s*(?:Visible|Hidden) links\s*:?\s*$"),
        # a PDF page's document-management number, alone on its line
        ("document_number", r"^\s*\d{6,12}\s*$"),
        # an online PDF viewer's page heading (``Page 12 - Annual report``, then ``P. 12``)
        ("viewer_page", r"^\s*Page \d{1,4} - \S.{0,120}$|^\s*P\. \d{1,4}\s*$"),
        ("file_link", r",\s*file type:\s*\w{2,5},\s*file size:\s*[\d.,]+\s*[KMG]B\s*$"),
    ],
)
#: page-chrome rules that stand between a sender line and its message
OPENING_CHROME = frozenset({"wdtk_attachment_count", "wdtk_html_attachment"})

#: a disclosure-log page's heading above the request (``Information requested``, ``You asked for:``)
DLOG_REQUEST_HEADING = table(
    "dlog_request_heading",
    [
        (
            "english",
            r"^\s*(?:Information requested|Request(?: details| for information)?|Details of (?:the )?request|The request|Your request|You asked (?:for|us)|What was requested|Question(?:s)? asked)\s*:?\s*$",
        ),
        ("welsh", r"^\s*(?:Gwybodaeth a geisiwyd|Cais(?: am wybodaeth)?|Eich cais)\s*:?\s*$"),
    ],
)

#: a disclosure-log page's heading above the response
DLOG_RESPONSE_HEADING = table(
    "dlog_response_heading",
    [
        ("english", r"^\s*(?:Response|Our response|Answer|Reply|Decision|Response provided|The response)\s*:?\s*$"),
        ("welsh", r"^\s*(?:Ymateb|Ein hymateb|Ateb)\s*:?\s*$"),
    ],
)

#: how a disclosure log's answer opens when it has no heading of its own
DLOG_RESPONSE_OPENER = table(
    "dlog_response_opener",
    [
        (
            "answer",
            r"^\s*(?:With regards? to (?:your|questions?|the|part)|In (?:response|relation|answer|reply) to (?:your|questions?|the|part)|Your request (?:for information )?has (?:now )?been considered|I (?:can|am able to) confirm|We (?:can confirm|do not hold|hold)|The information you (?:have )?requested|Please find (?:below|attached)|The (?:Council|Force|Department|Authority|Government|Trust|Board|Service)\b.{0,40}\b(?:believes|holds|does not hold|can confirm|has considered))",
        ),
    ],
)

#: lines that make a page a letter rather than a disclosure log (besides a greeting)
LETTER_CUE = table(
    "letter_cue",
    [
        ("bare_salutation", r"^\s*(?:Dear|Annwyl)\s*,?\s*$"),
        (
            "date_line",
            r"^\s*\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\s*$",
        ),
    ],
)

TABLES = (
    PAGE_STATUS,
    LETTER_CUE,
    PAGE_CHROME,
    DLOG_REQUEST_HEADING,
    DLOG_RESPONSE_HEADING,
    DLOG_RESPONSE_OPENER,
    PAGE_REQUEST_LINE,
    PAGE_HEAD_CHROME,
    SENDER_LINE,
    ORGANISATION_WORD,
    MAILBOX_WORD,
)
