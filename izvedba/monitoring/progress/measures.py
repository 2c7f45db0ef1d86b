"""Measures on a dashboard: statuses, deadline states, sums by goal, the overdue, the off track, export rows.

Pure (no ORM): izvedba.monitoring.selectors reads the database and builds these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from izvedba.monitoring.progress.indicators import IndicatorProgress

# --- implementation statuses ---------------------------------------------------------------------------------

NOT_REPORTED = "not_reported"
COMPLETED = "completed"
ABANDONED = "abandoned"
# The five statuses a report can give (izvedba.monitoring.models.Report.Implementation), then "not reported".
STATUSES = ("not_started", "in_progress", COMPLETED, "late", ABANDONED, NOT_REPORTED)
STATUS_LABELS = {
    "not_started": _("not started"),
    "in_progress": _("in progress"),
    COMPLETED: _("completed"),
    "late": _("late"),
    ABANDONED: _("abandoned"),
    NOT_REPORTED: _("not reported"),
}


def count_by_status(statuses: Iterable[str]) -> dict[str, int]:
    """How many of `statuses` there are of each kind: every status as a key, zeros included, in STATUSES order."""
    counts = dict.fromkeys(STATUSES, 0)
    for status in statuses:
        counts[status if status in counts else NOT_REPORTED] += 1
    return counts


# --- deadlines -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineState:
    """done; due in `days` days (on `due_on`); overdue by `days` days (since `due_on`); or none."""

    state: str  # "done" | "due" | "overdue" | "none"
    days: int | None = None
    due_on: dt.date | None = None

    @property
    def text(self) -> str:
        """ "done", "due in 3 days", "overdue by 12 days", "nothing due" in the active language."""
        days = self.days or 0
        if self.state == DONE:
            return str(_("done"))
        if self.state == DUE:
            return ngettext("due in %(days)d day", "due in %(days)d days", days) % {"days": days}
        if self.state == OVERDUE:
            return ngettext("overdue by %(days)d day", "overdue by %(days)d days", days) % {"days": days}
        return str(_("nothing due"))


DONE, DUE, OVERDUE, NONE = "done", "due", "overdue", "none"


def deadline_state(deadlines: Sequence[dt.date], last_status: str | None, today: dt.date) -> DeadlineState:
    """The measure's deadline state from its milestones and the last status its approved reports gave."""
    last = max(deadlines) if deadlines else None
    if last_status == COMPLETED:
        return DeadlineState(DONE, None, last)
    if last_status == ABANDONED or last is None:
        return DeadlineState(NONE)
    if last < today:
        return DeadlineState(OVERDUE, (today - last).days, last)
    upcoming = min(d for d in deadlines if d >= today)
    return DeadlineState(DUE, (upcoming - today).days, upcoming)


# --- measures and what a dashboard sums up -------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorSummary:
    id: int
    measure_id: int
    text: str
    unit: str
    progress: IndicatorProgress


@dataclass(frozen=True)
class MeasureProgress:
    """One measure (or sub-row) as the dashboard shows it."""

    id: int
    code: str
    sub_index: int
    title: str
    parent_id: int | None
    parent_code: str | None
    goal_number: int | None
    goal_title: str
    implementation_status: str  # one of STATUSES
    deadline: DeadlineState
    reason: str  # the reason the report that gave the last status states (late, abandoned)
    indicators: list[IndicatorSummary] = field(default_factory=list)
    planned: int = 0
    spent: Decimal = Decimal(0)
    plan_id: int | None = None

    @property
    def label(self) -> str:
        return f"{self.code}/{self.sub_index}" if self.parent_id else self.code

    @property
    def is_sub_row(self) -> bool:
        return self.parent_id is not None

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.implementation_status, self.implementation_status))


@dataclass(frozen=True)
class GoalRow:
    """One goal's measures (sub-rows counted on their own) summed up."""

    number: int | None
    title: str
    measures: int
    by_status: dict[str, int]
    overdue: int
    indicators_off_track: int
    planned: int
    spent: Decimal


