"""Indicators (kazalniki) and the targets written into their text (pure).

'… : ciljna vrednost 4.320 vključenih oseb', 'Za 12 % povečano število … (leto 2022)',
'število preseljenih uporabnikov – najmanj 100', '30% delež …', '25 % oseb …'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ..cleaning import is_bullet, strip_bullet
from ..warnings import ImportWarning, warn
from .numbers import NUMBER, parse_number


@dataclass(frozen=True)
class ParsedIndicator:
    text: str
    target: Decimal | None = None
    unit: str | None = None
    baseline_year: int | None = None


@dataclass
class Indicators:
    items: list[ParsedIndicator] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)


_STOP_WORDS = {"za", "v", "na", "do", "in", "ter", "po", "glede", "oz", "oziroma", "predvidoma", "letno"}
_TARGET_VALUE = re.compile(rf"ciljna\s+vrednost\s*:?\s*(?P<n>{NUMBER})\s*(?P<rest>[^\n;]*)", re.IGNORECASE)
_INCREASE = re.compile(rf"\b(?:za|vsaj)\s+(?P<n>{NUMBER})\s*(?P<u>%|odstot\w*)\s+(?:poveč|zmanjš|višj|manj)", re.I)
_AT_LEAST = re.compile(rf"\b(?:najmanj|vsaj|minimalno)\s+(?P<n>{NUMBER})\b(?!\s*\.\s*\d)", re.IGNORECASE)
_LEADING_PERCENT = re.compile(rf"^(?P<n>{NUMBER})\s*(?P<u>%)")
_PERCENT_SHARE = re.compile(rf"(?P<n>{NUMBER})\s*(?P<u>%)\s+delež", re.IGNORECASE)
_PAREN_COUNT = re.compile(rf"\((?P<n>{NUMBER})\s+(?P<u>[^\d\s()]+)\)\s*\.?$")
_TRAILING_DASH = re.compile(rf"(?<!\d)\s[–-]\s*(?P<n>(?!(?:19|20)\d{{2}}\b){NUMBER})\s*$")
_BASELINE = re.compile(r"(?:glede\s+na\s+(?:leto|stanje\s+v\s+letu)|\(\s*leto)\s+(?P<y>(?:19|20)\d{2})", re.I)
_BREAKDOWN = re.compile(rf"\b[A-ZČŠŽ]{{2,}}\s*:\s*(?:{NUMBER})\s*%?")


def _unit_after(rest: str) -> str | None:
    words: list[str] = []
    for word in rest.strip().split():
        bare = word.strip(".,;:()").lower()
        if not bare or bare in _STOP_WORDS or any(c.isdigit() for c in bare):
            break
        words.append(word.strip(".,;:()"))
        if len(words) == 2 or word.endswith((",", ".", ";")):
            break
    return " ".join(words) or None


def _target_value(text: str) -> tuple[Decimal | None, str | None] | None:
    m = _TARGET_VALUE.search(text)
    return (parse_number(m.group("n")), _unit_after(m.group("rest"))) if m else None


def _simple(
    pattern: re.Pattern[str], unit: str | None = None
) -> Callable[[str], tuple[Decimal | None, str | None] | None]:
    def find(text: str) -> tuple[Decimal | None, str | None] | None:
        m = pattern.search(text)
        if not m:
            return None
        found_unit = m.groupdict().get("u")
        return parse_number(m.group("n")), ("%" if found_unit and found_unit[0] in "%o" else unit)

    return find


_RULES = [
    _target_value,
    _simple(_INCREASE),
    _simple(_AT_LEAST),
    _simple(_LEADING_PERCENT),
    _simple(_PERCENT_SHARE),
    _simple(_TRAILING_DASH),
]


def indicator_from_text(text: str) -> tuple[ParsedIndicator, ImportWarning | None]:
    """One indicator with its target, unit and baseline year; and a warning when a target is ambiguous."""
    baseline = _BASELINE.search(text)
    year = int(baseline.group("y")) if baseline else None
    if len(_BREAKDOWN.findall(text)) > 1:
        return ParsedIndicator(text, None, None, year), warn("indicator_by_area", text=text[:60])
    for rule in _RULES:
        found = rule(text)
        if found and found[0] is not None:
            return ParsedIndicator(text, found[0], found[1], year), None
    paren = _PAREN_COUNT.search(text)
    if paren:
        return ParsedIndicator(text, parse_number(paren.group("n")), paren.group("u"), year), None
    return ParsedIndicator(text, None, None, year), None


def split_items(text: str) -> list[str]:
    """Split a cell into items: paragraphs, bullet lines, and lines ending in ';' or ','."""
    items: list[str] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            _flush(items, current)
            continue
        starts_item = is_bullet(line) or line.startswith("- ")
        if current and (starts_item or _ends_item(current[-1], line)):
            _flush(items, current)
        current.append(strip_bullet(line) if starts_item else line)
    _flush(items, current)
    return items


def _ends_item(previous: str, line: str) -> bool:
    if previous.count("(") > previous.count(")") or previous.endswith(":"):
        return False
    return previous.endswith((";", ",")) or (previous.endswith(".") and line[:1].isupper())


def _flush(items: list[str], current: list[str]) -> None:
    if current:
        text = " ".join(current).strip().rstrip(";,").strip()
        if text:
            items.append(text)
        current.clear()


def parse_indicators(text: str) -> Indicators:
    result = Indicators()
    for item in split_items(text):
        indicator, warning = indicator_from_text(item)
        result.items.append(indicator)
        if warning:
            result.warnings.append(warning)
    return result


__all__ = ["Indicators", "ParsedIndicator", "parse_indicators", "split_items"]
