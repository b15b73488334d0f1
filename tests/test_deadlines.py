"""Statutory deadlines (foithread.deadlines): worked examples counted by hand on a calendar.

Conventions used in every comment below: the day of receipt is never counted; "day 1" is the
first working day after it; FOIA and the EIR skip a bank holiday in ANY part of the UK (England
and Wales, Scotland, Northern Ireland), FOISA and the EISRs skip Scottish bank holidays only.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from wdtk_text import FOOTER, ICO, SIC

import foithread
from foithread.deadlines import (
    Deadline,
    add_working_days,
    calendar_name,
    deadline,
    is_working_day,
    review_deadline,
    working_days_between,
)

D = dt.date


# ----------------------------------------------------------------------------------------------
# The calendars


def test_easter_2023_england_counts_good_friday_easter_monday_and_early_may():
    # FOIA, received Thu 30 Mar 2023. Day 1 Fri 31 Mar; Mon 3-Thu 6 Apr = 2-5; Good Friday 7 Apr
    # and Easter Monday 10 Apr skipped; 11-14 Apr = 6-9; 17-21 = 10-14; 24-28 = 15-19; Mon 1 May
    # (early May bank holiday) skipped; Tue 2 May = day 20.
    assert add_working_days(D(2023, 3, 30), 20, "foi") == D(2023, 5, 2)
    assert not is_working_day(D(2023, 4, 7), "foi") and not is_working_day(D(2023, 4, 10), "foi")


def test_easter_monday_is_a_working_day_under_foisa():
    # The same receipt under FOISA: Easter Monday is not a bank holiday in Scotland. Day 1 Fri 31 Mar;
    # 3-6 Apr = 2-5; Good Friday skipped; Mon 10-Fri 14 Apr = 6-10; 17-21 = 11-15; 24-28 = 16-20:
    # due Fri 28 Apr, two working days earlier than under FOIA (Easter Monday and 1 May).
    assert is_working_day(D(2023, 4, 10), "foisa")
    assert not is_working_day(D(2023, 4, 7), "foisa")  # Good Friday is a Scottish bank holiday
    assert add_working_days(D(2023, 3, 30), 20, "foisa") == D(2023, 4, 28)
    assert add_working_days(D(2023, 3, 30), 20, "eisr") == D(2023, 4, 28)


def test_coronation_2023_is_a_holiday_everywhere():
    # Received Thu 20 Apr 2023: day 1 Fri 21 Apr; 24-28 Apr = 2-6; 1 May skipped; 2-5 May = 7-10;
    # Mon 8 May (coronation of Charles III, a one-off UK-wide bank holiday) skipped; 9-12 May =
    # 11-14; 15-19 = 15-19; Mon 22 May = 20. Scotland had the same holidays in this window.
    for regime in ("foi", "eir", "foisa", "eisr"):
        assert not is_working_day(D(2023, 5, 8), regime)
        assert add_working_days(D(2023, 4, 20), 20, regime) == D(2023, 5, 22)


def test_platinum_jubilee_2022_moved_spring_holiday():
    # Received Wed 25 May 2022: day 1 Thu 26 May; 26-27 = 1-2; 30 May-1 Jun = 3-5; Thu 2 Jun (spring
    # bank holiday, moved) and Fri 3 Jun (Platinum Jubilee) skipped; 6-10 Jun = 6-10; 13-17 = 11-15;
    # 20-24 = 16-20: due Fri 24 Jun 2022. Note Mon 30 May 2022 was NOT a holiday that year.
    assert is_working_day(D(2022, 5, 30), "foi")
    assert add_working_days(D(2022, 5, 25), 20, "foi") == D(2022, 6, 24)


def test_queens_funeral_19_september_2022():
    # Received Tue 13 Sep 2022: day 1 Wed 14 Sep; 14-16 = 1-3; Mon 19 Sep (state funeral) skipped;
    # 20-23 = 4-7; 26-30 = 8-12; 3-7 Oct = 13-17; 10-12 Oct = 18-20: due Wed 12 Oct 2022.
    assert add_working_days(D(2022, 9, 13), 20, "foi") == D(2022, 10, 12)
    assert add_working_days(D(2022, 9, 13), 20, "foisa") == D(2022, 10, 12)


def test_st_patricks_day_counts_for_foia_in_england_but_not_foisa():
    # FOIA request to an English council, received Wed 1 Mar 2023: day 1 Thu 2 Mar; 2-3 = 1-2;
    # 6-10 = 3-7; 13-16 = 8-11; Fri 17 Mar (St Patrick's Day, Northern Ireland) skipped under FOIA
    # s10(6) "in any part of the United Kingdom"; 20-24 = 12-16; 27-30 = 17-20: due Thu 30 Mar.
    # Under FOISA 17 Mar is a working day, so day 20 is Wed 29 Mar.
    assert add_working_days(D(2023, 3, 1), 20, "foi") == D(2023, 3, 30)
    assert add_working_days(D(2023, 3, 1), 20, "foisa") == D(2023, 3, 29)


def test_battle_of_the_boyne_counts_for_foia_in_england():
    # Received Mon 26 Jun 2023: day 1 Tue 27 Jun; 27-30 Jun = 1-4; 3-7 Jul = 5-9; 10-11 Jul = 10-11;
    # Wed 12 Jul (Battle of the Boyne, Northern Ireland) skipped; 13-14 = 12-13; 17-21 = 14-18;
    # 24-25 = 19-20: due Tue 25 Jul. FOISA counts 12 Jul: due Mon 24 Jul.
    assert not is_working_day(D(2023, 7, 12), "foi")
    assert add_working_days(D(2023, 6, 26), 20, "foi") == D(2023, 7, 25)
    assert add_working_days(D(2023, 6, 26), 20, "foisa") == D(2023, 7, 24)


def test_christmas_2022_and_scottish_2_january_count_for_foia():
    # Received Fri 16 Dec 2022: day 1 Mon 19 Dec; 19-23 Dec = 1-5; Mon 26 Dec (Boxing Day) and Tue
    # 27 Dec (Christmas Day substitute, 25th being a Sunday) skipped; 28-30 Dec = 6-8; Mon 2 Jan 2023
    # (New Year substitute) and Tue 3 Jan (Scotland's 2 January substitute) skipped even under FOIA;
    # 4-6 Jan = 9-11; 9-13 = 12-16; 16-19 = 17-20: due Thu 19 Jan 2023 (an England-only calendar
    # would say Wed 18 Jan). Scotland has the same holidays here, so FOISA agrees.
    assert not is_working_day(D(2023, 1, 3), "foi")
    assert add_working_days(D(2022, 12, 16), 20, "foi") == D(2023, 1, 19)
    assert add_working_days(D(2022, 12, 16), 20, "foisa") == D(2023, 1, 19)


def test_weekend_receipt_before_christmas_2023():
    # Received Sat 2 Dec 2023 (a non-working day: it is still the date of receipt, and day 1 is the
    # next working day, Mon 4 Dec). 4-8 Dec = 1-5; 11-15 = 6-10; 18-22 = 11-15; 25-26 Dec skipped;
    # 27-29 Dec = 16-18; Mon 1 Jan 2024 and Tue 2 Jan (Scotland) skipped; Wed 3 Jan = 19; Thu 4 Jan = 20.
    assert add_working_days(D(2023, 12, 2), 20, "foi") == D(2024, 1, 4)
    # Saturday and Sunday receipt give the same day 1 as each other
    assert add_working_days(D(2023, 12, 3), 20, "foi") == D(2024, 1, 4)


def test_saturday_receipt_is_one_day_ahead_of_monday_receipt():
    # Sat 4 Mar 2023: day 1 Mon 6 Mar; 6-10 = 1-5; 13-16 = 6-9; 17 Mar skipped; 20-24 = 10-14;
    # 27-31 = 15-19; Mon 3 Apr = 20. Received Mon 6 Mar instead: day 1 is Tue 7 Mar, due Tue 4 Apr.
    assert add_working_days(D(2023, 3, 4), 20, "foi") == D(2023, 4, 3)
    assert add_working_days(D(2023, 3, 6), 20, "foi") == D(2023, 4, 4)


def test_st_andrews_day_counts_for_foia():
    # Received Wed 15 Nov 2023: day 1 Thu 16 Nov; 16-17 = 1-2; 20-24 = 3-7; 27-29 = 8-10; Thu 30 Nov
    # (St Andrew's Day, Scotland) skipped under FOIA too; Fri 1 Dec = 11; 4-8 = 12-16; 11-14 = 17-20:
    # due Thu 14 Dec 2023 (an England-only count would say Wed 13 Dec).
    assert not is_working_day(D(2023, 11, 30), "foi")
    assert add_working_days(D(2023, 11, 15), 20, "foi") == D(2023, 12, 14)
    assert add_working_days(D(2023, 11, 15), 20, "foisa") == D(2023, 12, 14)


def test_receipt_on_scottish_summer_holiday():
    # Mon 7 Aug 2023 is Scotland's summer bank holiday; Mon 28 Aug is the English late summer one.
    # FOISA: day 1 Tue 8 Aug; 8-11 = 1-4; 14-18 = 5-9; 21-25 = 10-14; 28 Aug counts (not Scottish);
    # 28 Aug-1 Sep = 15-19; Mon 4 Sep = 20. FOIA skips 28 Aug, so day 20 is Tue 5 Sep.
    assert not is_working_day(D(2023, 8, 7), "foisa") and not is_working_day(D(2023, 8, 7), "foi")
    assert is_working_day(D(2023, 8, 28), "foisa") and not is_working_day(D(2023, 8, 28), "foi")
    assert add_working_days(D(2023, 8, 7), 20, "foisa") == D(2023, 9, 4)
    assert add_working_days(D(2023, 8, 7), 20, "foi") == D(2023, 9, 5)


def test_working_days_between_and_edge_cases():
    # Thu 30 Mar -> Thu 27 Apr 2023 (FOIA): 31 Mar, 3-6 Apr, 11-14, 17-21, 24-27 = 1+4+4+5+4 = 18
    assert working_days_between(D(2023, 3, 30), D(2023, 4, 27), "foi") == 18
    assert working_days_between(D(2023, 4, 27), D(2023, 3, 30), "foi") == -18
    assert working_days_between(D(2023, 4, 7), D(2023, 4, 10), "foi") == 0  # Good Friday to Easter Monday
    assert working_days_between(D(2023, 4, 7), D(2023, 4, 10), "foisa") == 1
    assert add_working_days(D(2023, 4, 8), 0, "foi") == D(2023, 4, 8)
    with pytest.raises(ValueError):
        add_working_days(D(2023, 4, 8), -1)
    assert calendar_name(None) == calendar_name("foi") == "UK (FOIA s10(6))"
    assert calendar_name("foisa") == "Scotland (FOISA s73)"
    # the regime decides the calendar; the round trip holds on every day of a year with many holidays
    for regime in ("foi", "foisa"):
        day = D(2022, 1, 1)
        while day.year == 2022:
            if is_working_day(day, regime):
                n = working_days_between(D(2021, 12, 31), day, regime)
                assert add_working_days(D(2021, 12, 31), n, regime) == day
            day += dt.timedelta(days=1)


def test_uk_calendar_is_the_union_of_the_four_nations():
    # 2023: England and Wales 8 weekday bank holidays + coronation; Scotland adds 2 Jan (observed 3 Jan),
    # summer 7 Aug, St Andrew's 30 Nov; Northern Ireland adds 17 Mar and 12 Jul. FOIA weekdays lost:
    # 2 Jan, 3 Jan, 17 Mar, 7 Apr, 10 Apr, 1 May, 8 May, 29 May, 12 Jul, 7 Aug, 28 Aug, 30 Nov, 25 Dec, 26 Dec.
    lost = [D(2023, 1, 1) + dt.timedelta(days=k) for k in range(365)]
    foia = [day for day in lost if day.weekday() < 5 and not is_working_day(day, "foi")]
    assert [f"{d:%m-%d}" for d in foia] == [
        "01-02",
        "01-03",
        "03-17",
        "04-07",
        "04-10",
        "05-01",
        "05-08",
        "05-29",
        "07-12",
        "08-07",
        "08-28",
        "11-30",
        "12-25",
        "12-26",
    ]
    foisa = [day for day in lost if day.weekday() < 5 and not is_working_day(day, "foisa")]
    assert [f"{d:%m-%d}" for d in foisa] == [
        "01-02",
        "01-03",
        "04-07",
        "05-01",
        "05-08",
        "05-29",
        "08-07",
        "11-30",
        "12-25",
        "12-26",
    ]


# ----------------------------------------------------------------------------------------------
# End to end: thread texts -> parse -> deadline


def _request(authority: str, title: str, body: str, name: str) -> str:
    return f"{title}\nDear {authority},\n{body}\nYours faithfully,\n{name}\n"


def _kinds(thread: foithread.Thread) -> list[str]:
    return [m.kind for m in thread.messages]


EASTER = (
    _request(
        "Kestrelford Borough Council",
        "Pavement parking enforcement 2022",
        "Under the Freedom of Information Act 2000 please provide the number of penalty charge notices issued for "
        "parking on the footway in each month of 2022.",
        "Priya Castellano",
    )
    + "Dear Ms Castellano\nOur ref: KBC/FOI/23/0412\n"
    "Thank you for your request for information, which we received on 30 March 2023. We will respond within 20 "
    "working days.\nKind regards\nInformation Governance Team\nKestrelford Borough Council\n"
    "OFFICIAL\nInformation Governance Team\nKestrelford Borough Council\nCivic Centre, Albion Street\nKestrelford\n"
    "KF1 2AB\nOur ref: KBC/FOI/23/0412\n27/04/2023\nDear Ms Castellano\n"
    "Penalty charge notices for footway parking in 2022: January 141, February 128, March 150, April 133, May 162, "
    "June 158, July 171, August 149, September 166, October 180, November 174, December 139.\n"
    + ICO
    + "Yours sincerely\nTomasz Whitfield\nInformation Governance Officer\n"
    + FOOTER
)


def test_end_to_end_easter_on_time():
    thread = foithread.parse(EASTER)
    assert _kinds(thread) == ["request", "acknowledgement", "response"]
    assert [m.sent_on for m in thread.messages] == [None, None, "2023-04-27"]
    due = foithread.deadline(thread)  # exported at the top level
    assert isinstance(due, Deadline)
    # receipt 30 Mar 2023 (read from "which we received on 30 March 2023"): due 2 May (see the Easter
    # example above); answered Thu 27 Apr = 18 working days.
    assert (due.regime, due.received_on, due.clock_started_on) == ("foi", D(2023, 3, 30), D(2023, 3, 30))
    assert (due.due_on, due.extended_due_on, due.responded_on) == (D(2023, 5, 2), None, D(2023, 4, 27))
    assert (due.working_days_taken, due.late, due.days_late, due.within_limit) == (18, False, 0, True)
    assert "date of receipt read from the authority's messages" in due.notes
    data = due.to_dict()
    assert data["due_on"] == "2023-05-02" and data["received_on"] == "2023-03-30" and isinstance(data["notes"], list)
    assert data["calendar"] == "UK (FOIA s10(6))"


def test_same_text_under_foisa_is_late():
    # A Scottish council answering the Easter request above on Tue 2 May 2023: under FOISA day 20 is
    # Fri 28 Apr; Mon 1 May is a Scottish holiday, so Tue 2 May is 1 working day late. Under FOIA
    # (Easter Monday and 1 May skipped) the same dates are on time.
    text = (
        _request(
            "Strathallan Council",
            "Pothole compensation claims 2022",
            "Under the Freedom of Information (Scotland) Act 2002 please provide the number of compensation claims "
            "for vehicle damage caused by potholes in 2022.",
            "Fiona Kerr",
        )
        + "Our ref: FOI-2023-00412\nDear Ms Kerr\nThank you for your request, which was received on 30 March 2023. "
        "We are dealing with it under the Freedom of Information (Scotland) Act 2002.\nYours sincerely\n"
        "Calum Buchanan\nInformation Management Team\n"
        "Our ref: FOI-2023-00412\nDate: 2 May 2023\nDear Ms Kerr\nIn 2022 the Council received 1,146 claims for "
        "vehicle damage attributed to potholes. 203 were paid, at a total cost of £71,512.\n"
        + SIC
        + "Yours sincerely\nCalum Buchanan\nInformation Management Team\n"
        + FOOTER
    )
    thread = foithread.parse(text)
    assert thread.regime == "foisa"
    assert _kinds(thread) == ["request", "acknowledgement", "response"]
    assert thread.messages[2].sent_on == "2023-05-02"
    due = deadline(thread)
    assert due is not None
    assert due.calendar == "Scotland (FOISA s73)"
    assert (due.due_on, due.late, due.days_late, due.working_days_taken) == (D(2023, 4, 28), True, 1, 21)
    as_foia = deadline(attrs.evolve(thread, regime="foi"))
    assert as_foia is not None
    assert (as_foia.due_on, as_foia.late, as_foia.working_days_taken) == (D(2023, 5, 2), False, 20)


CLARIFICATION = (
    _request(
        "Kestrelford Borough Council",
        "Street light outages and repair times",
        "Please provide the number of reported street light outages in each month of 2022, and the average time "
        "taken to repair them.",
        "Amelia Brandt",
    )
    + "Dear Ms Brandt\nOur ref: KBC/FOI/23/0398\nThank you for your request for information, which we received on "
    "17 March 2023. We will respond within 20 working days.\nKind regards\nInformation Governance Team\n"
    "Dear Ms Brandt\nOur ref: KBC/FOI/23/0398\nBefore we can answer, could you please clarify whether you mean only the "
    "street lights maintained by the Council, or also those on trunk roads?\nUnder section 1(3) of the Freedom of "
    "Information Act 2000 we are not obliged to respond until we receive your clarification.\nKind regards\n"
    "Information Governance Team\n"
    "Dear Kestrelford Borough Council,\nOnly the lights that the Council maintains, please.\nYours sincerely,\n"
    "Amelia Brandt\n"
    "OFFICIAL\nInformation Governance Team\nKestrelford Borough Council\nOur ref: KBC/FOI/23/0398\n25/04/2023\n"
    "Dear Ms Brandt\nThank you for your clarification, which we received on 3 April 2023.\n1,204 street light "
    "outages were reported in 2022. The average time from report to repair was 6.2 working days.\n"
    + ICO
    + "Yours sincerely\nTomasz Whitfield\n"
    + FOOTER
)


def test_clarification_restarts_the_clock():
    thread = foithread.parse(CLARIFICATION)
    assert _kinds(thread) == ["request", "acknowledgement", "clarification_request", "follow_up", "response"]
    due = deadline(thread)
    assert due is not None
    # FOIA s1(3)/s10(6)(b): the 20 working days run afresh from receipt of the clarification,
    # Mon 3 Apr 2023: day 1 Tue 4 Apr; 4-6 = 1-3; 7 and 10 Apr skipped; 11-14 = 4-7; 17-21 = 8-12;
    # 24-28 = 13-17; 1 May skipped; 2-4 May = 18-20: due Thu 4 May. Answered 25 Apr: on time, although
    # 25 working days after the original receipt (17 Mar -> 25 Apr, with 7 and 10 Apr skipped).
    assert (due.received_on, due.clock_started_on, due.due_on) == (D(2023, 3, 17), D(2023, 4, 3), D(2023, 5, 4))
    assert (due.responded_on, due.working_days_taken, due.late) == (D(2023, 4, 25), 25, False)
    assert any("afresh" in n for n in due.notes)


def test_clarification_without_a_reply_stops_the_clock():
    cut = CLARIFICATION.index("Dear Kestrelford Borough Council,\nOnly")
    thread = foithread.parse(CLARIFICATION[:cut] + FOOTER)
    assert _kinds(thread) == ["request", "acknowledgement", "clarification_request"]
    due = deadline(thread, today="2024-01-01")
    assert due is not None
    assert (due.received_on, due.clock_started_on, due.due_on, due.late) == (D(2023, 3, 17), None, None, None)


def _police(delay_date: str, delay_body: str, answer_date: str) -> str:
    return (
        _request(
            "Northmoor Police",
            "Covert surveillance authorisations",
            "Please tell me how many authorisations for directed surveillance Northmoor Police granted in each year "
            "from 2019 to 2022.",
            "Thomas Achterberg",
        )
        + "Dear Mr Achterberg\nFreedom of Information Request Reference No: FOI-0188-2023\nI write in connection "
        "with your request for information received by Northmoor Police on 1 March 2023. Your request will be "
        "considered in accordance with the Freedom of Information Act 2000.\nKind regards\nFreedom of Information Unit\n"
        f"OFFICIAL\nFreedom of Information Unit\nNorthmoor Police\nPO Box 77\nNorthmoor\nNM1 4PQ\nDate: {delay_date}\n"
        f"Dear Mr Achterberg\n{delay_body}\nYours sincerely\nGemma Rowntree\nFreedom of Information Unit\n"
        f"OFFICIAL\nFreedom of Information Unit\nNorthmoor Police\nPO Box 77\nNorthmoor\nNM1 4PQ\nDate: {answer_date}\n"
        "Dear Mr Achterberg\nNorthmoor Police granted 41 directed surveillance authorisations in 2019, 37 in 2020, "
        "29 in 2021 and 33 in 2022.\n" + ICO + "Yours sincerely\nGemma Rowntree\n" + FOOTER
    )


PUBLIC_INTEREST = (
    "Some of the information may be exempt under section 31 of the Act, which requires us to weigh the public "
    "interest. We need more time to do so: section 10(3) of the Act allows a reasonable extension for this "
    "purpose. We now aim to respond by 27 April 2023."
)


def test_public_interest_extension_s10_3():
    thread = foithread.parse(_police("29 March 2023", PUBLIC_INTEREST, "26 April 2023"))
    assert _kinds(thread) == ["request", "acknowledgement", "delay_notice", "response"]
    assert [m.sent_on for m in thread.messages[2:]] == ["2023-03-29", "2023-04-26"]
    due = deadline(thread)
    assert due is not None
    # Received Wed 1 Mar 2023: day 20 Thu 30 Mar (17 Mar skipped, see above). The notice of Wed 29 Mar
    # is in time. ICO: at most 20 more working days, so day 40: Fri 31 Mar = 21; 3-6 Apr = 22-25;
    # 11-14 = 26-29; 17-21 = 30-34; 24-28 = 35-39; 1 May skipped; Tue 2 May = 40.
    assert (due.due_on, due.extension, due.extended_due_on) == (D(2023, 3, 30), "s10(3)", D(2023, 5, 2))
    assert due.final_due_on == D(2023, 5, 2)
    # answered Wed 26 Apr: not late, but not within the 20 working days either
    assert (due.late, due.days_late, due.within_limit) == (False, 0, False)
    assert "the authority said it would answer by 2023-04-27" in due.notes


def test_extension_notified_after_day_20_does_not_count():
    # the same notice sent on Fri 31 Mar, day 21: the s17 notice was already late, so no extension
    thread = foithread.parse(_police("31 March 2023", PUBLIC_INTEREST, "26 April 2023"))
    assert _kinds(thread) == ["request", "acknowledgement", "delay_notice", "response"]
    due = deadline(thread)
    assert due is not None
    assert (due.extension, due.extended_due_on, due.late) == (None, None, True)
    # late by 30 Mar -> 26 Apr: 31 Mar, 3-6 Apr, 11-14, 17-21, 24-26 = 1+4+4+5+3 = 17 working days
    assert due.days_late == 17
    assert any("does not apply" in n for n in due.notes)


def test_apology_without_a_statutory_basis_moves_nothing():
    apology = (
        "I am sorry that we have not been able to respond to your request within 20 working days. We are still "
        "gathering the information and hope to reply shortly."
    )
    thread = foithread.parse(_police("30 March 2023", apology, "6 April 2023"))
    assert _kinds(thread) == ["request", "acknowledgement", "delay_notice", "response"]
    due = deadline(thread)
    assert due is not None
    # due Thu 30 Mar; answered Thu 6 Apr: 31 Mar, 3, 4, 5, 6 Apr = 5 working days late
    assert (due.extension, due.due_on, due.late, due.days_late) == (None, D(2023, 3, 30), True, 5)
    assert any("no extension the FOIA allows" in n for n in due.notes)


def test_eir_regulation_7_extension():
    text = (
        _request(
            "Glanforth County Council",
            "Felling of trees on Heol y Bont",
            "Under the Environmental Information Regulations 2004 please provide all tree condition surveys held "
            "about the lime trees on Heol y Bont.",
            "Gwenllian Morris",
        )
        + "Ein cyf / Our ref: GCC-EIR-2023-0311\nDear Ms Morris\nThank you for your request, which we received on "
        "7 August 2023.\nYn gywir / Yours sincerely\nRhian Prydderch\nFreedom of Information Officer\n"
        "Ein cyf / Our ref: GCC-EIR-2023-0311\n1 September 2023\nDear Ms Morris\nBecause of the complexity and "
        "volume of the information you have asked for, we are extending the time for our response to 40 working "
        "days under regulation 7(1) of the Environmental Information Regulations. We will now respond by 3 October "
        "2023 at the latest.\nYn gywir / Yours sincerely\nRhian Prydderch\nFreedom of Information Officer\n"
        "Ein cyf / Our ref: GCC-EIR-2023-0311\n4 October 2023\nDear Ms Morris\nPlease find attached the tree "
        "condition surveys from 2019 and 2022. The names of residents have been redacted under regulation 13 of "
        "the EIR.\n" + ICO + "Yn gywir / Yours sincerely\nRhian Prydderch\n" + FOOTER
    )
    thread = foithread.parse(text)
    assert thread.regime == "eir"
    assert _kinds(thread) == ["request", "acknowledgement", "delay_notice", "response"]
    due = deadline(thread)
    assert due is not None
    # Received Mon 7 Aug 2023 (UK-wide calendar): day 20 Tue 5 Sep (28 Aug skipped, see the Scottish
    # summer holiday example); reg 7(1) day 40: 6-8 Sep = 21-23; 11-15 = 24-28; 18-22 = 29-33;
    # 25-29 = 34-38; Mon 2 Oct = 39; Tue 3 Oct = 40. Answered Wed 4 Oct: 1 working day late.
    assert (due.due_on, due.extension, due.extended_due_on) == (D(2023, 9, 5), "reg7", D(2023, 10, 3))
    assert (due.responded_on, due.late, due.days_late) == (D(2023, 10, 4), True, 1)


def test_pending_thread_is_late_only_against_an_explicit_today():
    cut = EASTER.index("OFFICIAL\n")
    thread = foithread.parse(EASTER[:cut] + FOOTER)
    assert _kinds(thread) == ["request", "acknowledgement"]
    assert deadline(thread).late is None  # type: ignore[union-attr]
    waiting = deadline(thread, today=D(2023, 5, 2))  # the due date itself: not late yet
    assert waiting is not None and (waiting.late, waiting.days_late) == (False, 0)
    overdue = deadline(thread, today="2023-05-05")  # Wed 3, Thu 4, Fri 5 May: 3 working days late
    assert overdue is not None and (overdue.late, overdue.days_late, overdue.responded_on) == (True, 3, None)


def test_internal_review_deadline_foisa_s21():
    text = (
        _request(
            "Strathallan Council",
            "Roads maintenance framework contract",
            "Please provide a copy of the Council's roads maintenance framework contract.",
            "Alasdair Grant",
        )
        + "Our ref: FOI-2023-00988\nDate: 4 September 2023\nDear Mr Grant\nThank you for your request, which was "
        "received on 7 August 2023. The schedule of rates is exempt under section 33(1)(b) of FOISA (commercial "
        "interests) and we are therefore refusing your request.\n" + SIC + "Yours sincerely\nCalum Buchanan\n"
        "Dear Strathallan Council,\nPlease pass this on to the person who conducts Freedom of Information reviews.\n"
        "I am writing to request an internal review of Strathallan Council's handling of my FOI request 'Roads "
        "maintenance framework contract'.\nYours faithfully,\nAlasdair Grant\n"
        "Our ref: FOI-2023-00988\nDate: 5 October 2023\nDear Mr Grant\nThank you for your request for an internal "
        "review, which we received on 11 September 2023.\nWe have now completed the internal review. The schedule "
        "of rates remains exempt under section 33(1)(b) of FOISA and the original decision is upheld.\n"
        "Yours sincerely\nCalum Buchanan\n" + FOOTER
    )
    thread = foithread.parse(text)
    assert _kinds(thread) == ["request", "response", "internal_review_request", "internal_review_response"]
    first = deadline(thread)
    assert first is not None
    # Mon 7 Aug 2023 is a Scottish holiday: FOISA day 20 is Mon 4 Sep, answered that day
    assert (first.due_on, first.responded_on, first.late, first.working_days_taken) == (
        D(2023, 9, 4),
        D(2023, 9, 4),
        False,
        20,
    )
    assert any("non-working day" in n for n in first.notes)
    review = review_deadline(thread)
    assert review is not None
    # FOISA s21(1): 20 working days after receipt of the requirement for review, Mon 11 Sep 2023:
    # 12-15 Sep = 1-4; 18-22 = 5-9; 25-29 = 10-14; 2-6 Oct = 15-19; Mon 9 Oct = 20. Answered Thu 5 Oct.
    assert (review.stage, review.limit, review.received_on, review.due_on) == (
        "internal_review",
        20,
        D(2023, 9, 11),
        D(2023, 10, 9),
    )
    assert (review.responded_on, review.working_days_taken, review.late) == (D(2023, 10, 5), 18, False)
    assert review_deadline(foithread.parse(EASTER)) is None


def test_eir_reconsideration_allows_40_working_days():
    # a reconsideration asked for on Tue 2 May 2023 (a dated message, as in .eml or zip input)
    thread = foithread.parse(EASTER)
    ask = attrs.evolve(thread.messages[0], index=3, kind="internal_review_request", sent_on="2023-05-02")
    review = review_deadline(attrs.evolve(thread, regime="eir", messages=(*thread.messages, ask)))
    # EIR reg 11(4): 40 working days: 3-5 May = 1-3; 8 May skipped; 9-12 = 4-7; 15-19 = 8-12;
    # 22-26 = 13-17; 29 May skipped; 30 May-2 Jun = 18-21; 5-9 Jun = 22-26; 12-16 = 27-31;
    # 19-23 = 32-36; 26-29 Jun = 37-40: due Thu 29 Jun. Unanswered and no ``today``: late unknown.
    assert review is not None
    assert (review.limit, review.received_on, review.due_on, review.late) == (40, D(2023, 5, 2), D(2023, 6, 29), None)
    assert any("reg 11(4)" in n for n in review.notes)


def test_no_request_gives_none():
    thread = foithread.parse(EASTER)
    assert deadline(attrs.evolve(thread, messages=thread.messages[1:])) is None
    assert deadline(foithread.Thread(format="text")) is None


def test_conditional_boilerplate_is_not_an_extension():
    # an acknowledgement that only says an extension *might* happen leaves the 20 days alone
    boiler = EASTER.replace(
        "We will respond within 20 working days.",
        "We will respond within 20 working days. If we need to extend the time to consider the public interest "
        "test under section 10(3), we will write to you before then.",
    )
    thread = foithread.parse(boiler)
    assert _kinds(thread) == ["request", "acknowledgement", "response"]
    due = deadline(thread)
    assert due is not None and (due.extension, due.extended_due_on, due.due_on) == (None, None, D(2023, 5, 2))
