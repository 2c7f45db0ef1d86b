"""A plan's identity from its opening text: title, kind, period, document number and date (pure)."""

from __future__ import annotations

import datetime as dt
import re

from ..cleaning import one_line
from ..values.dates import DATE

_TITLE = re.compile(r"izvedben\w*\s+na[čc]rt", re.IGNORECASE)
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*[–—-]\s*((?:19|20)\d{2})")
_NUMBER = re.compile(r"^\s*(?:[ŠS]tevilka|[ŠS]t\.)\s*:?\s*(?P<n>\d[\w./-]*\d)", re.IGNORECASE | re.MULTILINE)
_DATED = re.compile(r"^\s*Datum\s*:?\s*(?P<d>.+)$", re.IGNORECASE | re.MULTILINE)
_FOOTNOTE_DIGIT = re.compile(r"(?<=[A-ZČŠŽa-zčšž])\d{1,2}$")


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def find_title(lines: list[str]) -> str:
    """The first upper-case line naming an implementation plan, with the upper-case lines that continue it."""
    for i, line in enumerate(lines[:80]):
        if _TITLE.search(line) and _is_heading(line):
            parts = [line]
            before = [x for x in lines[max(0, i - 3) : i] if x.strip()][-1:]
            if before and _is_heading(before[0]) and len(before[0]) < 120:
                parts.insert(0, before[0])
            for following in [x for x in lines[i + 1 : i + 8] if x.strip()][:4]:
                if not _is_heading(following):
                    break
                parts.append(following)
            return _FOOTNOTE_DIGIT.sub("", one_line(" ".join(parts)))
    return next((one_line(line) for line in lines[:80] if _TITLE.search(line)), "")


def find_kind(title: str, text: str) -> str:
    probe = (title or text[:3000]).lower()
    return "regional" if "regij" in probe or "regionaln" in probe else "national"


def find_period(title: str, text: str) -> tuple[int, int] | None:
    for source in (title, text[:5000]):
        m = _PERIOD.search(source)
        if m and int(m.group(1)) <= int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
    return None


def find_document_number(text: str) -> str | None:
    m = _NUMBER.search(text[:5000])
    return m.group("n") if m else None


def find_document_date(text: str) -> dt.date | None:
    m = _DATED.search(text[:5000])
    if not m:
        return None
    d = DATE.search(m.group("d"))
    if not d:
        return None
    try:
        return dt.date(int(d.group("y")[:4]), int(d.group("m")), int(d.group("d")))
    except ValueError:
        return None
