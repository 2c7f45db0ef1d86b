"""Checks on built tables: reconciliation with figures as printed, printed parts against printed totals, printed
shares against 100 %, and rules between tables (pure)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from izvedba.providers.tables.context import Context
from izvedba.providers.tables.engine import Cell, Table, rounded
from izvedba.providers.tables.spec import CrossRule

OK, MISMATCH = "ok", "mismatch"


def shown(value: Cell) -> str:
    """A figure as a person writes it: no trailing zeros."""
    if value is None:
        return "—"
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())


@dataclass(frozen=True)
class Printed:
    table: str
    row: str
    column: str
    value: Decimal
    decimals: int
    source: str
    note: str = ""


@dataclass(frozen=True)
class Check:
    table: str
    rule: str
    status: str
    printed: Cell
    computed: Cell
    detail: str


def run_checks(
    tables: dict[str, Table], printed: Sequence[Printed], rules: Iterable[CrossRule], ctx: Context
) -> list[Check]:
    checks = reconcile(tables, printed) + printed_parts(tables, printed) + printed_shares(tables, printed)
    checks += cross_checks(tables, rules, ctx)
    order = {key: i for i, key in enumerate(tables)}
    return sorted(checks, key=lambda check: order.get(check.table, len(order)))


def reconcile(tables: dict[str, Table], printed: Sequence[Printed]) -> list[Check]:
    """Every printed figure against the cell computed from the finest-grain data."""
    checks = []
    for figure in printed:
        table = tables.get(figure.table)
        where = f"printed at {figure.source}" + (f" ({figure.note})" if figure.note else "")
        if table is None or not table.has_cell(figure.row, figure.column):
            detail = f"{figure.row} / {figure.column}: no such cell in the table; {where}"
            checks.append(Check(figure.table, "printed figure", MISMATCH, figure.value, None, detail))
            continue
        computed = table.cell(figure.row, figure.column)
        same = computed is not None and _agree(figure, computed)
        detail = f"{table.label_of(figure.row, figure.column)}: {where}"
        checks.append(Check(figure.table, "printed figure", OK if same else MISMATCH, figure.value, computed, detail))
    return checks


def _agree(figure: Printed, computed: Decimal) -> bool:
    """Equal at the decimals both have: the computed figure is rounded to the printed decimals, and a printed
    figure with more decimals than a rounded table cell (a share of 49,8 against 50) is rounded to the cell's."""
    exponent = computed.as_tuple().exponent
    places = min(figure.decimals, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return rounded(computed, places) == rounded(figure.value, places)


def printed_parts(tables: dict[str, Table], printed: Sequence[Printed]) -> list[Check]:
    """A printed total against the sum of the printed figures of its rows (or of its group subtotals)."""
    cells: dict[tuple[str, str, str], Printed] = {}
    for figure in printed:
        cells.setdefault((figure.table, figure.row, figure.column), figure)
    checks = []
    for (key, row_key, column), total in cells.items():
        table = tables.get(key)
        if row_key != "total" or table is None or column in _share_columns(table):
            continue
        for kind, what in (("data", "rows"), ("subtotal", "subtotals")):
            parts = [cells.get((key, row.key, column)) for row in table.rows if row.kind == kind]
            if not parts or any(part is None for part in parts):
                continue
            summed = sum((part.value for part in parts if part is not None), Decimal(0))
            status = OK if summed == total.value else MISMATCH
            label = table.label_of("total", column)
            detail = f"{label}: printed total ({total.source}) against the sum of the printed {what}"
            checks.append(Check(key, "printed parts add up to the printed total", status, total.value, summed, detail))
            break
    return checks


def printed_shares(tables: dict[str, Table], printed: Sequence[Printed]) -> list[Check]:
    """Printed shares of a column (or of a group) should add up to 100."""
    checks = []
    by_cell = {(f.table, f.row, f.column): f for f in printed}
    for key, table in tables.items():
        for column in _share_columns(table):
            groups: dict[str, list[Printed | None]] = defaultdict(list)
            for row in table.rows:
                if row.kind == "data":
                    groups[_group_of(table, row.key)].append(by_cell.get((key, row.key, column)))
            for group, shares in groups.items():
                if not shares or any(share is None for share in shares):
                    continue
                summed = sum((s.value for s in shares if s is not None), Decimal(0))
                status = OK if summed == 100 else MISMATCH
                label = table.label_of("total", column) + (f" ({group})" if group else "")
                detail = f"{label}: the printed shares add up to {shown(summed)}, presented as 100"
                checks.append(Check(key, "printed shares add up to 100", status, summed, Decimal(100), detail))
    return checks


def cross_checks(tables: dict[str, Table], rules: Iterable[CrossRule], ctx: Context) -> list[Check]:
    """Two tables that must agree; `printed` holds the other table's figure, `computed` this table's."""
    checks = []
    for rule in rules:
        table, other = tables.get(rule.table), tables.get(rule.other_table)
        if table is None or other is None:
            continue
        column, other_column = ctx.expand(rule.column), ctx.expand(rule.other_column)
        for row_key, other_key in _row_pairs(rule, table, other):
            if not table.has_cell(row_key, column) or not other.has_cell(other_key, other_column):
                continue
            mine, theirs = table.cell(row_key, column), other.cell(other_key, other_column)
            if mine is None and theirs is None:
                continue
            status = OK if mine == theirs else MISMATCH
            detail = (
                f"{table.label_of(row_key, column)} = {shown(mine)}; "
                f"{other.key}: {other.label_of(other_key, other_column)} = {shown(theirs)}"
            )
            checks.append(Check(rule.table, f"cross-table: {rule.rule}", status, theirs, mine, detail))
    return checks


def _row_pairs(rule: CrossRule, table: Table, other: Table) -> list[tuple[str, str]]:
    if rule.rows != "each":
        return list(rule.rows)
    keys = [row.key for row in table.rows if row.kind == "data"] + ["total"]
    return [(key, key) for key in keys if other.row(key) is not None]


def _share_columns(table: Table) -> list[str]:
    return [column.key for column in table.columns if column.kind == "share"]


def _group_of(table: Table, row_key: str) -> str:
    return table.groups.get(row_key, "")
