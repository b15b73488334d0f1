"""Access-to-information regimes outside the UK, as data (DOMAIN 4.2, 4.3).

:data:`FOREIGN_REGIMES` maps a regime code to its :class:`Regime`: the law, the markers that say a
text is under it, the time limit and how it is counted, the extension and review rules, and the
calendar. The UK regimes (``foi``, ``eir``, ``foisa``, ``eisr``) stay in :mod:`foithread.stages.regime` and
:mod:`foithread.deadlines`; a foreign regime is never counted on the UK calendar.

Units: ``working_days`` (weekends and the country's public holidays from ``holidays`` skipped, the
day of receipt never counted), ``days`` (calendar days after receipt), ``weeks`` and ``months``
(the same date so many weeks or months later, moved back to the month's last day when it has none).

EU institutions' own public holidays are not in the ``holidays`` package: Regulation 1049/2001
deadlines are counted on weekends only, and every such deadline says so in its notes.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Rule:
    """A time limit: ``limit`` ``unit``\\ s, and the source that sets it."""

    limit: int
    unit: str  # working_days, days, weeks or months
    source: str


@attrs.frozen
class Regime:
    """One access regime: its law, markers, exemption grammar and clock."""

    code: str
    name: str
    markers: str  # a regular expression (case-sensitive) whose match puts a text under this regime
    response: Rule
    extension: tuple[str, Rule] | None  # (basis, the limit in all once extended)
    review: Rule | None  # internal review / confirmatory application / administrative appeal
    holidays: tuple[str, str | None] | None  # (holidays country, subdivision) or None: no holiday calendar
    calendar: str


_DE_LAWS = r"\b(?:IFG|AIG|IZG|LIFG|BlnIFG|BremIFG|HmbTG|IFG[ ]?NRW|LTranspG|ThürIZG|IZG[ ]?LSA|IFG[ ]?M-V)\b"

#: Regimes by code, in the order detection tries them (the first whose markers match wins; a German
#: text listing "AIG, UIG, VIG" is under the general access law, so ``de_ifg`` comes before UIG and VIG).
FOREIGN_REGIMES: dict[str, Regime] = {
    r.code: r
    for r in (
        Regime(
            "eu1049",
            "EU Regulation (EC) No 1049/2001 (access to European Parliament, Council and Commission documents)",
            r"\b1049/2001\b",
            Rule(15, "working_days", "Art. 7(1): 15 working days from registration of the initial application"),
            ("art7(3)", Rule(30, "working_days", "Art. 7(3): extended by 15 working days, notified in advance")),
            Rule(
                15,
                "working_days",
                "Art. 8(1): confirmatory application answered within 15 working days (+15, Art. 8(2))",
            ),
            None,
            "weekends only (EU institutions' public holidays are not in the holidays package)",
        ),
        Regime(
            "ie_foi",
            "Ireland: Freedom of Information Act 2014",
            r"Freedom of Information Act,? 2014|FOI Act,? 2014|Information Commissioner \(Ireland\)|\boic\.ie\b",
            Rule(4, "weeks", "s13(1): a decision within 4 weeks of receipt"),
            ("s14", Rule(8, "weeks", "s14(1): extended by up to 4 weeks")),
            Rule(3, "weeks", "s21(4): internal review within 3 weeks"),
            None,
            "calendar weeks (s13(1))",
        ),
        Regime(
            "au_foi",
            "Australia: Freedom of Information Act 1982 (Cth)",
            r"Freedom of Information Act,? 1982|FOI Act,? 1982|\bOAIC\b|Australian Information Commissioner",
            Rule(30, "days", "s15(5)(b): 30 days after the day the request is received"),
            ("s15(6)", Rule(60, "days", "s15(6)-(8), s15AA, s15AB: extended by 30 days (consultation, agreement)")),
            Rule(30, "days", "s54C(3): internal review within 30 days"),
            None,
            "calendar days (s15(5)(b); the day of receipt is not counted)",
        ),
        Regime(
            "nz_oia",
            "New Zealand: Official Information Act 1982 (and LGOIMA 1987)",
            r"Official Information Act|Official Information and Meetings Act|\bOIA\b|\bLGOIMA\b",
            Rule(20, "working_days", "s15(1): as soon as reasonably practicable, within 20 working days"),
            ("s15A", Rule(40, "working_days", "s15A: extended for a reasonable period (20 more working days assumed)")),
            None,
            ("NZ", None),
            "NZ working days (s2: weekends, public holidays and 25 December to 15 January excluded)",
        ),
        Regime(
            "us_foia",
            "United States: Freedom of Information Act, 5 U.S.C. § 552",
            r"5\s?U\.?\s?S\.?\s?C\.?\s?(?:§\s?)?552|\bFOIA\b[^\n]{0,120}\(b\)\(\d\)|FOIA tracking number|\bMuckRock\b"
            r"|of the United States of America",
            Rule(20, "working_days", "5 U.S.C. § 552(a)(6)(A)(i): 20 working days"),
            ("unusual circumstances", Rule(30, "working_days", "§ 552(a)(6)(B)(i): 10 more working days")),
            Rule(20, "working_days", "§ 552(a)(6)(A)(ii): administrative appeal decided within 20 working days"),
            ("US", None),
            "US federal working days (weekends and legal public holidays excluded)",
        ),
        Regime(
            "de_ifg",
            "Germany: Informationsfreiheitsgesetz (IFG) or a Land's access law (AIG, IZG, HmbTG ...)",
            _DE_LAWS + r"|Informationsfreiheitsgesetz|Akteneinsichts- und Informationszugangsgesetz|Transparenzgesetz",
            Rule(1, "months", "§ 7 Abs. 5 IFG: within one month"),
            None,
            None,
            None,
            "calendar months",
        ),
        Regime(
            "de_uig",
            "Germany: Umweltinformationsgesetz (UIG)",
            r"\bUIG\b|Umweltinformationsgesetz",
            Rule(1, "months", "§ 3 Abs. 3 UIG: within one month"),
            ("§ 3 Abs. 3 Nr. 2 UIG", Rule(2, "months", "two months where the information is extensive and complex")),
            None,
            None,
            "calendar months",
        ),
        Regime(
            "de_vig",
            "Germany: Verbraucherinformationsgesetz (VIG)",
            r"\bVIG\b|Verbraucherinformationsgesetz",
            Rule(1, "months", "§ 5 Abs. 2 VIG: within one month"),
            None,
            None,
            None,
            "calendar months",
        ),
    )
}

#: Where an input comes from, when its text names no law: ``(name, regime, pattern)``, tried in order
#: over the input's text and headers. A request site serves one jurisdiction (WhatDoTheyKnow: UK FOIA,
#: AskTheEU: Regulation 1049/2001, FragDenStaat: the German access laws); a UK public body's mail
#: domain or the UK Act's own name is UK evidence. With none of these a thread's regime is unknown
#: (``None``) and no deadline is counted for it, rather than the UK's by default.
PLATFORM_EVIDENCE: tuple[tuple[str, str, str], ...] = (
    ("whatdotheyknow", "foi", r"(?i:\bwhatdotheyknow\b)"),
    ("asktheeu", "eu1049", r"(?i:\basktheeu\b)"),
    ("righttoknow", "au_foi", r"(?i:\brighttoknow\.org\.au\b)"),
    ("fyi_nz", "nz_oia", r"(?i:\bfyi\.org\.nz\b)"),
    # MuckRock also serves state public-records laws: only its federal jurisdiction line says FOIA
    # (``... of the United States of America``, a us_foia marker); its name alone is the marker's choice
    ("muckrock", "us_foia", r"(?i:\bmuckrock\b)"),
    ("fragdenstaat", "de_ifg", r"(?i:\bfrag-?den-?staat\b)"),
    (
        "uk_public_body_domain",
        "foi",
        r"(?i:[\w-]\.(?:gov|nhs|police|mod|parliament|sch|ac)\.uk\b|[\w-]\.gov\.(?:scot|wales)\b|\bllyw\.cymru\b)",
    ),
    (
        "uk_law",
        "foi",
        r"Freedom of Information Act,? 2000|\bFOIA 2000\b|Information Commissioner['’]s Office|\bICO\b|\bico\.org\.uk\b"
        r"|Deddf Rhyddid Gwybodaeth|Fees and Appropriate Limit|Data Protection Act,? 2018|\bUK GDPR\b",
    ),
    # bodies that exist only in the UK (a Welsh or Scottish body's own law is read from its text first)
    ("uk_public_body", "foi", r"\bNHS\b|\bWelsh Government\b|\bLlywodraeth Cymru\b|\bHM Revenue\b|\bHM Treasury\b"),
)
