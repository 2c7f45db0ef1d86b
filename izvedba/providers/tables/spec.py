"""The vocabulary of table specifications: axes that produce rows or columns, columns computed from others.

A cell is the sum of the observations of an indicator in a year that match the filters of its row, its column and
its table. Rows come from an axis (months, units, a dimension's categories for the year, cost carriers, covered
municipalities, fixed lines, or one axis nested in another with subtotals). Columns are figures (one, or one per
item of an axis, or one per year) and figures computed from them: a row sum, a share, a difference, an index.

Rounding rule: shares (value ÷ total × 100), indices (current ÷ previous × 100), ratios and averages are rounded
half up to the decimals the specification declares, each on its own; shares are not adjusted to make 100, so a
share column may add up to 99 or 101 (a check says so). The total row shows 100.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from django.utils.dates import MONTHS
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from izvedba.providers.tables.context import Context, Item

Label = str | Promise
TOTAL = _("Total")
INNER_TOTAL = _("{inner}, total")
MONTH_NAMES: tuple[Label, ...] = tuple(MONTHS[m] for m in range(1, 13))  # Django's own translated names


@dataclass(frozen=True)
class Line:
    """One row or column as built for a year: its key, label and what it filters.

    Kinds: `data` (figures from observations), `subtotal` (the sum of a group's data rows; the groups together
    make the table), `sum` (another sum of data rows, e.g. one category over all groups), `ratio` (one row as a
    percentage of another)."""

    key: str
    label: str
    filters: tuple[tuple[str, str | int], ...] = ()
    indicator: str | None = None
    kind: Literal["data", "subtotal", "sum", "ratio"] = "data"
    members: tuple[str, ...] = ()
    group: str = ""
    ratio: tuple[str, str] | None = None
    decimals: int = 0
    hide_if_empty: bool = False


class Axis:
    def lines(self, ctx: Context, table: str) -> list[Line]:
        raise NotImplementedError


@dataclass(frozen=True)
class Months(Axis):
    """January to December, labelled by name ('januar') or by period ('2021/01')."""

    style: Literal["name", "period"] = "name"

    def lines(self, ctx: Context, table: str) -> list[Line]:
        def label(month: int) -> str:
            if self.style == "period":
                return f"{ctx.year}/{month:02d}"
            return str(MONTH_NAMES[month - 1]).lower()

        return [Line(f"{m:02d}", label(m), (("month", m),)) for m in range(1, 13)]


@dataclass(frozen=True)
class Units(Axis):
    kinds: tuple[str, ...] = ("unit",)
    codes: tuple[str, ...] = ()

    def lines(self, ctx: Context, table: str) -> list[Line]:
        units = [u for u in ctx.units if u.kind in self.kinds or u.code in self.codes]
        return [Line(u.code, ctx.label(table, f"row:{u.code}", u.label), (("unit", u.code),)) for u in units]


@dataclass(frozen=True)
class Categories(Axis):
    """The year's categories of a dimension: the broadest ones (or those under `under`), in the set's order or by
    label."""

    dimension: str
    under: str = ""
    order: Literal["position", "label"] = "position"

    def lines(self, ctx: Context, table: str) -> list[Line]:
        items = [c for c in ctx.categories.get(self.dimension, ()) if c.parent == self.under]
        if self.order == "label":
            items.sort(key=lambda c: c.label.casefold())
        return [Line(c.code, ctx.label(table, f"row:{c.code}", c.label), ((self.dimension, c.code),)) for c in items]


@dataclass(frozen=True)
class CostCarriers(Axis):
    """The provider's cost carriers, after a subtotal of those in the public service (not market activity)."""

    public_subtotal: Label = ""

    def lines(self, ctx: Context, table: str) -> list[Line]:
        lines = [Line(c.code, c.label, (("cost_carrier", c.code),)) for c in ctx.cost_carriers]
        if not self.public_subtotal:
            return lines
        public = tuple(c.code for c in ctx.cost_carriers if c.kind != "market")
        label = ctx.label(table, "row:public", self.public_subtotal)
        return [Line("public", label, kind="sum", members=public), *lines]


@dataclass(frozen=True)
class Municipalities(Axis):
    """The municipalities the provider's units cover, grouped by administrative unit."""

    def lines(self, ctx: Context, table: str) -> list[Line]:
        return [Line(m.code, m.label, (("municipality", m.code),), group=m.group) for m in ctx.municipalities]


@dataclass(frozen=True)
class Fixed(Axis):
    """Lines named in the specification: each its own indicator and filters, or a ratio of two other lines."""

    items: tuple[FixedLine, ...]

    def lines(self, ctx: Context, table: str) -> list[Line]:
        return [item.line(ctx, table) for item in self.items]


@dataclass(frozen=True)
class Concat(Axis):
    """The lines of several axes, one after the other."""

    axes: tuple[Axis, ...]

    def lines(self, ctx: Context, table: str) -> list[Line]:
        return [line for axis in self.axes for line in axis.lines(ctx, table)]


