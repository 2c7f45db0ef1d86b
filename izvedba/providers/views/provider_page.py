"""What the provider pages show: the providers a user may read with the years they have data for, and one
provider's units (with the municipalities they cover and their population), programmes and cost carriers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest

from izvedba.accounts import access
from izvedba.accounts.models import User
from izvedba.geo.models import Municipality
from izvedba.organisations.models import UnitCoverage
from izvedba.providers.models import Observation, PopulationSnapshot, Provider, Unit


class AuthenticatedHttpRequest(HttpRequest):
    user: User


@dataclass(frozen=True)
class ProviderRow:
    provider: Provider
    years: list[int]


@dataclass(frozen=True)
class Covered:
    municipality: Municipality
    coverage: str  # full, mostly, partial
    coverage_label: str
    population: PopulationSnapshot | None


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    municipalities: list[Covered]

    @property
    def population(self) -> int | None:
        known = [c.population.population for c in self.municipalities if c.population is not None]
        return sum(known) if known else None


def provider_rows(user: User) -> list[ProviderRow]:
    """The providers whose reports the user may read, each with the years it has figures for (newest first)."""
    providers = list(access.visible_providers(user, Provider.objects.select_related("organisation")))
    years = years_by_provider([p.pk for p in providers])
    return [ProviderRow(p, years.get(p.pk, [])) for p in providers]


def years_by_provider(provider_ids: list[int]) -> dict[int, list[int]]:
    pairs = Observation.objects.filter(provider_id__in=provider_ids).values_list("provider_id", "year").distinct()
    years: dict[int, list[int]] = defaultdict(list)
    for provider_id, year in pairs:
        years[provider_id].append(year)
    return {pk: sorted(set(found), reverse=True) for pk, found in years.items()}


def provider_for(user: Any, slug: str) -> Provider:
    """The provider if the user may read its reports; otherwise it does not exist for them (404)."""
    provider = Provider.objects.select_related("organisation").filter(organisation__slug=slug).first()
    if provider is None:
        raise Http404
    access.require_view_provider_report(user, provider)
    return provider


def unit_rows(provider: Provider) -> list[UnitRow]:
    coverage = Prefetch(
        "centre_unit__coverage",
        queryset=UnitCoverage.objects.select_related("municipality").order_by("municipality__name"),
    )
    units = list(provider.units.select_related("centre_unit").prefetch_related(coverage).order_by("position", "code"))
    codes = [c.municipality_id for u in units if u.centre_unit for c in u.centre_unit.coverage.all()]
    latest: dict[int, PopulationSnapshot] = {}
    for snapshot in PopulationSnapshot.objects.filter(municipality_id__in=codes).order_by("date"):
        latest[snapshot.municipality_id] = snapshot
    rows = []
    for unit in units:
        covered = unit.centre_unit.coverage.all() if unit.centre_unit else []
        rows.append(
            UnitRow(
                unit,
                [
                    Covered(c.municipality, c.coverage, c.get_coverage_display(), latest.get(c.municipality_id))
                    for c in covered
                ],
            )
        )
    return rows
