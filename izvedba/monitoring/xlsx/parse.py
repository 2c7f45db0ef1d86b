"""Read a filled-in round workbook back. Pure: bytes in, rows and cell errors out; nothing is stored here.

Every problem is a CellError naming the sheet and the cell ("Poročila", "N7") with a message saying what to write
instead. A file that is not a workbook, is damaged, lacks a sheet or comes from another template version gets one
error without a cell, and no rows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from izvedba.core.xlsx import WorkbookRefused, workbook_open
from izvedba.monitoring import values as parse_values
from izvedba.monitoring.xlsx import layout
from izvedba.monitoring.xlsx.layout import COLUMN_INDEX, COLUMNS, EDITABLE, KIND_MEASURE, KINDS

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a zip that unpacks to more than this is refused unread
_UNREADABLE = object()  # a value that could not be read (its error is recorded)


@dataclass(frozen=True)
class CellError:
    sheet: str  # "" for the file as a whole
    cell: str  # "F7"; "" for a whole file or sheet
    message: str


@dataclass(frozen=True)
class Meta:
    round_id: int
    plan_id: int
    template_version: str
    exported_at: str
    versions: dict[str, int] = field(default_factory=dict)  # row key → its report's version at export
    fingerprints: dict[str, dict[str, str]] = field(default_factory=dict)  # row key → {column key: fingerprint}


@dataclass
class ParsedRow:
    kind: str
    line: int  # the sheet row number
    report_id: int
    row_id: int | None  # indicator or funding line id
    values: dict[str, Any]  # editable column key → value read (text, Decimal, date, status code; None when empty)
    changed: tuple[str, ...] = ()  # editable column keys whose value differs from the export
    exported_version: int | None = None  # None: the export had no such row

    @property
    def key(self) -> str:
        return layout.row_key(self.kind, self.report_id, self.row_id)

    def cell(self, column: str) -> str:
        return layout.cell_ref(column, self.line)


@dataclass
class ParsedWorkbook:
    meta: Meta | None = None
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)


class _Refused(Exception):
    def __init__(self, message: str, sheet: str = "", cell: str = "") -> None:
        self.error = CellError(sheet, cell, message)


def parse_workbook(data: bytes) -> ParsedWorkbook:
    """The workbook's rows (only those with a kind and ids) and every problem found, cell by cell."""
    try:
        workbook = _open(data)
    except _Refused as refused:
        return ParsedWorkbook(errors=[refused.error])
    try:
        meta = _read_meta(workbook)
        result = ParsedWorkbook(meta=meta)
        _read_rows(workbook, result)
    except _Refused as refused:
        return ParsedWorkbook(errors=[refused.error])
    finally:
        workbook.close()
    return result


# --- the file -----------------------------------------------------------------------------------------------


def _open(data: bytes) -> Any:
    try:
        return workbook_open(
            data, hint=_("Upload the file exported from this round, filled in."), max_unpacked_bytes=MAX_UNPACKED_BYTES
        )
    except WorkbookRefused as refused:
        raise _Refused(refused.message) from None


def _sheet(workbook: Any, name: str) -> Any:
    if name not in workbook.sheetnames:
        message = _(
            "The workbook has no sheet “%(sheet)s”, so it is not a round export from this site (or the sheet was "
            "renamed or deleted). Export the round again and fill in that file."
        )
        raise _Refused(message % {"sheet": name})
    return workbook[name]


# --- _meta --------------------------------------------------------------------------------------------------