def goal_rows(measures: Sequence[MeasureProgress]) -> list[GoalRow]:
    """Measures grouped by goal number (goals in number order, measures without a goal last)."""
    groups: dict[int | None, list[MeasureProgress]] = {}
    for measure in measures:
        groups.setdefault(measure.goal_number, []).append(measure)
    ordered = sorted(groups, key=lambda n: (n is None, n or 0))
    return [_goal_row(number, groups[number]) for number in ordered]


def _goal_row(number: int | None, measures: list[MeasureProgress]) -> GoalRow:
    return GoalRow(
        number=number,
        title=measures[0].goal_title,
        measures=len(measures),
        by_status=count_by_status(m.implementation_status for m in measures),
        overdue=sum(1 for m in measures if m.deadline.state == OVERDUE),
        indicators_off_track=sum(1 for m in measures for i in m.indicators if i.progress.off_track),
        planned=sum(m.planned for m in measures),
        spent=sum((m.spent for m in measures), Decimal(0)),
    )


def overdue_measures(measures: Iterable[MeasureProgress]) -> list[MeasureProgress]:
    """Overdue measures, longest overdue first."""
    overdue = [m for m in measures if m.deadline.state == OVERDUE]
    return sorted(overdue, key=lambda m: (-(m.deadline.days or 0), m.code, m.sub_index))


def off_track_indicators(measures: Iterable[MeasureProgress]) -> list[tuple[MeasureProgress, IndicatorSummary]]:
    """Indicators rated off track or deteriorating, with their measures, in document order."""
    return [(m, i) for m in measures for i in m.indicators if i.progress.off_track]


# --- exports -------------------------------------------------------------------------------------------------

PROGRESS_FIELDS = (
    "measure_id",
    "measure_code",
    "sub_index",
    "parent_code",
    "measure_title",
    "goal",
    "implementation_status",
    "deadline_state",
    "deadline_days",
    "due_on",
    "reason",
    "planned_eur",
    "spent_eur",
    "indicator_id",
    "indicator",
    "unit",
    "target",
    "direction",
    "cumulative",
    "baseline_value",
    "baseline_on",
    "current_value",
    "current_on",
    "progress_share",
    "rating",
    "statement",
)
ExportValue = str | int | float | bool | Decimal | dt.date | None


def progress_rows(measures: Iterable[MeasureProgress]) -> list[dict[str, ExportValue]]:
    """One row per measure and indicator (a measure without indicators: one row with the indicator fields empty)."""
    rows: list[dict[str, ExportValue]] = []
    for m in measures:
        head: dict[str, ExportValue] = {
            "measure_id": m.id,
            "measure_code": m.code,
            "sub_index": m.sub_index,
            "parent_code": m.parent_code,
            "measure_title": m.title,
            "goal": m.goal_number,
            "implementation_status": m.implementation_status,
            "deadline_state": m.deadline.state,
            "deadline_days": m.deadline.days,
            "due_on": m.deadline.due_on,
            "reason": m.reason,
            "planned_eur": m.planned,
            "spent_eur": m.spent,
        }
        indicators: list[IndicatorSummary | None] = [*m.indicators] or [None]
        rows.extend({**head, **_indicator_fields(i)} for i in indicators)
    return rows


def _indicator_fields(indicator: IndicatorSummary | None) -> dict[str, ExportValue]:
    if indicator is None:
        return dict.fromkeys(PROGRESS_FIELDS[13:])
    g = indicator.progress
    return {
        "indicator_id": indicator.id,
        "indicator": indicator.text,
        "unit": indicator.unit,
        "target": g.target,
        "direction": g.direction,
        "cumulative": g.cumulative,
        "baseline_value": g.baseline.value if g.baseline else None,
        "baseline_on": g.baseline.on if g.baseline else None,
        "current_value": g.current,
        "current_on": g.current_on,
        "progress_share": g.share,
        "rating": g.rating.value,
        "statement": g.statement,
    }
