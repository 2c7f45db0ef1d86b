"""The charts of the annual report: which tables get one and how it is drawn from the table's figures (pure).

Each chart is followed in the document by its data table (the report table itself)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from izvedba.providers.tables.engine import Table
from izvedba.rendering import formatting
from izvedba.rendering.charts import ChartKind, ChartSpec, Series

ChartBuilder = Callable[[Table, str], ChartSpec | None]


def _value(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _column(table: Table, key: str) -> int | None:
    return table.column_index(key)


def _short_month(month: int, language: str) -> str:
    return formatting.month_name(month, language)[:3]


def by_rows(kind: ChartKind, columns: tuple[str, ...], row_kinds: tuple[str, ...] = ("data",)) -> ChartBuilder:
    """Categories from the rows (of `row_kinds`), one series per column key."""

    def build(table: Table, language: str) -> ChartSpec | None:
        rows = [row for row in table.rows if row.kind in row_kinds]
        indices = [(key, _column(table, key)) for key in columns]
        series = tuple(
            Series(table.columns[i].label, tuple(_value(row.cells[i]) for row in rows))
            for _key, i in indices
            if i is not None
        )
        if not rows or not series:
            return None
        decimals = max((table.columns[i].decimals for _k, i in indices if i is not None), default=0)
        return ChartSpec(kind, tuple(row.label for row in rows), series, language=language, decimals=decimals)

    return build


def year_columns(kind: ChartKind, row_kinds: tuple[str, ...]) -> ChartBuilder:
    """Categories from the rows, one series per year column (this year against last)."""

    def build(table: Table, language: str) -> ChartSpec | None:
        rows = [row for row in table.rows if row.kind in row_kinds]
        years = [(i, c) for i, c in enumerate(table.columns) if c.kind == "value" and c.key.isdigit()]
        if not rows or not years:
            return None
        series = tuple(Series(column.label, tuple(_value(row.cells[i]) for row in rows)) for i, column in years)
        return ChartSpec(kind, tuple(row.label for row in rows), series, language=language)

    return build


def months_by_unit(column: str) -> ChartBuilder:
    """A line per unit over the months, from a table of units × months (rows `unit:MM`)."""

    def build(table: Table, language: str) -> ChartSpec | None:
        index = _column(table, column)
        if index is None:
            return None
        units: dict[str, list[float | None]] = {}
        for row in table.rows:
            unit, _sep, month = row.key.partition(":")
            if row.kind == "data" and month.isdigit():
                units.setdefault(unit, [None] * 12)[int(month) - 1] = _value(row.cells[index])
        if not units:
            return None
        names = {row.key: row.label for row in table.rows if row.key in units}
        series = tuple(Series(names.get(unit, unit), tuple(values)) for unit, values in units.items())
        months = tuple(_short_month(m, language) for m in range(1, 13))
        return ChartSpec("line", months, series, value_label=table.columns[index].label, language=language)

    return build


def months_only(builder: ChartBuilder) -> ChartBuilder:
    """The same chart with the months' short names (the table keeps the full ones)."""

    def build(table: Table, language: str) -> ChartSpec | None:
        spec = builder(table, language)
        if spec is None:
            return None
        month_rows = [row for row in table.rows if row.kind == "data" and row.key.isdigit()]
        if len(month_rows) != len(spec.categories):
            return spec
        names = tuple(_short_month(int(row.key), language) for row in month_rows)
        return ChartSpec(spec.kind, names, spec.series, spec.value_label, spec.category_label, language, spec.decimals)

    return build


CHARTS: dict[str, ChartBuilder] = {
    "rights_by_month_unit": months_by_unit("applications"),
    "idp_by_unit": year_columns("bar", ("subtotal",)),
    "kcm_placements_by_month": months_only(by_rows("bar", ("count",))),
    "kczn_nights_by_month": months_only(by_rows("bar", ("nights", "days"))),
    "violence_cases_by_unit": by_rows("bar", ("count",)),
    "violence_forms": by_rows("barh", ("count",)),
    "interventions_by_month": months_only(by_rows("bar", ("count",))),
}


def chart_for(table: Table, language: str) -> ChartSpec | None:
    builder = CHARTS.get(table.key)
    return builder(table, language) if builder is not None else None
