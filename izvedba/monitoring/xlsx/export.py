"""A round as an XLSX workbook for reporters to fill in. Pure: plain dataclasses in, workbook bytes out.

The layout is in izvedba.monitoring.xlsx.layout. Cells a reporter fills are white and unlocked; every other cell
is grey and locked (the sheet is protected without a password, so nobody overwrites an id by accident).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from izvedba.monitoring.models import Report
from izvedba.monitoring.xlsx import layout
from izvedba.monitoring.xlsx.layout import COLUMN_INDEX, COLUMNS, EDITABLE, KIND_FUNDING, KIND_INDICATOR, KIND_MEASURE

GREY = PatternFill("solid", fgColor="E4E7EB")
HEADER_FILL = PatternFill("solid", fgColor="C9D6E3")
MEASURE_FONT = Font(bold=True)
LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)
WRAP = Alignment(wrap_text=True, vertical="top")
NUMBER_FORMATS = {layout.MONEY: "#,##0.00", layout.DATE: "d. m. yyyy"}
STATUS_LIST_COLUMN = "E"


@dataclass(frozen=True)
class IndicatorRow:
    indicator_id: int
    text: str
    target: Decimal | None
    unit: str
    value: Decimal | None
    statement: str


@dataclass(frozen=True)
class FundingRow:
    line_id: int
    label: str  # the source and the period ("Proračun RS, 2026")
    planned_eur: int
    spent_eur: Decimal | None
    note: str


@dataclass(frozen=True)
class ReportRow:
    report_id: int
    version: int
    measure_code: str
    title: str
    holders: str
    status: str  # Report.Status
    implementation_status: str  # Report.Implementation or ""
    status_reason: str
    completed_on: dt.date | None
    narrative: str
    risks_other: str
    indicators: tuple[IndicatorRow, ...] = ()
    funding: tuple[FundingRow, ...] = ()


@dataclass(frozen=True)
class RoundExport:
    round_id: int
    plan_id: int
    plan_title: str
    round_label: str
    exported_at: dt.datetime
    reports: tuple[ReportRow, ...] = field(default_factory=tuple)


def status_labels() -> dict[str, str]:
    """Implementation statuses by code, as the workbook shows them (Slovenian)."""
    with override("sl"):
        return {code: str(label) for code, label in Report.Implementation.choices}


def workbook_bytes(export: RoundExport) -> bytes:
    """The round as an .xlsx file."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = layout.SHEET
    meta = workbook.create_sheet(layout.META_SHEET)
    labels = status_labels()
    _write_meta_header(meta, export, labels)
    _write_headers(sheet)
    row = layout.FIRST_DATA_ROW
    for report in export.reports:
        row = _write_report(sheet, meta, report, row, labels)
    _finish(sheet, meta, row - 1, len(labels))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_meta_header(meta: Worksheet, export: RoundExport, labels: dict[str, str]) -> None:
    rows: list[tuple[str, Any]] = [
        ("round_id", export.round_id),
        ("plan_id", export.plan_id),
        ("template_version", layout.TEMPLATE_VERSION),
        ("exported_at", export.exported_at.isoformat(timespec="seconds")),
        ("round_label", _text(export.round_label)),
        ("plan_title", _text(export.plan_title)),
    ]
    for index, (key, value) in enumerate(rows, start=1):
        meta.cell(index, 1, key)
        _put(meta.cell(index, 2), value)
    meta.cell(layout.META_TABLE_ROW, 1, "row_key")
    meta.cell(layout.META_TABLE_ROW, 2, "version")
    meta.cell(layout.META_TABLE_ROW, 3, "fingerprints")
    meta[f"{STATUS_LIST_COLUMN}1"] = "implementation_statuses"
    for index, label in enumerate(labels.values(), start=2):
        _set_text(meta[f"{STATUS_LIST_COLUMN}{index}"], label)


def _write_headers(sheet: Worksheet) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        sheet.cell(layout.KEY_ROW, index, column.key)
        cell = sheet.cell(layout.HEADER_ROW, index)
        _set_text(cell, layout.header(column.label))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        cell.protection = LOCKED
        sheet.column_dimensions[layout.column_letter(column.key)].width = column.width


