"""Building a table from its specification, a context and the cube (pure)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from izvedba.providers.tables.context import Context
from izvedba.providers.tables.cube import Cube
from izvedba.providers.tables.spec import (
    AnySpec,
    Col,
    ColsFrom,
    Diff,
    Index,
    Line,
    PeakSpec,
    RowSum,
    Share,
    TableSpec,
    YearCols,
)

Cell = Decimal | None
HUNDRED = Decimal(100)


def rounded(value: Decimal, decimals: int) -> Decimal:
    """Half up, to `decimals` places (the documented rounding rule)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def add(values: list[Cell]) -> Cell:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "value"  # value, sum, share, diff, index
    indicator: str | None = None
    filters: tuple[tuple[str, str | int], ...] = ()
    year_offset: int = 0
    group: str = ""
    of: str = ""
    a: str = ""
    b: str = ""
    decimals: int = 0
    within_group: bool = False


@dataclass
class Row:
    key: str
    label: str
    kind: str
    cells: list[Cell]


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[Row]
    total: Row | None
    unit: str = ""
    groups: dict[str, str] = field(default_factory=dict)
    _index: dict[str, Row] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {row.key: row for row in self.rows}
        if self.total is not None:
            self._index["total"] = self.total

    def row(self, key: str) -> Row | None:
        return self._index.get(key)

    def column_index(self, key: str) -> int | None:
        return next((i for i, column in enumerate(self.columns) if column.key == key), None)

    def has_cell(self, row_key: str, column_key: str) -> bool:
        rows_known = all(part in self._index for part in row_key.split("+"))
        return rows_known and (column_key == "*" or self.column_index(column_key) is not None)

    def cell(self, row_key: str, column_key: str) -> Cell:
        """A cell; `a+b` adds rows, column `*` adds a row's figure columns. KeyError when there is no such cell."""
        if not self.has_cell(row_key, column_key):
            raise KeyError((row_key, column_key))
        return add([self._cell(self._index[part], column_key) for part in row_key.split("+")])

    def _cell(self, row: Row, column_key: str) -> Cell:
        if column_key == "*":
            return add([row.cells[i] for i, c in enumerate(self.columns) if c.kind == "value"])
        index = self.column_index(column_key)
        assert index is not None
        return row.cells[index]

    def label_of(self, row_key: str, column_key: str) -> str:
        rows = " + ".join(self._index[part].label if part in self._index else part for part in row_key.split("+"))
        if column_key == "*":
            return f"{rows} / Σ"
        index = self.column_index(column_key)
        return f"{rows} / {self.columns[index].label if index is not None else column_key}"


def build(spec: AnySpec, ctx: Context, cube: Cube, *, show_empty: bool = False) -> Table:
    """The table for the context's year; `show_empty` keeps the rows a specification hides when they have no data."""
    if isinstance(spec, PeakSpec):
        return _build_peaks(spec, ctx, cube)
    return _Builder(spec, ctx, cube, show_empty).table()


def layout(spec: AnySpec, ctx: Context) -> tuple[list[str], list[str]]:
    """The row keys (with `total`) and column keys a table has for the context's year."""
    table = build(spec, ctx, Cube(()), show_empty=True)
    return [row.key for row in table.rows] + (["total"] if table.total else []), [c.key for c in table.columns]


