"""Reads shaped for the monitoring pages, the API and the exports. Query counts do not grow with the data."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Max, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import ExtractYear

from izvedba.monitoring import progress as p
from izvedba.monitoring.models import IndicatorValue, Report, Round, Spending
from izvedba.plans.models import Deadline, FundingLine, Goal, Indicator, Measure, Plan
from izvedba.plans.selectors import MoneyTable

# --- Progress: plan and goal dashboards, the progress API and the exports -------------------------------------
#
# Only approved reports count, and only in the rounds the caller passes: always
# `izvedba.accounts.access.counted_rounds(user, plan)` (or a union of those for a goal).
# Each measure's current status is its approved report in the latest of those rounds (of its plan), or
# "not_reported"; indicator values and spending come from approved reports in all of them.
# Reads: rounds, measures (+ deadlines), current reports, indicators, indicator sums, funding lines, spending
# by source and year, spending by measure: nine queries, whatever the number of measures, rounds or years.

APPROVED = Report.Status.APPROVED


@dataclass(frozen=True)
class RoundRef:
    id: int
    plan_id: int
    label: str
    period_start: dt.date
    period_end: dt.date
    published: bool


@dataclass(frozen=True)
class Progress:
    """What a dashboard, the progress endpoint and the exports show about a plan (or a goal)."""

    rounds: list[RoundRef]  # counted, oldest first
    latest_rounds: list[RoundRef]  # the latest counted round of each plan (one for a plan)
    measures: list[p.MeasureProgress]  # document order, sub-rows right after their measure
    by_status: dict[str, int]
    goals: list[p.GoalRow]
    money: p.MoneyComparison
    overdue: list[p.MeasureProgress]
    indicators_off_track: list[tuple[p.MeasureProgress, p.IndicatorSummary]]
    today: dt.date

    @property
    def latest_round(self) -> RoundRef | None:
        return self.latest_rounds[-1] if self.latest_rounds else None

    @property
    def indicators(self) -> list[tuple[p.MeasureProgress, p.IndicatorSummary]]:
        return [(m, i) for m in self.measures for i in m.indicators]


def plan_progress(plan: Plan, rounds: QuerySet[Round], *, today: dt.date) -> Progress:
    """The plan's progress as `rounds` (the user's counted rounds of the plan) show it."""
    return _progress(Measure.objects.filter(plan=plan), rounds.filter(plan=plan), today=today)


def goal_progress(goal: Goal, rounds: QuerySet[Round], *, today: dt.date) -> Progress:
    """A goal's progress across every plan with measures towards it (a sub-row without a goal: its measure's).

    `rounds` is the union of the user's counted rounds of those plans; a plan without any is "not reported".
    """
    measures = Measure.objects.filter(Q(goal=goal) | Q(goal__isnull=True, parent__goal=goal))
    return _progress(measures, rounds, today=today)


def _progress(measures: QuerySet[Measure], rounds: QuerySet[Round], *, today: dt.date) -> Progress:
    counted = _rounds(rounds)
    latest = _latest_per_plan(counted)
    ids = [r.id for r in counted]
    rows = _measures(measures, ids)
    measure_ids = list(rows)  # the other reads filter by these: simpler SQL than the measures' query again
    deadlines = _deadlines(measure_ids)
    current = _current_statuses(measure_ids, [r.id for r in latest])
    indicators = _indicators(rows, ids)
    lines = _lines(rows)
    planned: dict[int, int] = defaultdict(int)
    for line in lines:
        planned[line.measure_id] += p.line_total(line.basis, line.amount, len(line.years))
    spent = _spent_by_measure(measure_ids, ids)
    result = [
        _measure_progress(row, deadlines, current, indicators, planned, spent, today)
        for row in _document_order(list(rows.values()))
    ]
    money = p.compare_money(p.planned_table(lines), _spent_by_source_and_year(measure_ids, ids))
    return Progress(
        rounds=counted,
        latest_rounds=latest,
        measures=result,
        by_status=p.count_by_status(m.implementation_status for m in result),
        goals=p.goal_rows(result),
        money=money,
        overdue=p.overdue_measures(result),
        indicators_off_track=p.off_track_indicators(result),
        today=today,
    )


def _rounds(rounds: QuerySet[Round]) -> list[RoundRef]:
    values = rounds.order_by("period_end", "pk").values_list(
        "pk", "plan_id", "label", "period_start", "period_end", "published_at"
    )
    return [
        RoundRef(pk, plan, label, start, end, published is not None)
        for pk, plan, label, start, end, published in values
    ]


def _latest_per_plan(rounds: list[RoundRef]) -> list[RoundRef]:
    latest = {r.plan_id: r for r in rounds}  # rounds come oldest first: the last one of a plan wins
    return sorted(latest.values(), key=lambda r: (r.period_end, r.id))


def _approved(round_ids: list[int], prefix: str = "") -> Q:
    return Q(**{f"{prefix}status": APPROVED, f"{prefix}round_id__in": round_ids})


@dataclass(frozen=True)
class _Row:
    """A measure as the dashboard reads it (plain values: no model instances to build)."""

    id: int
    plan_id: int
    parent_id: int | None
    code: str
    sub_index: int
    title: str
    order: int
    goal_number: int | None
    goal_title: str | None
    parent_code: str | None
    parent_goal_number: int | None
    parent_goal_title: str | None
    plan_start: int
    plan_end: int
    last_status: str | None  # the last status an approved report gave
    last_reason: str | None

    @property
    def plan_years(self) -> range:
        return range(self.plan_start, self.plan_end + 1)


def _measures(measures: QuerySet[Measure], round_ids: list[int]) -> dict[int, _Row]:
    last = (
        Report.objects.filter(_approved(round_ids), measure=OuterRef("pk"))
        .exclude(implementation_status="")
        .order_by("-round__period_end", "-round_id")
    )
    values = (
        measures.annotate(
            last_status=Subquery(last.values("implementation_status")[:1]),
            last_reason=Subquery(last.values("status_reason")[:1]),
        )
        .order_by()
        .values_list(
            "pk", "plan_id", "parent_id", "code", "sub_index", "title", "order", "goal__number", "goal__title",
            "parent__code", "parent__goal__number", "parent__goal__title", "plan__period_start", "plan__period_end",
            "last_status", "last_reason",
        )
    )  # fmt: skip
    return {row[0]: _Row(*row) for row in values}


def _deadlines(measure_ids: list[int]) -> dict[int, list[dt.date]]:
    deadlines: dict[int, list[dt.date]] = defaultdict(list)
    for measure_id, due_on in Deadline.objects.filter(measure_id__in=measure_ids).values_list("measure_id", "due_on"):
        deadlines[measure_id].append(due_on)
    return deadlines


def _current_statuses(measure_ids: list[int], latest_round_ids: list[int]) -> dict[int, str]:
    reports = Report.objects.filter(_approved(latest_round_ids), measure_id__in=measure_ids)
    reports = reports.exclude(implementation_status="")
    return dict(reports.values_list("measure_id", "implementation_status"))


def _lines(rows: dict[int, _Row]) -> list[p.PlannedLine]:
    values = FundingLine.objects.filter(measure_id__in=list(rows)).order_by("pk")
    return [
        p.PlannedLine(measure, source or MoneyTable.SEVERAL, basis, year, amount, rows[measure].plan_years)
        for measure, source, basis, year, amount in values.values_list(
            "measure_id", "source__name", "basis", "year_start", "amount_eur"
        )
    ]


_INDICATOR_FIELDS = (
    "pk", "measure_id", "text", "unit", "target", "target_year", "direction", "cumulative", "baseline_value",
    "baseline_year", "first_value", "latest_value", "latest_statement",
)  # fmt: skip


def _indicators(measures: dict[int, _Row], round_ids: list[int]) -> dict[int, list[p.IndicatorSummary]]:
    """Each measure's indicators and their progress, from the first, latest and sum of their approved values."""
    values = IndicatorValue.objects.filter(_approved(round_ids, "report__"), indicator=OuterRef("pk"))
    numbers = values.filter(value__isnull=False)
    oldest, newest = (
        ("report__round__period_end", "report__round_id"),
        ("-report__round__period_end", "-report__round_id"),
    )
    rows = (
        Indicator.objects.filter(measure_id__in=list(measures))
        .annotate(
            first_value=Subquery(numbers.order_by(*oldest).values("value")[:1]),
            latest_value=Subquery(numbers.order_by(*newest).values("value")[:1]),
            latest_statement=Subquery(values.exclude(statement="").order_by(*newest).values("statement")[:1]),
        )
        .order_by("measure_id", "order", "pk")
        .values_list(*_INDICATOR_FIELDS)
    )
    sums = {
        row[0]: row[1:]
        for row in IndicatorValue.objects.filter(
            _approved(round_ids, "report__"), indicator__measure_id__in=list(measures), value__isnull=False
        )
        .values("indicator_id")
        .annotate(
            total=Sum("value"),
            count=Count("pk"),
            first_on=Min("report__round__period_end"),
            latest_on=Max("report__round__period_end"),
        )
        .order_by()
        .values_list("indicator_id", "total", "count", "first_on", "latest_on")
    }
    result: dict[int, list[p.IndicatorSummary]] = defaultdict(list)
    for row in rows:
        f = dict(zip(_INDICATOR_FIELDS, row, strict=True))
        measure = measures[f["measure_id"]]
        facts = _facts(f, measure, *sums.get(f["pk"], (None, 0, None, None)))
        result[measure.id].append(
            p.IndicatorSummary(f["pk"], measure.id, f["text"], f["unit"], p.indicator_progress(facts))
        )
    return result


