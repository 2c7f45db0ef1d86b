"""A plan's progress as JSON: the figures of the plan's progress page (GET /api/plans/{plan_id}/progress).

Anyone may call it; the figures come from `counted_rounds` (coordinators, viewers and administrators: every
round; everyone else, anonymous callers included: published rounds), and only approved reports count.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from pydantic import BaseModel, Field

from izvedba.accounts.access import counted_rounds, require_read_plans
from izvedba.accounts.api_auth import optional_auth
from izvedba.core.api import Error, get_or_404
from izvedba.monitoring import progress as p
from izvedba.monitoring.selectors import Progress, RoundRef, plan_progress
from izvedba.plans.selectors import plan_get

router = Router(tags=["progress"])

# The schemas are plain pydantic models, not ninja Schemas: ninja's per-object resolver (made for ORM objects)
# costs more than the whole computation for a plan's hundreds of indicators, and these are built from dataclasses.

# JSON-schema enums (typed loosely: pydantic's JsonValue lists are invariant).
STATUS_ENUM: list[Any] = list(p.STATUSES)
RATING_ENUM: list[Any] = [r.value for r in p.Rating]
DEADLINE_ENUM: list[Any] = [p.DONE, p.DUE, p.OVERDUE, p.NONE]
DIRECTION_ENUM: list[Any] = [p.INCREASE, p.DECREASE]


class RoundOut(BaseModel):
    id: int
    label: str
    period_start: dt.date
    period_end: dt.date
    published: bool = Field(description="Whether the round's approved figures are public.")


class DeadlineStateOut(BaseModel):
    state: str = Field(
        description=(
            '"done" (an approved report says the measure was completed), "due" (by `due_on`, in `days` days), '
            '"overdue" (the last deadline `due_on` passed `days` days ago) or "none" (no deadline, or abandoned).'
        ),
        json_schema_extra={"enum": DEADLINE_ENUM},
    )
    days: int | None = Field(description="Days until the next deadline (due) or since the last one (overdue).")
    due_on: dt.date | None = Field(description="The next deadline (due), the last one (overdue, done), else null.")


class IndicatorProgressOut(BaseModel):
    id: int
    text: str
    unit: str
    target: float | None = Field(description="The numeric target; null for an indicator judged by a statement.")
    target_on: dt.date = Field(description="31 December of the target year (the indicator's, else the plan's last).")
    direction: str = Field(json_schema_extra={"enum": DIRECTION_ENUM})
    cumulative: bool = Field(description="Approved values add up towards the target.")
    baseline_value: float | None = Field(
        description="The baseline: the indicator's baseline value, else its first approved value; 0 if cumulative."
    )
    baseline_on: dt.date | None
    current_value: float | None = Field(description="The latest approved value (cumulative: their sum).")
    current_on: dt.date | None = Field(description="End of the period of the round that gave the latest value.")
    progress_share: float | None = Field(
        description="(current − baseline) / (target − baseline): 1 = the target reached; not clamped; null if unknown."
    )
    rating: str = Field(
        description="How the indicator stands against its target (docs/progress-method.md).",
        json_schema_extra={"enum": RATING_ENUM},
    )
    method: str = Field(description='"compound" or "linear" growth rates compared, or "" when no rate was.')
    ratio: float | None = Field(description="Observed rate ÷ required rate (signed for the direction).")
    data_points: int = Field(description="Values the rating rests on, the baseline included.")
    statement: str = Field(description="The latest approved statement, if any.")


class MeasureProgressOut(BaseModel):
    id: int
    code: str
    sub_index: int = Field(description="0 for a measure, 1… for its sub-rows.")
    title: str
    parent_code: str | None = Field(description="The code of the measure a sub-row belongs to; null for a measure.")
    goal: int | None = Field(description="The number of the key goal (a sub-row without one: its measure's).")
    implementation_status: str = Field(
        description='The status the approved report in the latest counted round gives, or "not_reported".',
        json_schema_extra={"enum": STATUS_ENUM},
    )
    deadline_state: str = Field(
        description='"done", "due", "overdue" or "none" (no deadline, or abandoned); `deadline` has the days.',
        json_schema_extra={"enum": DEADLINE_ENUM},
    )
    deadline: DeadlineStateOut
    reason: str = Field(description="The reason the last approved report gives (for late or abandoned measures).")
    planned_eur: int = Field(description="Money planned in all (an amount each year counts once per plan year).")
    spent_eur: float = Field(description="Money approved reports say was spent.")
    indicators: list[IndicatorProgressOut]


class GoalProgressOut(BaseModel):
    number: int | None = Field(description="The key goal's number; null for measures without a goal.")
    title: str
    measures: int
    by_status: dict[str, int]
    overdue: int
    indicators_off_track: int
    planned_eur: int
    spent_eur: float


class YearMoneyOut(BaseModel):
    year: int
    planned_eur: int
    spent_eur: float = Field(description="Spent according to approved reports of rounds ending in the year.")


class SourceMoneyOut(BaseModel):
    source: str | None = Field(description="The funding source; null when a measure does not split its sources.")
    planned_eur: int
    planned_not_by_year_eur: int = Field(description="Planned for several years together or without a year.")
    spent_eur: float
    years: list[YearMoneyOut]


class MoneyOut(BaseModel):
    years: list[YearMoneyOut] = Field(description="Planned and spent money per year, all sources together.")
    by_source: list[SourceMoneyOut] = Field(description="The same by funding source, most planned first.")
    planned_not_by_year_eur: int
    planned_eur: int
    spent_eur: float


class OverdueOut(BaseModel):
    id: int = Field(description="The measure's id.")
    code: str
    sub_index: int
    title: str
    due_on: dt.date
    days_overdue: int
    implementation_status: str = Field(json_schema_extra={"enum": STATUS_ENUM})
    reason: str = Field(description="The reason the last approved report gives.")


class OffTrackOut(BaseModel):
    measure_id: int
    measure_code: str
    indicator: IndicatorProgressOut


class ProgressOut(BaseModel):
    plan_id: int
    today: dt.date = Field(description="The day deadlines are counted from (Europe/Ljubljana).")
    rounds_counted: list[RoundOut] = Field(
        description="The rounds whose approved reports count, oldest first: every round for those who monitor the "
        "plan (coordinators, viewers, administrators), the published ones for everyone else."
    )
    latest_round: RoundOut | None = Field(description="The round that gives each measure's current status.")
    by_status: dict[str, int] = Field(
        description="Measures (sub-rows counted on their own) per status; every status is present, zeros included.",
        json_schema_extra={"propertyNames": {"enum": STATUS_ENUM}},
    )
    measures: list[MeasureProgressOut] = Field(description="Every measure in document order, sub-rows after theirs.")
    goals: list[GoalProgressOut]
    money: MoneyOut
    overdue: list[OverdueOut] = Field(description="Overdue measures, longest overdue first.")
    indicators_off_track: list[OffTrackOut] = Field(description='Indicators rated "off_track" or "deteriorating".')


@router.get(
    "/plans/{plan_id}/progress",
    response={200: ProgressOut, 401: Error, 404: Error},
    auth=optional_auth,
    summary="Get a plan's progress",
)
def get_plan_progress(request: HttpRequest, plan_id: int) -> ProgressOut:
    """Counts by status, each measure's status and deadline, indicator progress, money planned and spent, the
    overdue measures and the indicators off track, from approved reports of the rounds the caller may count."""
    require_read_plans(request.user)
    plan = get_or_404(plan_get, plan_id, "plan")
    progress = plan_progress(plan, counted_rounds(request.user, plan), today=timezone.localdate())
    return progress_out(plan.pk, progress)


# --- serializing ---------------------------------------------------------------------------------------------


def progress_out(plan_id: int, progress: Progress) -> ProgressOut:
    return ProgressOut(
        plan_id=plan_id,
        today=progress.today,
        rounds_counted=[_round(r) for r in progress.rounds],
        latest_round=_round(progress.latest_round) if progress.latest_round else None,
        by_status=progress.by_status,
        measures=[_measure(m) for m in progress.measures],
        goals=[_goal(g) for g in progress.goals],
        money=_money(progress.money),
        overdue=[_overdue(m) for m in progress.overdue],
        indicators_off_track=[
            OffTrackOut(measure_id=m.id, measure_code=m.label, indicator=_indicator(i))
            for m, i in progress.indicators_off_track
        ],
    )


def _round(r: RoundRef) -> RoundOut:
    return RoundOut(id=r.id, label=r.label, period_start=r.period_start, period_end=r.period_end, published=r.published)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _indicator(i: p.IndicatorSummary) -> IndicatorProgressOut:
    g = i.progress
    return IndicatorProgressOut(
        id=i.id,
        text=i.text,
        unit=i.unit,
        target=_number(g.target),
        target_on=g.target_on,
        direction=g.direction,
        cumulative=g.cumulative,
        baseline_value=_number(g.baseline.value) if g.baseline else None,
        baseline_on=g.baseline.on if g.baseline else None,
        current_value=_number(g.current),
        current_on=g.current_on,
        progress_share=g.share,
        rating=g.rating.value,
        method=g.method,
        ratio=g.ratio,
        data_points=g.data_points,
        statement=g.statement,
    )


def _measure(m: p.MeasureProgress) -> MeasureProgressOut:
    d = m.deadline
    return MeasureProgressOut(
        id=m.id,
        code=m.code,
        sub_index=m.sub_index,
        title=m.title,
        parent_code=m.parent_code,
        goal=m.goal_number,
        implementation_status=m.implementation_status,
        deadline_state=d.state,
        deadline=DeadlineStateOut(state=d.state, days=d.days, due_on=d.due_on),
        reason=m.reason,
        planned_eur=m.planned,
        spent_eur=float(m.spent),
        indicators=[_indicator(i) for i in m.indicators],
    )


def _goal(g: p.GoalRow) -> GoalProgressOut:
    return GoalProgressOut(
        number=g.number,
        title=g.title,
        measures=g.measures,
        by_status=g.by_status,
        overdue=g.overdue,
        indicators_off_track=g.indicators_off_track,
        planned_eur=g.planned,
        spent_eur=float(g.spent),
    )


def _years(years: list[p.YearMoney]) -> list[YearMoneyOut]:
    return [YearMoneyOut(year=y.year, planned_eur=y.planned, spent_eur=float(y.spent)) for y in years]


def _money(money: p.MoneyComparison) -> MoneyOut:
    return MoneyOut(
        years=_years(money.years),
        by_source=[
            SourceMoneyOut(
                source=s.source or None,
                planned_eur=s.planned,
                planned_not_by_year_eur=s.planned_not_by_year,
                spent_eur=float(s.spent),
                years=_years(s.years),
            )
            for s in money.sources
        ],
        planned_not_by_year_eur=money.planned_not_by_year,
        planned_eur=money.planned,
        spent_eur=float(money.spent),
    )


def _overdue(m: p.MeasureProgress) -> OverdueOut:
    assert m.deadline.due_on is not None and m.deadline.days is not None  # overdue measures have both
    return OverdueOut(
        id=m.id,
        code=m.code,
        sub_index=m.sub_index,
        title=m.title,
        due_on=m.deadline.due_on,
        days_overdue=m.deadline.days,
        implementation_status=m.implementation_status,
        reason=m.reason,
    )
