"""Plans and measures, read-only. Each endpoint: parse, check access, call a selector, serialize."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from izvedba.accounts.access import require_read_plans
from izvedba.core.api import Error, PageParams, get_or_404, page_window
from izvedba.plans import schemas
from izvedba.plans.schemas import MeasureDetail, MeasurePage, MeasureQuery, PlanDetail, PlanPage
from izvedba.plans.selectors import (
    measure_get,
    plan_detail,
    plan_get,
    plan_goals,
    plan_list,
    plan_measures,
    queryset_money,
)

router = Router(tags=["plans"])


@router.get("/plans", response=PlanPage, summary="List implementation plans")
def list_plans(request: HttpRequest, page: Query[PageParams]) -> PlanPage:
    """National and regional plans, newest period first."""
    require_read_plans(request.user)
    plans = plan_list().select_related("source_document")
    return PlanPage.of(page_window(request, plans, page), schemas.plan_item)


@router.get("/plans/{plan_id}", response={200: PlanDetail, 404: Error}, summary="Get a plan")
def get_plan(request: HttpRequest, plan_id: int) -> PlanDetail:
    """A plan with its municipalities, coordination group, context, goals and the money it plans."""
    require_read_plans(request.user)
    plan = get_or_404(plan_detail, plan_id, "plan")
    return schemas.plan_detail_out(plan, list(plan_goals(plan)), queryset_money(plan_measures(plan)))


@router.get("/plans/{plan_id}/measures", response={200: MeasurePage, 404: Error}, summary="List a plan's measures")
def list_plan_measures(
    request: HttpRequest, plan_id: int, filters: Query[MeasureQuery], page: Query[PageParams]
) -> MeasurePage:
    """The plan's measures in document order, narrowed by the filters, with the money they plan."""
    require_read_plans(request.user)
    plan = get_or_404(plan_get, plan_id, "plan")
    measures = plan_measures(plan, filters.to_filter())
    totals = schemas.money_totals(queryset_money(measures))
    return MeasurePage.of(page_window(request, measures, page), schemas.measure_out, totals=totals)


@router.get("/measures/{measure_id}", response={200: MeasureDetail, 404: Error}, summary="Get a measure")
def get_measure(request: HttpRequest, measure_id: int) -> MeasureDetail:
    """One measure (or sub-row) with its plan, the source table's cells and the import's warnings."""
    require_read_plans(request.user)
    return schemas.measure_detail_out(get_or_404(measure_get, measure_id, "measure"))