def _facts(
    f: dict[str, Any],
    measure: _Row,
    total: Decimal | None,
    count: int,
    first_on: dt.date | None,
    latest_on: dt.date | None,
) -> p.IndicatorFacts:
    """An indicator's facts from its row, its measure's plan and the sum, count and dates of its approved values."""
    first, latest = f["first_value"], f["latest_value"]
    return p.IndicatorFacts(
        target=f["target"],
        target_year=f["target_year"] or measure.plan_end,
        plan_start=measure.plan_start,
        direction=f["direction"],
        cumulative=f["cumulative"],
        baseline_value=f["baseline_value"],
        baseline_year=f["baseline_year"],
        first=p.Point(Decimal(first), first_on) if first is not None and first_on else None,
        latest=p.Point(Decimal(latest), latest_on) if latest is not None and latest_on else None,
        total=Decimal(total) if total is not None else None,
        count=count,
        statement=f["latest_statement"] or "",
    )


def _spending(measure_ids: list[int], round_ids: list[int]) -> QuerySet[Spending]:
    return Spending.objects.filter(_approved(round_ids, "report__"), report__measure_id__in=measure_ids)


def _spent_by_measure(measure_ids: list[int], round_ids: list[int]) -> dict[int, Decimal]:
    rows = (
        _spending(measure_ids, round_ids)
        .values("report__measure_id")
        .annotate(total=Sum("amount_eur"))
        .order_by()
        .values_list("report__measure_id", "total")
    )
    return {measure: Decimal(total) for measure, total in rows}


