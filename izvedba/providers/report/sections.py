"""The 11 sections of the annual report and their areas, as `data/sections.csv` lists them (read once).

A row with a blank `area` is a section (its number, its Slovenian and English title); the rows after it with an
`area` key are its areas, each with the report tables (keys of `tables.registry`) shown in it, in order. A table
key starting with `@` is a table the document builds itself (`@year_on_year`: key figures against last year).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SECTIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "sections.csv"
YEAR_ON_YEAR = "@year_on_year"


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    title_en: str
    tables: tuple[str, ...] = ()

    def title_in(self, language: str) -> str:
        return self.title_en if language.startswith("en") and self.title_en else self.title


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    title_en: str
    tables: tuple[str, ...] = ()
    areas: tuple[Area, ...] = ()

    def title_in(self, language: str) -> str:
        return self.title_en if language.startswith("en") and self.title_en else self.title

    def area(self, key: str) -> Area | None:
        return next((area for area in self.areas if area.key == key), None)


class SectionsFileError(ValueError):
    """sections.csv says something that cannot be used; the message names the row."""


@cache
def sections(path: Path = SECTIONS_FILE) -> tuple[Section, ...]:
    """The sections in order, each with its areas."""
    found: list[Section] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            number = int(row["section"])
            area_key = (row.get("area") or "").strip()
            tables = tuple((row.get("tables") or "").split())
            title, title_en = row["title"].strip(), (row.get("title_en") or "").strip()
            if not area_key:
                if found and number != found[-1].number + 1:
                    raise SectionsFileError(f"{path.name}, row {line}: section {number} is out of order.")
                found.append(Section(number, title, title_en, tables))
                continue
            if not found or found[-1].number != number:
                raise SectionsFileError(f"{path.name}, row {line}: area {area_key!r} comes before its section.")
            section = found[-1]
            if section.area(area_key) is not None:
                raise SectionsFileError(f"{path.name}, row {line}: area {area_key!r} is listed twice.")
            area = Area(area_key, title, title_en, tables)
            found[-1] = Section(section.number, section.title, section.title_en, section.tables, (*section.areas, area))
    return tuple(found)


def section(number: int) -> Section | None:
    return next((s for s in sections() if s.number == number), None)
