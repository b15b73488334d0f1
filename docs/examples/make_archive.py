"""Write the example archive: constructed WhatDoTheyKnow page-text threads for five fictional authorities.

    python docs/examples/make_archive.py            # (re)writes docs/examples/archive/*.txt and manifest.json
    python docs/examples/make_archive.py --check    # parses every thread and compares it with the manifest

Deterministic: the same specification always gives byte-identical files. Every authority, person,
reference and figure is invented. The threads follow what WhatDoTheyKnow request pages look like
once dumped as text (see DOMAIN.md section 1.1): the title on line 1, the request, the authority's
letters and e-mails with their own disclaimers, elinks link footers, and the site's donate box.
``manifest.json`` records, per thread, the message kinds and dates the threads were written with,
so that ``--check`` (and ``tests/test_analysis.py``) can tell whether foithread reads them back.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARCHIVE = HERE / "archive"
FOOTER = (
    "We work to defend the right to FOI for everyone\n"
    "Help us protect your right to hold public authorities to account. Donate and support our work.\n"
    "Donate Now\n"
)
ICO = (
    "If you are unhappy with the way your request has been handled you may ask for an internal review "
    "within 40 working days of the date of this letter. If you remain dissatisfied after the review you may "
    "complain to the Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, "
    "SK9 5AF ([{n}]www.ico.org.uk)."
)
SIC = (
    "If you are dissatisfied with the way we have dealt with your request, you can ask us to review our "
    "actions and decisions by writing to us within 40 working days of receiving this response. If you are "
    "still dissatisfied after the review, you have the right to apply to the Scottish Information "
    "Commissioner, Kinburn Castle, Doubledykes Road, St Andrews, Fife, KY16 9DS ([{n}]www.foi.scot)."
)


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def slash_date(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


@dataclass(frozen=True)
class Authority:
    name: str
    nation: str
    team: str
    letterhead: str  # lines above "Our ref:" in a formal letter (may be empty)
    signature: str  # lines under the officer's name
    disclaimer: str
    ack: str  # the acknowledgement's middle, with {received} and {ref}
    ref_label: str = "Our ref:"
    auto_ack: str = ""
    appeal: str = ICO
    appeal_link: str = "https://ico.org.uk/"
    closing: str = "Yours sincerely"
    date_style: str = "long"  # "long" (Date: 3 April 2023), "slash" (03/04/2023) or "plain" (3 April 2023)
    regime: str = "foi"  # the regime its requests fall under unless a thread says otherwise

    def dated(self, day: dt.date) -> str:
        if self.date_style == "slash":
            return slash_date(day)
        if self.date_style == "plain":
            return long_date(day)
        return f"Date: {long_date(day)}"


AUTHORITIES = {
    "kestrelford": Authority(
        name="Kestrelford Borough Council",
        nation="England",
        team="Information Governance Team",
        letterhead="OFFICIAL\nInformation Governance Team\nKestrelford Borough Council\nCivic Centre, Albion Street\nKestrelford\nKF1 2AB",
        signature="Information Governance Officer\nKestrelford Borough Council",
        disclaimer=(
            "This email and any attachments are confidential and intended solely for the addressee. If you have "
            "received this email in error please notify the sender and delete it. Kestrelford Borough Council may "
            "monitor email communications for the purposes of lawful business practice."
        ),
        ack=(
            "Thank you for your request for information, which we received on {received}. It has been logged "
            "under the reference above and is being dealt with under the Freedom of Information Act 2000. We will "
            "respond promptly and in any event within 20 working days."
        ),
        date_style="slash",
    ),
    "northmoor": Authority(
        name="Northmoor Police",
        nation="England",
        team="Freedom of Information Unit",
        letterhead="OFFICIAL\nFreedom of Information Unit\nNorthmoor Police\nPO Box 77\nNorthmoor\nNM1 4PQ",
        signature="Freedom of Information Unit\nNorthmoor Police",
        disclaimer=(
            "NOTICE - This email and any attachments may be confidential and are intended for the named recipient "
            "only. If you have received this email in error please notify the sender and delete it. All "
            "communications with Northmoor Police may be monitored and recorded."
        ),
        ack=(
            "Freedom of Information Request Reference No: {ref}\n"
            "I write in connection with your request for information received by Northmoor Police on {received}. "
            "Your request will now be considered in accordance with the Freedom of Information Act 2000 and you "
            "will receive a response within the statutory timescale of 20 working days."
        ),
        ref_label="Freedom of Information Request Reference No:",
        auto_ack=(
            "Thank you for contacting the Northmoor Police Freedom of Information Unit.\n"
            "This is an automated response to confirm that we have received your email. Please do not reply to "
            "this message. A response will follow in due course.\n"
            "Please note that the Unit is staffed Monday to Friday, 9am to 5pm, and is closed on bank holidays."
        ),
    ),
    "glanforth": Authority(
        name="Glanforth County Council",
        nation="Wales",
        team="Tîm Rhyddid Gwybodaeth / Freedom of Information Team",
        letterhead="",
        signature=(
            "Swyddog Rhyddid Gwybodaeth / Freedom of Information Officer\n"
            "Cyngor Sir Glanforth / Glanforth County Council\n"
            "Neuadd y Sir, Ffordd yr Orsaf, Glanforth, SA99 1GF"
        ),
        disclaimer=(
            "Mae'r neges hon yn gyfrinachol. Os ydych wedi ei derbyn trwy gamgymeriad, rhowch wybod i'r anfonwr a'i "
            "dileu. This message is confidential. If you have received it in error, please notify the sender and "
            "delete it. Glanforth County Council welcomes correspondence in Welsh and English."
        ),
        ack=(
            "Thank you for your request, which we received on {received}. We will reply within 20 working days. "
            "Please quote the reference above in any further correspondence."
        ),
        ref_label="Ein cyf / Our ref:",
        closing="Yn gywir / Yours sincerely",
        date_style="plain",
    ),
    "strathallan": Authority(
        name="Strathallan Council",
        nation="Scotland",
        team="Information Management Team",
        letterhead="",
        signature="Information Management Team\nStrathallan Council\nCouncil Buildings, High Street, Dunmarnock, DK4 7RS",
        disclaimer=(
            "This e-mail is intended for the addressee only. If you have received it in error, please notify the "
            "sender and delete it. Strathallan Council may monitor e-mail traffic for lawful business purposes."
        ),
        ack=(
            "Thank you for your request, which was received on {received}. We are dealing with it under the "
            "Freedom of Information (Scotland) Act 2002 and will respond within 20 working days."
        ),
        appeal=SIC,
        appeal_link="https://www.foi.scot/",
        regime="foisa",
        closing="Yours sincerely",
    ),
    "belmore": Authority(
        name="Belmore Health and Social Care Trust",
        nation="Northern Ireland",
        team="Information Governance Department",
        letterhead="",
        signature="Information Governance Department\nBelmore Health and Social Care Trust\nTrust Headquarters, Lisnagarvey Road, Belmore, BT99 4HT",
        disclaimer=(
            "The information contained in this email is confidential and may be legally privileged. If you are not "
            "the intended recipient please notify the sender immediately and delete this email. Emails to and from "
            "the Trust may be monitored."
        ),
        ack=(
            "Thank you for your request for information received on {received}, which is being processed under the "
            "Freedom of Information Act 2000. You should receive a response within 20 working days."
        ),
        ref_label="Our Reference:",
        closing="Kind regards",
    ),
}


@dataclass(frozen=True)
class Clarification:
    asked: dt.date
    question: str
    reply: str
    received: dt.date  # when the authority received the reply (stated in its answer)


@dataclass(frozen=True)
class Delay:
    sent: dt.date
    text: str  # the body; {promised} is replaced by the promised date


@dataclass(frozen=True)
class Review:
    complaint: str
    received: dt.date
    answered: dt.date
    text: str
    outcome: str


@dataclass(frozen=True)
class Spec:
    slug: str
    authority: str
    title: str
    requester: str
    salutation: str  # how the authority addresses the requester: "Ms Okafor"
    request: str
    received: dt.date
    ref: str
    regime: str | None = None  # None: the authority's
    ack: bool = True
    clarification: Clarification | None = None
    delay: Delay | None = None
    promised: dt.date | None = None
    answered: dt.date | None = None
    answer: str = ""
    outcome: str | None = None
    exemptions: tuple[str, ...] = ()
    review: Review | None = None
    links: tuple[str, ...] = field(default=())

    def expected_kinds(self) -> list[str]:
        kinds = ["request"]
        if AUTHORITIES[self.authority].auto_ack:
            kinds.append("auto_acknowledgement")
        if self.ack:
            kinds.append("acknowledgement")
        if self.clarification:
            kinds += ["clarification_request", "follow_up"]
        if self.delay:
            kinds.append("delay_notice")
        if self.answered:
            kinds.append("response")
        if self.review:
            kinds += ["internal_review_request", "internal_review_response"]
        return kinds


def _message(auth: Authority, spec: Spec, day: dt.date | None, body: str, *, letter: bool = False) -> str:
    """An authority message: a letter (letterhead, reference, date) or an e-mail, then signature and disclaimer."""
    head = []
    if letter and auth.letterhead:
        head.append(auth.letterhead)
    if letter or auth.letterhead == "":
        head.append(f"{auth.ref_label} {spec.ref}")
        if day is not None:
            head.append(auth.dated(day))
        head.append(f"Dear {spec.salutation}")
    else:
        head.append(f"Dear {spec.salutation}")
        head.append(f"{auth.ref_label} {spec.ref}")
    sign = f"{auth.closing}\n{OFFICERS[spec.authority]}\n{auth.signature}"
    parts = ["\n".join(head), body.strip(), sign]
    if letter and auth.letterhead.startswith("OFFICIAL"):
        parts.append("OFFICIAL")
    parts.append(auth.disclaimer)
    return "\n".join(parts) + "\n"


OFFICERS = {
    "kestrelford": "Tomasz Whitfield",
    "northmoor": "Gemma Rowntree",
    "glanforth": "Rhian Prydderch",
    "strathallan": "Calum Buchanan",
    "belmore": "Niamh Devlin",
}


def render(spec: Spec) -> str:
    auth = AUTHORITIES[spec.authority]
    out = [spec.title, f"Dear {auth.name},", spec.request.strip(), "Yours faithfully,", spec.requester]
    text = "\n".join(out) + "\n"
    if auth.auto_ack:
        text += auth.auto_ack + "\n"
    if spec.ack:
        body = auth.ack.format(received=long_date(spec.received), ref=spec.ref)
        if auth.ref_label in body:  # the police acknowledgement names the reference itself
            text += f"Dear {spec.salutation}\n{body}\nKind regards\n{auth.team}\n{auth.name}\n{auth.disclaimer}\n"
        else:
            text += _message(auth, spec, None, body)
    if spec.clarification:
        c = spec.clarification
        text += _message(auth, spec, c.asked, c.question, letter=False)
        text += f"Dear {auth.name},\n{c.reply.strip()}\nYours sincerely,\n{spec.requester}\n"
    if spec.delay:
        promised = long_date(spec.promised) if spec.promised else ""
        text += _message(auth, spec, spec.delay.sent, spec.delay.text.format(promised=promised), letter=True)
    links: list[str] = []
    if spec.answered:
        body = spec.answer.strip()
        if spec.clarification:
            body = f"Thank you for your clarification, which we received on {long_date(spec.clarification.received)}.\n{body}"
        body += "\n" + auth.appeal.format(n=len(spec.links) + 1)
        links = [*spec.links, auth.appeal_link]
        text += _message(auth, spec, spec.answered, body, letter=True)
    if links:
        text += "References\nVisible links\n" + "".join(f"{i}. {u}\n" for i, u in enumerate(links, 1))
    if spec.review:
        r = spec.review
        law = (
            "Freedom of Information"
            if (spec.regime or auth.regime) != "eir"
            else "Environmental Information Regulations"
        )
        text += (
            f"Dear {auth.name},\n"
            f"Please pass this on to the person who conducts {law} reviews.\n"
            f"I am writing to request an internal review of {auth.name}'s handling of my FOI request '{spec.title}'.\n"
            f"{r.complaint.strip()}\n"
            "A full history of my FOI request and all correspondence is available on the Internet at this address: "
            f"https://www.whatdotheyknow.com/request/{spec.slug.replace('-', '_')}\n"
            f"Yours faithfully,\n{spec.requester}\n"
        )
        body = (
            f"Internal review of request {spec.ref}\n"
            f"Thank you for your request for an internal review, which we received on {long_date(r.received)}.\n"
            f"{r.text.strip()}"
        )
        text += _message(auth, spec, r.answered, body, letter=True)
    return text + FOOTER


def d(y: int, m: int, day: int) -> dt.date:
    return dt.date(y, m, day)


SPECS: list[Spec] = [
    # ---------------------------------------------------------------- Kestrelford Borough Council (England, FOIA)
    Spec(
        slug="kestrelford-pavement-parking-2022",
        authority="kestrelford",
        title="Pavement parking enforcement 2022",
        requester="Priya Castellano",
        salutation="Ms Castellano",
        request="""
