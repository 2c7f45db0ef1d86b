"""Reads that build the contexts of the regional summary and the monitoring report, in a fixed number of queries.

The contexts are plain data (`regional_summary.SummaryContext`, `monitoring_report.ReportContext`); the builders
turn them into a `Document` without reading.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q, QuerySet

from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.selectors import plan_progress
from izvedba.plans.models import (
    ContextIndicator,
    CoordinationGroupSeat,
    Deadline,
    Measure,
    MeasureFundingSource,
    Plan,
    PlanMunicipality,
    PlanPriority,
    PlanRisk,
    Responsibility,
)
from izvedba.publications.monitoring_report import ReportContext, RiskMet
from izvedba.publications.regional_summary import ContextFigure, GoalMeasures, SummaryContext, SummaryMeasure


def regional_summary_context(plan: Plan) -> SummaryContext:
    """Everything the summary of a regional plan shows: 11 queries, whatever the plan's size."""
    plan = Plan.objects.select_related("region", "coordinator", "resolution").get(pk=plan.pk)
    seats = [(s.category, s.count) for s in CoordinationGroupSeat.objects.filter(plan=plan).order_by("order", "pk")]
    municipalities = [
        pm.name_as_written or pm.municipality.name
        for pm in PlanMunicipality.objects.filter(plan=plan).select_related("municipality").order_by("order", "pk")
    ]
    centres = [o.name for o in plan.centres.order_by("name")]
    figures = [
        ContextFigure(ci.name, ci.value, ci.unit, ci.year, ci.source_text)
        for ci in ContextIndicator.objects.filter(plan=plan).order_by("order", "pk")
    ]
    priorities = [p.text for p in PlanPriority.objects.filter(plan=plan).order_by("order", "pk")]
    risks = [r.text for r in PlanRisk.objects.filter(plan=plan).order_by("order", "pk")]
    measures = list(
        Measure.objects.filter(plan=plan).select_related("goal", "parent__goal").order_by("order", "sub_index", "pk")
    )
    ids = [m.pk for m in measures]
    holders: dict[int, list[str]] = defaultdict(list)
    for r in Responsibility.objects.filter(measure_id__in=ids, role=Responsibility.Role.HOLDER).order_by("order", "pk"):
        holders[r.measure_id].append(r.name_as_written)
    sources: dict[int, list[str]] = defaultdict(list)
    for s in MeasureFundingSource.objects.filter(measure_id__in=ids).select_related("source").order_by("order", "pk"):
        sources[s.measure_id].append(s.name_as_written or s.source.name)
    deadlines: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for d in Deadline.objects.filter(measure_id__in=ids).order_by("order", "due_on"):
        deadlines[d.measure_id].append((d.due_on, d.label))
    goals: dict[int | None, GoalMeasures] = {}
    for m in _document_order(measures):
        goal = m.goal or (m.parent.goal if m.parent is not None else None)
        key = goal.number if goal is not None else None
        if key not in goals:
            goals[key] = GoalMeasures(key, goal.title if goal is not None else "", [])
        goals[key].measures.append(
            SummaryMeasure(
                code=m.code if not m.sub_index else f"{m.code}.{m.sub_index}",
                title=m.title,
                deadlines=deadlines.get(m.pk) or (deadlines.get(m.parent_id, []) if m.parent_id else []),
                holders=holders.get(m.pk) or (holders.get(m.parent_id, []) if m.parent_id else []),
                funding_sources=sources.get(m.pk, []),
                no_additional_funds=m.no_additional_funds,
            )
        )
    ordered = sorted(goals.values(), key=lambda g: (g.number is None, g.number or 0))
    return SummaryContext(
        plan_title=plan.title,
        period=(plan.period_start, plan.period_end),
        region=plan.region.name if plan.region is not None else "",
        resolution=plan.resolution.title if plan.resolution is not None else "",
        coordinator=plan.coordinator.name if plan.coordinator is not None else "",
        coordinator_appointed_by=plan.coordinator_appointed_by,
        confirmed_on=plan.confirmed_on,
        group_seats=seats,
        municipalities=municipalities,
        centres=centres,
        context_figures=figures,
        priorities=priorities,
        goals=ordered,
        risks=risks,
    )


def _document_order(measures: list[Measure]) -> list[Measure]:
    """Measures as the plan lists them: each sub-row right after its measure."""
    children: dict[int, list[Measure]] = defaultdict(list)
    ids = {m.pk for m in measures}
    tops = []
    for m in measures:
        if m.parent_id is not None and m.parent_id in ids:
            children[m.parent_id].append(m)
        else:
            tops.append(m)
    result: list[Measure] = []
    for m in tops:
        result.append(m)
        result.extend(children.get(m.pk, []))
    return result


def report_rounds(round_: Round, *, published_only: bool = False) -> QuerySet[Round]:
    """The rounds a monitoring report for `round_` counts: the plan's rounds up to and including it (only the
    published ones besides `round_` itself for a reader who may see published figures only)."""
    rounds = Round.objects.filter(plan_id=round_.plan_id, period_end__lte=round_.period_end)
    if published_only:
        rounds = rounds.filter(Q(published_at__isnull=False) | Q(pk=round_.pk))
    return rounds


def monitoring_report_context(
    round_: Round, *, today: dt.date | None = None, published_only: bool = False
) -> ReportContext:
    """What the monitoring report for a round shows: the plan's progress as the round's approved reports (and
    earlier rounds') give it, and the risks its approved reports met. A fixed number of queries."""
    round_ = Round.objects.select_related("plan").get(pk=round_.pk)
    plan = round_.plan
    as_of = today or round_.period_end
    progress = plan_progress(plan, report_rounds(round_, published_only=published_only), today=as_of)
    approved = Report.objects.filter(round=round_, status=Report.Status.APPROVED)
    risks = [
        RiskMet(risk.text, risk.met)
        for risk in PlanRisk.objects.filter(reports__in=approved)
        .annotate(met=Count("reports", distinct=True))
        .order_by("order", "pk")
    ]
    others = [
        (code, text)
        for code, text in approved.exclude(risks_other="")
        .order_by("measure__order", "measure__sub_index", "measure_id")
        .values_list("measure__code", "risks_other")
    ]
    return ReportContext(
        plan_title=plan.title,
        plan_kind=plan.kind,
        round_label=round_.label,
        period_start=round_.period_start,
        period_end=round_.period_end,
        published=round_.published_at is not None,
        approved_reports=approved.count(),
        progress=progress,
        risks=risks,
        other_risks=others,
    )
