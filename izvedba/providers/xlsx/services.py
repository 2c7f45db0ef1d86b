"""Saving a section's figures from its XLSX template or its form page: the cells become rows of an observations
file and go through `observations_import`, the path the demo's CSV files take, so every cell is validated the same
way; a rejected cell is named (sheet and cell, or the form's field) and nothing is stored.

A cell emptied where a figure was stored removes that figure (in the same transaction, only when every cell is
accepted); a cell whose figure did not change keeps the figure's source.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from izvedba.core.versioning import content_changed
from izvedba.providers.importers.cells import CellError, CellProblem, read_number
from izvedba.providers.importers.observations import TARGET_COLUMNS
from izvedba.providers.models import Indicator, Observation, Provider
from izvedba.providers.services.imports import ImportRejected, observations_import
from izvedba.providers.xlsx.data import observation_coordinates, section_grids
from izvedba.providers.xlsx.grid import MONTH, CaptureError, CellInput, Coordinates
from izvedba.providers.xlsx.parse import parse_workbook
from izvedba.providers.xlsx.sections import Section, section_by_code


class CaptureRejected(Exception):
    """Nothing was stored; `errors` name each rejected cell (or the file)."""

    def __init__(self, errors: list[CaptureError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass(frozen=True)
class CaptureResult:
    created: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed


def section_xlsx_import(
    *, provider: Provider, year: int, section: str, data: bytes, user: AbstractBaseUser | None = None
) -> CaptureResult:
    """Store the figures of a filled-in section template; refuse the whole file if any cell is wrong, or if it is
    the template of another provider, year, section or template version."""
    chosen = _section(section)
    parsed = parse_workbook(data, section_grids(provider=provider, year=year, section=chosen))
    if parsed.errors:
        raise CaptureRejected(parsed.errors)
    return section_cells_save(
        provider=provider, year=year, section=chosen, cells=parsed.cells, user=user, channel="xlsx"
    )


@transaction.atomic
def section_cells_save(
    *,
    provider: Provider,
    year: int,
    section: Section,
    cells: list[CellInput],
    user: AbstractBaseUser | None = None,
    channel: str = "form",
) -> CaptureResult:
    """Store what the cells say (a form grid's or a template's); refuse them all if any cell is wrong."""
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=section.indicator_codes)}
    foreign = [cell for cell in cells if cell.indicator not in indicators]
    if foreign:
        message = _("“%(code)s” is not a figure of this section.")
        raise CaptureRejected([CaptureError(c.sheet, c.cell, message % {"code": c.indicator}) for c in foreign])
    stored = _stored(provider, year, list(indicators.values()))
    source = f"{channel}: {section.code} {year}"
    filled = [cell for cell in cells if cell.text]
    removed = [
        stored[(c.indicator, c.coordinates)][0] for c in cells if not c.text and (c.indicator, c.coordinates) in stored
    ]
    created = updated = unchanged = 0
    if filled:
        data = _observations_file(year, filled, stored, indicators, source)
        name = f"{provider.slug}-{year}-{section.code}.{channel}"
        try:
            result = observations_import(provider=provider, name=name, data=data, user=user)
        except ImportRejected as rejected:
            raise CaptureRejected(_cell_errors(rejected.errors, filled)) from None
        created, updated, unchanged = result.created, result.updated, result.unchanged
    if removed:
        Observation.objects.filter(pk__in=removed).delete()
        content_changed()
    return CaptureResult(created, updated, len(removed), unchanged)


def _section(code: str) -> Section:
    section = section_by_code(code)
    if section is None:
        raise CaptureRejected([CaptureError("", "", _("There is no section “%(code)s”.") % {"code": code})])
    return section


def _stored(
    provider: Provider, year: int, indicators: list[Indicator]
) -> dict[tuple[str, Coordinates], tuple[int, object, str]]:
    """The year's stored figures of the section: (indicator, cell) → (id, value, source)."""
    rows = Observation.objects.filter(
        provider=provider, year=year, indicator__in=indicators, period_start__isnull=True
    ).values_list(
        "pk",
        "indicator__code",
        "month",
        "unit__code",
        "programme__code",
        "cost_carrier__code",
        "categories",
        "value",
        "source",
    )
    return {
        (code, observation_coordinates(month, unit, programme, carrier, categories)): (pk, value, source)
        for pk, code, month, unit, programme, carrier, categories, value, source in rows
    }


def _observations_file(
    year: int,
    cells: list[CellInput],
    stored: dict[tuple[str, Coordinates], tuple[int, object, str]],
    indicators: dict[str, Indicator],
    source: str,
) -> bytes:
    """The cells as an observations CSV file, one row per cell in order (row 2 is the first cell)."""
    dimensions = sorted({key for cell in cells for key, _code in cell.coordinates} - {MONTH, *TARGET_COLUMNS})
    header = ["indicator", "year", MONTH, *TARGET_COLUMNS, *dimensions, "value", "source"]
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    for cell in cells:
        kept = stored.get((cell.indicator, cell.coordinates))
        same = kept is not None and _value(cell.text, indicators[cell.indicator].unit == "minutes") == kept[1]
        row = {
            "indicator": cell.indicator,
            "year": str(year),
            "value": cell.text,
            "source": kept[2] if kept and same else source,
        }
        row.update(dict(cell.coordinates))
        writer.writerow(row)
    return out.getvalue().encode()


def _value(text: str, minutes: bool) -> object:
    try:
        return read_number(text, minutes=minutes)[0]
    except CellProblem:
        return None


def _cell_errors(errors: list[CellError], cells: list[CellInput]) -> list[CaptureError]:
    """The import's errors (file rows) as the cells they come from: a value's own cell, or where a code was read."""
    result: list[CaptureError] = []
    for error in errors:
        index = error.row - 2
        if not 0 <= index < len(cells):
            result.append(CaptureError("", "", error.message))
            continue
        cell = cells[index]
        keys = {key for key, _code in cell.coordinates}
        where = cell.cell_of(error.column) if error.column in keys else cell.cell
        captured = CaptureError(cell.sheet, where, error.message)
        if captured not in result:
            result.append(captured)
    return result
