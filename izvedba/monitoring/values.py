"""Parse what people type into reports — in forms, spreadsheet cells and JSON — into numbers and dates.

Slovenian first: a comma is the decimal mark and a dot or a space groups thousands ("1.234,56", "1 234,5");
a plain decimal point is accepted too ("1234.5"). A single dot followed by exactly three digits ("4.320") groups
thousands, as Slovenian plans write them. Anything else — "N/A", "12 oseb", "abc" — is refused with a message
that says what to write instead; there is never a placeholder in a number field.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_PLAIN = re.compile(r"^[+-]?\d+([.,]\d+)?$")
_GROUPED_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234.567,89
_GROUPED_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234,567.89
_SL_DATE = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\.?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_PLACEHOLDERS = {"n/a", "na", "n.a.", "/", "-", "–", "—", "?", "x", "ni podatka", "ni", "none", "null", "nan"}


def parse_decimal(raw: object) -> Decimal | None:
    """A number from `raw`, or None when nothing was given; ValueError with a specific message otherwise."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(f"{raw!r} is not a number; write digits such as 1234,5.")
    if isinstance(raw, Decimal):
        return _finite(raw, str(raw))
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return _finite(Decimal(repr(raw)), repr(raw))
    if not isinstance(raw, str):
        raise ValueError(f"{raw!r} is not a number; write digits such as 1234,5.")
    text = raw.strip()
    if not text:
        return None
    compact = _SPACES.sub("", text).replace("−", "-")
    if text.lower() in _PLACEHOLDERS:
        raise ValueError(
            f"“{text}” is not a number. Leave the field empty when there is no value yet, "
            "or describe the situation in the statement."
        )
    if _PLAIN.match(compact):
        if re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", compact):
            return Decimal(compact.replace(".", ""))  # "4.320": a Slovenian thousands dot
        return Decimal(compact.replace(",", "."))
    if _GROUPED_DOT.match(compact):
        return Decimal(compact.replace(".", "").replace(",", "."))
    if _GROUPED_COMMA.match(compact):
        return Decimal(compact.replace(",", ""))
    if re.search(r"\d", text) and re.search(r"[^\W\d_]|[%€$]", text):
        raise ValueError(
            f"“{text}” is not a number: write the number alone, without a unit or words (e.g. 1234,5); "
            "the unit comes from the indicator."
        )
    raise ValueError(f"“{text}” is not a number; write digits with a decimal comma, such as 1234,5 or 1.234,5.")


def _finite(value: Decimal, shown: str) -> Decimal:
    if not value.is_finite():
        raise ValueError(f"“{shown}” is not a number; write digits such as 1234,5.")
    return value


def parse_date(raw: object) -> dt.date | None:
    """A date from `raw` ("2025-03-31", "31. 3. 2025", "31.3.2025", a date or datetime), or None when empty."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str):
        raise ValueError(f"{raw!r} is not a date; write it as 31. 12. 2026 or 2026-12-31.")
    text = raw.strip()
    if not text:
        return None
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _SL_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(f"“{text}” is not a date; write it as 31. 12. 2026 or 2026-12-31.")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"“{text}” is not a real date (there is no such day); check the day and the month.") from None


def parse_decimal_or_error(raw: object) -> tuple[Decimal | None, str]:
    """(value, "") or (None, message): for callers that collect errors instead of stopping at the first."""
    try:
        return parse_decimal(raw), ""
    except (ValueError, InvalidOperation) as e:
        return None, str(e)
