"""What a round's XLSX export holds for one user: the reports they may read, with their indicators and funding lines."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import override

from izvedba.accounts import access
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.xlsx.export import FundingRow, IndicatorRow, ReportRow, RoundExport
from izvedba.plans.models import Measure, Responsibility


def export_reports(*, round: Round, user: Any) -> QuerySet[Report]:
    """The round's reports the user may read: all of them for those who monitor the plan, a reporter's own."""
    return access.visible_reports(user, Report.objects.filter(round=round))


def round_export_data(*, round: Round, user: Any) -> RoundExport:
    reports = (
        export_reports(round=round, user=user)
        .select_related("measure", "measure__parent")
        .prefetch_related(
            "measure__responsibilities__organisation",
            "measure__parent__responsibilities__organisation",
            "measure__indicators",
            "measure__funding_lines__source",
            "indicator_values",
            "spending",
        )
        .order_by("measure__order", "measure__code", "measure__sub_index", "pk")
    )
    with override("sl"):
        rows = tuple(_report_row(report) for report in reports)
    return RoundExport(
        round_id=round.pk,
        plan_id=round.plan_id,
        plan_title=round.plan.title,
        round_label=round.label,
        exported_at=timezone.localtime(),
        reports=rows,
    )


def _report_row(report: Report) -> ReportRow:
    measure = report.measure
    values = {value.indicator_id: value for value in report.indicator_values.all()}
    spent = {spending.funding_line_id: spending for spending in report.spending.all()}
    indicators = tuple(
        IndicatorRow(
            indicator_id=indicator.pk,
            text=indicator.text,
            target=indicator.target,
            unit=indicator.unit,
            value=values[indicator.pk].value if indicator.pk in values else None,
            statement=values[indicator.pk].statement if indicator.pk in values else "",
        )
        for indicator in measure.indicators.all()
    )
    funding = tuple(
        FundingRow(
            line_id=line.pk,
            label=", ".join(part for part in (line.source.name if line.source else "", line.period_label) if part),
            planned_eur=line.amount_eur,
            spent_eur=spent[line.pk].amount_eur if line.pk in spent else None,
            note=spent[line.pk].note if line.pk in spent else "",
        )
        for line in measure.funding_lines.all()
    )
    return ReportRow(
        report_id=report.pk,
        version=report.version,
        measure_code=f"{measure.code}/{measure.sub_index}" if measure.parent_id else measure.code,
        title=measure.title,
        holders=", ".join(_holders(measure)),
        status=report.status,
        implementation_status=report.implementation_status,
        status_reason=report.status_reason,
        completed_on=report.completed_on,
        narrative=report.narrative,
        risks_other=report.risks_other,
        indicators=indicators,
        funding=funding,
    )


def _holders(measure: Measure) -> list[str]:
    """The measure's holders (a sub-row without its own: its parent's), by acronym where there is one."""
    holder = Responsibility.Role.HOLDER
    rows = [row for row in measure.responsibilities.all() if row.role == holder]
    if not rows and measure.parent is not None:
        rows = [row for row in measure.parent.responsibilities.all() if row.role == holder]
    return [row.organisation.acronym or row.organisation.name for row in rows]
