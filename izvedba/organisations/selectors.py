"""Reads shaped for the organisation pages. Query counts do not grow with the number of measures."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Lower

from izvedba.organisations.models import CentreUnit, Organisation, UnitCoverage
from izvedba.plans.models import Measure, Plan, Responsibility


def _top_measures(role: str) -> Count:
    """Distinct measures (a sub-row counts as its measure) where the organisation has `role`."""
    top = Coalesce(F("responsibilities__measure__parent_id"), F("responsibilities__measure_id"))
    return Count(top, filter=Q(responsibilities__role=role), distinct=True)


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.annotate(
        held_count=_top_measures(Responsibility.Role.HOLDER),
        joined_count=_top_measures(Responsibility.Role.PARTICIPANT),
    ).order_by(Lower("name"), "name")


def organisation_get(slug: str) -> Organisation:
    units = CentreUnit.objects.order_by("name").prefetch_related(
        Prefetch(
            "coverage",
            queryset=UnitCoverage.objects.select_related("municipality").order_by("municipality__name"),
        )
    )
    return (
        Organisation.objects.select_related("municipality")
        .prefetch_related(Prefetch("units", queryset=units))
        .get(slug=slug)
    )


@dataclass
class RoleRow:
    """A measure where the organisation has a role: on the measure itself or only on some sub-rows."""

    measure: Measure
    scopes: list[str] = field(default_factory=list)
    sub_rows: list[Measure] = field(default_factory=list)
    on_measure: bool = False


@dataclass
class PlanRoles:
    plan: Plan
    rows: list[RoleRow] = field(default_factory=list)


@dataclass(frozen=True)
class OrganisationPage:
    organisation: Organisation
    held: list[PlanRoles]
    joined: list[PlanRoles]
    coordinated: list[Plan]
    covered: list[Plan]


def organisation_page(organisation: Organisation) -> OrganisationPage:
    responsibilities = (
        Responsibility.objects.filter(organisation=organisation)
        .select_related("measure__plan", "measure__parent")
        .order_by("-measure__plan__period_start", "measure__plan__title", "measure__plan_id", "measure__order")
    )
    held: dict[int, PlanRoles] = {}
    joined: dict[int, PlanRoles] = {}
    for responsibility in responsibilities:
        target = held if responsibility.role == Responsibility.Role.HOLDER else joined
        _add_role(target, responsibility)
    plans = Plan.objects.select_related("region").order_by("-period_start", "title")
    return OrganisationPage(
        organisation=organisation,
        held=list(held.values()),
        joined=list(joined.values()),
        coordinated=list(plans.filter(coordinator=organisation)),
        covered=list(plans.filter(centres=organisation)),
    )


def _add_role(by_plan: dict[int, PlanRoles], responsibility: Responsibility) -> None:
    row_measure = responsibility.measure
    top = row_measure.parent or row_measure
    plan_roles = by_plan.setdefault(top.plan_id, PlanRoles(plan=row_measure.plan))
    row = next((r for r in plan_roles.rows if r.measure.pk == top.pk), None)
    if row is None:
        row = RoleRow(measure=top)
        plan_roles.rows.append(row)
    if row_measure.parent_id:
        row.sub_rows.append(row_measure)
    else:
        row.on_measure = True
    if responsibility.scope and responsibility.scope not in row.scopes:
        row.scopes.append(responsibility.scope)
