"""A section's XLSX template for a provider and a year. Pure: the section's grids in, workbook bytes out.

Labels and codes are grey and locked (the sheets are protected without a password); the cells to fill are white
and unlocked, with the figures already stored filled in. Counts accept whole numbers from 0, durations h:mm.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from izvedba.providers.xlsx import layout
from izvedba.providers.xlsx.grid import WHOLE_UNITS, Grid, SectionGrids, value_text

GREY = PatternFill("solid", fgColor="E4E7EB")
WHITE = PatternFill("solid", fgColor="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="C9D6E3")
CODE_FONT = Font(color="5A6470", size=9)
BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=13)
LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)
WRAP = Alignment(wrap_text=True, vertical="top")


def workbook_bytes(grids: SectionGrids, *, generated_at: dt.datetime) -> bytes:
    """The section's template as an .xlsx file."""
    workbook = Workbook()
    info = workbook.active
    assert info is not None
    info.title = _("Instructions")[:31]
    _write_info(info, grids)
    names = layout.sheet_names([grid.indicator for grid in grids.grids])
    for name, grid in zip(names, grids.grids, strict=True):
        _write_grid(workbook.create_sheet(name), grid, grids.year)
    meta = workbook.create_sheet(layout.META_SHEET)
    _write_meta(meta, grids, names, generated_at)
    meta.sheet_state = "hidden"
    for sheet in workbook.worksheets:
        _protect(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_info(sheet: Worksheet, grids: SectionGrids) -> None:
    lines = [
        (_("Provider"), grids.provider_name),
        (_("Year"), grids.year),
        (_("Section"), grids.section_label),
    ]
    sheet.cell(1, 1, _("Figures for the annual report")).font = TITLE_FONT
    for row, (label, value) in enumerate(lines, start=3):
        sheet.cell(row, 1, label).font = BOLD
        _put(sheet.cell(row, 2), value)
    steps = [
        _("One sheet per figure; each row and column is one figure at its finest grain (unit, month, category)."),
        _("Fill in the white cells; grey cells are labels and codes and cannot be changed."),
        _("Write whole numbers for counts; write time as h:mm (hours:minutes), e.g. 18:55."),
        _("Leave a cell empty when there is no figure; emptying a cell removes the figure stored for it."),
        _(
            "Upload the file on the section's page. Every cell is checked first: if any cell is rejected, nothing "
            "is saved and you get the list of cells to correct."
        ),
        _(
            "Do not add, move or rename sheets, rows or columns; the file is accepted only for this provider, year "
            "and section."
        ),
    ]
    for offset, step in enumerate(steps, start=7):
        _put(sheet.cell(offset, 1), f"{offset - 6}. {step}")
    row = 7 + len(steps) + 1
    for note in grids.notes:
        _put(sheet.cell(row, 1), note)
        row += 1
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 60


def _write_grid(sheet: Worksheet, grid: Grid, year: int) -> None:
    k = len(grid.rows)
    title = f"{grid.label} – {year}"
    if grid.minutes:
        title += " " + _("(time as h:mm)")
    _put(sheet.cell(layout.TITLE_ROW, 1), title).font = TITLE_FONT
    for index, axis in enumerate(grid.rows):
        _label(sheet.cell(layout.KEY_ROW, index + 1), axis.key, CODE_FONT)
        _label(sheet.cell(layout.HEADER_ROW, index + 1), _("%(axis)s (code)") % {"axis": axis.label}, BOLD, HEADER_FILL)
        _label(sheet.cell(layout.KEY_ROW, k + index + 1), "", CODE_FONT)
        _label(sheet.cell(layout.HEADER_ROW, k + index + 1), axis.label, BOLD, HEADER_FILL)
        sheet.column_dimensions[get_column_letter(index + 1)].width = 10
        sheet.column_dimensions[get_column_letter(k + index + 1)].width = 26
    for index, choice in enumerate(grid.columns):
        column = layout.value_column(k, index)
        _label(sheet.cell(layout.KEY_ROW, column), choice.code, CODE_FONT)
        _label(sheet.cell(layout.HEADER_ROW, column), choice.label, BOLD, HEADER_FILL)
        sheet.column_dimensions[get_column_letter(column)].width = 13
    row = layout.FIRST_DATA_ROW
    for choices in grid.row_choices():
        for index, choice in enumerate(choices):
            _label(sheet.cell(row, index + 1), choice.code, CODE_FONT)
            _label(sheet.cell(row, k + index + 1), choice.label)
        codes = [choice.code for choice in choices]
        for index, column_choice in enumerate(grid.columns):
            cell = sheet.cell(row, layout.value_column(k, index))
            _value(cell, grid, grid.stored(codes, column_choice.code))
        row += 1
    last_row, last_column = row - 1, layout.value_column(k, len(grid.columns) - 1)
    if last_row >= layout.FIRST_DATA_ROW:
        first = f"{get_column_letter(layout.value_column(k, 0))}{layout.FIRST_DATA_ROW}"
        _validate(sheet, grid, f"{first}:{get_column_letter(last_column)}{last_row}", first)
    sheet.row_dimensions[layout.HEADER_ROW].height = 45
    sheet.freeze_panes = f"{get_column_letter(layout.value_column(k, 0))}{layout.FIRST_DATA_ROW}"


def _value(cell: Any, grid: Grid, value: Decimal | None) -> None:
    cell.fill = WHITE
    cell.protection = UNLOCKED
    if grid.minutes:
        cell.number_format = "@"
        if value is not None:
            _set_text(cell, value_text(value, minutes=True))
        return
    cell.number_format = "0" if grid.unit in WHOLE_UNITS else "0.00"
    if value is not None:
        cell.value = int(value) if value == value.to_integral_value() else float(value)


def _validate(sheet: Worksheet, grid: Grid, ref: str, first: str) -> None:
    if grid.minutes:
        rule = f'OR(ISNUMBER({first}),AND(ISNUMBER(FIND(":",{first})),LEN({first})-FIND(":",{first})=2))'
        validation = DataValidation(type="custom", formula1=rule, allow_blank=True)
        validation.error = _("Write the time as h:mm (hours:minutes), e.g. 18:55.")
    elif grid.unit in WHOLE_UNITS:
        validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        validation.error = _("Write a whole number, 0 or more.")
    elif grid.unit != "eur":
        validation = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        validation.error = _("Write a number, 0 or more.")
    else:
        validation = DataValidation(type="decimal", formula1="-1000000000000", formula2="1000000000000")
        validation.allow_blank = True
        validation.error = _("Write an amount in euros.")
    validation.showErrorMessage = True
    validation.errorTitle = grid.label[:32]
    validation.add(ref)
    sheet.add_data_validation(validation)


def _write_meta(meta: Worksheet, grids: SectionGrids, names: list[str], generated_at: dt.datetime) -> None:
    rows: list[list[Any]] = [
        [layout.META_VERSION, layout.TEMPLATE_VERSION],
        [layout.META_PROVIDER, grids.provider],
        [layout.META_PROVIDER_NAME, grids.provider_name],
        [layout.META_YEAR, grids.year],
        [layout.META_SECTION, grids.section],
        [layout.META_GENERATED, generated_at.isoformat(timespec="seconds")],
    ]
    rows += [[layout.META_CATEGORY_SET, code, first] for code, first in grids.category_sets.items()]
    for name, grid in zip(names, grids.grids, strict=True):
        rows.append([layout.META_SHEET_ROW, name, grid.indicator, " ".join(a.key for a in grid.rows), grid.column_key])
    for number, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            _put(meta.cell(number, column), value)


def _label(cell: Any, text: str, font: Font | None = None, fill: PatternFill = GREY) -> None:
    _set_text(cell, text)
    cell.fill = fill
    cell.protection = LOCKED
    cell.alignment = WRAP
    if font is not None:
        cell.font = font


def _put(cell: Any, value: Any) -> Any:
    if isinstance(value, str):
        _set_text(cell, value)
    else:
        cell.value = value
    return cell


def _set_text(cell: Any, value: str) -> None:
    cell.value = str(ILLEGAL_CHARACTERS_RE.sub("", value))[:32_767]
    cell.data_type = "s"  # "=…" stays text, never a formula


def _protect(sheet: Worksheet) -> None:
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
