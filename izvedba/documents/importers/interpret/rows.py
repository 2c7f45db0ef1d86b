"""Rebuild table rows from a flat run of cells (text extracts), using the header row (pure)."""

from __future__ import annotations

import re

from ..blocks import Cell
from ..cleaning import strip_markers
from ..vocabulary import column_of
from ..warnings import ImportWarning, warn

MEASURE_START = re.compile(r"^\s*Ukrep\s*:?\s*\d+(?:\.\d+)*", re.IGNORECASE)
_MIN_HEADER = 4


def header_span(cells: list[Cell]) -> tuple[int, int] | None:
    """(start, length) of the longest run of column-header cells, if it is long enough to be a header."""
    best: tuple[int, int] | None = None
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and column_of(strip_markers(cells[j].text)) is not None:
            j += 1
        if j - i >= _MIN_HEADER and (best is None or j - i > best[1]):
            best = (i, j - i)
        i = max(j, i + 1)
    return best


def rows_from_stream(cells: list[Cell], warnings: list[ImportWarning]) -> list[list[Cell]]:
    """Rows of a table whose cells came in one stream: title cells, the header, then N cells per row."""
    span = header_span(cells)
    if span is None:
        return [[cell] for cell in cells]
    start, width = span
    header = cells[start : start + width]
    measure_col = _measure_column(header)
    body = cells[start + width :]
    rows: list[list[Cell]] = [[cell] for cell in cells[:start]]
    rows.append(header)
    starts = [i - measure_col for i, c in enumerate(body) if MEASURE_START.match(strip_markers(c.text))]
    starts = [s for s in starts if s >= 0] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    for begin, end in zip(starts, [*starts[1:], len(body)], strict=True):
        rows.extend(_chunk(body[begin:end], width, warnings))
    return rows


def _measure_column(header: list[Cell]) -> int:
    columns = [column_of(strip_markers(c.text)) for c in header]
    return columns.index("measure") if "measure" in columns else 0


def _chunk(cells: list[Cell], width: int, warnings: list[ImportWarning]) -> list[list[Cell]]:
    """One measure's cells: its row and any sub-rows, each `width` cells long."""
    if len(cells) % width:
        first = strip_markers(cells[0].text).strip().split("\n")[0][:60] if cells else ""
        warnings.append(warn("row_cells", text=first, count=len(cells), width=width))
    rows = [cells[i : i + width] for i in range(0, len(cells), width)]
    return [row + [Cell("")] * (width - len(row)) for row in rows]
