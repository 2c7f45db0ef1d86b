"""Capture grids, shared by the XLSX template and the form pages. Pure: plain dataclasses, no ORM.

A grid holds one indicator of one provider-year at its finest grain: its row axes (the unit, programme or cost
carrier it is reported for, the month, and all but the last of its dimensions) and its column axis (the last
dimension; for a monthly figure without dimensions, the units; otherwise a single "value" column), with the
figures already stored. A cell's coordinates are the (axis, code) pairs that identify one observation.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

MONTH = "month"
YEAR = "year"  # the label-only row axis of a grid that has no rows of its own
VALUE = "value"  # the code of the single value column
TARGETS = ("unit", "programme", "cost_carrier")
WHOLE_UNITS = ("count", "persons", "nights", "days")  # whole numbers, never below zero

Coordinates = tuple[tuple[str, str], ...]


def coordinates(pairs: Iterable[tuple[str, str]]) -> Coordinates:
    """The identity of one figure within a provider-year and indicator (label-only axes left out)."""
    return tuple(sorted((key, code) for key, code in pairs if key not in (YEAR, VALUE)))


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class Axis:
    key: str  # unit, programme, cost_carrier, month, year or a dimension code
    label: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class GridIndicator:
    code: str
    label: str
    unit: str  # Indicator.Unit
    target: str  # unit, programme, cost_carrier or provider
    period: str  # month, year or range
    dimensions: tuple[str, ...]


@dataclass(frozen=True)
class Grid:
    indicator: str
    label: str
    unit: str
    rows: tuple[Axis, ...]
    column: Axis | None  # None: a single value column
    values: dict[Coordinates, Decimal] = field(default_factory=dict)

    @property
    def minutes(self) -> bool:
        return self.unit == "minutes"

    @property
    def column_key(self) -> str:
        return self.column.key if self.column else VALUE

    @property
    def columns(self) -> tuple[Choice, ...]:
        return self.column.choices if self.column else (Choice(VALUE, _("Value")),)

    def row_choices(self) -> list[tuple[Choice, ...]]:
        return list(itertools.product(*(axis.choices for axis in self.rows)))

    def cell_coordinates(self, row: Iterable[str], column: str) -> Coordinates:
        pairs = [(axis.key, code) for axis, code in zip(self.rows, row, strict=True)]
        return coordinates([*pairs, (self.column_key, column)])

    def stored(self, row: Iterable[str], column: str) -> Decimal | None:
        return self.values.get(self.cell_coordinates(row, column))

    def stored_text(self, row: Iterable[str], column: str) -> str:
        return value_text(self.stored(row, column), minutes=self.minutes)


@dataclass(frozen=True)
class SectionGrids:
    """Everything one capture page or template shows for a provider, a year and a section."""

    provider: str  # slug
    provider_name: str
    year: int
    section: str
    section_label: str
    category_sets: dict[str, int]  # dimension → the first year of the category set the grids use
    grids: tuple[Grid, ...]
    notes: tuple[str, ...] = ()  # indicators of the section that cannot be captured here, and why

    def grid(self, indicator: str) -> Grid | None:
        return next((grid for grid in self.grids if grid.indicator == indicator), None)


@dataclass(frozen=True)
class CellInput:
    """What a person wrote in one cell of a grid ("" when the cell is empty)."""

    indicator: str
    coordinates: Coordinates
    text: str
    sheet: str  # the XLSX sheet, or the grid's indicator on a form
    cell: str  # "C7", or the form field's name
    code_cells: tuple[tuple[str, str], ...] = ()  # axis → the cell its code was read from (XLSX)

    def cell_of(self, axis: str) -> str:
        return dict(self.code_cells).get(axis, self.cell)


@dataclass(frozen=True)
class CaptureError:
    sheet: str  # "" for the file as a whole
    cell: str  # "" for a whole file or sheet
    message: str

    def __str__(self) -> str:
        if self.sheet and self.cell:
            return _("Sheet “%(sheet)s”, cell %(cell)s: %(message)s") % {
                "sheet": self.sheet,
                "cell": self.cell,
                "message": self.message,
            }
        if self.sheet:
            return _("Sheet “%(sheet)s”: %(message)s") % {"sheet": self.sheet, "message": self.message}
        return self.message


def value_text(value: Decimal | None, *, minutes: bool = False) -> str:
    """A stored figure as a person writes it: digits with a decimal point, durations as h:mm."""
    if value is None:
        return ""
    if minutes and value == value.to_integral_value() and value >= 0:
        whole = int(value)
        return f"{whole // 60}:{whole % 60:02d}"
    return format(value.normalize(), "f")


def build_grid(
    indicator: GridIndicator,
    *,
    year: int,
    targets: dict[str, tuple[Choice, ...]],
    months: tuple[Choice, ...],
    dimensions: dict[str, Axis],
    values: dict[Coordinates, Decimal],
) -> Grid | str:
    """The indicator's grid, or why it cannot be captured in a grid (a sentence for the page)."""
    if indicator.period not in ("month", "year"):
        return _("“%(label)s” is reported for date ranges; import it as a CSV file.") % {"label": indicator.label}
    missing = [code for code in indicator.dimensions if code not in dimensions]
    if missing:
        message = _("“%(label)s” cannot be entered for %(year)d: “%(dimension)s” has no categories for that year.")
        return message % {"label": indicator.label, "year": year, "dimension": missing[0]}
    axes: list[Axis] = []
    if indicator.target in TARGETS:
        axis_labels = {"unit": _("Unit"), "programme": _("Programme"), "cost_carrier": _("Cost carrier")}
        axes.append(Axis(indicator.target, axis_labels[indicator.target], targets.get(indicator.target, ())))
    if indicator.period == "month":
        axes.append(Axis(MONTH, _("Month"), months))
    axes += [dimensions[code] for code in indicator.dimensions]
    column: Axis | None = None
    if indicator.dimensions:
        column = axes.pop()
        if len(indicator.dimensions) == 1 and all(len(axis.choices) <= 1 for axis in axes):
            # a single row (one unit, or none) reads better turned: the categories down, the unit across
            axes, column = [column], (axes[0] if axes else None)
    elif indicator.period == "month" and indicator.target in TARGETS:
        column = axes.pop(0)
    if not axes:
        axes.append(Axis(YEAR, _("Year"), (Choice(str(year), str(year)),)))
    return Grid(indicator.code, indicator.label, indicator.unit, tuple(axes), column, values)
