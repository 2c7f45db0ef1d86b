"""Numbers as Slovenians write them: '39.994.058', '2,5', '4.320', '11,7 %' (pure functions)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# 1.234.567,89 | 1234,5 | 12 | 0,5
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER_RE = re.compile(rf"^(?:{NUMBER})$")

WORD_NUMBERS = {
    "en": 1, "ena": 1, "eden": 1, "ene": 1, "enega": 1,
    "dva": 2, "dve": 2, "dveh": 2, "tri": 3, "trije": 3, "treh": 3, "štiri": 4, "štirje": 4, "štirih": 4,
    "pet": 5, "šest": 6, "sedem": 7, "osem": 8, "devet": 9, "deset": 10,
    "enajst": 11, "dvanajst": 12, "trinajst": 13, "štirinajst": 14, "petnajst": 15,
    "šestnajst": 16, "sedemnajst": 17, "osemnajst": 18, "devetnajst": 19, "dvajset": 20,
}  # fmt: skip


def parse_number(text: str) -> Decimal | None:
    """'39.994.058' → 39994058; '2,5' → 2.5; '4.6' is read as 4.6 only without a thousands pattern."""
    raw = text.strip()
    if _NUMBER_RE.match(raw):
        raw = raw.replace(".", "").replace(",", ".")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def parse_count(word: str) -> int | None:
    """A count written as digits or as a Slovenian number word ('sedem', 'dve')."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return WORD_NUMBERS.get(word)


def as_json_number(value: Decimal) -> int | float:
    """An int when the value is whole, else a float: for JSON output."""
    return int(value) if value == value.to_integral_value() else float(value)