Under the Freedom of Information Act 2000 please provide:
1. The number of penalty charge notices issued for parking on the footway in each month of 2022.
2. The number of those notices that were cancelled on appeal.
3. The streets where the most notices were issued (the top ten).""",
        received=d(2023, 3, 30),
        ref="KBC/FOI/23/0412",
        answered=d(2023, 4, 27),
        answer="""
Freedom of Information Act 2000 - request for information
1. Penalty charge notices for footway parking in 2022: January 141, February 128, March 150, April 133, May 162, June 158, July 171, August 149, September 166, October 180, November 174, December 139 (1,851 in total).
2. 212 of those notices were cancelled on appeal or informal challenge.
3. The ten streets with the most notices are listed in the attached spreadsheet.""",
        outcome="information_provided",
    ),
    Spec(
        slug="kestrelford-street-light-outages",
        authority="kestrelford",
        title="Street light outages and repair times",
        requester="Amelia Brandt",
        salutation="Ms Brandt",
        request="""
Please provide the number of reported street light outages in each month of 2022, and the average time taken to repair them.""",
        received=d(2023, 3, 17),
        ref="KBC/FOI/23/0398",
        clarification=Clarification(
            asked=d(2023, 3, 22),
            question="""
Before we can answer your request, could you please clarify whether you mean only the street lights maintained by the Council, or also those on trunk roads maintained by National Highways?
Under section 1(3) of the Freedom of Information Act 2000 we are not obliged to respond until we receive your clarification.""",
            reply="Thank you. Only the lights that the Council maintains, please.",
            received=d(2023, 4, 3),
        ),
        answered=d(2023, 4, 25),
        answer="""
