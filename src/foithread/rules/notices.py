"""Line rule tables for notices: where a disclaimer starts, and the words that make one.

A disclaimer is removed only when its lines carry enough cue words (:data:`DISCLAIMER_CUE`), so a
start line alone (:data:`DISCLAIMER_START`) never removes text; see :mod:`foithread.stages.disclaimers`.
Part of the line tables of :mod:`foithread.rules.lines`, kept apart for their size.
"""

from __future__ import annotations

from foithread.rules import table

DISCLAIMER_START = table(
    "disclaimer_start",
    [
        ("notice", r"^\s*(?:NOTICE\s*[-:–]|(?:IMPORTANT|CONFIDENTIALITY|PRIVACY|LEGAL)\s+NOTICE\b|CAUTION\s*[-:–])"),
        ("heading", r"^\s*(?:[\w&'.-]+\s+){0,7}(?:[-–:|]\s*)?Disclaimer\s*:?\s*$"),
        (
            "this_email",
            r"^\s*(?:\*\s*)?(?:[\w&'.-]++(?: [\w&'.-]++){0,6}+:\s*)?(?:This|The)\b.{0,40}?\b(?:e-?mail|message|communication|transmission)s?\b.{0,100}?\b(?:confidential|intended|privileged|solely|may contain|is for the sole|sensitive|meant only)",
        ),
        (
            "this_email_short",
            r"^\s*(?:[\w&'.-]++(?: [\w&'.-]++){0,6}+:\s*)?(?:This|The)\s+(?:e-?mail|message)\s+(?:and any|is|may|contains)\b.{0,40}$",
        ),
        (
            "not_intended",
            r"^\s*If you (?:are not the (?:intended )?(?:recipient|addressee)|have received this (?:e-?mail|message|communication|transmission) in error|receive this (?:e-?mail|message) in error)",
        ),
        ("views", r"^\s*(?:Any\s+)?(?:views|opinions)\s+(?:or\s+opinions\s+)?(?:expressed|contained|presented)"),
        (
            "scanned",
            r"^\s*(?:This (?:e-?mail|message)(?: has been| was)? (?:scanned|checked|swept)|The original of this (?:e-?mail|message) was scanned|.{0,40}scanned for (?:all )?viruses)",
        ),
        (
            "gsi",
            r"(?:On leaving the GSi|Communications via the GS[ix]|Government Secure Intranet|certified virus free|received from the INTERNET|GCSx)",
        ),
        (
            "vendor",
            r"^\s*(?:This email has been scanned by the (?:Symantec|MessageLabs|Mimecast)|Mimecast|MessageLabs|McAfee|Sophos)\b",
        ),
        ("environment", r"^\s*(?:P\s+)?Please (?:consider|think of) the environment\b"),
        (
            "language_policy",
            r"^\s*(?:(?:Rydym|Mae'r [\w ]{1,40}?) yn croesawu gohebiaeth|(?:We|The [\w ]{1,40}?) welcomes? correspondence in Welsh)",
        ),
        ("labelled", r"^\s*(?:Disclaimer|Ymwadiad|Haftungsausschluss|Avertissement)\s*:\s*\S"),
        ("preface", r"^\s*Please note:? it is not possible to reply to this e-?mail"),
        ("nhsmail", r"^\s*NHSmail is the secure email"),
        ("statutory_corporation", r"\bis a statutory corporation whose principal office is\b"),
        (
            "monitored",
            r"^\s*(?:All )?(?:e-?mail|communications?|Calls)\b.{0,60}\b(?:may be|are|will be) (?:monitored|recorded|logged)",
        ),
        ("welsh", r"^\s*Mae'r (?:neges|e-bost)\b.{0,60}\b(?:gyfrinachol|breifat)"),
    ],
    words=(
        "notice",
        "caution",
        "disclaimer",
        "ymwadiad",
        "haftungs",
        "avertissement",
        "email",
        "e-mail",
        "message",
        "communication",
        "transmission",
        "intended",
        "recipient",
        "addressee",
        "in error",
        "views",
        "opinions",
        "scanned",
        "swept",
        "checked",
        "virus",
        "gsi",
        "gsx",
        "gcsx",
        "intranet",
        "internet",
        "mimecast",
        "messagelabs",
        "mcafee",
        "sophos",
        "symantec",
        "environment",
        "not possible to reply",
        "nhsmail",
        "statutory corporation",
        "monitored",
        "recorded",
        "logged",
        "mae'r",
        "croesawu",
        "correspondence in welsh",
    ),
    combine=False,  # its combined pattern measured 3x slower than its rules one by one
)

DISCLAIMER_CUE = table(
    "disclaimer_cue",
    [
        ("confidential", r"\bconfidential"),
        ("intended", r"\bintended (?:solely )?(?:recipient|addressee|for the (?:use|sole))|\bnamed addressee"),
        (
            "in_error",
            r"\b(?:received|receive|sent to you) (?:this|it) (?:e-?mail|message|communication)?\s*in error|\bin error\b",
        ),
        (
            "notify",
            r"\bnotify (?:the sender|us|the system manager|postmaster)|\bdelete (?:it|this|the (?:e-?mail|message))",
        ),
        ("monitor", r"\bmonitor(?:ed|ing)?\b|\brecorded\b|\blogged\b"),
        ("virus", r"\bvirus(?:es)?\b|\bmalware\b"),
        ("liability", r"\bliabilit|\bno responsibility|\bbinding agreements?|\bwarranty\b"),
        ("privilege", r"\bprivileged\b|\blegal professional privilege"),
        ("unauthorised", r"\bunauthori[sz]ed|\bprohibited\b|\bunlawful\b|\bstrictly\b"),
        (
            "disclose",
            r"\b(?:disclos\w*|cop(?:y|ied|ying)|distribut\w*|disseminat\w*)\b.{0,60}\b(?:disclos\w*|cop(?:y|ied|ying)|distribut\w*|disseminat\w*|used|use|forward\w*|print\w*|retain\w*|information|contents?)\b",
        ),
        ("no_reply", r"\bdo not reply to this e-?mail\b|\bnot possible to reply\b|\bmailbox is not monitored\b"),
        (
            "copyright",
            r"\bcopyright\b|\bData Protection Act\b|\bintegrity of the system\b|\bsecure means of communication\b",
        ),
        ("views", r"\bviews (?:or opinions )?expressed|\bnot necessarily (?:those|represent)"),
        ("platforms", r"\bNHSmail\b|\bnhs\.net\b|\bGSi\b|\bMimecast\b|\bMessageLabs\b|\bSymantec\b|\bsecure email\b"),
        (
            "corporate",
            r"\bregistered (?:office|in England)|\bstatutory corporation\b|\bsubsidiary companies\b|\bprincipal office\b",
        ),
        ("switch", r"\bhow you can switch\b|\bjoiningnhsmail\b"),
        ("welsh", r"\bgyfrinachol\b|\bderbynnydd\b|\bfeirysau\b"),
        ("language", r"\bGymraeg\b|\bddwyieithog\b|\bin Welsh\b|\bbilingually\b"),
        ("law", r"\bpermitted by law\b|\blawful business\b|\bRegulation of Investigatory Powers\b"),
        ("responsibility", r"\byour responsibility to ensure\b|\bcannot be guaranteed\b|\bsecurity\b"),
    ],
)
