"""Small-count suppression for published tables (pure: no database, no Django models).

The rules, in order:

1. **Primary suppression.** Every count about persons or cases with ``0 < value < threshold`` is suppressed, totals
   included. **Zeros are shown**: a zero says that nobody is in the cell, which identifies nobody, and hiding zeros
   would make most small tables unreadable. (A zero may still be hidden by step 2 when nothing else is left.)
2. **Secondary suppression.** Every additive relation (a total and the cells it adds up) with exactly one suppressed
   cell gets a second one: the smallest non-zero member that is not itself a total, else the smallest non-zero member,
   else the relation's total, else a zero member. Repeat until stable.
3. **Audit.** Step 2 is not enough on its own (two hidden 2×2 blocks joined by one hidden cell leave that cell
   recoverable), so the result is checked exactly: a suppressed cell is *derivable* when it is uniquely determined by
   the linear system "every relation holds" with the published cells known. With exact fractions the cell is
   determined iff its unit vector lies in the row space of the constraint matrix restricted to the suppressed cells.
   A derivable cell gets one more suppressed cell beside it and everything is checked again, until none is derivable.
   Because every suppressed cell is positive (zeros are hidden only as a last resort), a cell that is not uniquely
   determined can move both ways, so non-negativity cannot pin it down either.
4. **Derived figures** (shares, differences, indices, ratios, averages) are hidden when any count they are computed
   from is hidden (see :func:`suppress_table`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from math import gcd
from typing import Generic, TypeVar

from izvedba.providers.tables.engine import Row, Table

DEFAULT_THRESHOLD = 5
COUNT_ROW_KINDS = ("data", "subtotal", "sum", "total")
COUNT_COLUMN_KINDS = ("value", "sum")

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Relation(Generic[K]):
    """``total`` equals the sum of ``members``."""

    total: K
    members: tuple[K, ...]


def primary(values: Mapping[K, int], threshold: int) -> set[K]:
    """The cells with a count that is small but not zero."""
    return {key for key, value in values.items() if 0 < value < threshold}


def suppress(values: Mapping[K, int], relations: Sequence[Relation[K]], threshold: int = DEFAULT_THRESHOLD) -> set[K]:
    """The cells to hide so that no small count is shown or can be worked out from what is shown."""
    relations = [r for r in relations if r.total in values and all(m in values for m in r.members)]
    totals = {r.total for r in relations}
    hidden = primary(values, threshold)
    while True:
        if _secondary_step(values, relations, totals, hidden):
            continue
        derivable = derivable_cells(values.keys(), relations, hidden)
        if not derivable:
            return hidden
        before = len(hidden)
        for cell in sorted(derivable, key=repr):
            _protect(cell, values, relations, totals, hidden)
        if len(hidden) == before:
            return hidden  # nothing left to hide (cannot happen with a relation holding the cell; kept for safety)


def _secondary_step(values: Mapping[K, int], relations: Sequence[Relation[K]], totals: set[K], hidden: set[K]) -> bool:
    changed = False
    for relation in relations:
        cells = (relation.total, *relation.members)
        if sum(1 for cell in cells if cell in hidden) == 1:
            choice = _choose(relation, values, totals, hidden)
            if choice is not None:
                hidden.add(choice)
                changed = True
    return changed


def _choose(relation: Relation[K], values: Mapping[K, int], totals: set[K], hidden: set[K]) -> K | None:
    open_members = [m for m in relation.members if m not in hidden]
    order = sorted(open_members, key=lambda m: (values[m], repr(m)))
    for candidates in (
        [m for m in order if values[m] > 0 and m not in totals],
        [m for m in order if values[m] > 0],
        [relation.total] if relation.total not in hidden else [],
        order,
    ):
        if candidates:
            return candidates[0]
    return None


def _protect(
    cell: K, values: Mapping[K, int], relations: Sequence[Relation[K]], totals: set[K], hidden: set[K]
) -> bool:
    """Hide one more cell in a relation of `cell` (or, failing that, anywhere), so that `cell` gains a free partner."""
    around = [r for r in relations if cell == r.total or cell in r.members]
    choices = [c for r in around if (c := _choose(r, values, totals, hidden)) is not None]
    if not choices:
        choices = [c for r in relations if (c := _choose(r, values, totals, hidden)) is not None]
    if not choices:
        return False
    hidden.add(min(choices, key=lambda c: (values[c] == 0, c in totals, values[c], repr(c))))
    return True


def derivable_cells(keys: Iterable[K], relations: Sequence[Relation[K]], hidden: set[K]) -> set[K]:
    """The hidden cells the relations determine uniquely once every other cell is known (exact arithmetic)."""
    unknowns = sorted((k for k in keys if k in hidden), key=repr)
    position = {key: i for i, key in enumerate(unknowns)}
    basis: dict[int, dict[int, int]] = {}
    for relation in relations:
        row: dict[int, int] = {}
        for member in relation.members:
            if member in position:
                row[position[member]] = row.get(position[member], 0) + 1
        if relation.total in position:
            row[position[relation.total]] = row.get(position[relation.total], 0) - 1
        _insert({i: v for i, v in row.items() if v}, basis)
    return {unknowns[pivot] for pivot, row in basis.items() if len(row) == 1}


def _insert(row: dict[int, int], basis: dict[int, dict[int, int]]) -> None:
    """Add a row to a fully reduced row-echelon basis (sparse, integer, exact): every basis row is zero in every other
    row's pivot column, so a cell is determined iff the row with its column as pivot has no other entry."""
    for pivot in [p for p in row if p in basis]:
        if pivot in row:
            row = _combine(row, basis[pivot], pivot)
    if not row:
        return
    new = min(row)
    for pivot, other in list(basis.items()):
        if new in other:
            basis[pivot] = _combine(other, row, new)
    basis[new] = row


