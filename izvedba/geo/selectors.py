"""Reads shaped for the region pages, and the region map they show."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from izvedba.geo.models import Municipality, Region
from izvedba.geo.svg import load_regions_geojson, regions_svg
from izvedba.organisations.models import CentreUnit, Organisation, UnitCoverage
from izvedba.plans.models import Plan


def region_list() -> QuerySet[Region]:
    return Region.objects.annotate(
        municipality_count=Count("municipalities", distinct=True),
        plan_count=Count("plans", distinct=True),
    ).order_by("code")


def region_get(code: str) -> Region:
    return Region.objects.get(code=code)


def region_map(*, title: str, highlight: str | None = None) -> SafeString:
    """The inline SVG map of the regions, each a link to its page (regions_svg escapes every value)."""
    pattern = reverse("geo:region-detail", kwargs={"code": "00"}).replace("/00/", "/{code}/")
    svg = regions_svg(load_regions_geojson(), highlight=highlight, title=title, link_pattern=pattern)
    return mark_safe(svg)  # regions_svg escapes every value it writes


@dataclass
class UnitRow:
    unit: CentreUnit
    coverage: list[UnitCoverage] = field(default_factory=list)


@dataclass
class CentreRow:
    centre: Organisation
    units: list[UnitRow] = field(default_factory=list)


@dataclass(frozen=True)
class RegionPage:
    region: Region
    municipalities: list[Municipality]
    centres: list[CentreRow]
    plans: list[Plan]


def region_page(region: Region) -> RegionPage:
    coverage = (
        UnitCoverage.objects.filter(municipality__region=region)
        .select_related("unit__centre", "municipality")
        .order_by("unit__centre__name", "unit__name", "municipality__name")
    )
    centres: dict[int, CentreRow] = {}
    for item in coverage:
        centre = centres.setdefault(item.unit.centre_id, CentreRow(centre=item.unit.centre))
        if not centre.units or centre.units[-1].unit.pk != item.unit_id:
            centre.units.append(UnitRow(unit=item.unit))
        centre.units[-1].coverage.append(item)
    plans = Plan.objects.filter(region=region).select_related("coordinator").order_by("-period_start", "title")
    return RegionPage(
        region=region,
        municipalities=list(region.municipalities.order_by("name")),
        centres=list(centres.values()),
        plans=list(plans),
    )
