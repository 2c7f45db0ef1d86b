"""The printed-figures file: figures as an earlier document printed them, to reconcile with the data.

Columns: `year` (of the report table), `table` (a table key), `row` and `column` (keys of the table's row and
column; `total` is the total row, `average` the average row, `a+b` the sum of rows a and b, and the column `*` the
sum of a row's figure columns), `value` (a number, or h:mm for durations), `source` (where it is printed, e.g.
“003 L2735”), `note`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from izvedba.providers.importers.cells import CellError, CellProblem, header_of, read_int, read_number, read_table
from izvedba.providers.importers.schema import Schema

COLUMNS = ("year", "table", "row", "column", "value", "source", "note")
REQUIRED = ("year", "table", "row", "column", "value", "source")


@dataclass(frozen=True)
class ParsedPrinted:
    year: int
    table: str
    row_key: str
    column: str
    value: Decimal
    decimals: int
    source: str
    note: str
    row: int

    @property
    def key(self) -> tuple[int, str, str, str, str]:
        return (self.year, self.table, self.row_key, self.column, self.source)


def parse_printed(
    *, name: str, text: str, schema: Schema, minute_columns: dict[str, set[str]] | None = None
) -> tuple[list[ParsedPrinted], list[CellError]]:
    """`minute_columns`: per table, the columns that hold durations (their cells may be written h:mm)."""
    header = header_of(text)
    errors = [
        CellError(name, 1, column, _("the file needs a column “%(column)s”.") % {"column": column})
        for column in REQUIRED
        if column not in header
    ]
    errors += [
        CellError(name, 1, column, _("the column “%(column)s” is not known.") % {"column": column})
        for column in header
        if column not in COLUMNS
    ]
    if errors:
        return [], errors
    parsed: list[ParsedPrinted] = []
    seen: dict[tuple[int, str, str, str, str], int] = {}
    for number, cells in enumerate(read_table(text), start=2):
        if not any(cells.values()):
            continue
        figure, row_errors = _parse_row(name, number, cells, schema, minute_columns or {})
        errors += row_errors
        if figure is None:
            continue
        first = seen.setdefault(figure.key, number)
        if first != number:
            errors.append(
                CellError(name, number, "", _("the same figure is already given in row %(row)d.") % {"row": first})
            )
            continue
        parsed.append(figure)
    return parsed, errors


def _parse_row(
    name: str, number: int, cells: dict[str, str], schema: Schema, minute_columns: dict[str, set[str]]
) -> tuple[ParsedPrinted | None, list[CellError]]:
    errors = []
    for column in REQUIRED:
        if not cells.get(column):
            errors.append(CellError(name, number, column, _("the cell is empty.")))
    if errors:
        return None, errors
    table = cells["table"]
    if table not in schema.tables:
        known = ", ".join(sorted(schema.tables))
        message = _("“%(table)s” is not a table; the tables are: %(known)s.") % {"table": table, "known": known}
        errors.append(CellError(name, number, "table", message))
    year = value = None
    decimals = 0
    try:
        year = read_int(cells["year"], low=1990, high=2100, what=_("year"))
    except CellProblem as problem:
        errors.append(CellError(name, number, "year", str(problem)))
    try:
        value, decimals = read_number(cells["value"], minutes=cells["column"] in minute_columns.get(table, set()))
    except CellProblem as problem:
        errors.append(CellError(name, number, "value", str(problem)))
    if errors or year is None or value is None:
        return None, errors
    figure = ParsedPrinted(
        year=year,
        table=table,
        row_key=cells["row"],
        column=cells["column"],
        value=value,
        decimals=decimals,
        source=cells["source"],
        note=cells.get("note", ""),
        row=number,
    )
    return figure, []
