"""How monitoring models become the API's response bodies (izvedba.monitoring.schemas)."""

from __future__ import annotations

from decimal import Decimal

from izvedba.monitoring.models import Evidence, Report, Round
from izvedba.monitoring.schemas import (
    ContributionOut,
    EvidenceOut,
    IndicatorValueOut,
    MeasureRef,
    PlanRef,
    ReportDetail,
    ReportItem,
    RiskOut,
    RoundOut,
    RoundRef,
    SpendingOut,
)
from izvedba.plans.models import Measure


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def holders_of(measure: Measure) -> list[str]:
    """Acronyms (or names) of the holders; a sub-row without holders of its own: its parent's.

    Expects measure.responsibilities (and the parent's) prefetched with their organisations.
    """
    own = [r.organisation for r in measure.responsibilities.all() if r.role == "holder"]
    if not own and measure.parent_id is not None and measure.parent is not None:
        own = [r.organisation for r in measure.parent.responsibilities.all() if r.role == "holder"]
    return [o.acronym or o.name for o in own]


def measure_ref(measure: Measure) -> MeasureRef:
    return MeasureRef(
        id=measure.pk,
        code=measure.code,
        sub_index=measure.sub_index,
        parent_id=measure.parent_id,
        title=measure.title,
        holders=holders_of(measure),
    )


def round_out(round: Round, counts: dict[str, int]) -> RoundOut:
    plan = round.plan
    return RoundOut(
        id=round.pk,
        plan=PlanRef(id=plan.pk, slug=plan.slug, title=plan.title),
        label=round.label,
        period_start=round.period_start,
        period_end=round.period_end,
        due_date=round.due_date,
        status=round.status,
        published=round.published_at is not None,
        closed_at=round.closed_at,
        published_at=round.published_at,
        reports_by_status=counts,
    )


def report_item(report: Report) -> ReportItem:
    return ReportItem(
        id=report.pk,
        measure=measure_ref(report.measure),
        status=report.status,
        implementation_status=report.implementation_status,
        version=report.version,
    )


def report_detail(report: Report, actions: dict[str, bool]) -> ReportDetail:
    """`report` comes from izvedba.monitoring.api.common.detail_queryset (everything prefetched)."""
    measure = report.measure
    values = {v.indicator_id: v for v in report.indicator_values.all()}
    spent = {s.funding_line_id: s for s in report.spending.all()}
    indicator_values = []
    for indicator in measure.indicators.all():
        value = values.get(indicator.pk)
        indicator_values.append(
            IndicatorValueOut(
                indicator=indicator.pk,
                text=indicator.text,
                unit=indicator.unit,
                target=_float(indicator.target),
                is_numeric=indicator.is_numeric,
                value=_float(value.value) if value else None,
                statement=value.statement if value else "",
            )
        )
    spending = []
    for line in measure.funding_lines.all():
        row = spent.get(line.pk)
        spending.append(
            SpendingOut(
                funding_line=line.pk,
                period=line.period_label,
                source=line.source.name if line.source else None,
                estimate_eur=line.amount_eur,
                amount_eur=_float(row.amount_eur) if row else None,
                note=row.note if row else "",
            )
        )
    round = report.round
    return ReportDetail(
        id=report.pk,
        round=RoundRef(
            id=round.pk,
            label=round.label,
            period_start=round.period_start,
            period_end=round.period_end,
            due_date=round.due_date,
            status=round.status,
        ),
        measure=measure_ref(measure),
        status=report.status,
        version=report.version,
        implementation_status=report.implementation_status,
        status_reason=report.status_reason,
        completed_on=report.completed_on,
        narrative=report.narrative,
        indicator_values=indicator_values,
        spending=spending,
        risks=[RiskOut(id=r.pk, text=r.text) for r in report.risks.all()],
        plan_risks=[RiskOut(id=r.pk, text=r.text) for r in round.plan.risks.all()],
        risks_other=report.risks_other,
        review_comment=report.review_comment,
        evidence=[evidence_out(e) for e in report.evidence.all()],
        contributions=[
            ContributionOut(id=c.pk, organisation=str(c.organisation), text=c.text, created_at=c.created_at)
            for c in report.contributions.all()
        ],
        submitted_at=report.submitted_at,
        approved_at=report.approved_at,
        updated_at=report.updated_at,
        actions=actions,
    )


def evidence_out(evidence: Evidence) -> EvidenceOut:
    return EvidenceOut(
        id=evidence.pk, name=evidence.original_name, size=evidence.size, uploaded_at=evidence.uploaded_at
    )
