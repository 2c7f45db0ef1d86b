"""The capture sections: which indicators are entered together (one form page, one XLSX template), read from
`data/capture_sections.csv`.

Columns: `section` (code), `label`, `label_en` (the section's name, on its first row), `indicator` (an indicator
code), `units` (for figures reported per unit: the unit kinds — unit, service, crisis_centre, head_office — and/or
unit codes whose rows the grid offers; empty, or none of them at a provider: all its units).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from django.utils import translation

SECTIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "capture_sections.csv"


@dataclass(frozen=True)
class SectionIndicator:
    code: str
    units: tuple[str, ...] = ()  # unit kinds and/or unit codes


@dataclass(frozen=True)
class Section:
    code: str
    label: str
    label_en: str
    indicators: tuple[SectionIndicator, ...]

    @property
    def display_label(self) -> str:
        return self.label_en if self.label_en and translation.get_language() == "en" else self.label

    @property
    def indicator_codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.indicators)


def parse_sections(text: str) -> tuple[Section, ...]:
    """The sections in the order of the file, each with its indicators in the order of the file."""
    labels: dict[str, tuple[str, str]] = {}
    items: dict[str, list[SectionIndicator]] = {}
    for row in csv.DictReader(text.lstrip("\ufeff").splitlines()):
        code = (row.get("section") or "").strip()
        if not code:
            continue
        label, label_en = (row.get("label") or "").strip(), (row.get("label_en") or "").strip()
        if code not in labels or (label and not labels[code][0]):
            labels[code] = (label or labels.get(code, ("", ""))[0], label_en or labels.get(code, ("", ""))[1])
        indicator = (row.get("indicator") or "").strip()
        if indicator:
            units = tuple((row.get("units") or "").split())
            items.setdefault(code, []).append(SectionIndicator(indicator, units))
    return tuple(
        Section(code, label or code, label_en, tuple(items.get(code, ()))) for code, (label, label_en) in labels.items()
    )


@functools.cache
def all_sections() -> tuple[Section, ...]:
    return parse_sections(SECTIONS_FILE.read_text(encoding="utf-8"))


def section_by_code(code: str) -> Section | None:
    return next((section for section in all_sections() if section.code == code), None)
