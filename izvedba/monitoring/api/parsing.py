"""From the API's report bodies to the services' ReportChanges, with a FieldError for every value that is not one."""

from __future__ import annotations

from decimal import Decimal

from izvedba.monitoring.schemas import Loose, ReportPatch
from izvedba.monitoring.services.reports import FieldError, IndicatorEntry, ReportChanges, SpendingEntry
from izvedba.monitoring.values import parse_date, parse_decimal


def version_of(raw: Loose, *, required: bool) -> tuple[int | None, list[FieldError]]:
    """The version a client sent (a whole number), or an error."""
    if raw is None or raw == "":
        if required:
            return None, [FieldError("version", "Send the version you edited (the report's `version` from GET).")]
        return None, []
    try:
        number = parse_decimal(raw)
    except ValueError:
        number = None
    if number is None or number != number.to_integral_value() or number < 1:
        return None, [FieldError("version", f"“{raw}” is not a version: send the report's `version`, a whole number.")]
    return int(number), []


def report_changes(body: ReportPatch) -> tuple[ReportChanges, list[FieldError]]:
    """The changes `body` asks for; values that cannot be read are left out and named in the errors."""
    errors: list[FieldError] = []
    sent = body.model_fields_set
    changes = ReportChanges(
        implementation_status=body.implementation_status,
        status_reason=body.status_reason,
        narrative=body.narrative,
        risks_other=body.risks_other,
        risk_ids=body.risks,
    )
    if "completed_on" in sent:
        if body.completed_on is None or not body.completed_on.strip():
            changes.clear_completed_on = True
        else:
            try:
                changes.completed_on = parse_date(body.completed_on)
            except ValueError as e:
                errors.append(FieldError("completed_on", str(e)))
    if body.indicator_values is not None:
        values: dict[int, IndicatorEntry] = {}
        for entry in body.indicator_values:
            try:
                values[entry.indicator] = IndicatorEntry(value=parse_decimal(entry.value), statement=entry.statement)
            except ValueError as e:
                errors.append(FieldError(f"indicator:{entry.indicator}", str(e)))
        changes.indicator_values = values
    if body.spending is not None:
        spending: dict[int, SpendingEntry] = {}
        for line in body.spending:
            field = f"spending:{line.funding_line}"
            try:
                amount: Decimal | None = parse_decimal(line.amount_eur)
            except ValueError as e:
                errors.append(FieldError(field, str(e)))
                continue
            if amount is None:
                errors.append(FieldError(field, "Give the amount spent in euros (0 if nothing was spent)."))
                continue
            spending[line.funding_line] = SpendingEntry(amount_eur=amount, note=line.note)
        changes.spending = spending
    return changes, errors
