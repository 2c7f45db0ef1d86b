"""Indicator progress: baseline, current value, share of the way to the target and an on-track rating.

Pure (no ORM). The method — Open SDG's growth-rate comparison — is written down in docs/progress-method.md;
keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Rating(StrEnum):
    """How an indicator stands against its target (docs/progress-method.md)."""

    TARGET_MET = "target_met"
    ON_TRACK = "on_track"
    MODERATE = "moderate"
    OFF_TRACK = "off_track"
    DETERIORATING = "deteriorating"
    INSUFFICIENT_DATA = "insufficient_data"
    NO_TARGET = "no_target"


RATING_LABELS = {
    Rating.TARGET_MET: _("target met"),
    Rating.ON_TRACK: _("on track"),
    Rating.MODERATE: _("moderate progress"),
    Rating.OFF_TRACK: _("off track"),
    Rating.DETERIORATING: _("deteriorating"),
    Rating.INSUFFICIENT_DATA: _("insufficient data"),
    Rating.NO_TARGET: _("no numeric target"),
}
OFF_TRACK_RATINGS = frozenset({Rating.OFF_TRACK, Rating.DETERIORATING})
ON_TRACK_RATIO = 0.95  # observed rate at least 95 % of the required rate: on track
MODERATE_RATIO = 0.5  # at least half of it: moderate progress; below half (but not negative): off track
DAYS_PER_YEAR = 365.25
INCREASE, DECREASE = "increase", "decrease"


@dataclass(frozen=True)
class Point:
    """A value at a date (the end of the period it describes)."""

    value: Decimal
    on: dt.date


@dataclass(frozen=True)
class IndicatorFacts:
    """An indicator's settings and what the approved reports of the counted rounds say about it.

    `first` and `latest` are the first and the latest approved numeric values (dated by their round's period end),
    `total` their sum and `count` how many there are; `statement` is the latest approved statement.
    `target_year` is already resolved (the indicator's own, or the last year of its plan).
    """

    target: Decimal | None
    target_year: int
    plan_start: int
    direction: str = INCREASE
    cumulative: bool = False
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    first: Point | None = None
    latest: Point | None = None
    total: Decimal | None = None
    count: int = 0
    statement: str = ""


@dataclass(frozen=True)
class IndicatorProgress:
    """Where an indicator stands: its baseline, current value, target, share of the way and rating."""

    rating: Rating
    target: Decimal | None
    target_on: dt.date
    direction: str
    cumulative: bool
    baseline: Point | None = None
    current: Decimal | None = None
    current_on: dt.date | None = None
    share: float | None = None  # (current − baseline) / (target − baseline); 1.0 = target reached
    method: str = ""  # "compound" or "linear" when a rate was compared, else ""
    actual_rate: float | None = None
    required_rate: float | None = None
    ratio: float | None = None
    data_points: int = 0
    statement: str = ""

    @property
    def off_track(self) -> bool:
        return self.rating in OFF_TRACK_RATINGS

    @property
    def rating_label(self) -> str:
        return str(RATING_LABELS[self.rating])

    @property
    def share_percent(self) -> float | None:
        return None if self.share is None else round(self.share * 100, 1)


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def years_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / DAYS_PER_YEAR


def indicator_progress(facts: IndicatorFacts) -> IndicatorProgress:
    """Baseline, current value, share of the way to the target and an on-track rating (docs/progress-method.md)."""
    target_on = year_end(facts.target_year)
    direction = INCREASE if facts.cumulative else facts.direction
    baseline, current, current_on, points = _series(facts)
    base = IndicatorProgress(
        rating=Rating.INSUFFICIENT_DATA,
        target=facts.target,
        target_on=target_on,
        direction=direction,
        cumulative=facts.cumulative,
        baseline=baseline,
        current=current,
        current_on=current_on,
        data_points=points,
        statement=facts.statement,
    )
    if facts.target is None:
        return replace(base, rating=Rating.NO_TARGET)
    if current is None or current_on is None:
        return base
    met = target_met(current, facts.target, direction)
    share = progress_share(baseline, current, facts.target, met=met, enough=points >= 2)
    if met:
        return replace(base, rating=Rating.TARGET_MET, share=share)
    if baseline is None or points < 2:
        return replace(base, share=share)
    return _rated(replace(base, share=share), baseline, current, current_on, facts.target)


def _series(facts: IndicatorFacts) -> tuple[Point | None, Decimal | None, dt.date | None, int]:
    """(baseline, current value, its date, number of data points) as the method defines them."""
    latest_on = facts.latest.on if facts.latest else None
    if facts.cumulative:
        start = Point(Decimal(0), year_end(facts.plan_start - 1))
        if not facts.count or facts.latest is None:
            return start, None, None, 0
        return start, facts.total if facts.total is not None else Decimal(0), latest_on, facts.count + 1
    current = facts.latest.value if facts.latest else None
    if facts.baseline_value is not None:
        on = year_end(facts.baseline_year if facts.baseline_year else facts.plan_start - 1)
        return Point(facts.baseline_value, on), current, latest_on, facts.count + 1
    return facts.first, current, latest_on, facts.count


def target_met(current: Decimal, target: Decimal, direction: str) -> bool:
    return current <= target if direction == DECREASE else current >= target


def progress_share(
    baseline: Point | None, current: Decimal, target: Decimal, *, met: bool, enough: bool = True
) -> float | None:
    """How much of the way from the baseline to the target has been covered (1.0 = all of it); None when unknown.

    Not clamped: below 0 means the value moved away from the target, above 1 that it went past it.
    """
    if baseline is None or not enough:
        return 1.0 if met else None
    distance = target - baseline.value
    if distance == 0:
        return 1.0 if met else 0.0
    return round(float((current - baseline.value) / distance), 4)


def _rated(
    progress: IndicatorProgress, baseline: Point, current: Decimal, current_on: dt.date, target: Decimal
) -> IndicatorProgress:
    elapsed = years_between(baseline.on, current_on)
    horizon = years_between(baseline.on, progress.target_on)
    if elapsed <= 0 or horizon <= 0:
        return progress
    compound = not progress.cumulative and baseline.value > 0 and current > 0 and target > 0
    if compound:
        actual = (float(current / baseline.value)) ** (1 / elapsed) - 1
        required = (float(target / baseline.value)) ** (1 / horizon) - 1
    else:
        actual = float(current - baseline.value) / elapsed
        required = float(target - baseline.value) / horizon
    sign = -1 if progress.direction == DECREASE else 1
    ratio = sign * actual / abs(required) if required else -math.inf
    rating = rate(ratio, past_target_date=current_on >= progress.target_on)
    return replace(
        progress,
        rating=rating,
        method="compound" if compound else "linear",
        actual_rate=round(actual, 6),
        required_rate=round(required, 6),
        ratio=round(ratio, 4) if math.isfinite(ratio) else None,
    )


def rate(ratio: float, *, past_target_date: bool = False) -> Rating:
    """The rating for a ratio of observed to required rate (the target not yet met)."""
    if ratio < 0:
        return Rating.DETERIORATING
    if past_target_date:
        return Rating.OFF_TRACK
    if ratio >= ON_TRACK_RATIO:
        return Rating.ON_TRACK
    if ratio >= MODERATE_RATIO:
        return Rating.MODERATE
    return Rating.OFF_TRACK