class _Builder:
    def __init__(self, spec: TableSpec, ctx: Context, cube: Cube, show_empty: bool) -> None:
        self.spec, self.ctx, self.cube, self.show_empty = spec, ctx, cube, show_empty
        self.columns = resolve_columns(spec, ctx)

    def table(self) -> Table:
        lines = self.spec.rows.lines(self.ctx, self.spec.key)
        values: dict[str, list[Cell]] = {}
        matched: dict[str, bool] = {}
        for line in lines:
            if line.kind == "data":
                values[line.key], matched[line.key] = self._data_cells(line)
        lines = [line for line in lines if self._shown(line, matched)]
        data = [line for line in lines if line.kind == "data"]
        for line in lines:
            if line.kind in ("subtotal", "sum"):
                values[line.key] = self._sum_rows([values[k] for k in line.members if k in values and k in matched])
        total = self._sum_rows([values[line.key] for line in data])
        rows = [Row(line.key, line.label, line.kind, values.get(line.key, [])) for line in lines]
        total_row = Row("total", self.ctx.label(self.spec.key, "total", self.spec.total or ""), "total", total)
        group_totals = self._group_totals(data, values)
        for row, line in zip(rows, lines, strict=True):
            if line.kind != "ratio":
                self._computed(row.cells, total, group_totals.get(line.group) if line.group else None)
        self._computed(total_row.cells, total, None, is_total=True)
        by_key = {row.key: row for row in rows}
        for row, line in zip(rows, lines, strict=True):
            if line.kind == "ratio" and line.ratio:
                row.cells = self._ratio(by_key.get(line.ratio[0]), by_key.get(line.ratio[1]), line.decimals)
        if self.spec.average is not None:
            rows.append(self._average(total_row, len(data)))
        title = self.ctx.label(self.spec.key, "title", self.spec.title)
        shown_total = total_row if self.spec.total is not None else None
        groups = {line.key: line.group for line in lines if line.group}
        return Table(self.spec.key, title, self.columns, rows, shown_total, self.spec.unit, groups)

    def _data_cells(self, line: Line) -> tuple[list[Cell], bool]:
        cells: list[Cell] = []
        matched = False
        for column in self.columns:
            if column.kind != "value":
                cells.append(None)
                continue
            indicator = column.indicator or line.indicator or self.spec.indicator
            year = self.ctx.year + column.year_offset
            filters = dict(self.spec.filters) | dict(line.filters) | dict(column.filters)
            value = self.cube.value(indicator, year, filters) if indicator else None
            matched = matched or value is not None
            if value is None and indicator and self.cube.has(indicator, year):
                value = Decimal(0)
            cells.append(value)
        return cells, matched

    def _shown(self, line: Line, matched: dict[str, bool]) -> bool:
        if not line.hide_if_empty or self.show_empty:
            return True
        if line.kind == "data":
            return matched.get(line.key, False)
        return any(matched.get(key, False) for key in line.members)

    def _sum_rows(self, rows: list[list[Cell]]) -> list[Cell]:
        return [
            add([row[i] for row in rows]) if column.kind == "value" else None for i, column in enumerate(self.columns)
        ]

    def _group_totals(self, data: list[Line], values: dict[str, list[Cell]]) -> dict[str, list[Cell]]:
        grouped: dict[str, list[list[Cell]]] = defaultdict(list)
        for line in data:
            if line.group:
                grouped[line.group].append(values[line.key])
        return {group: self._sum_rows(rows) for group, rows in grouped.items()}

    def _computed(self, cells: list[Cell], total: list[Cell], group: list[Cell] | None, is_total: bool = False) -> None:
        """Fill the computed columns of one row, in the order they are declared (a difference may use a sum)."""
        position = {column.key: i for i, column in enumerate(self.columns)}
        for i, column in enumerate(self.columns):
            if column.kind == "sum":
                cells[i] = add([cells[j] for j, c in enumerate(self.columns) if c.kind == "value" and _in(c, column)])
            elif column.kind == "diff":
                a, b = cells[position[column.a]], cells[position[column.b]]
                cells[i] = a - b if a is not None and b is not None else None
            elif column.kind == "index":
                a, b = cells[position[column.a]], cells[position[column.b]]
                cells[i] = rounded(a * HUNDRED / b, column.decimals) if a is not None and b else None
            elif column.kind == "share":
                of = position[column.of]
                in_group = group[of] if group is not None else None
                cells[i] = self._share(cells[of], column, total[of], in_group, is_total)

    def _share(self, value: Cell, column: Column, total: Cell, group: Cell, is_total: bool) -> Cell:
        if is_total:
            return None if column.within_group or not total else HUNDRED
        base = group if column.within_group else total
        if value is None or not base:
            return None
        return rounded(value * HUNDRED / base, column.decimals)

    def _ratio(self, numerator: Row | None, denominator: Row | None, decimals: int) -> list[Cell]:
        cells: list[Cell] = []
        for i, column in enumerate(self.columns):
            a = numerator.cells[i] if numerator else None
            b = denominator.cells[i] if denominator else None
            ok = column.kind in ("value", "sum") and a is not None and b
            cells.append(rounded(a * HUNDRED / b, decimals) if ok and a is not None and b else None)
        return cells

    def _average(self, total: Row, count: int) -> Row:
        cells: list[Cell] = []
        for value, column in zip(total.cells, self.columns, strict=True):
            usable = column.kind in ("value", "sum", "diff") and value is not None and count
            cells.append(rounded(value / count, self.spec.average_decimals) if usable and value is not None else None)
        label = self.ctx.label(self.spec.key, "average", self.spec.average or "")
        return Row("average", label, "average", cells)


