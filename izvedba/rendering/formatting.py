"""Figures as documents print them, in the document's language: numbers, money, dates (from
`izvedba.core.formatting`), durations in hours and minutes, month names. Pure apart from the translation
catalogue, which `translation.override` selects."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils import translation
from django.utils.dates import MONTHS

from izvedba.core.formatting import EMPTY, Number, format_date, format_eur, format_number, to_decimal

__all__ = ["EMPTY", "date", "hours_minutes", "money", "month_name", "number"]


def number(value: Number | None, language: str, decimals: int | None = None) -> str:
    """ "1.234,5" (sl) or "1,234.5" (en); an en dash for no value."""
    return format_number(value, decimals, language)


def money(value: Number | None, language: str) -> str:
    """ "900.000 EUR"."""
    return format_eur(value, language)


def date(value: dt.date | None, language: str) -> str:
    """ "31. 12. 2021" (sl) or "31 Dec 2021" (en)."""
    return format_date(value, language)


def hours_minutes(minutes: Number | None) -> str:
    """A duration stored in minutes as h:mm ("464:45"); minutes are rounded half up to whole minutes."""
    if minutes is None:
        return EMPTY
    value = to_decimal(minutes)
    if value is None:
        return EMPTY
    whole = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    sign = "-" if whole < 0 else ""
    hours, rest = divmod(abs(whole), 60)
    return f"{sign}{hours}:{rest:02d}"


def month_name(month: int, language: str) -> str:
    """ "avgust" (sl, as Slovenian writes months in running text) or "August" (en)."""
    with translation.override(language):
        name = str(MONTHS[month])
    return name if language.startswith("en") else name.lower()
