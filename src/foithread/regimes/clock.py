"""Counting a foreign regime's time limit (:class:`~foithread.regimes.tables.Rule`) on its own calendar."""

from __future__ import annotations

import calendar
import datetime as dt
import functools

from foithread.regimes.tables import Regime, Rule

_ONE_DAY = dt.timedelta(days=1)


@functools.lru_cache(maxsize=256)
def _holidays(country: str, subdivision: str | None, year: int) -> frozenset[dt.date]:
    import holidays  # imported on first use: ``import foithread`` stays fast

    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year).keys())


def is_working_day(day: dt.date, regime: Regime) -> bool:
    """Not a weekend, nor a public holiday of the regime's country (none known: weekends only).
    New Zealand's OIA also excludes 25 December to 15 January (s2, "working day")."""
    if day.weekday() >= 5:
        return False
    if regime.code == "nz_oia" and ((day.month == 12 and day.day >= 25) or (day.month == 1 and day.day <= 15)):
        return False
    if regime.holidays is None:
        return True
    country, subdivision = regime.holidays
    return day not in _holidays(country, subdivision, day.year)


def _add_months(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(start: dt.date, rule: Rule, regime: Regime) -> dt.date:
    """The last day of ``rule``'s period counted from ``start`` (the day of receipt, never counted itself)."""
    if rule.unit == "days":
        return start + dt.timedelta(days=rule.limit)
    if rule.unit == "weeks":
        return start + dt.timedelta(weeks=rule.limit)
    if rule.unit == "months":
        return _add_months(start, rule.limit)
    day, n = start, rule.limit
    while n:
        day += _ONE_DAY
        n -= is_working_day(day, regime)
    return day


def units_between(start: dt.date, end: dt.date, rule: Rule, regime: Regime) -> int | None:
    """Days (or working days for a working-day rule) after ``start`` up to ``end``; None for weeks/months."""
    if rule.unit == "working_days":
        days = range(1, (end - start).days + 1)
        return sum(is_working_day(start + dt.timedelta(days=k), regime) for k in days)
    if rule.unit == "days":
        return (end - start).days
    return None
