"""Importing a filled-in round workbook: every changed row is checked, every rejected cell reported, and either
all changes are applied (in one transaction) or none.

Callers check that the user may use the round's import at all; which reports the user may fill is checked here,
row by row (izvedba.accounts.access.can_fill_report), because a file can hold any report's rows.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from izvedba.accounts import access
from izvedba.accounts.models import User
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.services.report_checks import check_editable
from izvedba.monitoring.services.reports import (
    FieldError,
    IndicatorEntry,
    ReportChanges,
    ReportConflict,
    ReportInvalid,
    ReportLocked,
    SpendingEntry,
    report_check,
    report_update,
)
from izvedba.monitoring.xlsx import layout
from izvedba.monitoring.xlsx.layout import KIND_FUNDING, KIND_INDICATOR, KIND_MEASURE
from izvedba.monitoring.xlsx.parse import CellError, ParsedRow, is_unreadable, parse_workbook

logger = logging.getLogger(__name__)

MEASURE_FIELDS = ("implementation_status", "status_reason", "narrative", "risks_other")


@dataclass
class ImportOutcome:
    filename: str
    errors: list[CellError] = field(default_factory=list)
    changed_reports: int = 0  # reports whose content changed
    rows_read: int = 0

    @property
    def applied(self) -> bool:
        return not self.errors


@dataclass
class _Plan:
    """The changes for one report, and where each of its fields sits in the sheet."""

    report: Report
    version: int
    rows: list[ParsedRow]
    changes: ReportChanges = field(default_factory=ReportChanges)
    cells: dict[str, str] = field(default_factory=dict)  # FieldError.field → cell

    def cell_for(self, field_name: str) -> str:
        return self.cells.get(field_name) or self.rows[0].cell("kind")


def round_xlsx_import(*, round: Round, user: User, data: bytes, filename: str) -> ImportOutcome:
    """Read `data` (a filled-in export of `round`) and apply it: all of it, or nothing when any cell is rejected."""
    outcome = ImportOutcome(filename=filename)
    limit = settings.IZVEDBA_IMPORT_MAX_BYTES
    if len(data) > limit:
        message = _("The file is %(size)s MB; the limit is %(limit)s MB. Upload the round's exported workbook.")
        sizes = {"size": f"{len(data) / 1_048_576:.1f}", "limit": f"{limit / 1_048_576:.0f}"}
        outcome.errors.append(CellError("", "", message % sizes))
        return outcome
    parsed = parse_workbook(data)
    if parsed.meta is None:
        outcome.errors = parsed.errors
        return outcome
    if parsed.meta.round_id != round.pk:
        message = _(
            "This file was exported from another round (number %(found)s), not from round “%(label)s”. "
            "Import it into its own round, or export this round and fill in that file."
        )
        names = {"found": parsed.meta.round_id, "label": round.label}
        outcome.errors.append(CellError(layout.META_SHEET, "B1", message % names))
        return outcome
    outcome.rows_read = len(parsed.rows)
    errors = list(parsed.errors)
    plans = _plans(round, user, parsed.rows, parsed.meta.versions, errors)
    if not errors:
        outcome.changed_reports = _apply(plans, user, errors)
    outcome.errors = sorted(errors, key=_position)
    if outcome.errors:
        outcome.changed_reports = 0
    logger.info(
        "XLSX import into round %s: %s rows, %s reports changed, %s cells rejected",
        round.pk,
        outcome.rows_read,
        outcome.changed_reports,
        len(outcome.errors),
    )
    return outcome


# --- checking -----------------------------------------------------------------------------------------------


def _plans(
    round: Round, user: User, rows: list[ParsedRow], versions: dict[str, int], errors: list[CellError]
) -> list[_Plan]:
    by_report: dict[int, list[ParsedRow]] = defaultdict(list)
    for row in rows:
        by_report[row.report_id].append(row)
    changed = [report_id for report_id, report_rows in by_report.items() if any(r.changed for r in report_rows)]
    reports = Report.objects.select_related("round", "measure").filter(round=round).in_bulk(changed)
    plans = []
    for report_id in changed:
        first = next(row for row in by_report[report_id] if row.changed)
        report = reports.get(report_id)
        problem = _refusal(report, user, versions.get(layout.row_key(KIND_MEASURE, report_id, None)))
        if problem or report is None:
            errors.append(_error(first.cell(first.changed[0]), problem))
            continue
        plan = _Plan(report, report.version, by_report[report_id])
        _build(plan, errors)
        errors += [_error(plan.cell_for(e.field), e.message) for e in report_check(report=report, changes=plan.changes)]
        plans.append(plan)
    return plans


def _refusal(report: Report | None, user: User, exported_version: int | None) -> str:
    """Why the rows of `report` may not be applied for `user` ("" when they may)."""
    if report is None or not access.can_view_report(user, report):
        return _(
            "This row names a report that is not in this round (or that you may not read); ids must stay as exported."
        )
    label = {"code": _measure_label(report)}
    if not access.can_fill_report(user, report):
        return (
            _(
                "You may not fill in the report on measure %(code)s: only reporters of its holders can. "
                "Leave its rows as exported."
            )
            % label
        )
    try:
        check_editable(report)
    except ReportLocked as locked:
        return _("Measure %(code)s: %(reason)s Leave its rows as exported.") % {**label, "reason": locked.message}
    if exported_version is None:
        return _("The report on measure %(code)s was not in the exported file; add its rows in its own export.") % label
    if exported_version != report.version:
        message = _(
            "Conflict: the report on measure %(code)s was changed on the site after this file was exported "
            "(version %(old)s, now %(new)s). Export the round again and copy your entries for this measure into it."
        )
        return message % {**label, "old": exported_version, "new": report.version}
    return ""


def _measure_label(report: Report) -> str:
    measure = report.measure
    return f"{measure.code}/{measure.sub_index}" if measure.parent_id else measure.code


def _build(plan: _Plan, errors: list[CellError]) -> None:
    """Turn the report's changed rows into ReportChanges (rows with an unreadable cell add nothing), and note
    which cell holds each field, changed or not, for the checks' messages."""
    indicators: dict[int, IndicatorEntry] = {}
    spending: dict[int, SpendingEntry] = {}
    for row in plan.rows:
        _map_cells(plan, row)
        if not row.changed or any(is_unreadable(value) for value in row.values.values()):
            continue
        if row.kind == KIND_MEASURE:
            _measure_changes(plan, row)
        elif row.kind == KIND_INDICATOR and row.row_id is not None:
            indicators[row.row_id] = IndicatorEntry(value=row.values["value"], statement=row.values["statement"])
        elif row.kind == KIND_FUNDING and row.row_id is not None:
            amount: Decimal | None = row.values["spent_eur"]
            if amount is None:
                message = _("Write the amount spent (0 when nothing was spent); money spent cannot be left empty.")
                errors.append(_error(row.cell("spent_eur"), message))
                continue
            spending[row.row_id] = SpendingEntry(amount_eur=amount, note=row.values["note"])
    plan.changes.indicator_values = indicators or None
    plan.changes.spending = spending or None