def _spent_by_source_and_year(measure_ids: list[int], round_ids: list[int]) -> dict[str, dict[int, Decimal]]:
    rows = (
        _spending(measure_ids, round_ids)
        .values(source=F("funding_line__source__name"), year=ExtractYear("report__round__period_end"))
        .annotate(total=Sum("amount_eur"))
        .order_by()
        .values_list("source", "year", "total")
    )
    spent: dict[str, dict[int, Decimal]] = defaultdict(dict)
    for source, year, total in rows:
        spent[source or MoneyTable.SEVERAL][int(year)] = Decimal(total)
    return spent


def _document_order(rows: list[_Row]) -> list[_Row]:
    """Measures in their plan's order, each followed by its sub-rows; sub-rows whose measure is absent at the end."""
    ids = {r.id for r in rows}
    children: dict[int, list[_Row]] = defaultdict(list)
    for r in rows:
        if r.parent_id in ids:
            children[r.parent_id].append(r)
    tops = sorted((r for r in rows if r.parent_id not in ids), key=lambda r: (r.plan_id, r.order, r.sub_index, r.id))
    ordered: list[_Row] = []
    for top in tops:
        ordered.append(top)
        ordered.extend(sorted(children.get(top.id, []), key=lambda r: (r.sub_index, r.id)))
    return ordered


def _measure_progress(
    row: _Row,
    deadlines: dict[int, list[dt.date]],
    current: dict[int, str],
    indicators: dict[int, list[p.IndicatorSummary]],
    planned: dict[int, int],
    spent: dict[int, Decimal],
    today: dt.date,
) -> p.MeasureProgress:
    own_goal = row.goal_number is not None
    days = deadlines.get(row.id) or (deadlines.get(row.parent_id, []) if row.parent_id is not None else [])
    return p.MeasureProgress(
        id=row.id,
        plan_id=row.plan_id,
        code=row.code,
        sub_index=row.sub_index,
        title=row.title,
        parent_id=row.parent_id,
        parent_code=row.parent_code,
        goal_number=row.goal_number if own_goal else row.parent_goal_number,
        goal_title=(row.goal_title if own_goal else row.parent_goal_title) or "",
        implementation_status=current.get(row.id, p.NOT_REPORTED),
        deadline=p.deadline_state(days, row.last_status, today),  # a sub-row without deadlines: its measure's
        reason=row.last_reason or "",
        indicators=indicators.get(row.id, []),
        planned=planned.get(row.id, 0),
        spent=spent.get(row.id, Decimal(0)),
    )
