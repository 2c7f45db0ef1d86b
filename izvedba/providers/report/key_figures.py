"""The key figures of an annual report: which cells of which tables they are, and their values this year and
last (pure). The summary at the start shows them; section 6 compares them with the previous year."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from izvedba.providers.report.tables import cell_text
from izvedba.providers.tables.engine import HUNDRED, Table, rounded
from izvedba.rendering import formatting


@dataclass(frozen=True)
class KeyFigureSpec:
    """A cell of a report table: `row` and `column` keys as `Table.cell` takes them (`{year}` is the table's
    year)."""

    label: str | Promise
    table: str
    row: str
    column: str
    duration: bool = False  # minutes, shown as h:mm

    def value(self, tables: dict[str, Table], year: int) -> Decimal | None:
        table = tables.get(self.table)
        column = self.column.replace("{year}", str(year))
        if table is None or not table.has_cell(self.row, column):
            return None
        return table.cell(self.row, column)

    def text(self, tables: dict[str, Table], year: int, value: Decimal | None, language: str) -> str:
        """`value` formatted like the table's column (durations as h:mm)."""
        if self.duration:
            return formatting.hours_minutes(value)
        table = tables.get(self.table)
        column = self.column.replace("{year}", str(year))
        index = table.column_index(column) if table is not None else None
        if table is None or index is None:
            return formatting.number(value, language)
        return cell_text(table, index, value, language)


KEY_FIGURES: tuple[KeyFigureSpec, ...] = (
    KeyFigureSpec(_("Population of the area covered"), "municipalities", "total", "population"),
    KeyFigureSpec(_("Applications for rights from public funds"), "rights_by_month_unit", "total", "applications"),
    KeyFigureSpec(_("Rights decided"), "rights_by_month_unit", "total", "rights"),
    KeyFigureSpec(
        _("Applications for extraordinary financial social assistance and funeral aid"),
        "idp_by_unit",
        "total",
        "{year}",
    ),
    KeyFigureSpec(_("New placements in the crisis centre for children"), "kcm_placements_by_month", "total", "count"),
    KeyFigureSpec(_("Nights in the crisis centre for victims of violence"), "kczn_nights_by_month", "total", "nights"),
    KeyFigureSpec(_("Domestic-violence cases"), "violence_cases_by_unit", "total", "count"),
    KeyFigureSpec(_("Victims of domestic violence"), "violence_victims_by_unit", "total", "count"),
    KeyFigureSpec(_("Restraining orders"), "restraining_orders_by_station", "total", "count"),
    KeyFigureSpec(_("Interventions"), "interventions_by_month", "total", "count"),
    KeyFigureSpec(_("Duration of interventions (h:mm)"), "interventions_by_month", "total", "minutes", duration=True),
    KeyFigureSpec(_("Revenue (EUR)"), "cost_carriers", "total", "revenue"),
    KeyFigureSpec(_("Expenses (EUR)"), "cost_carriers", "total", "expense"),
    KeyFigureSpec(_("Result after tax (EUR)"), "cost_carriers", "total", "result_after_tax"),
)


@dataclass(frozen=True)
class KeyFigureValue:
    label: str
    current: Decimal | None
    previous: Decimal | None
    current_text: str
    previous_text: str
    difference_text: str
    index_text: str


def key_figure_values(
    current: dict[str, Table], previous: dict[str, Table], year: int, language: str
) -> list[KeyFigureValue]:
    """Every key figure this year and last, with difference and index (current ÷ previous × 100, one decimal,
    half up, as the tables' indices); those with no figure in either year are left out."""
    values = []
    for spec in KEY_FIGURES:
        now, before = spec.value(current, year), spec.value(previous, year - 1)
        if now is None and before is None:
            continue
        difference = now - before if now is not None and before is not None else None
        index = rounded(now * HUNDRED / before, 1) if now is not None and before else None
        values.append(
            KeyFigureValue(
                str(spec.label),
                now,
                before,
                spec.text(current, year, now, language),
                spec.text(current, year, before, language),
                spec.text(current, year, difference, language),
                formatting.number(index, language, 1) if index is not None else formatting.EMPTY,
            )
        )
    return values
