"""Slovenian working days, due dates and the reminder thresholds. Pure: no ORM, no settings.

Public holidays come from the `holidays` package (country "SI"); no dates are written here.

Definitions the reminders and pages rely on:

- A *working day* is Monday to Friday unless it is a Slovenian public holiday.
- The *effective due date* of a due date is the due date itself when it is a working day, otherwise the next
  working day: a report due on Christmas Day 2025 (Thursday; Friday 26 December is a holiday too) is on time
  until Monday 29 December.
- *Days left* are calendar days from today to the effective due date (0 on the day, negative once late).
- *Days late* are calendar days after the effective due date (0 on and before it): a report due on Friday
  and still not submitted on Saturday is 1 day late.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

COUNTRY = "SI"

# The reminder thresholds, in one place (izvedba.monitoring.reminders reads them).
DUE_SOON_DAYS = 14  # "due within 14 days": 3 < days left <= 14, once
DUE_VERY_SOON_DAYS = 3  # "due within 3 days": 0 <= days left <= 3, once
LATE_REPEAT_DAYS = 7  # "late": on the first late day, then again every 7 days
ESCALATE_AFTER_DAYS_LATE = 7  # escalation to the plan's coordinators, once, from 7 days late

_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    """Slovenia's public holidays (work-free days) in `year`."""
    return frozenset(holidays.country_holidays(COUNTRY, years=year).keys())


def is_holiday(day: date) -> bool:
    return day in public_holidays(day.year)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and not is_holiday(day)


def next_working_day(day: date) -> date:
    """The first working day on or after `day`."""
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def effective_due_date(due: date) -> date:
    """A due date on a weekend or a public holiday moves to the next working day."""
    return next_working_day(due)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is before `start`.

    From Friday to the next Monday is 1 working day; from a day to itself is 0.
    """
    if end < start:
        return -working_days_between(end, start)
    count = 0
    day = start + _ONE_DAY
    while day <= end:
        count += is_working_day(day)
        day += _ONE_DAY
    return count


def days_left(due: date, today: date) -> int:
    """Calendar days from `today` to the effective due date (negative once late)."""
    return (effective_due_date(due) - today).days


def days_late(due: date, today: date) -> int:
    """Calendar days after the effective due date; 0 on and before it."""
    return max(0, -days_left(due, today))
