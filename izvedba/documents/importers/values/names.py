"""Lists of organisations and funding sources as plans write them (pure).

'MDDSZ,\\nZRSZ', 'CSD, MOPE, MF, Eko sklad, …', 'NVO,\\n…socialna podjetja ter\\ncentri za socialno delo',
'ZD (ukrep 10.)' (a holder for one measure only), 'Proračun RS, različni mehanizmi evropskih virov'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ACRONYM = re.compile(r"^[A-ZČŠŽ][A-ZČŠŽ0-9+/-]{1,9}$")
_SCOPE = re.compile(r"\(\s*(?P<scope>ukrep(?:i|a)?\s+[\d.,\sin]+?)\.?\s*\)", re.IGNORECASE)
_TRAILING_LINK = re.compile(r"\s+(?:ter|in)$", re.IGNORECASE)
_AND_OTHERS = re.compile(r"\s+(?:in|ter)\s+(?:drugi|ostali|drugo)$|\s+idr$", re.IGNORECASE)
# A relative clause or participle phrase continues the name before the comma ('Izvajalci, izbrani preko …').
_CONTINUES_NAME = re.compile(r"^(?:ki\b|(?:izbran|vklju[čc]en)\w*\s+(?:preko|na|v|s|z|po|prek)\b)", re.I)


@dataclass(frozen=True)
class WrittenName:
    name: str
    scope: str = ""


def _split_outside_parentheses(text: str, separators: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char in separators and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _tidy(part: str) -> str:
    part = " ".join(part.split()).strip(" .;:")
    return _TRAILING_LINK.sub("", part).strip(" ,.;:")


def _split_last_and(parts: list[str]) -> list[str]:
    """'A, B in C' → A, B, C; 'CSD in UD' (two acronyms) → CSD, UD; 'X in drugi' → X."""
    result: list[str] = []
    for index, part in enumerate(parts):
        part = _AND_OTHERS.sub("", part)
        if result and _CONTINUES_NAME.match(part):
            result[-1] = f"{result[-1]}, {part}"
            continue
        halves = re.split(r"\s+(?:in|ter)\s+", part)
        both_acronyms = len(halves) == 2 and all(_ACRONYM.match(h) for h in halves)
        enumeration_end = len(parts) > 1 and index == len(parts) - 1 and len(halves) == 2
        right = halves[-1] if len(halves) == 2 else ""
        multi_word = len(right.split()) > 1 or right[:1].isupper()
        result.extend(halves if both_acronyms or (enumeration_end and multi_word) else [part])
    return result


def split_organisations(text: str) -> list[WrittenName]:
    """Organisation names in a holder or participant cell, with a scope such as 'ukrep 10' when written."""
    parts = [_tidy(p) for line in text.split("\n") for p in _split_outside_parentheses(line, ",;")]
    names: list[WrittenName] = []
    for part in _split_last_and([p for p in parts if p]):
        scope = _SCOPE.search(part)
        name = _tidy(_SCOPE.sub("", part)) if scope else part
        if name:
            names.append(WrittenName(name, " ".join(scope.group("scope").split()) if scope else ""))
    return names


def split_funding_sources(text: str) -> list[str]:
    """Funding sources: one per line or paragraph; a line is split at commas only when every part is short."""
    sources: list[str] = []
    for line in text.split("\n"):
        parts = [_tidy(p) for p in _split_outside_parentheses(line, ",;")]
        parts = [p for p in parts if p]
        if len(parts) > 1 and all(len(p.split()) <= 6 for p in parts):
            sources.extend(s for p in parts for s in _split_source_and(p))
        elif parts:
            sources.extend(_split_source_and(_tidy(line)))
    return _join_wrapped(sources)


def _split_source_and(part: str) -> list[str]:
    """'Proračun RS in sistem dolgotrajne oskrbe', '… dejavnosti in OP EKP 2021-2027' name two sources."""
    halves = re.split(r"\s+in\s+", part, maxsplit=1)
    if len(halves) == 2 and len(halves[1].split()) <= 5:
        left, right = halves
        if right[:1].isupper() or left.lower().startswith("proračun"):
            return [_tidy(left), _tidy(right)]
    return [part]


def _join_wrapped(sources: list[str]) -> list[str]:
    """Re-join a source the cell wrapped over two lines ('OP' + '2021-2027')."""
    joined: list[str] = []
    for source in sources:
        if joined and re.fullmatch(r"[\d\s–-]+", source):
            joined[-1] = f"{joined[-1]} {source}"
        else:
            joined.append(source)
    return joined