Freedom of Information Act 2000 - request for information
1,204 street light outages were reported to the Council in 2022; the monthly figures are in the table below.
January 131, February 117, March 96, April 88, May 74, June 61, July 58, August 67, September 90, October 121, November 143, December 158.
The average time from report to repair was 6.2 working days.""",
        outcome="information_provided",
    ),
    Spec(
        slug="kestrelford-temporary-accommodation",
        authority="kestrelford",
        title="Temporary accommodation spend 2022-23",
        requester="Daniel Okafor",
        salutation="Mr Okafor",
        request="""
Please could you tell me:
1. The total amount the Council spent on bed and breakfast and other nightly-paid temporary accommodation in 2022/23.
2. The five providers paid the most, with the amount paid to each.
3. The number of households with children placed in bed and breakfast for more than six weeks.""",
        received=d(2023, 4, 24),
        ref="KBC/FOI/23/0533",
        answered=d(2023, 6, 6),
        answer="""
Freedom of Information Act 2000 - request for information
I am sorry for the delay in replying to your request.
1. The Council spent £2,418,730 on nightly-paid temporary accommodation in 2022/23.
2. The names of the providers are given in the attached table. The amounts paid to individual providers are exempt under section 43(2) (commercial interests): disclosure would prejudice the Council's position in ongoing procurement. Having considered the public interest, we believe it favours maintaining the exemption.
3. Fewer than five households; we have withheld the exact figure under section 40(2) (personal information) because it could identify the families concerned.""",
        outcome="partially_provided",
        exemptions=("s43(2)", "s40(2)"),
    ),
    Spec(
        slug="kestrelford-enforcement-agent-fees",
        authority="kestrelford",
        title="Council tax enforcement agent fees",
        requester="Martin Ellery",
        salutation="Mr Ellery",
        request="""
