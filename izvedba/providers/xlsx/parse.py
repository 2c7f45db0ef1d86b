"""Read a filled-in section template back. Pure: bytes in, cells and errors out; nothing is stored here.

The workbook must be this site's template (version) for the provider, year and section expected, made with the
category sets in force now; otherwise it is refused with one message saying which and what to do. Each value cell
becomes a CellInput (its text exactly as a person would write it in a CSV file) with the codes of its row and
column read from the sheet, so that the import's cell validation judges codes and values alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from izvedba.core.xlsx import WorkbookRefused, workbook_open
from izvedba.providers.xlsx import layout
from izvedba.providers.xlsx.grid import VALUE, CaptureError, CellInput, SectionGrids, coordinates

MAX_UNPACKED_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class SheetMeta:
    name: str
    indicator: str
    rows: tuple[str, ...]  # row axes
    column: str  # column axis, or "value"


@dataclass(frozen=True)
class TemplateMeta:
    version: str
    provider: str
    provider_name: str
    year: str
    section: str
    category_sets: dict[str, str]
    sheets: tuple[SheetMeta, ...]


@dataclass
class ParsedTemplate:
    cells: list[CellInput] = field(default_factory=list)
    errors: list[CaptureError] = field(default_factory=list)


class _Refused(Exception):
    def __init__(self, message: str, sheet: str = "", cell: str = "") -> None:
        self.error = CaptureError(sheet, cell, message)


def parse_workbook(data: bytes, expected: SectionGrids) -> ParsedTemplate:
    """Every value cell of the template (empty ones too) and every problem found; a refused file has no cells."""
    try:
        workbook = _open(data)
    except _Refused as refused:
        return ParsedTemplate(errors=[refused.error])
    try:
        meta = _read_meta(workbook)
        _check_meta(meta, expected)
        result = ParsedTemplate()
        for sheet in meta.sheets:
            _read_sheet(workbook, sheet, expected, result)
    except _Refused as refused:
        return ParsedTemplate(errors=[refused.error])
    finally:
        workbook.close()
    return result


# --- the file -----------------------------------------------------------------------------------------------


def _open(data: bytes) -> Any:
    try:
        return workbook_open(
            data, hint=_("Upload the section's template, filled in."), max_unpacked_bytes=MAX_UNPACKED_BYTES
        )
    except WorkbookRefused as refused:
        raise _Refused(refused.message) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f") if value == value else "NaN"
    return str(value).strip()


# --- _meta --------------------------------------------------------------------------------------------------


def _read_meta(workbook: Any) -> TemplateMeta:
    if layout.META_SHEET not in workbook.sheetnames:
        raise _Refused(
            _(
                "The workbook has no sheet “%(sheet)s”, so it is not a section template from this site (or the sheet "
                "was deleted). Download the section's template and fill in that file."
            )
            % {"sheet": layout.META_SHEET}
        )
    values: dict[str, str] = {}
    category_sets: dict[str, str] = {}
    sheets: list[SheetMeta] = []
    for row in workbook[layout.META_SHEET].iter_rows(max_col=5, max_row=500, values_only=True):
        key, *rest = [_text(value) for value in (*row, None, None, None, None, None)[:5]]
        if key == layout.META_CATEGORY_SET:
            category_sets[rest[0]] = rest[1]
        elif key == layout.META_SHEET_ROW:
            sheets.append(SheetMeta(rest[0], rest[1], tuple(rest[2].split()), rest[3] or VALUE))
        elif key:
            values[key] = rest[0]
    return TemplateMeta(
        version=values.get(layout.META_VERSION, ""),
        provider=values.get(layout.META_PROVIDER, ""),
        provider_name=values.get(layout.META_PROVIDER_NAME, ""),
        year=values.get(layout.META_YEAR, ""),
        section=values.get(layout.META_SECTION, ""),
        category_sets=category_sets,
        sheets=tuple(sheets),
    )


def _check_meta(meta: TemplateMeta, expected: SectionGrids) -> None:
    new_template = _("Download the section's template again and copy your figures into it.")
    if meta.version != layout.TEMPLATE_VERSION:
        message = _("This workbook was made from template version “%(found)s”; this site reads “%(version)s”.")
        found = meta.version or _("unknown")
        raise _Refused(f"{message % {'found': found, 'version': layout.TEMPLATE_VERSION}} {new_template}")
    if meta.provider != expected.provider:
        message = _(
            "This workbook holds the figures of %(found)s, not of %(provider)s. Upload it on that provider's page, "
            "or download %(provider)s's template."
        )
        found = meta.provider_name or meta.provider
        raise _Refused(message % {"found": found, "provider": expected.provider_name})
    if meta.year != str(expected.year):
        message = _(
            "This workbook holds the figures of %(found)s, not of %(year)d. Upload it on the page of %(found)s."
        )
        raise _Refused(message % {"found": meta.year, "year": expected.year})
    if meta.section != expected.section:
        message = _("This workbook is the template of the section “%(found)s”, not “%(section)s”. Upload it there.")
        raise _Refused(message % {"found": meta.section, "section": expected.section})
    for dimension, first in expected.category_sets.items():
        if meta.category_sets.get(dimension) != str(first):
            message = _(
                "The categories of “%(dimension)s” for %(year)d have changed since this workbook was made (it uses "
                "the set from %(found)s, now the set from %(first)d applies)."
            )
            found = meta.category_sets.get(dimension) or _("none")
            values = {"dimension": dimension, "year": expected.year, "found": found, "first": first}
            raise _Refused(f"{message % values} {new_template}")
    wanted = {grid.indicator for grid in expected.grids}
    listed = {sheet.indicator for sheet in meta.sheets}
    if wanted != listed:
        message = _("This workbook does not hold the section's figures as they are defined now.")
        raise _Refused(f"{message} {new_template}")


# --- a sheet ------------------------------------------------------------------------------------------------


def _read_sheet(workbook: Any, meta: SheetMeta, expected: SectionGrids, result: ParsedTemplate) -> None:
    if meta.name not in workbook.sheetnames:
        message = _("The workbook has no sheet “%(sheet)s” (it was renamed or deleted). Put it back or start again.")
        raise _Refused(message % {"sheet": meta.name})
    grid = expected.grid(meta.indicator)
    assert grid is not None  # _check_meta compared the indicators
    k = len(meta.rows)
    rows = workbook[meta.name].iter_rows(
        min_row=layout.KEY_ROW, max_row=layout.FIRST_DATA_ROW + layout.MAX_ROWS, max_col=layout.MAX_COLUMNS
    )
    keys = [_text(cell.value) for cell in next(rows, ())]
    for index, axis in enumerate(meta.rows):
        if (keys[index] if index < len(keys) else "") != axis:
            cell = f"{get_column_letter(index + 1)}{layout.KEY_ROW}"
            message = _("this cell must hold “%(axis)s”, as the template had it; the codes must not be changed.")
            raise _Refused(message % {"axis": axis}, meta.name, cell)
    columns = []
    for index in range(layout.value_column(k, 0) - 1, len(keys)):
        if not keys[index]:
            break
        columns.append((index, keys[index]))
    seen: dict[tuple[str, ...], int] = {}
    for number, row in enumerate(rows, start=layout.KEY_ROW + 1):
        if number < layout.FIRST_DATA_ROW:
            continue
        cells = list(row)
        codes = tuple(_text(cells[i].value) if i < len(cells) else "" for i in range(k))
        values = [(index, column, _cell_text(cells, index, grid.minutes)) for index, column in columns]
        if not any(codes) and not any(text for _i, _c, text in values):
            continue
        ref = f"{get_column_letter(columns[0][0] + 1) if columns else 'A'}{number}"
        if not all(codes):
            missing = next(i for i, code in enumerate(codes) if not code)
            message = _("this row has no code in column %(column)s; copy the rows of the template, codes included.")
            result.errors.append(CaptureError(meta.name, ref, message % {"column": get_column_letter(missing + 1)}))
            continue
        first = seen.setdefault(codes, number)
        if first != number:
            message = _("row %(row)d has the same codes as row %(first)d; each figure may be given once.")
            result.errors.append(CaptureError(meta.name, ref, message % {"row": number, "first": first}))
            continue
        code_cells = [(axis, f"{get_column_letter(i + 1)}{number}") for i, axis in enumerate(meta.rows)]
        for index, column, text in values:
            column_letter = get_column_letter(index + 1)
            pairs = [*zip(meta.rows, codes, strict=True), (meta.column, column)]
            result.cells.append(
                CellInput(
                    indicator=meta.indicator,
                    coordinates=coordinates(pairs),
                    text=text,
                    sheet=meta.name,
                    cell=f"{column_letter}{number}",
                    code_cells=(*code_cells, (meta.column, f"{column_letter}{layout.KEY_ROW}")),
                )
            )


def _cell_text(cells: list[Any], index: int, minutes: bool) -> str:
    """A value cell as text a CSV file would hold: numbers with a decimal point, time as h:mm."""
    value = cells[index].value if index < len(cells) else None
    if isinstance(value, bool):
        return str(value)
    if minutes and isinstance(value, dt.timedelta):
        return _hours(round(value.total_seconds() / 60))
    if minutes and isinstance(value, dt.time):
        return _hours(value.hour * 60 + value.minute + round(value.second / 60))
    if minutes and isinstance(value, dt.datetime):
        return _hours(round(float(to_excel(value)) * 1440))
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        return value.isoformat() if not isinstance(value, dt.timedelta) else str(value)
    return _text(value)


def _hours(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"
