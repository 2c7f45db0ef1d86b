"""Plan indicators fed from providers' reports: the figure per year, its source and which providers it counts.
Callers must be signed in and have a role on the plan (they may see its rounds); for anyone else the feed is not
there (404)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from izvedba.accounts import access
from izvedba.accounts.api_auth import api_auth
from izvedba.core.api import Error
from izvedba.plans.models import Indicator
from izvedba.providers.feeds import feed_of, values_of
from izvedba.providers.selectors import number

router = Router(tags=["providers"], auth=api_auth)


class FeedYear(Schema):
    year: int
    value: int | float | None = Field(description="The sum over the providers counted; null when none reported.")
    source: str = Field(description="Where the figure comes from, in a sentence.")
    providers_counted: list[str]
    providers_missing: list[str] = Field(description="Providers in scope without figures for the year.")


class FeedOut(Schema):
    indicator_id: int
    source_indicator: str = Field(description="The providers' indicator code.")
    filters: dict[str, list[str]] = Field(description="The categories counted, by dimension; empty: all.")
    scope: str = Field(description="all_centres, region or list.")
    region: str | None
    aggregation: str
    description: str
    years: list[FeedYear]


class FeedQuery(Schema):
    years: list[int] | None = Field(None, description="The years wanted (repeat the parameter); default: the plan's.")


@router.get(
    "/plan-indicators/{indicator_id}/feed",
    response={200: FeedOut, 401: Error, 404: Error},
    summary="Get a plan indicator's figures from providers' reports",
)
def get_feed(request: HttpRequest, indicator_id: int, query: Query[FeedQuery]) -> dict[str, Any]:
    """The figure of each year summed over the providers' observations, with its source, the providers counted
    and those that have not reported yet."""
    indicator = Indicator.objects.select_related("measure__plan").filter(pk=indicator_id).first()
    if indicator is None or not access.can_see_plan_rounds(request.user, indicator.measure.plan):
        raise HttpError(404, f"There is no plan indicator with id {indicator_id}.")
    feed = feed_of(indicator)
    if feed is None:
        raise HttpError(404, f"The plan indicator {indicator_id} is not fed from providers' reports.")
    plan = indicator.measure.plan
    years = sorted(set(query.years or range(plan.period_start, plan.period_end + 1)))[:50]
    values = values_of(feed, years)
    return {
        "indicator_id": indicator.pk,
        "source_indicator": feed.source_indicator.code,
        "filters": {dimension: sorted(codes) for dimension, codes in feed.filter_codes().items()},
        "scope": feed.scope,
        "region": feed.region.name if feed.region else None,
        "aggregation": feed.aggregation,
        "description": feed.description,
        "years": [
            {
                "year": year,
                "value": number(item.value),
                "source": item.source,
                "providers_counted": list(item.counted),
                "providers_missing": list(item.missing),
            }
            for year, item in values.items()
        ],
    }