Please provide the total compliance and enforcement fees charged to council tax debtors by the Council's enforcement agents in the financial year 2022/23, broken down by agent.""",
        received=d(2023, 12, 2),
        ref="KBC/FOI/23/1187",
        answered=d(2024, 1, 4),
        answer="""
Freedom of Information Act 2000 - request for information
The Council does not hold this information. Fees charged under the Taking Control of Goods (Fees) Regulations 2014 are collected by the enforcement agencies themselves and are not reported to the Council. You may wish to ask the agencies directly; their contact details are on our website.""",
        outcome="not_held",
    ),
    Spec(
        slug="kestrelford-agency-planning-staff",
        authority="kestrelford",
        title="Agency staff in the planning department",
        requester="Harriet Lomax",
        salutation="Ms Lomax",
        request="""
Please tell me how many agency staff worked in the Council's planning department on 1 November 2023, and the total spent on planning agency staff in 2022/23.""",
        received=d(2023, 11, 14),
        ref="KBC/FOI/23/1102",
    ),
    Spec(
        slug="kestrelford-fly-tipping-prosecutions",
        authority="kestrelford",
        title="Fly-tipping prosecutions and fixed penalties",
        requester="Owen Pritchard",
        salutation="Mr Pritchard",
        request="""
For every fly-tipping incident recorded by the Council since 1 April 2015, please provide the date, the location, the type of waste, the action taken and, where a fixed penalty notice was issued, the amount and whether it was paid.""",
        received=d(2023, 6, 5),
        ref="KBC/FOI/23/0701",
        answered=d(2023, 6, 19),
        answer="""
Freedom of Information Act 2000 - request for information
We estimate that the cost of complying with your request would exceed the appropriate limit of £450 set by the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004. The records before 2019 are held on paper incident sheets, and locating and extracting the details you ask for would take well over 18 hours. We are therefore refusing your request under section 12(1) of the Act.
If you were to limit your request to incidents since 1 April 2021, which are held on our case management system, we would be able to consider it again.""",
        outcome="refused",
        exemptions=("s12(1)",),
        review=Review(
            complaint="I do not accept the cost estimate: the Council publishes quarterly fly-tipping figures, so the data must already be collated.",
            received=d(2023, 6, 26),
            answered=d(2023, 7, 21),
            text="""
I have now completed the internal review. The published quarterly figures are totals reported to DEFRA and do not contain the incident-level details you asked for. I am satisfied that the estimate was reasonable and that complying with your request would exceed the appropriate limit, so I uphold the decision to refuse it under section 12(1). Our advice to narrow the request to incidents since April 2021 still stands.""",
            outcome="refused",
        ),
    ),
    # ---------------------------------------------------------------- Northmoor Police (England, FOIA)
    Spec(
        slug="northmoor-stop-and-search-night-time",
        authority="northmoor",
        title="Stop and search in the night-time economy",
        requester="Sofia Marchetti",
        salutation="Ms Marchetti",
        request="""
Please provide the number of stop and search encounters carried out in Northmoor city centre between 10pm and 4am in each month of 2022, broken down by the legal power used and the outcome.""",
        received=d(2023, 1, 9),
        ref="FOI-0031-2023",
        answered=d(2023, 2, 3),
        answer="""
Northmoor Police can confirm that it holds information relevant to your request. The figures by month, power and outcome are in the attached spreadsheet.
The names and collar numbers of the officers involved appear in the same records; they have been withheld under section 40(2) of the Act (personal information). The exact street locations of searches have been withheld under section 31(1)(a) (law enforcement), as their disclosure would reveal patrol patterns. Having considered the public interest, we believe it favours maintaining the exemption.""",
        outcome="partially_provided",
        exemptions=("s31(1)(a)", "s40(2)"),
    ),
    Spec(
        slug="northmoor-covert-surveillance",
        authority="northmoor",
        title="Covert surveillance authorisations",
        requester="Thomas Achterberg",
        salutation="Mr Achterberg",
        request="""
Please tell me how many authorisations for directed surveillance and covert human intelligence sources Northmoor Police granted in each year from 2019 to 2022, and whether any of them related to journalists.""",
        received=d(2023, 3, 1),
        ref="FOI-0188-2023",
        delay=Delay(
            sent=d(2023, 3, 29),
            text="""
Some of the information you have asked for may be exempt under sections 23 and 24 of the Act. Both exemptions require us to weigh the public interest, and I am writing to let you know that we need more time to do so. Section 10(3) of the Act allows a public authority a reasonable extension for this purpose. We now aim to respond by {promised}.
I apologise for any inconvenience this may cause.""",
        ),
        promised=d(2023, 4, 27),
        answered=d(2023, 4, 26),
        answer="""
Northmoor Police publishes the number of directed surveillance and CHIS authorisations each year in its annual report, and the figures for 2019 to 2022 are at [1]www.northmoor.police.uk/annual-reports.
Northmoor Police can neither confirm nor deny whether it holds any other information relevant to your request, by virtue of sections 23(5) and 24(2) of the Act. Confirming or denying whether any authorisation related to a journalist would reveal whether particular individuals were of interest to the security bodies. Having considered the public interest, we believe it favours neither confirming nor denying.""",
        outcome="neither_confirm_nor_deny",
        exemptions=("s23(5)", "s24(2)"),
        links=("http://www.northmoor.police.uk/annual-reports",),
    ),
    Spec(
        slug="northmoor-vehicle-collisions",
        authority="northmoor",
        title="Collisions involving police vehicles",
        requester="Imogen Hale",
        salutation="Ms Hale",
        request="""
Please provide the number of road traffic collisions involving Northmoor Police vehicles in 2021 and 2022, how many happened during emergency response driving, and the total paid in compensation claims arising from them.""",
        received=d(2023, 6, 12),
        ref="FOI-0402-2023",
        delay=Delay(
            sent=d(2023, 7, 11),
            text="""
I am sorry that we have not been able to respond to your request within 20 working days. We are still collating figures from our fleet and insurance teams and hope to reply shortly.""",
        ),
        answered=d(2023, 7, 18),
        answer="""
Northmoor Police can confirm that it holds information relevant to your request.
1. Collisions involving police vehicles: 2021: 214; 2022: 236.
2. Of these, 61 (2021) and 74 (2022) occurred during emergency response driving.
3. Compensation paid in respect of these collisions: £388,410 (2021) and £412,955 (2022).""",
        outcome="information_provided",
    ),
    Spec(
        slug="northmoor-firearms-licensing",
        authority="northmoor",
        title="Firearms licence application waiting times",
        requester="Graham Petty",
        salutation="Mr Petty",
        request="""
Please state the average number of days taken to grant a new firearm certificate and a new shotgun certificate in each quarter of 2021 and 2022.""",
        received=d(2022, 10, 3),
        ref="FOI-0655-2022",
        answered=d(2022, 10, 24),
        answer="""
Northmoor Police can confirm that it holds information relevant to your request. The average number of days from receipt of a complete application to grant was:
Firearm certificates: 2021 Q1 98, Q2 104, Q3 117, Q4 121; 2022 Q1 126, Q2 131, Q3 119, Q4 (to date) 112.
Shotgun certificates: 2021 Q1 76, Q2 81, Q3 88, Q4 95; 2022 Q1 101, Q2 99, Q3 93, Q4 (to date) 90.""",
        outcome="information_provided",
    ),
    Spec(
        slug="northmoor-misconduct-dismissals",
        authority="northmoor",
        title="Officers dismissed for gross misconduct in 2022",
        requester="Rebecca Nwosu",
        salutation="Ms Nwosu",
        request="""
Please provide the names, ranks and details of the allegations for each officer dismissed by Northmoor Police for gross misconduct in 2022.""",
        received=d(2023, 2, 16),
        ref="FOI-0122-2023",
        answered=d(2023, 3, 15),
        answer="""
The outcomes of misconduct hearings held in public are published on our website for 28 days after each hearing, as the College of Policing guidance requires. The names of officers and the details of the allegations in cases that were not heard in public are personal data; disclosing them would breach the data protection principles, and the information is therefore exempt under section 40(2) of the Act. We are refusing your request.""",
        outcome="refused",
        exemptions=("s40(2)",),
    ),
    # ---------------------------------------------------------------- Glanforth County Council (Wales, FOIA and EIR)
    Spec(
        slug="glanforth-heol-y-bont-trees",
        authority="glanforth",
        title="Felling of trees on Heol y Bont",
        requester="Gwenllian Morris",
        salutation="Ms Morris",
        regime="eir",
        request="""
Under the Environmental Information Regulations 2004 please provide all reports, surveys and correspondence held by the Council about the decision to fell the lime trees on Heol y Bont, Glanforth, including any tree condition surveys and the ecological assessment.""",
        received=d(2023, 8, 7),
        ref="GCC-EIR-2023-0311",
        delay=Delay(
            sent=d(2023, 9, 1),
            text="""
Your request is being dealt with under the Environmental Information Regulations 2004. Because of the complexity and volume of the information you have asked for, which runs to several hundred documents held by three departments, we are extending the time for our response to 40 working days under regulation 7(1). We will now respond by {promised} at the latest.""",
        ),
        promised=d(2023, 10, 3),
        answered=d(2023, 9, 29),
        answer="""
Environmental Information Regulations 2004 - request GCC-EIR-2023-0311
Please find attached the tree condition surveys from 2019 and 2022, the ecological assessment of May 2023 and the correspondence about the decision to fell the trees.
Some of the correspondence contains the names and contact details of residents who wrote to the Council. This personal data has been redacted under regulation 13 of the EIR.""",
        outcome="partially_provided",
        exemptions=("reg13",),
    ),
    Spec(
        slug="glanforth-welsh-language-complaints",
        authority="glanforth",
        title="Welsh language standards complaints",
        requester="Dafydd Rees",
        salutation="Mr Rees",
        request="""
Please tell me how many complaints the Council received in 2022 about its compliance with the Welsh language standards, and how many were upheld.""",
        received=d(2023, 5, 2),
        ref="GCC-FOI-2023-0188",
        answered=d(2023, 5, 30),
        answer="""
Freedom of Information Act 2000 - request GCC-FOI-2023-0188
In 2022 the Council received 23 complaints about its compliance with the Welsh language standards. 9 were upheld in full and 5 in part.
Our annual Welsh language standards report, which includes these figures, is published at [1]www.glanforth.gov.wales/cymraeg.""",
        outcome="information_provided",
        links=("https://www.glanforth.gov.wales/cymraeg",),
    ),
    Spec(
        slug="glanforth-school-transport-contracts",
        authority="glanforth",
        title="Home to school transport contracts",
        requester="Bethan Howells",
        salutation="Ms Howells",
        request="""
Please provide a list of the Council's current home to school transport contracts, with the operator, the route, the start date and the annual value of each.""",
        received=d(2022, 9, 13),
        ref="GCC-FOI-2022-0477",
        answered=d(2022, 10, 13),
        answer="""
Freedom of Information Act 2000 - request GCC-FOI-2022-0477
Please find attached a list of the 142 current home to school transport contracts with the operator, route and start date of each.
The annual value of each contract is exempt under section 43(2) of the Act (commercial interests): the contracts are being retendered this year and disclosure would prejudice both the Council's and the operators' commercial interests. Having considered the public interest, we believe it favours maintaining the exemption. The total annual value of all contracts is £6.8 million.""",
        outcome="partially_provided",
        exemptions=("s43(2)",),
    ),
    Spec(
        slug="glanforth-empty-homes-grants",
        authority="glanforth",
        title="Empty homes grants paid to landlords",
        requester="Aled Vaughan",
        salutation="Mr Vaughan",
        request="""
Please tell me how many Welsh Government empty homes grants the Council has paid to private landlords since April 2022, and the total value.""",
        received=d(2024, 2, 6),
        ref="GCC-FOI-2024-0061",
        answered=d(2024, 2, 22),
        answer="""
Freedom of Information Act 2000 - request GCC-FOI-2024-0061
The Council does not hold this information. The national empty homes grant scheme is administered for all local authorities by Rhondda Cynon Taf County Borough Council, which holds the records of grants paid.""",
        outcome="not_held",
    ),
    # ---------------------------------------------------------------- Strathallan Council (Scotland, FOISA)
    Spec(
        slug="strathallan-pothole-claims",
        authority="strathallan",
        title="Pothole compensation claims 2022",
        requester="Fiona Kerr",
        salutation="Ms Kerr",
        request="""
Under the Freedom of Information (Scotland) Act 2002 please provide the number of compensation claims made to the Council for vehicle damage caused by potholes in 2022, how many were paid, and the total paid.""",
        received=d(2023, 3, 30),
        ref="FOI-2023-00412",
        answered=d(2023, 5, 2),
        answer="""
Freedom of Information (Scotland) Act 2002 - request FOI-2023-00412
In 2022 the Council received 1,146 claims for vehicle damage attributed to potholes. 203 were paid, at a total cost of £71,512.""",
        outcome="information_provided",
    ),
    Spec(
        slug="strathallan-repairs-backlog",
        authority="strathallan",
        title="Council house repairs backlog",
        requester="Euan Drummond",
        salutation="Mr Drummond",
        request="""
Please provide the number of outstanding repairs to council houses on 1 November 2022, broken down by priority category, and the number of those reported more than six months earlier. Please also provide the addresses of the ten properties with the oldest outstanding repairs.""",
        received=d(2022, 11, 28),
        ref="FOI-2022-01377",
        answered=d(2023, 1, 11),
        answer="""
Freedom of Information (Scotland) Act 2002 - request FOI-2022-01377
I apologise for the time it has taken to reply to your request.
On 1 November 2022 there were 3,914 outstanding repairs: emergency 37, urgent 512, routine 2,841, planned 524. 688 of them had been reported more than six months earlier.
The addresses of individual properties are exempt under section 38(1)(b) of FOISA (personal information), as they would identify the tenants concerned.""",
        outcome="partially_provided",
        exemptions=("s38(1)(b)",),
    ),
    Spec(
        slug="strathallan-councillors-expenses",
        authority="strathallan",
        title="Councillors' expenses 2022-23",
        requester="Morag Sinclair",
        salutation="Ms Sinclair",
        request="""
Please provide the travel and subsistence expenses claimed by each councillor in 2022/23.""",
        received=d(2024, 1, 9),
        ref="FOI-2024-00027",
        ack=False,
        answered=d(2024, 1, 30),
        answer="""
Freedom of Information (Scotland) Act 2002 - request FOI-2024-00027
Thank you for your request, which we received on 9 January 2024.
The expenses claimed by each councillor in 2022/23 are listed in the attached table, with the totals for travel, subsistence and accommodation.""",
        outcome="unknown",  # the answer is an attachment: foithread cannot see what it says
    ),
    Spec(
        slug="strathallan-roads-maintenance-contract",
        authority="strathallan",
        title="Roads maintenance framework contract",
        requester="Alasdair Grant",
        salutation="Mr Grant",
        request="""
Please provide a copy of the Council's current roads maintenance framework contract, including the schedule of rates.""",
        received=d(2023, 8, 7),
        ref="FOI-2023-00988",
        answered=d(2023, 9, 4),
        answer="""
Freedom of Information (Scotland) Act 2002 - request FOI-2023-00988
The framework contract is being retendered and the schedule of rates would reveal the prices the Council is prepared to pay. We consider this information exempt under section 33(1)(b) of FOISA (commercial interests), and that the public interest in maintaining the exemption outweighs the public interest in disclosure. We are therefore refusing your request.""",
        outcome="refused",
        exemptions=("s33(1)(b)",),
        review=Review(
            complaint="The contract has been running since 2019 and rates for previous frameworks have been published by other councils.",
            received=d(2023, 9, 11),
            answered=d(2023, 10, 5),
            text="""
We have now completed the internal review, and the review panel has considered your request afresh. The terms and conditions of the framework are not commercially sensitive and a copy is attached. The schedule of rates remains exempt under section 33(1)(b) of FOISA until the retendering is complete, and the panel agrees that the public interest favours maintaining the exemption. The original decision is therefore partially upheld.""",
            outcome="partially_provided",
        ),
    ),
    Spec(
        slug="strathallan-library-closures",
        authority="strathallan",
        title="Library closures consultation responses",
        requester="Ishbel Macrae",
        salutation="Ms Macrae",
        request="""
Please provide the analysis of responses to the Council's 2023 consultation on the future of branch libraries, and any report to councillors summarising them.""",
        received=d(2023, 11, 20),
        ref="FOI-2023-01421",
    ),
    # ---------------------------------------------------------------- Belmore Health and Social Care Trust (Northern Ireland, FOIA)
    Spec(
        slug="belmore-emergency-department-waits",
        authority="belmore",
        title="Emergency department waiting times",
        requester="Ciaran McAleese",
        salutation="Mr McAleese",
        request="""
Please provide, for each emergency department run by the Trust, the number of patients who waited more than 12 hours from arrival to admission or discharge in each month of 2022.""",
        received=d(2023, 3, 6),
        ref="FOI/23/0219",
        answered=d(2023, 4, 4),
        answer="""
Freedom of Information Act 2000 - request FOI/23/0219
The figures you asked for are set out in the attached table, by department and month. In total 18,240 patients waited more than 12 hours at Belmore Area Hospital and 6,115 at Lisnagarvey Hospital in 2022.""",
        outcome="information_provided",
    ),
    Spec(
        slug="belmore-agency-nursing-spend",
        authority="belmore",
        title="Agency nursing spend 2022-23",
        requester="Aoife Gallagher",
        salutation="Ms Gallagher",
        request="""
Please provide the Trust's total spend on agency nurses in 2022/23, the number of shifts filled by agency nurses, and the highest hourly rate paid to each agency.""",
        received=d(2023, 6, 26),
        ref="FOI/23/0611",
        answered=d(2023, 7, 26),
        answer="""
Freedom of Information Act 2000 - request FOI/23/0611
The Trust spent £23.4 million on agency nursing in 2022/23, covering 96,870 shifts.
The hourly rates agreed with individual agencies are exempt under section 43(2) of the Act (commercial interests), because they are negotiated separately with each agency and disclosure would weaken the Trust's position in future negotiations. Having considered the public interest, we believe it favours maintaining the exemption.""",
        outcome="partially_provided",
        exemptions=("s43(2)",),
    ),
    Spec(
        slug="belmore-car-parking-income",
        authority="belmore",
        title="Hospital car parking income",
        requester="Declan Quinn",
        salutation="Mr Quinn",
        request="""
Please provide the income the Trust received from car parking charges at each of its hospital sites in 2021/22 and 2022/23.""",
        received=d(2023, 9, 4),
        ref="FOI/23/0790",
        answered=d(2023, 9, 21),
        answer="""
Freedom of Information Act 2000 - request FOI/23/0790
The Trust does not charge patients or visitors for car parking. Income from staff parking permits was £412,600 in 2021/22 and £431,050 in 2022/23; the figures by site are in the attached table.""",
        outcome="information_provided",
    ),
    Spec(
        slug="belmore-serious-adverse-incidents",
        authority="belmore",
        title="Serious adverse incident reviews",
        requester="Orla Brennan",
        salutation="Ms Brennan",
        request="""
Please provide the number of serious adverse incidents reported by the Trust in 2022 that involved the death of a patient, and copies of the completed review reports.""",
        received=d(2023, 11, 13),
        ref="FOI/23/0955",
        answered=d(2023, 12, 12),
        answer="""
Freedom of Information Act 2000 - request FOI/23/0955
The Trust reported 31 serious adverse incidents involving the death of a patient in 2022.
The review reports contain detailed information about the care of individual patients. They are exempt under section 41 of the Act (information provided in confidence) and under section 40(2) (personal information) as they relate to identifiable staff. We have provided the learning summaries published for each review.""",
        outcome="partially_provided",
        exemptions=("s41", "s40(2)"),
    ),
]


