"""Reads for plan indicators fed from providers' reports: each year's figure, summed over the providers, with its
source and which providers it counts and which have not reported yet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from izvedba.organisations.models import Organisation
from izvedba.providers.models import IndicatorFeed, Observation, Provider


class FeedValue(NamedTuple):
    value: Decimal | None  # None: no provider has reported the figure for the year
    source: str
    counted: tuple[str, ...]  # the providers whose figures are added up
    missing: tuple[str, ...]  # the providers in scope without figures for the year


def feed_of(indicator: Any) -> IndicatorFeed | None:
    """The feed of a plan indicator, if it has one."""
    return IndicatorFeed.objects.select_related("source_indicator", "region").filter(indicator_id=indicator.pk).first()


def feed_providers(feed: IndicatorFeed) -> QuerySet[Provider]:
    centres = Provider.objects.filter(organisation__kind=Organisation.Kind.CSD)
    if feed.scope == IndicatorFeed.Scope.REGION:
        region = Q(organisation__municipality__region_id=feed.region_id)
        region |= Q(organisation__units__municipalities__region_id=feed.region_id)
        return centres.filter(region).distinct()
    if feed.scope == IndicatorFeed.Scope.LIST:
        return feed.providers.all()
    return centres


def feed_values(indicator: Any, years: Iterable[int]) -> dict[int, FeedValue]:
    """{year: (value, source text, providers counted, providers missing)} for a plan indicator with a feed; {} for
    one without. A provider counts for a year when it has any figure of the indicator that year (its part is 0 when
    none falls in the categories counted); distinct-person counts are taken per year, never as a sum of months."""
    feed = feed_of(indicator)
    if feed is None:
        return {}
    return values_of(feed, list(years))


def values_of(feed: IndicatorFeed, years: list[int]) -> dict[int, FeedValue]:
    providers = {p.pk: str(p.organisation) for p in feed_providers(feed).select_related("organisation")}
    observations = Observation.objects.filter(
        indicator_id=feed.source_indicator_id, provider_id__in=providers, year__in=years, period_start__isnull=True
    )
    if feed.source_indicator.aggregation == feed.source_indicator.Aggregation.DISTINCT:
        observations = observations.filter(month__isnull=True)
    filters = feed.filter_codes()
    totals: dict[int, Decimal] = defaultdict(Decimal)
    reported: dict[int, set[int]] = defaultdict(set)
    for provider_id, year, categories, value in observations.values_list("provider_id", "year", "categories", "value"):
        reported[year].add(provider_id)
        if all(categories.get(dimension) in codes for dimension, codes in filters.items()):
            totals[year] += value
    result = {}
    for year in years:
        counted = tuple(sorted(providers[pk] for pk in reported[year]))
        missing = tuple(sorted(name for pk, name in providers.items() if pk not in reported[year]))
        total = totals[year] if counted else None
        result[year] = FeedValue(total, source_text(feed, year, len(counted), len(providers)), counted, missing)
    return result


def source_text(feed: IndicatorFeed, year: int, counted: int, in_scope: int) -> str:
    """Where the figure comes from, in a sentence ("Rights decided (right: DP), sum of 3 of 16 centres …")."""
    label = feed.source_indicator.display_label
    filters = feed.filter_codes()
    if filters:
        label += " (" + "; ".join(f"{d}: {', '.join(sorted(codes))}" for d, codes in filters.items()) + ")"
    scope = {
        IndicatorFeed.Scope.ALL_CENTRES: _("centres for social work"),
        IndicatorFeed.Scope.REGION: _("centres for social work in %(region)s") % {"region": feed.region},
        IndicatorFeed.Scope.LIST: _("providers listed"),
    }[IndicatorFeed.Scope(feed.scope)]
    text = _("“%(label)s”, sum of %(counted)d of %(total)d %(scope)s, annual reports %(year)d") % {
        "label": label,
        "counted": counted,
        "total": in_scope,
        "scope": scope,
        "year": year,
    }
    return f"{feed.description.strip()}; {text}" if feed.description.strip() else text