def _write_report(sheet: Worksheet, meta: Worksheet, report: ReportRow, row: int, labels: dict[str, str]) -> int:
    with override("sl"):
        status = str(Report.Status(report.status).label) if report.status in Report.Status.values else report.status
    values: dict[str, Any] = {
        "kind": KIND_MEASURE,
        "report_id": report.report_id,
        "measure_code": report.measure_code,
        "title": report.title,
        "holders": report.holders,
        "report_status": status,
        "implementation_status": labels.get(report.implementation_status, ""),
        "status_reason": report.status_reason,
        "completed_on": report.completed_on,
        "narrative": report.narrative,
        "risks_other": report.risks_other,
    }
    compared = {**values, "implementation_status": report.implementation_status}
    _write_row(sheet, meta, row, KIND_MEASURE, values, compared, report)
    row += 1
    for indicator in report.indicators:
        values = {
            "kind": KIND_INDICATOR,
            "report_id": report.report_id,
            "row_id": indicator.indicator_id,
            "measure_code": report.measure_code,
            "title": indicator.text,
            "target": indicator.target,
            "unit": indicator.unit,
            "value": indicator.value,
            "statement": indicator.statement,
        }
        _write_row(sheet, meta, row, KIND_INDICATOR, values, values, report)
        row += 1
    for line in report.funding:
        values = {
            "kind": KIND_FUNDING,
            "report_id": report.report_id,
            "row_id": line.line_id,
            "measure_code": report.measure_code,
            "title": line.label,
            "planned_eur": line.planned_eur,
            "spent_eur": line.spent_eur,
            "note": line.note,
        }
        _write_row(sheet, meta, row, KIND_FUNDING, values, values, report)
        row += 1
    return row


def _write_row(
    sheet: Worksheet,
    meta: Worksheet,
    row: int,
    kind: str,
    values: dict[str, Any],
    compared: dict[str, Any],
    report: ReportRow,
) -> None:
    """Write one sheet row and record, in _meta, its report's version and the fingerprint of each editable cell."""
    editable = EDITABLE[kind]
    written: dict[str, Any] = {}
    for column in COLUMNS:
        cell = sheet.cell(row, COLUMN_INDEX[column.key])
        value = values.get(column.key)
        written[column.key] = _put(cell, value)
        cell.alignment = WRAP
        if column.type in NUMBER_FORMATS:
            cell.number_format = NUMBER_FORMATS[column.type]
        if column.key in editable:
            cell.protection = UNLOCKED
        else:
            cell.protection = LOCKED
            cell.fill = GREY
        if kind == KIND_MEASURE and column.key in ("measure_code", "title"):
            cell.font = MEASURE_FONT
    prints = {
        key: layout.fingerprint(written[key] if key != "implementation_status" else compared[key]) for key in editable
    }
    meta_row = layout.META_TABLE_ROW + row - layout.FIRST_DATA_ROW + 1
    _set_text(meta.cell(meta_row, 1), layout.row_key(kind, report.report_id, values.get("row_id")))
    meta.cell(meta_row, 2, report.version)
    _set_text(meta.cell(meta_row, 3), json.dumps(prints, sort_keys=True))


def _put(cell: Any, value: Any) -> Any:
    """Put `value` in `cell` as a spreadsheet holds it (text never becomes a formula); returns what was written."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _set_text(cell, _text(value))
    if isinstance(value, Decimal):
        value = float(value)
    cell.value = value
    return value


def _text(value: str) -> str:
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))[: layout.MAX_CELL_CHARS]


def _set_text(cell: Any, value: str) -> str:
    cell.value = value
    cell.data_type = "s"  # "=…" stays text, never a formula
    return value


def _finish(sheet: Worksheet, meta: Worksheet, last_row: int, statuses: int) -> None:
    sheet.row_dimensions[layout.KEY_ROW].hidden = True
    sheet.freeze_panes = f"{layout.column_letter('holders')}{layout.FIRST_DATA_ROW}"
    last_column = layout.column_letter(COLUMNS[-1].key)
    sheet.auto_filter.ref = f"A{layout.HEADER_ROW}:{last_column}{max(last_row, layout.HEADER_ROW)}"
    if last_row >= layout.FIRST_DATA_ROW:
        # Only the "ukrep" rows' cells in this column are unlocked; the list applies to them.
        source = f"'{layout.META_SHEET}'!${STATUS_LIST_COLUMN}$2:${STATUS_LIST_COLUMN}${statuses + 1}"
        validation = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True)
        with override("sl"):
            validation.error = _("Choose the implementation status from the list.")
            validation.errorTitle = _("Implementation status")
        column = layout.column_letter("implementation_status")
        validation.add(f"{column}{layout.FIRST_DATA_ROW}:{column}{last_row}")
        sheet.add_data_validation(validation)
    for protected in (sheet, meta):
        protected.protection.sheet = True
        protected.protection.formatColumns = False
        protected.protection.formatRows = False
        protected.protection.autoFilter = False
    meta.sheet_state = "hidden"
