"""Estimated funds as plans write them (pure).

Handles '39.994.058 EUR', 'Leto 2025: 1.390.000 EUR, leto 2026: 1.668.000 EUR',
'2,5 mio EUR v letu 2025 in 2,5 mio EUR v letu 2026', '5 mio EUR na leto',
'V letih 2025 in 2026 900.000 EUR', '(2025: 6.783.000 in 2026: 9.283.000)', '4.000 EUR' and
'Dodatna sredstva niso predvidena'. Text that holds an amount it cannot place yields a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ..warnings import ImportWarning, warn
from .numbers import NUMBER, parse_number

NO_ADDITIONAL_FUNDS = re.compile(
    r"dodatna\s+(finan\w+\s+)?sredstva\s+(niso|ni)\s+predvidena|brez\s+dodatnih\s+(finan\w+\s+)?sredstev",
    re.IGNORECASE,
)
# The same phrase with the spaces a PDF column may have lost or added ('Dodatnasredstva niso predvid ena').
_NO_ADDITIONAL_FUNDS_SQUASHED = re.compile(r"dodatna(finan\w*)?sredstva(niso|ni)predvidena|brezdodatnih", re.I)
_MONEY = re.compile(
    rf"(?<![\d.,])(?P<num>{NUMBER})\s*(?P<mult>mio|milijon\w*|mrd|milijard\w*)?\.?\s*(?P<cur>EUR|€|evrov)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)")
_YEAR_LINK = re.compile(r"^\s*(?:in|ter|,|-|–|—|/|do)\s*$", re.IGNORECASE)
_YEAR_THEN_AMOUNT = re.compile(r"^\s*[:=–-]?\s*$")
_AMOUNT_THEN_YEAR = re.compile(r"^\s*(?:v|za)\s+(?:letu|leto|letih)\s*$|^\s*(?:leta|l\.)\s*$", re.IGNORECASE)
_PER_YEAR = re.compile(r"^\s*(?:na\s+leto|letno|vsako\s+leto|/\s*leto)", re.IGNORECASE)
_MULTIPLIERS = {"mio": 1_000_000, "milijon": 1_000_000, "mrd": 1_000_000_000, "milijard": 1_000_000_000}


@dataclass
class Amounts:
    by_key: dict[str, int] = field(default_factory=dict)
    no_additional_funds: bool = False
    warnings: list[ImportWarning] = field(default_factory=list)


@dataclass(frozen=True)
class _Token:
    kind: str  # "year" or "money"
    start: int
    end: int
    value: int
    explicit_money: bool = False


def _multiplier(word: str | None) -> int:
    if not word:
        return 1
    return next((v for k, v in _MULTIPLIERS.items() if word.lower().startswith(k)), 1)


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _MONEY.finditer(text):
        number = parse_number(m.group("num"))
        if number is None:
            continue
        is_money = bool(m.group("mult") or m.group("cur") or "." in m.group("num"))
        if not is_money and _YEAR.fullmatch(m.group("num")):
            tokens.append(_Token("year", m.start(), m.start() + len(m.group("num")), int(number)))
            continue
        if not is_money:
            continue
        value = (number * _multiplier(m.group("mult"))).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        tokens.append(_Token("money", m.start(), m.end(), int(value), bool(m.group("cur") or m.group("mult"))))
    return tokens


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end : right.start]


def _year_group(text: str, tokens: list[_Token], i: int) -> int:
    """Index past the run of years linked by 'in', ',', '–' starting at i."""
    j = i + 1
    while j < len(tokens) and tokens[j].kind == "year" and _YEAR_LINK.match(_gap(text, tokens[j - 1], tokens[j])):
        j += 1
    return j


def parse_amounts(text: str) -> Amounts:
    squashed = re.sub(r"\s+", "", text)
    result = Amounts(
        no_additional_funds=bool(NO_ADDITIONAL_FUNDS.search(text) or _NO_ADDITIONAL_FUNDS_SQUASHED.search(squashed))
    )
    body = re.split(r"\bOpomba\s*:", text, maxsplit=1, flags=re.IGNORECASE)[0]
    tokens = _tokens(body)
    used: set[int] = set()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.kind == "money" and nxt and nxt.kind == "year" and _AMOUNT_THEN_YEAR.match(_gap(body, token, nxt)):
            _put(result, str(nxt.value), token.value)
            used.add(i)
            i += 2
            continue
        if token.kind == "year":
            j = _year_group(body, tokens, i)
            if (
                j < len(tokens)
                and tokens[j].kind == "money"
                and _YEAR_THEN_AMOUNT.match(_gap(body, tokens[j - 1], tokens[j]))
            ):
                years = [t.value for t in tokens[i:j]]
                key = str(years[0]) if len(years) == 1 else f"{min(years)}-{max(years)}"
                _put(result, key, tokens[j].value)
                used.add(j)
                i = j + 1
                continue
            i = j
            continue
        i += 1
    _place_leftovers(result, body, [t for k, t in enumerate(tokens) if t.kind == "money" and k not in used])
    return result


def _place_leftovers(result: Amounts, text: str, leftovers: list[_Token]) -> None:
    for token in leftovers:
        if _PER_YEAR.match(text[token.end :]):
            _put(result, "per_year", token.value)
        elif not result.by_key and len(leftovers) == 1 and token.explicit_money:
            _put(result, "total", token.value)
        else:
            result.warnings.append(warn("amount_unplaced", text=text[token.start : token.end].strip()))


def _put(result: Amounts, key: str, value: int) -> None:
    if key in result.by_key and result.by_key[key] != value:
        result.warnings.append(warn("amount_twice", key=key, first=result.by_key[key], second=value))
        return
    result.by_key.setdefault(key, value)
