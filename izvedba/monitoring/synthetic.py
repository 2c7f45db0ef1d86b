"""A synthetic national monitoring load, built quickly with bulk_create (for the bench and the query-count tests).

    load = synthetic_load(plans=13, measures=600, indicators=1500, years=10)

Plans share the measures, indicators and money between them; every plan gets one reporting round a year, closed
and published, with an approved report per measure (sub-rows included), a value for every indicator and
spending on the measure's first funding line. Plans run two years past the last round, so indicators are rated
mid-way. Each numeric indicator moves along a straight line at a fixed share of the pace its target needs (110 %,
75 %, 30 % or backwards), so its rating is the same with 1 year of history as with 10: what a page shows stays
alike while what is stored grows. Values are deterministic (no randomness), so runs compare.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from izvedba.core.versioning import content_changed
from izvedba.monitoring.models import IndicatorValue, Report, Round, Spending
from izvedba.organisations.models import Organisation
from izvedba.plans.models import (
    Deadline,
    FundingLine,
    FundingSource,
    Goal,
    Indicator,
    Measure,
    Plan,
    Resolution,
    Responsibility,
)

STATUSES = ["in_progress", "in_progress", "completed", "not_started", "late", "in_progress", "abandoned"]
SUB_ROW_EVERY = 10  # every tenth measure of a plan is a sub-row of the measure before it
PLAN_RUNS_ON = 2  # years the plans run after the last round
PACES = (Decimal("1.1"), Decimal("0.75"), Decimal("0.3"), Decimal("-0.2"))  # share of the pace a target needs


@dataclass(frozen=True)
class SyntheticLoad:
    plans: list[Plan]
    measures: int
    indicators: int
    rounds: int
    first_year: int
    last_year: int


@transaction.atomic
def synthetic_load(
    *,
    plans: int = 13,
    measures: int = 600,
    indicators: int = 1500,
    years: int = 10,
    first_year: int = 2017,
    tag: str = "",
) -> SyntheticLoad:
    """Create the load (`tag` tells several loads in one database apart). Returns what was made."""
    tag = tag or f"{plans}-{measures}-{indicators}-{years}"
    last_year = first_year + years - 1
    plan_end = last_year + PLAN_RUNS_ON
    goals, sources, organisations = _reference(tag)
    made_plans = Plan.objects.bulk_create(
        Plan(
            kind=Plan.Kind.NATIONAL if n == 0 else Plan.Kind.REGIONAL,
            title=f"Sintetični izvedbeni načrt {n + 1} ({tag})",
            slug=f"synthetic-{tag}-{n + 1}",
            period_start=first_year,
            period_end=plan_end,
            resolution=goals[0].resolution,
        )
        for n in range(plans)
    )
    rows = _measures(made_plans, measures, goals)
    _details(rows, indicators, sources, organisations, first_year, plan_end)
    rounds = _rounds(made_plans, first_year, years)
    _reports(rows, rounds, first_year, plan_end)
    content_changed()
    return SyntheticLoad(made_plans, measures, indicators, len(rounds), first_year, last_year)


def _reference(tag: str) -> tuple[list[Goal], list[FundingSource], list[Organisation]]:
    resolution, _created = Resolution.objects.get_or_create(
        code="ReNPSV-SYN", defaults={"title": "Sintetična resolucija", "period_start": 2000, "period_end": 2100}
    )
    goals = [
        Goal.objects.get_or_create(resolution=resolution, number=n, defaults={"title": f"Sintetični cilj {n}"})[0]
        for n in (1, 2, 3)
    ]
    sources = [
        FundingSource.objects.get_or_create(slug=f"synthetic-{n}", defaults={"name": f"Sintetični vir {n}"})[0]
        for n in (1, 2, 3)
    ]
    organisations = [
        Organisation.objects.get_or_create(
            slug=f"synthetic-org-{n}", defaults={"name": f"Sintetična organizacija {n}", "acronym": f"SO{n}"}
        )[0]
        for n in (1, 2, 3)
    ]
    return goals, sources, organisations


def _measures(plans: list[Plan], count: int, goals: list[Goal]) -> list[Measure]:
    """`count` measures spread over the plans; every SUB_ROW_EVERY-th of a plan is a sub-row of the one before."""
    per_plan = [count // len(plans) + (1 if n < count % len(plans) else 0) for n in range(len(plans))]
    tops: list[Measure] = []
    subs: list[tuple[int, int, int]] = []  # (index into tops, plan index, n)
    for index, (plan, number) in enumerate(zip(plans, per_plan, strict=True)):
        for n in range(number):
            if n % SUB_ROW_EVERY == SUB_ROW_EVERY - 1:
                subs.append((len(tops) - 1, index, n))
            else:
                tops.append(_measure(plan, n, goals))
    Measure.objects.bulk_create(tops)
    sub_rows = [
        Measure(
            plan=plans[plan_index],
            parent=tops[top],
            sub_index=1,
            code=tops[top].code,
            title=f"Del ukrepa {tops[top].code}",
            order=tops[top].order,
        )
        for top, plan_index, _n in subs
    ]
    Measure.objects.bulk_create(sub_rows)
    return tops + sub_rows


def _measure(plan: Plan, n: int, goals: list[Goal]) -> Measure:
    goal = goals[n % len(goals)]
    return Measure(
        plan=plan,
        code=f"{goal.number}.{n + 1}",
        goal=goal,
        title=f"Sintetični ukrep {n + 1} za preizkus obremenitve",
        purpose="Razvoj storitev v skupnosti.",
        order=n,
    )


def _details(
    measures: list[Measure],
    indicator_count: int,
    sources: list[FundingSource],
    organisations: list[Organisation],
    first_year: int,
    last_year: int,
) -> None:
    Responsibility.objects.bulk_create(
        Responsibility(
            measure=m,
            organisation=organisations[(n + k) % len(organisations)],
            role=role,
            name_as_written=organisations[(n + k) % len(organisations)].name,
            order=k,
        )
        for n, m in enumerate(measures)
        for k, role in enumerate([Responsibility.Role.HOLDER, Responsibility.Role.PARTICIPANT])
    )
    Deadline.objects.bulk_create(
        Deadline(measure=m, due_on=dt.date(first_year + (n + k) % (last_year - first_year + 1), 12, 31), order=k)
        for n, m in enumerate(measures)
        for k in range(1 + n % 2)
    )
    FundingLine.objects.bulk_create(
        line
        for n, m in enumerate(measures)
        for line in (
            FundingLine(
                measure=m,
                source=sources[n % len(sources)],
                basis=FundingLine.Basis.PER_YEAR,
                amount_eur=10_000 + 1_000 * (n % 50),
                order=0,
            ),
            FundingLine(
                measure=m,
                source=sources[(n + 1) % len(sources)],
                basis=FundingLine.Basis.YEAR,
                year_start=first_year + n % (last_year - first_year + 1),
                year_end=first_year + n % (last_year - first_year + 1),
                amount_eur=50_000,
                order=1,
            ),
        )
    )
    Indicator.objects.bulk_create(
        _indicator(measures[n % len(measures)], n + n // len(measures), order=n, baseline_year=first_year - 1)
        for n in range(indicator_count)
    )


def _indicator(measure: Measure, n: int, *, order: int, baseline_year: int) -> Indicator:
    """Four kinds in turn: cumulative count, rising share, falling waiting time (both with a baseline), statement."""
    kind = n % 4
    if kind == 0:
        return Indicator(measure=measure, text="Število vključenih oseb", target=Decimal(1000), unit="oseb",
                         cumulative=True, order=order)  # fmt: skip
    if kind == 1:
        return Indicator(measure=measure, text="Delež pokritosti", target=Decimal(60), unit="%", order=order,
                         baseline_value=Decimal(20), baseline_year=baseline_year)  # fmt: skip
    if kind == 2:
        return Indicator(measure=measure, text="Čakalna doba", target=Decimal(30), unit="dni", order=order,
                         baseline_value=Decimal(90), baseline_year=baseline_year,
                         direction=Indicator.Direction.DECREASE)  # fmt: skip
    return Indicator(measure=measure, text="Vzpostavljena mreža storitev", order=order)


def _rounds(plans: list[Plan], first_year: int, years: int) -> list[Round]:
    now = timezone.now()
    return Round.objects.bulk_create(
        Round(
            plan=plan,
            label=str(year),
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            due_date=dt.date(year + 1, 2, 28),
            status=Round.Status.CLOSED,
            closed_at=now,
            published_at=now,
        )
        for plan in plans
        for year in range(first_year, first_year + years)
    )


def _reports(measures: list[Measure], rounds: list[Round], first_year: int, plan_end: int) -> None:
    by_plan: dict[int, list[Measure]] = {}
    for m in measures:
        by_plan.setdefault(m.plan_id, []).append(m)
    now = timezone.now()
    reports = Report.objects.bulk_create(
        Report(
            round=r,
            measure=m,
            status=Report.Status.APPROVED,
            implementation_status=(status := STATUSES[(m.pk + r.period_end.year) % len(STATUSES)]),
            status_reason="Zamuda pri javnem naročilu." if status in Report.NEEDS_REASON else "",
            approved_at=now,
        )
        for r in rounds
        for m in by_plan.get(r.plan_id, [])
    )
    indicators: dict[int, list[Indicator]] = {}
    for indicator in Indicator.objects.filter(measure__in=[m.pk for m in measures]).order_by("pk"):
        indicators.setdefault(indicator.measure_id, []).append(indicator)
    first_lines = dict(
        FundingLine.objects.filter(measure__in=[m.pk for m in measures], order=0).values_list("measure_id", "pk")
    )
    IndicatorValue.objects.bulk_create(
        _value(report, indicator, first_year, plan_end)
        for report in reports
        for indicator in indicators.get(report.measure_id, [])
    )
    Spending.objects.bulk_create(
        Spending(report=report, funding_line_id=first_lines[report.measure_id], amount_eur=Decimal("9500.50"))
        for report in reports
        if report.measure_id in first_lines
    )


def _value(report: Report, indicator: Indicator, first_year: int, plan_end: int) -> IndicatorValue:
    """A value on a straight line from the baseline at the pace PACES gives the indicator (see the docstring)."""
    year = report.round.period_end.year
    if indicator.target is None:
        return IndicatorValue(report=report, indicator=indicator, statement=f"Stanje v letu {year}.")
    pace = PACES[(indicator.pk // 4) % len(PACES)]
    done = Decimal(year - first_year + 1) / Decimal(plan_end - first_year + 1)  # share of the plan's time gone by
    if indicator.cumulative:
        value = (1000 * max(pace, Decimal(0)) / (plan_end - first_year + 1)).quantize(Decimal(1))  # this year's
    elif indicator.direction == Indicator.Direction.DECREASE:
        value = (90 - 60 * pace * done).quantize(Decimal("0.1"))
    else:
        value = (20 + 40 * pace * done).quantize(Decimal("0.1"))
    return IndicatorValue(report=report, indicator=indicator, value=value)