def _map_cells(plan: _Plan, row: ParsedRow) -> None:
    if row.kind == KIND_MEASURE:
        plan.cells.update({name: row.cell(name) for name in (*MEASURE_FIELDS, "completed_on")})
        plan.cells["risks"] = row.cell("risks_other")
    elif row.kind == KIND_INDICATOR:
        plan.cells[f"indicator:{row.row_id}"] = row.cell("value" if row.values["value"] is not None else "statement")
    elif row.kind == KIND_FUNDING:
        plan.cells[f"spending:{row.row_id}"] = row.cell("spent_eur")


def _measure_changes(plan: _Plan, row: ParsedRow) -> None:
    for name in row.changed:
        if name in MEASURE_FIELDS:
            setattr(plan.changes, name, row.values[name])
    if "completed_on" in row.changed:
        plan.changes.completed_on = row.values["completed_on"]
        plan.changes.clear_completed_on = row.values["completed_on"] is None


# --- applying -----------------------------------------------------------------------------------------------


def _apply(plans: list[_Plan], user: User, errors: list[CellError]) -> int:
    """Apply every plan in one transaction; on any failure roll all of them back. Returns the reports changed."""
    changed = 0
    with transaction.atomic():
        for plan in plans:
            try:
                report = report_update(report=plan.report, user=user, changes=plan.changes, version=plan.version)
            except ReportInvalid as invalid:
                errors += [_error(plan.cell_for(e.field), e.message) for e in invalid.errors]
            except (ReportConflict, ReportLocked) as refused:
                errors.append(_error(plan.rows[0].cell(plan.rows[0].changed[0]), refused.message))
            else:
                changed += report.version != plan.version
        if errors:
            transaction.set_rollback(True)
            return 0
    return changed


def _error(cell: str, message: str) -> CellError:
    return CellError(layout.SHEET, cell, message)


def _position(error: CellError) -> tuple[Any, ...]:
    """Sort errors as a reader scans the file: whole-file problems first, then by row and column."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", error.cell)
    if not match:
        return (error.sheet != "", error.sheet, 0, "", error.cell)
    return (True, error.sheet, int(match[2]), f"{len(match[1]):02d}{match[1]}", "")


__all__ = ["CellError", "FieldError", "ImportOutcome", "round_xlsx_import"]
