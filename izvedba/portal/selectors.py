"""Reads for the public portal: only what everyone may see (plans and the approved figures of published rounds)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Max, Min, QuerySet
from django.utils import timezone

from izvedba.accounts import access
from izvedba.geo.models import Region
from izvedba.monitoring.models import Round
from izvedba.monitoring.selectors import Progress, plan_progress
from izvedba.plans.models import Plan

ANONYMOUS = AnonymousUser()


def today() -> dt.date:
    return timezone.localdate()


def public_plans() -> QuerySet[Plan]:
    return (
        Plan.objects.select_related("region", "resolution")
        .annotate(measure_count=Count("measures"))
        .order_by("-period_start", "title")
    )


def published_rounds(plan: Plan) -> QuerySet[Round]:
    """The plan's rounds an anonymous visitor counts: the published ones."""
    return access.counted_rounds(ANONYMOUS, plan)


def public_progress(plan: Plan) -> Progress:
    return plan_progress(plan, published_rounds(plan), today=today())


def all_published_rounds() -> QuerySet[Round]:
    return Round.objects.filter(published_at__isnull=False).select_related("plan")


@dataclass(frozen=True)
class RegionFigures:
    code: str
    name: str
    plans: int
    measures: int
    late_measures: int

    def value(self, figure: str) -> int:
        return int(getattr(self, figure))


FIGURES = ("plans", "measures", "late_measures")


def region_figures() -> list[RegionFigures]:
    """Each statistical region's plans, measures and measures late by the published rounds (as anonymous sees)."""
    plans_by_region: dict[int, list[Plan]] = {}
    measure_counts: dict[int, int] = {}
    for annotated in Plan.objects.filter(region__isnull=False).annotate(measure_count=Count("measures")):
        plans_by_region.setdefault(annotated.region_id or 0, []).append(annotated)
        measure_counts[annotated.pk] = annotated.measure_count
    rows = []
    for region in Region.objects.order_by("code"):
        plans = plans_by_region.get(region.pk, [])
        late = 0
        for plan in plans:
            if published_rounds(plan).exists():
                late += sum(1 for m in public_progress(plan).measures if m.implementation_status == "late")
        measures = sum(measure_counts[plan.pk] for plan in plans)
        rows.append(RegionFigures(region.code, region.name, len(plans), measures, late))
    return rows


def data_period() -> tuple[int | None, int | None]:
    """The years the published data covers (the plans' periods)."""
    span = Plan.objects.aggregate(start=Min("period_start"), end=Max("period_end"))
    return span["start"], span["end"]


def data_modified() -> dt.date:
    """When the public data last changed: the latest plan change or round publication."""
    dates = [
        Plan.objects.aggregate(m=Max("updated_at"))["m"],
        Round.objects.filter(published_at__isnull=False).aggregate(m=Max("published_at"))["m"],
    ]
    known = [timezone.localtime(d).date() for d in dates if d is not None]
    return max(known) if known else today()