def _in(value_column: Column, sum_column: Column) -> bool:
    return not sum_column.group or value_column.group == sum_column.group


def resolve_columns(spec: TableSpec, ctx: Context) -> list[Column]:
    columns: list[Column] = []
    for item in spec.columns:
        if isinstance(item, Col):
            indicator = item.indicator or spec.indicator
            default = item.label or (ctx.indicator_labels.get(indicator, item.key) if indicator else item.key)
            label = ctx.label(spec.key, f"col:{item.key}", default)
            columns.append(Column(item.key, label, "value", item.indicator, item.filters, item.year_offset, item.group))
        elif isinstance(item, ColsFrom):
            for line in item.axis.lines(ctx, spec.key):
                label = ctx.label(spec.key, f"col:{line.key}", line.label)
                columns.append(Column(line.key, label, "value", item.indicator, line.filters, group=item.group))
        elif isinstance(item, YearCols):
            for offset in item.offsets:
                year = str(ctx.year + offset)
                columns.append(Column(year, year, "value", item.indicator, year_offset=offset))
        elif isinstance(item, RowSum):
            label = ctx.label(spec.key, f"col:{item.key}", item.label)
            columns.append(Column(item.key, label, "sum", group=item.group))
        elif isinstance(item, Share):
            label = ctx.label(spec.key, f"col:{item.key}", item.label)
            of = ctx.expand(item.of)
            columns.append(
                Column(item.key, label, "share", of=of, decimals=item.decimals, within_group=item.within_group)
            )
        elif isinstance(item, Diff | Index):
            label = ctx.label(spec.key, f"col:{item.key}", item.label)
            kind, decimals = ("diff", 0) if isinstance(item, Diff) else ("index", item.decimals)
            columns.append(Column(item.key, label, kind, a=ctx.expand(item.a), b=ctx.expand(item.b), decimals=decimals))
    return columns


def _build_peaks(spec: PeakSpec, ctx: Context, cube: Cube) -> Table:
    columns = [
        Column(f"{ctx.year + offset}:{rank}", f"{ctx.year + offset} ({rank})", "value")
        for offset in spec.offsets
        for rank in range(1, spec.count + 1)
    ]
    rows = []
    for line in spec.rows.lines(ctx, spec.key):
        cells: list[Cell] = []
        for offset in spec.offsets:
            cells += _peak_months(cube, spec, ctx.year + offset, dict(line.filters))
        rows.append(Row(line.key, line.label, "data", cells))
    return Table(spec.key, ctx.label(spec.key, "title", spec.title), columns, rows, None, spec.unit)


def _peak_months(cube: Cube, spec: PeakSpec, year: int, filters: dict[str, str | int]) -> list[Cell]:
    by_month = [(cube.value(spec.indicator, year, filters | {"month": m}), m) for m in range(1, 13)]
    known = [(value, month) for value, month in by_month if value is not None]
    if not known:
        return [None] * spec.count
    top = sorted(known, key=lambda vm: (-vm[0], vm[1]))[: spec.count]
    months: list[Cell] = [Decimal(month) for _, month in sorted(top, key=lambda vm: vm[1])]
    return months + [None] * (spec.count - len(months))
