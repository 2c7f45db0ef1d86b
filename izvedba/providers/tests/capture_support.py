"""Helpers for the capture tests: a section template opened like a user would, and its cells found by codes."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from izvedba.providers.models import Provider
from izvedba.providers.xlsx import layout
from izvedba.providers.xlsx.data import section_grids
from izvedba.providers.xlsx.export import workbook_bytes
from izvedba.providers.xlsx.sections import section_by_code


def template(provider: Provider, year: int, section: str) -> bytes:
    chosen = section_by_code(section)
    assert chosen is not None
    grids = section_grids(provider=provider, year=year, section=chosen)
    return workbook_bytes(grids, generated_at=dt.datetime(2022, 2, 1, 9, 0, tzinfo=dt.UTC))


def open_workbook(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cell_ref(sheet: Worksheet, row_codes: tuple[str, ...], column_code: str) -> str:
    """The value cell of the row with these codes (in the code columns) and the column with this code (row 2)."""
    keys = [c.value for c in sheet[layout.KEY_ROW]]
    column = keys.index(column_code, 2 * len(row_codes)) + 1
    for row in sheet.iter_rows(min_row=layout.FIRST_DATA_ROW):
        if tuple(str(c.value) for c in row[: len(row_codes)]) == row_codes:
            return str(row[column - 1].coordinate)
    raise KeyError((row_codes, column_code))


def fill(sheet: Worksheet, row_codes: tuple[str, ...], column_code: str, value: Any) -> str:
    ref = cell_ref(sheet, row_codes, column_code)
    sheet[ref] = value
    return ref