def _combine(row: dict[int, int], pivot_row: dict[int, int], column: int) -> dict[int, int]:
    """`row` with `column` eliminated by `pivot_row`, scaled back by the common divisor."""
    a, b = pivot_row[column], row[column]
    result = {i: a * v for i, v in row.items()}
    for i, v in pivot_row.items():
        result[i] = result.get(i, 0) - b * v
    result = {i: v for i, v in result.items() if v}
    divisor = gcd(*result.values()) if result else 1
    return {i: v // divisor for i, v in result.items()}


# --- Tables built by the providers' table engine ---------------------------------------------------------------

CellKey = tuple[str, int]  # (row key, column index)


def table_relations(
    table: Table, members: Mapping[str, Sequence[str]] | None = None
) -> tuple[dict[CellKey, int], list[Relation[CellKey]]]:
    """The count cells of `table` (keyed (row key, column index)) and the additive relations the table shows."""
    members = members or {}
    columns = table.columns
    rows = [*table.rows, *([table.total] if table.total else [])]
    count_columns = [i for i, c in enumerate(columns) if c.kind in COUNT_COLUMN_KINDS]
    values: dict[CellKey, int] = {}
    for row in rows:
        if row.kind in COUNT_ROW_KINDS:
            for i in count_columns:
                cell = row.cells[i] if i < len(row.cells) else None
                if cell is not None:
                    values[(row.key, i)] = int(cell)
    relations: list[Relation[CellKey]] = []
    for row in rows:
        if row.kind not in COUNT_ROW_KINDS:
            continue
        for s, column in enumerate(columns):
            if column.kind == "sum":
                parts = tuple(
                    (row.key, i)
                    for i, c in enumerate(columns)
                    if c.kind == "value" and (not column.group or c.group == column.group) and (row.key, i) in values
                )
                relations.append(Relation((row.key, s), parts))
    data_rows = [row.key for row in table.rows if row.kind == "data"]
    for i in count_columns:
        if table.total is not None:
            relations.append(Relation(("total", i), tuple((k, i) for k in data_rows if (k, i) in values)))
        for row in table.rows:
            if row.kind in ("subtotal", "sum") and row.key in members:
                subtotal = tuple((k, i) for k in members[row.key] if (k, i) in values)
                relations.append(Relation((row.key, i), subtotal))
    return values, [r for r in relations if r.total in values and r.members]


def suppress_table(
    table: Table, *, threshold: int = DEFAULT_THRESHOLD, members: Mapping[str, Sequence[str]] | None = None
) -> set[CellKey]:
    """The cells of `table` to hide: counts by :func:`suppress`, then every figure derived from a hidden one.

    `members` gives each subtotal/sum row's member rows (from the specification's lines). A subtotal/sum row whose
    members are not given cannot be checked, so all of its cells are hidden (safe: an unknown that no relation
    links to anything reveals nothing)."""
    members = members or {}
    values, relations = table_relations(table, members)
    unmodelled = {k for k in values if k[0] not in members and _kind(table, k[0]) in ("subtotal", "sum")}
    values = {k: v for k, v in values.items() if k not in unmodelled}
    relations = [r for r in relations if r.total not in unmodelled and not set(r.members) & unmodelled]
    hidden = suppress(values, relations, threshold) | unmodelled
    rows = [*table.rows, *([table.total] if table.total else [])]
    _hide_derived(table, rows, hidden)
    return hidden


def _kind(table: Table, row_key: str) -> str:
    row = table.row(row_key)
    return row.kind if row is not None else ""


def _hide_derived(table: Table, rows: list[Row], hidden: set[CellKey]) -> None:
    columns = table.columns
    position = {c.key: i for i, c in enumerate(columns)}
    for row in rows:
        if row.kind not in COUNT_ROW_KINDS:
            continue
        for i, column in enumerate(columns):
            if column.kind == "share":
                of = position.get(column.of)
                if of is not None and _share_base_hidden(table, row.key, of, column.within_group, hidden):
                    hidden.add((row.key, i))
            elif column.kind in ("diff", "index"):
                operands = [position.get(column.a), position.get(column.b)]
                if any(j is not None and (row.key, j) in hidden for j in operands):
                    hidden.add((row.key, i))
    any_hidden_in = {i for _, i in hidden}
    for row in rows:
        for i in range(len(columns)):
            if row.kind == "average" and (("total", i) in hidden or (table.total is None and i in any_hidden_in)):
                hidden.add((row.key, i))
            if row.kind == "ratio" and i in any_hidden_in:
                hidden.add((row.key, i))  # a ratio row's operands are not recorded on the table: hide to be safe


def _share_base_hidden(table: Table, row_key: str, of: int, within_group: bool, hidden: set[CellKey]) -> bool:
    """A share shows count × 100 / base: hide it when the count is hidden, and when the base could be recovered
    from a shown count and its share while some count in the base is hidden."""
    if (row_key, of) in hidden:
        return True
    if within_group:
        group = table.groups.get(row_key, "")
        peers = [r.key for r in table.rows if r.kind == "data" and table.groups.get(r.key, "") == group]
        return any((k, of) in hidden for k in peers)
    if table.total is not None and ("total", of) not in hidden:
        return False
    return any((r.key, of) in hidden for r in table.rows)


def display(value: Decimal | None, hidden: bool, marker: str = "x") -> str | Decimal | None:
    """What a public output shows for a cell."""
    return marker if hidden else value
