"""Checks on a report's values and on whether it may change now (used by izvedba.monitoring.services.reports)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from izvedba.core.formatting import format_date, format_eur, format_number
from izvedba.monitoring.models import Report
from izvedba.monitoring.services.report_types import (
    FieldError,
    IndicatorEntry,
    ReportChanges,
    ReportConflict,
    ReportLocked,
    SpendingEntry,
)
from izvedba.plans.models import FundingLine, Indicator, PlanRisk

MAX_VALUE = Decimal(10) ** 14  # IndicatorValue.value: 18 digits, 4 decimals
MAX_MONEY = Decimal(10) ** 12  # Spending.amount_eur: 14 digits, 2 decimals


def _lang() -> str:
    return get_language() or "sl"


def report_check(*, report: Report, changes: ReportChanges) -> list[FieldError]:
    """Every problem with applying `changes` to `report` (values only, not state); no writes."""
    errors: list[FieldError] = []
    errors += _check_status(report, changes)
    errors += _check_completed_on(report, changes)
    if changes.indicator_values:
        errors += _check_indicators(report, changes.indicator_values)
    if changes.spending:
        errors += _check_spending(report, changes.spending)
    if changes.risk_ids:
        errors += _check_risks(report, changes.risk_ids)
    return errors


def _check_status(report: Report, changes: ReportChanges) -> list[FieldError]:
    status = changes.implementation_status
    if status is not None and status != "" and status not in Report.Implementation.values:
        choices = ", ".join(Report.Implementation.values)
        message = _("“%(value)s” is not an implementation status; choose one of: %(choices)s.")
        return [FieldError("implementation_status", message % {"value": status, "choices": choices})]
    effective = report.implementation_status if status is None else status
    reason = report.status_reason if changes.status_reason is None else changes.status_reason
    if effective in Report.NEEDS_REASON and not reason.strip():
        label = Report.Implementation(effective).label
        message = _("A measure marked “%(status)s” needs a reason: say why in the reason field.")
        return [FieldError("status_reason", message % {"status": label})]
    return []


def _check_completed_on(report: Report, changes: ReportChanges) -> list[FieldError]:
    day = changes.completed_on
    if day is None or changes.clear_completed_on:
        return []
    period = report.round
    if period.period_start <= day <= period.period_end:
        return []
    message = _(
        "The completion date %(date)s lies outside the round's period (%(start)s – %(end)s); "
        "give a date within the period."
    )
    values = {
        "date": format_date(day, _lang()),
        "start": format_date(period.period_start, _lang()),
        "end": format_date(period.period_end, _lang()),
    }
    return [FieldError("completed_on", message % values)]


def _decimal_problem(value: Decimal, limit: Decimal, places: int) -> str:
    if not value.is_finite():
        return _("This is not a number.")
    if abs(value) >= limit:
        return _("This number is too large.")
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        return _("Give at most %(places)d decimal places.") % {"places": places}
    return ""


def _check_indicators(report: Report, entries: dict[int, IndicatorEntry]) -> list[FieldError]:
    errors = []
    indicators = Indicator.objects.in_bulk(list(entries))
    for pk, entry in entries.items():
        field = f"indicator:{pk}"
        indicator = indicators.get(pk)
        if indicator is None:
            errors.append(FieldError(field, _("There is no indicator with id %(id)s.") % {"id": pk}))
        elif indicator.measure_id != report.measure_id:
            message = _("Indicator %(id)s belongs to another measure; report it in that measure's report.")
            errors.append(FieldError(field, message % {"id": pk}))
        elif entry.value is not None and not indicator.is_numeric:
            message = _(
                "This indicator has no numeric target, so it takes no number: describe what was achieved "
                "in the statement instead."
            )
            errors.append(FieldError(field, message))
        elif entry.value is not None and (problem := _decimal_problem(entry.value, MAX_VALUE, 4)):
            errors.append(FieldError(field, problem))
    return errors


def _check_spending(report: Report, entries: dict[int, SpendingEntry]) -> list[FieldError]:
    errors = []
    lines = FundingLine.objects.in_bulk(list(entries))
    for pk, entry in entries.items():
        field = f"spending:{pk}"
        line = lines.get(pk)
        amount = entry.amount_eur
        if line is None:
            errors.append(FieldError(field, _("There is no funding line with id %(id)s.") % {"id": pk}))
        elif line.measure_id != report.measure_id:
            message = _("Funding line %(id)s belongs to another measure; report its spending in that measure's report.")
            errors.append(FieldError(field, message % {"id": pk}))
        elif problem := _decimal_problem(amount, MAX_MONEY, 2):
            errors.append(FieldError(field, problem))
        elif amount < 0:
            message = _("Money spent cannot be negative (%(amount)s); enter the amount spent, or 0 if nothing was.")
            errors.append(FieldError(field, message % {"amount": format_number(amount, None, _lang())}))
        elif amount > line.amount_eur and not entry.note.strip():
            message = _(
                "%(amount)s is more than the %(estimate)s estimated for this funding line (%(period)s); "
                "explain the difference in the note."
            )
            values = {
                "amount": format_eur(amount, _lang()),
                "estimate": format_eur(line.amount_eur, _lang()),
                "period": line.period_label,
            }
            errors.append(FieldError(field, message % values))
    return errors


def _check_risks(report: Report, risk_ids: list[int]) -> list[FieldError]:
    risks = PlanRisk.objects.in_bulk(list(set(risk_ids)))
    errors = []
    for pk in dict.fromkeys(risk_ids):
        risk = risks.get(pk)
        if risk is None:
            errors.append(FieldError("risks", _("There is no risk with id %(id)s.") % {"id": pk}))
        elif risk.plan_id != report.round.plan_id:
            message = _("Risk %(id)s (“%(text)s”) is a risk of another plan; choose among this plan's risks.")
            errors.append(FieldError("risks", message % {"id": pk, "text": risk.text[:80]}))
    return errors


# --- state --------------------------------------------------------------------------------------------------


def check_version(report: Report, version: int) -> None:
    if version != report.version:
        message = _(
            "Someone else saved this report in the meantime (it is now at version %(current)s, you edited "
            "version %(yours)s). Reload it, make your changes again and save."
        )
        raise ReportConflict(message % {"current": report.version, "yours": version}, report.version)


def check_round_open(report: Report) -> None:
    if not report.round.is_open:
        message = _("The round “%(label)s” is closed: its reports can no longer be changed or submitted.")
        raise ReportLocked(message % {"label": report.round.label})


def check_editable(report: Report) -> None:
    """May the report's content change now? (Approved: no; submitted: not until returned; closed round: no.)"""
    if report.status == Report.Status.APPROVED:
        raise ReportLocked(
            _("This report is approved and read-only; a coordinator must reopen it before it can be changed.")
        )
    check_round_open(report)
    if report.status == Report.Status.SUBMITTED:
        raise ReportLocked(
            _(
                "This report has been submitted and awaits review; "
                "it can be changed again if the coordinator returns it."
            )
        )


def check_step(report: Report, allowed: tuple[str, ...], action: str) -> None:
    if report.status not in allowed:
        message = _("A report that is “%(status)s” cannot be %(action)s.")
        raise ReportLocked(message % {"status": Report.Status(report.status).label, "action": action})


def check_complete(report: Report) -> list[FieldError]:
    """What a report needs before it is submitted."""
    errors = []
    if not report.implementation_status:
        errors.append(FieldError("implementation_status", _("Choose the implementation status before submitting.")))
    elif report.implementation_status in Report.NEEDS_REASON and not report.status_reason.strip():
        label = Report.Implementation(report.implementation_status).label
        message = _("A measure marked “%(status)s” needs a reason: say why in the reason field.")
        errors.append(FieldError("status_reason", message % {"status": label}))
    return errors
