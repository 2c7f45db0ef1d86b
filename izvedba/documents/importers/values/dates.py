"""Deadlines as plans write them (pure).

'31. 12. 2026', '31.12.2016', '15. 3. 2026/2028/2030 (2-letna poročila)',
'Priprava protokola …: 31. 12. 2025.', '30. 6. 2025 (imenovane delovne skupine …)',
'31. 12. 2026 – pripravljena analiza stanja; …'. Each date keeps the text that labels it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..warnings import ImportWarning, warn

DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})\.\s*(?P<m>\d{1,2})\.\s*(?P<y>(?:19|20)\d{2}(?:\s*/\s*(?:19|20)\d{2})*)(?!\d)")
_PAREN_AFTER = re.compile(r"^\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
_DASH_AFTER = re.compile(r"^\s*[–—-]\s+(.+)")
_LABEL_BEFORE = re.compile(r"([^\n]*?)\s*:\s*$")
_LEAD_IN = re.compile(r"^(?:do|rok(?:\s+za\s+izvedbo)?(?:\s+\w+)?\s+je)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedDeadline:
    date: dt.date
    label: str | None


@dataclass
class Deadlines:
    items: list[ParsedDeadline] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)


def _label_after(rest: str) -> tuple[str | None, int]:
    """A label right after a date: '(…)' (even on the next line) or '– …' to the end of the line."""
    m = _PAREN_AFTER.match(rest)
    if m:
        return m.group(1).strip(), m.end()
    line = rest.split("\n", 1)[0]
    m = _DASH_AFTER.match(line)
    if m:
        return m.group(1).strip().rstrip(",;"), len(line)
    return None, 0


def _label_before(text: str, start: int, floor: int) -> tuple[str | None, int]:
    """A label ending in ':' just before the date on its line ('Priprava protokola: 31. 12. 2025')."""
    line_start = max(text.rfind("\n", 0, start) + 1, floor)
    m = _LABEL_BEFORE.fullmatch(text[line_start:start])
    if not m or not m.group(1).strip():
        return None, start
    label = _LEAD_IN.sub("", m.group(1).strip().lstrip(".,;: "))
    return label or None, line_start


def parse_deadlines(text: str) -> Deadlines:
    result = Deadlines()
    consumed = 0
    for m in DATE.finditer(text):
        if m.start() < consumed:
            continue
        before, used_from = _label_before(text, m.start(), consumed)
        after, after_len = _label_after(text[m.end() :])
        _note(result, text[consumed:used_from])
        consumed = m.end() + after_len
        for year in re.split(r"\s*/\s*", m.group("y")):
            try:
                day = dt.date(int(year), int(m.group("m")), int(m.group("d")))
            except ValueError:
                result.warnings.append(warn("invalid_date", text=m.group(0)))
                continue
            result.items.append(ParsedDeadline(day, before or after))
    _note(result, text[consumed:])
    if not result.items and text.strip():
        result.warnings.append(warn("no_deadline_in_text", text=" ".join(text.split())[:200]))
    return result


def _note(result: Deadlines, fragment: str) -> None:
    note = fragment.strip(" \n.,;:–-")
    if note:
        result.notes.append(" ".join(note.split()))