@dataclass(frozen=True)
class FixedLine:
    key: str
    label: Label = ""
    indicator: str | None = None
    filters: tuple[tuple[str, str | int], ...] = ()
    ratio: tuple[str, str] | None = None
    decimals: int = 0

    def line(self, ctx: Context, table: str) -> Line:
        default = self.label or (ctx.indicator_labels.get(self.indicator, self.key) if self.indicator else self.key)
        label = ctx.label(table, f"row:{self.key}", default)
        kind: Literal["data", "ratio"] = "ratio" if self.ratio else "data"
        return Line(self.key, label, self.filters, self.indicator, kind, ratio=self.ratio, decimals=self.decimals)


@dataclass(frozen=True)
class Nested(Axis):
    """Each item of `outer` with each item of `inner` under it, with a subtotal per outer item (before or after its
    lines) and optionally a total per inner item at the end. Labels are templates with {outer} and {inner}."""

    outer: Axis
    inner: Axis
    subtotals: Literal["before", "after", "none"] = "after"
    inner_totals: bool = False
    hide_empty: bool = False
    label: Label = "{inner} {outer}"
    subtotal_label: Label = "{outer}"
    inner_total_label: Label = INNER_TOTAL

    def lines(self, ctx: Context, table: str) -> list[Line]:
        lines: list[Line] = []
        inner = self.inner.lines(ctx, table)
        for outer in self.outer.lines(ctx, table):
            group = [self._line(ctx, table, outer, item) for item in inner]
            subtotal = self._subtotal(ctx, table, outer, group)
            lines += [subtotal, *group] if self.subtotals == "before" else group
            if self.subtotals == "after":
                lines.append(subtotal)
        if self.subtotals == "none":
            lines = [line for line in lines if line.kind == "data"]
        if self.inner_totals:
            data = [line for line in lines if line.kind == "data"]
            for item in inner:
                members = tuple(line.key for line in data if line.key.endswith(f":{item.key}"))
                label = ctx.label(table, "inner_total", self.inner_total_label, inner=item.label)
                lines.append(Line(item.key, label, kind="sum", members=members))
        return lines

    def _line(self, ctx: Context, table: str, outer: Line, inner: Line) -> Line:
        label = ctx.label(table, "nested", self.label, outer=outer.label, inner=inner.label)
        key = f"{outer.key}:{inner.key}"
        return Line(
            key, label, outer.filters + inner.filters, inner.indicator or outer.indicator, hide_if_empty=self.hide_empty
        )

    def _subtotal(self, ctx: Context, table: str, outer: Line, group: list[Line]) -> Line:
        label = ctx.label(table, "subtotal", self.subtotal_label, outer=outer.label)
        members = tuple(line.key for line in group)
        return Line(outer.key, label, kind="subtotal", members=members, hide_if_empty=self.hide_empty)


# Columns


@dataclass(frozen=True)
class Col:
    """One figure column; without a label it is named after its indicator."""

    key: str
    label: Label = ""
    indicator: str | None = None
    filters: tuple[tuple[str, str | int], ...] = ()
    year_offset: int = 0
    group: str = ""


@dataclass(frozen=True)
class ColsFrom:
    """One figure column per line of an axis (e.g. per category of a dimension)."""

    axis: Axis
    indicator: str | None = None
    group: str = ""


@dataclass(frozen=True)
class YearCols:
    """One figure column per year: the previous year and the report's year by default, labelled by year."""

    indicator: str | None = None
    offsets: tuple[int, ...] = (-1, 0)


@dataclass(frozen=True)
class RowSum:
    """The sum of a row's figure columns (those of `group`, or all)."""

    key: str
    label: Label
    group: str = ""


@dataclass(frozen=True)
class Share:
    """A row's figure in column `of` as a percentage of the total (or of its group's total, `within_group`)."""

    key: str
    label: Label
    of: str
    decimals: int = 0
    within_group: bool = False


@dataclass(frozen=True)
class Diff:
    """Column `a` minus column `b` (e.g. this year minus last year)."""

    key: str
    label: Label
    a: str
    b: str


@dataclass(frozen=True)
class Index:
    """Column `a` ÷ column `b` × 100 (e.g. this year against last year)."""

    key: str
    label: Label
    a: str
    b: str
    decimals: int = 1


ColumnSpec = Col | ColsFrom | YearCols | RowSum | Share | Diff | Index


@dataclass(frozen=True)
class TableSpec:
    key: str
    title: Label
    rows: Axis
    columns: tuple[ColumnSpec, ...]
    indicator: str | None = None
    filters: tuple[tuple[str, str | int], ...] = ()
    total: Label | None = TOTAL
    average: Label | None = None
    average_decimals: int = 2
    unit: str = ""


@dataclass(frozen=True)
class PeakSpec:
    """For each unit, the `count` months with most of `indicator`, in calendar order, this year and last."""

    key: str
    title: Label
    indicator: str
    rows: Axis
    count: int = 2
    offsets: tuple[int, ...] = (-1, 0)
    unit: str = "month"


@dataclass(frozen=True)
class CrossRule:
    """Two tables that must agree: column `column` of `table` and `other_column` of `other_table`, on the rows both
    have (`rows="each"`, the total included) or on named row pairs."""

    rule: Label
    table: str
    column: str
    other_table: str
    other_column: str
    rows: Literal["each"] | Sequence[tuple[str, str]] = "each"


AnySpec = TableSpec | PeakSpec
LabelFunction = Callable[[Context], str]
__all__ = ["Item"]
