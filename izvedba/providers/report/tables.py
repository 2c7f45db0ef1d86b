"""A built report table (`tables.engine.Table`) as a document table: every figure formatted the way the document
prints it (`cell_text`, which the tests use too, so the document and `report_tables` can be compared cell by
cell)."""

from __future__ import annotations

from decimal import Decimal

from izvedba.providers.tables.engine import Row as EngineRow
from izvedba.providers.tables.engine import Table as EngineTable
from izvedba.rendering import formatting
from izvedba.rendering.model import Align, HeaderCell, Row, RowKind, Table

LEFT: Align = "left"
RIGHT: Align = "right"
ROW_KINDS: dict[str, RowKind] = {"subtotal": "subtotal", "sum": "subtotal", "average": "average", "total": "total"}


def cell_text(table: EngineTable, column: int, value: Decimal | None, language: str) -> str:
    """One figure of `table` as the document prints it: peak months by name, shares and indices with the decimals
    their column declares, other figures with the decimals they have ("51,33"); durations in minutes, as the
    tables' titles say."""
    if value is None:
        return formatting.EMPTY
    spec = table.columns[column]
    if table.unit == "month":
        return formatting.month_name(int(value), language)
    if spec.kind in ("share", "index"):
        return formatting.number(value, language, spec.decimals)
    return formatting.number(value, language)


def row_texts(table: EngineTable, row: EngineRow, language: str) -> tuple[str, ...]:
    """A row as the document prints it: its label, then its figures."""
    return (row.label, *(cell_text(table, i, value, language) for i, value in enumerate(row.cells)))


def has_data(table: EngineTable) -> bool:
    rows = [*table.rows, *([table.total] if table.total else [])]
    return any(value is not None for row in rows for value in row.cells)


def document_table(table: EngineTable, language: str) -> Table:
    """The document's table: caption from the table's title, one header row, body rows, the total row."""
    header = ((HeaderCell(""), *(HeaderCell(column.label) for column in table.columns)),)
    rows = tuple(Row(row_texts(table, row, language), ROW_KINDS.get(row.kind, "data")) for row in table.rows)
    total = Row(row_texts(table, table.total, language), "total") if table.total is not None else None
    return Table(
        caption=table.title,
        header=header,
        rows=rows,
        total=total,
        align=(LEFT, *(RIGHT for _ in table.columns)),
        key=table.key,
    )