def _read_meta(workbook: Any) -> Meta:
    sheet = _sheet(workbook, layout.META_SHEET)
    rows = [(*row, None, None, None)[:3] for row in sheet.iter_rows(min_row=1, max_col=3, values_only=True)]
    header = {str(row[0]): (index, row[1]) for index, row in enumerate(rows[: layout.META_TABLE_ROW - 1], start=1)}
    version = str(header.get("template_version", (3, ""))[1] or "")
    if version != layout.TEMPLATE_VERSION:
        message = _(
            "This file was made from another version of the round template (“%(found)s”, expected “%(expected)s”). "
            "Export the round again and copy your entries into the new file."
        )
        raise _Refused(message % {"found": version, "expected": layout.TEMPLATE_VERSION}, layout.META_SHEET, "B3")
    round_id = _meta_int(header, "round_id")
    plan_id = _meta_int(header, "plan_id")
    versions: dict[str, int] = {}
    fingerprints: dict[str, dict[str, str]] = {}
    for key, version_value, prints in rows[layout.META_TABLE_ROW :]:
        if not key:
            continue
        try:
            versions[str(key)] = int(version_value)
            loaded = json.loads(str(prints))
        except (TypeError, ValueError):
            raise _Refused(_damaged_meta()) from None
        fingerprints[str(key)] = {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
    exported_at = str(header.get("exported_at", (4, ""))[1] or "")
    return Meta(round_id, plan_id, version, exported_at, versions, fingerprints)


def _meta_int(header: dict[str, tuple[int, Any]], key: str) -> int:
    _index, value = header.get(key, (0, None))
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise _Refused(_damaged_meta())


def _damaged_meta() -> str:
    return _(
        "The workbook's hidden sheet “_meta” was changed, so its rows cannot be matched to the reports. "
        "Export the round again and copy your entries into the new file."
    )


# --- the reports sheet --------------------------------------------------------------------------------------


def _read_rows(workbook: Any, result: ParsedWorkbook) -> None:
    sheet = _sheet(workbook, layout.SHEET)
    width = len(COLUMNS)
    rows = sheet.iter_rows(min_row=layout.KEY_ROW, max_col=width, values_only=True)
    keys = next(rows, ())
    _check_keys(tuple(keys))
    next(rows, None)  # the headers
    seen: dict[str, int] = {}
    for line, raw in enumerate(rows, start=layout.FIRST_DATA_ROW):
        if line - layout.FIRST_DATA_ROW >= layout.MAX_ROWS:
            message = _(
                "The sheet has more than %(count)s rows; a round's export has far fewer. Remove the extra rows."
            )
            result.errors.append(CellError(layout.SHEET, f"A{line}", message % {"count": layout.MAX_ROWS}))
            return
        cells = dict(zip((c.key for c in COLUMNS), (*raw, *([None] * (width - len(raw)))), strict=True))
        if all(value is None or (isinstance(value, str) and not value.strip()) for value in cells.values()):
            continue
        row = _read_row(line, cells, result)
        if row is None:
            continue
        if row.key in seen:
            message = _("This row repeats row %(row)s (the same report and line); keep one of them.")
            result.errors.append(CellError(layout.SHEET, row.cell("kind"), message % {"row": seen[row.key]}))
            continue
        seen[row.key] = line
        result.rows.append(row)


def _check_keys(found: tuple[Any, ...]) -> None:
    for column in COLUMNS:
        index = COLUMN_INDEX[column.key]
        value = found[index - 1] if index <= len(found) else None
        if value != column.key:
            message = _(
                "Column %(column)s of sheet “%(sheet)s” is not the one exported (columns were inserted, deleted or "
                "moved). Export the round again and fill in the new file without changing its columns."
            )
            cell = layout.cell_ref(column.key, layout.HEADER_ROW)
            raise _Refused(
                message % {"column": layout.column_letter(column.key), "sheet": layout.SHEET}, layout.SHEET, cell
            )


def _read_row(line: int, cells: dict[str, Any], result: ParsedWorkbook) -> ParsedRow | None:
    errors = result.errors
    kind = str(cells["kind"] or "").strip().lower()
    if not kind:
        message = _(
            "This row has no row kind, so it was not in the export. Remove it, or type its values into the "
            "exported rows."
        )
        errors.append(CellError(layout.SHEET, layout.cell_ref("kind", line), message))
        return None
    if kind not in KINDS:
        message = _(
            "“%(value)s” is not a row kind: rows keep the kind they were exported with (ukrep, kazalnik or "
            "sredstva). Remove rows you added."
        )
        errors.append(CellError(layout.SHEET, layout.cell_ref("kind", line), message % {"value": cells["kind"] or ""}))
        return None
    report_id = _id(cells["report_id"])
    row_id = _id(cells["row_id"])
    for key, value in (("report_id", report_id), ("row_id", row_id)):
        if value is None and (key == "report_id" or kind != KIND_MEASURE):
            message = _("The id is missing or changed; ids must stay as exported.")
            errors.append(CellError(layout.SHEET, layout.cell_ref(key, line), message))
    if report_id is None or (row_id is None and kind != KIND_MEASURE):
        return None
    row = ParsedRow(kind, line, report_id, row_id if kind != KIND_MEASURE else None, values={})
    for key in EDITABLE[kind]:
        row.values[key] = _value(key, cells[key], layout.cell_ref(key, line), errors)
    _compare(row, cells, result.meta)
    return row


def _id(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _value(key: str, raw: Any, cell: str, errors: list[CellError]) -> Any:
    kind = layout.COLUMNS[COLUMN_INDEX[key] - 1].type
    try:
        if kind in (layout.DECIMAL, layout.MONEY):
            return parse_values.parse_decimal(raw)
        if kind == layout.DATE:
            return parse_values.parse_date(raw)
        if kind == layout.STATUS:
            return _status(raw)
    except ValueError as exc:
        errors.append(CellError(layout.SHEET, cell, str(exc)))
        return _UNREADABLE
    return _text(raw)


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return layout.canonical(raw)


def _status(raw: Any) -> str:
    text = _text(raw)
    if not text:
        return ""
    code = layout.status_lookup().get(text.lower())
    if code is None:
        labels = "; ".join(dict.fromkeys(label for label in _status_labels()))
        message = _("“%(value)s” is not an implementation status; choose one from the list: %(choices)s.")
        raise ValueError(message % {"value": text, "choices": labels})
    return code


def _status_labels() -> list[str]:
    from izvedba.monitoring.xlsx.export import status_labels

    return list(status_labels().values())


def _compare(row: ParsedRow, cells: dict[str, Any], meta: Meta | None) -> None:
    """Which editable cells differ from what was exported (all non-empty ones for a row the export did not have)."""
    prints = meta.fingerprints.get(row.key) if meta else None
    if meta is None or prints is None:
        row.changed = tuple(key for key, value in row.values.items() if value is _UNREADABLE or layout.canonical(value))
        return
    row.exported_version = meta.versions.get(row.key)
    row.changed = tuple(
        key for key, value in row.values.items() if value is _UNREADABLE or layout.fingerprint(value) != prints.get(key)
    )


def is_unreadable(value: Any) -> bool:
    return value is _UNREADABLE


def decimal_or_none(value: Any) -> Decimal | None:
    return value if isinstance(value, Decimal) else None
