"""Rounds and reports for the progress tests, written with the ORM directly (the workflow has its own tests).

`make_history(cast)` gives the cast's plan two rounds — 2025 (published) and 2026 (not published, the latest) —
with approved, submitted and missing reports (see its docstring for what each measure says).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from izvedba.monitoring.models import IndicatorValue, Report, Round, Spending
from izvedba.monitoring.tests.cast import Cast
from izvedba.plans.models import Deadline, FundingLine, Goal, Indicator, Measure, Plan, Resolution


def make_round(plan: Plan, year: int, *, published: bool = True) -> Round:
    return Round.objects.create(
        plan=plan,
        label=str(year),
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        due_date=dt.date(year + 1, 2, 28),
        status=Round.Status.CLOSED,
        published_at=timezone.now() if published else None,
    )


def make_report(
    round: Round,
    measure: Measure,
    implementation_status: str,
    *,
    status: str = Report.Status.APPROVED,
    reason: str = "",
    values: dict[Indicator, int | str | Decimal] | None = None,
    spending: dict[FundingLine, int | Decimal] | None = None,
) -> Report:
    """A report in `status` (approved unless said otherwise) with its indicator values and spending."""
    report = Report.objects.create(
        round=round,
        measure=measure,
        status=status,
        implementation_status=implementation_status,
        status_reason=reason,
        approved_at=timezone.now() if status == Report.Status.APPROVED else None,
    )
    for indicator, value in (values or {}).items():
        if isinstance(value, str):
            IndicatorValue.objects.create(report=report, indicator=indicator, statement=value)
        else:
            IndicatorValue.objects.create(report=report, indicator=indicator, value=Decimal(value))
    for line, amount in (spending or {}).items():
        Spending.objects.create(report=report, funding_line=line, amount_eur=Decimal(amount))
    return report


@dataclass(frozen=True)
class History:
    r2025: Round
    r2026: Round
    goal1: Goal
    goal2: Goal


def make_history(cast: Cast) -> History:
    """Goals 1 (m1, and m1_sub through it) and 2 (m2); deadlines m1 31. 12. 2026, m2 31. 12. 2025; ind_m2 cumulative.

    2025 (published): m1 in progress (ind_num 40, a statement, 1.000 EUR spent), m1_sub completed, m2 late with a
    reason (ind_m2 10, 500 EUR spent), m3 only submitted. 2026 (not published): m1 in progress (ind_num 70,
    2.000,50 EUR spent), m2 only submitted (ind_m2 40, 900 EUR), m3 abandoned with a reason, m1_sub no report.
    """
    c = cast
    resolution = Resolution.objects.create(code="ReNPSV-T", title="Test", period_start=2022, period_end=2030)
    goal1 = Goal.objects.create(resolution=resolution, number=1, title="Manj revščine")
    goal2 = Goal.objects.create(resolution=resolution, number=2, title="Dostopne storitve")
    Measure.objects.filter(pk=c.m1.pk).update(goal=goal1)
    Measure.objects.filter(pk=c.m2.pk).update(goal=goal2)
    Deadline.objects.create(measure=c.m1, due_on=dt.date(2026, 12, 31))
    Deadline.objects.create(measure=c.m2, due_on=dt.date(2025, 12, 31))
    Indicator.objects.filter(pk=c.ind_m2.pk).update(cumulative=True)
    r25 = make_round(c.plan, 2025, published=True)
    r26 = make_round(c.plan, 2026, published=False)
    values: dict[Indicator, int | str | Decimal] = {c.ind_num: 40, c.ind_text: "Mreža v dveh občinah"}
    make_report(r25, c.m1, "in_progress", values=values, spending={c.line_a: 1000})
    make_report(r25, c.m1_sub, "completed")
    make_report(r25, c.m2, "late", reason="Zamuda pri javnem naročilu.", values={c.ind_m2: 10},
                spending={c.line_m2: 500})  # fmt: skip
    make_report(r25, c.m3, "completed", status=Report.Status.SUBMITTED)
    make_report(r26, c.m1, "in_progress", values={c.ind_num: 70}, spending={c.line_a: Decimal("2000.50")})
    make_report(r26, c.m2, "completed", status=Report.Status.SUBMITTED, values={c.ind_m2: 40},
                spending={c.line_m2: 900})  # fmt: skip
    make_report(r26, c.m3, "abandoned", reason="Ni sredstev.")
    return History(r25, r26, goal1, goal2)