def manifest() -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for s in SPECS:
        out[f"{s.slug}.txt"] = {
            "authority": AUTHORITIES[s.authority].name,
            "nation": AUTHORITIES[s.authority].nation,
            "regime": s.regime or AUTHORITIES[s.authority].regime,
            "kinds": s.expected_kinds(),
            "received_on": s.received.isoformat(),
            "clarified_on": s.clarification.received.isoformat() if s.clarification else None,
            "delay_sent_on": s.delay.sent.isoformat() if s.delay else None,
            "responded_on": s.answered.isoformat() if s.answered else None,
            "outcome": s.outcome,
            "exemptions": sorted(s.exemptions),
            "review_received_on": s.review.received.isoformat() if s.review else None,
            "review_answered_on": s.review.answered.isoformat() if s.review else None,
            "review_outcome": s.review.outcome if s.review else None,
        }
    return out


def write() -> None:
    ARCHIVE.mkdir(parents=True, exist_ok=True)
    for old in ARCHIVE.glob("*.txt"):
        old.unlink()
    for s in SPECS:
        (ARCHIVE / f"{s.slug}.txt").write_text(render(s), encoding="utf-8", newline="\n")
    (ARCHIVE / "manifest.json").write_text(json.dumps(manifest(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(SPECS)} threads to {ARCHIVE}")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def check() -> int:
    """Parse every thread and report where foithread disagrees with the manifest."""
    import foithread
    from foithread.deadlines import deadline, review_deadline

    problems = 0
    for name, want in json.loads((ARCHIVE / "manifest.json").read_text(encoding="utf-8")).items():
        thread = foithread.parse(ARCHIVE / name)
        kinds = [m.kind for m in thread.messages]
        got = {
            "authority": thread.authority,
            "regime": thread.regime,
            "kinds": kinds,
            "responded_on": next((m.sent_on for m in thread.messages if m.kind == "response"), None),
            "outcome": next((m.outcome for m in thread.messages if m.kind == "response"), None),
            "exemptions": sorted({e for m in thread.messages if m.kind == "response" for e in m.exemptions}),
            "review_outcome": next((m.outcome for m in thread.messages if m.kind == "internal_review_response"), None),
        }
        due, review = deadline(thread), review_deadline(thread)
        got["received_on"] = _iso(due.received_on if due else None)
        got["clarified_on"] = _iso(due.clock_started_on if due and "clarification_request" in kinds else None)
        got["delay_sent_on"] = next((m.sent_on for m in thread.messages if m.kind == "delay_notice"), None)
        got["review_received_on"] = _iso(review.received_on if review else None)
        got["review_answered_on"] = _iso(review.responded_on if review else None)
        bad = {k: (want[k], v) for k, v in got.items() if want[k] != v}
        if bad:
            problems += 1
            print(f"{name}: " + "; ".join(f"{k}: expected {w!r}, got {g!r}" for k, (w, g) in bad.items()))
    print(f"{len(SPECS)} threads checked, {problems} with differences")
    return 1 if problems else 0


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        sys.exit(check())
    write()
