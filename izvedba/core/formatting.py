"""Numbers, money and dates the way Slovenian readers expect them (and an English variant).

Pure functions: no Django settings, no locale module, no active-language lookups. The
template filters in ``izvedba.core.templatetags.sl_format`` pick the language and call these.

Slovenian (``language="sl"``, the default)::

    format_number(1234567.89)       -> "1.234.567,89"
    format_eur(900000)              -> "900.000 EUR"
    format_eur_short(2500000)       -> "2,5 mio EUR"
    format_date(date(2026, 12, 31)) -> "31. 12. 2026"

English (``language="en"``; any language code starting with "en")::

    format_number(1234567.89)       -> "1,234,567.89"
    format_eur(900000)              -> "900,000 EUR"
    format_eur_short(2500000)       -> "2.5 million EUR"
    format_date(date(2026, 12, 31)) -> "31 Dec 2026"

Rules shared by all functions:

- ``None`` (and NaN/infinity) is shown as an en dash, ``EMPTY`` ("–").
- Thousands are always grouped, four-digit numbers included ("4.320"), as the plans write them.
- Negative numbers use an ASCII hyphen-minus ("-1.234"), so copied values paste into spreadsheets.
- Rounding is half-up ("commercial"), done on the decimal value (floats go through ``repr``),
  so 2.675 rounds to "2,68" and never shows as "-0".
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal

__all__ = [
    "EMPTY",
    "Number",
    "format_date",
    "format_eur",
    "format_eur_short",
    "format_number",
    "plural_sl",
    "to_decimal",
]

Number = int | float | Decimal

EMPTY = "–"  # en dash: "no value"
MILLION = Decimal(1_000_000)
_WIDE = Context(prec=200)  # so quantize never fails on large values

_SEPARATORS: dict[str, tuple[str, str]] = {"sl": (".", ","), "en": (",", ".")}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _lang(language: str) -> str:
    """Normalise a language code to "sl" or "en" ("en-gb" -> "en"; anything else -> "sl")."""
    return "en" if language.lower().startswith("en") else "sl"


def to_decimal(value: Number) -> Decimal | None:
    """``value`` as an exact Decimal, or None when it is not a finite number.

    Floats go through ``repr`` so that 0.1 becomes Decimal("0.1"), not its binary expansion.
    """
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, int):
        value = Decimal(value)
    return value if value.is_finite() else None


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_WIDE)


def _strip_zeros(value: Decimal) -> Decimal:
    """Drop trailing fractional zeros: 134.5000 -> 134.5, 5.00 -> 5 (never an exponent form)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=_WIDE)
    return value.normalize(context=_WIDE)


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def _render(value: Decimal, language: str) -> str:
    """Render an already-rounded Decimal with the language's separators."""
    thousands, point = _SEPARATORS[_lang(language)]
    text = format(value.copy_abs(), "f")
    whole, _, fraction = text.partition(".")
    sign = "-" if value < 0 else ""
    out = sign + _group(whole, thousands)
    return f"{out}{point}{fraction}" if fraction else out


def format_number(value: Number | None, decimals: int | None = None, language: str = "sl") -> str:
    """A number with thousands grouped: "1.234.567,89" (sl) or "1,234,567.89" (en).

    With ``decimals=None`` integers show no decimals and floats/Decimals show only their
    significant decimals (Decimal("134.5000") -> "134,5"). With ``decimals=n`` the value is
    rounded half-up to exactly n decimals (``format_number(3, 2)`` -> "3,00").
    """
    if value is None:
        return EMPTY
    number = to_decimal(value)
    if number is None:
        return EMPTY
    number = _strip_zeros(number) if decimals is None else _round(number, max(decimals, 0))
    return _render(number, language)


def format_eur(amount: Number | None, language: str = "sl") -> str:
    """An amount in euros: "900.000 EUR"; cents only when there are any ("1.234,50 EUR")."""
    if amount is None:
        return EMPTY
    number = to_decimal(amount)
    if number is None:
        return EMPTY
    cents = _round(number, 2)
    decimals = 0 if cents == cents.to_integral_value() else 2
    return f"{format_number(number, decimals, language)} EUR"


def format_eur_short(amount: Number | None, language: str = "sl") -> str:
    """Millions in short form: "2,5 mio EUR" (sl) / "2.5 million EUR" (en); below a million,
    the full ``format_eur`` form. At most two decimals, trailing zeros dropped ("5 mio EUR",
    "26,25 mio EUR"). Amounts of a billion and more stay in millions ("1.500 mio EUR").
    """
    if amount is None:
        return EMPTY
    number = to_decimal(amount)
    if number is None:
        return EMPTY
    if abs(number) < MILLION:
        return format_eur(number, language)
    millions = format_number(_strip_zeros(_round(number / MILLION, 2)), None, language)
    unit = "million" if _lang(language) == "en" else "mio"
    return f"{millions} {unit} EUR"


def format_date(d: date | None, language: str = "sl") -> str:
    """A calendar date: "31. 12. 2026" (sl, no leading zeros) or "31 Dec 2026" (en).

    A datetime is shown by its own date as given: convert aware datetimes to local time
    first (the ``sldate`` template filter does).
    """
    if d is None:
        return EMPTY
    if isinstance(d, datetime):
        d = d.date()
    if _lang(language) == "en":
        return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.day}. {d.month}. {d.year}"


def plural_sl(n: int, one: str, two: str, few: str, other: str) -> str:
    """Pick the Slovenian plural form for ``n`` (by the last two digits of |n|).

    1, 101, 201 … -> one ("1 ukrep"); 2, 102 … -> two ("2 ukrepa");
    3, 4, 103, 104 … -> few ("3 ukrepi"); everything else, 0 and 11–19 included -> other
    ("5 ukrepov"). Use ``ngettext`` for translatable text; this is for the rest.
    """
    rest = abs(n) % 100
    if rest == 1:
        return one
    if rest == 2:
        return two
    if rest in (3, 4):
        return few
    return other
