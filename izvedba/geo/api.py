"""Statistical regions, read-only, with their municipalities counted and their plans listed."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from izvedba.accounts.access import require_read_plans
from izvedba.core.api import Page, PageParams, page_window
from izvedba.geo.models import Region
from izvedba.geo.selectors import region_list
from izvedba.plans.models import Plan

router = Router(tags=["regions"])


class RegionPlan(Schema):
    id: int
    slug: str
    title: str


class RegionItem(Schema):
    code: str = Field(description="SURS code, 01–12.")
    name: str
    name_en: str
    nuts3_code: str
    municipality_count: int
    plans: list[RegionPlan] = Field(description="The region's plans, newest period first.")


class RegionPage(Page[RegionItem]):
    pass


def _regions() -> QuerySet[Region]:
    plans = Plan.objects.order_by("-period_start", "title")
    return region_list().prefetch_related(Prefetch("plans", queryset=plans))


def region_item(region: Region) -> RegionItem:
    return RegionItem(
        code=region.code,
        name=region.name,
        name_en=region.name_en,
        nuts3_code=region.nuts3_code,
        municipality_count=region.municipality_count,  # type: ignore[attr-defined]
        plans=[RegionPlan(id=p.pk, slug=p.slug, title=p.title) for p in region.plans.all()],
    )


@router.get("/regions", response=RegionPage, summary="List statistical regions")
def list_regions(request: HttpRequest, page: Query[PageParams]) -> RegionPage:
    """Slovenia's 12 statistical regions in SURS order."""
    require_read_plans(request.user)
    return RegionPage.of(page_window(request, _regions(), page), region_item)
