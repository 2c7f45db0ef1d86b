"""Organisations named in plans, read-only, with how many measures each holds or joins."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import field_validator

from izvedba.accounts.access import require_read_plans
from izvedba.core.api import Page, PageParams, page_window
from izvedba.organisations.models import Organisation, OrganisationAlias
from izvedba.organisations.selectors import organisation_list

router = Router(tags=["organisations"])


class OrganisationQuery(Schema):
    kind: str = Field("", description="Only this kind.", json_schema_extra={"enum": list(Organisation.Kind.values)})
    needs_review: bool | None = Field(None, description="Only names a data steward has (not) confirmed.")
    q: str = Field("", description="Part of the name, acronym or an alias.")

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value and value not in Organisation.Kind.values:
            raise ValueError(f"Unknown kind; use one of {', '.join(Organisation.Kind.values)}.")
        return value


class OrganisationItem(Schema):
    id: int
    slug: str
    name: str
    acronym: str
    kind: str = Field(json_schema_extra={"enum": list(Organisation.Kind.values)})
    needs_review: bool
    measures_held: int = Field(description="Measures it holds itself or in one of their sub-rows.")
    measures_joined: int = Field(description="Measures it takes part in itself or in one of their sub-rows.")


class OrganisationPage(Page[OrganisationItem]):
    pass


def _organisations(filters: OrganisationQuery) -> QuerySet[Organisation]:
    organisations = organisation_list()
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.needs_review is not None:
        organisations = organisations.filter(needs_review=filters.needs_review)
    if filters.q:
        alias = OrganisationAlias.objects.filter(organisation=OuterRef("pk"), alias__icontains=filters.q)
        organisations = organisations.filter(
            Q(name__icontains=filters.q) | Q(acronym__icontains=filters.q) | Q(Exists(alias))
        )
    return organisations


def organisation_item(org: Organisation) -> OrganisationItem:
    return OrganisationItem(
        id=org.pk,
        slug=org.slug,
        name=org.name,
        acronym=org.acronym,
        kind=org.kind,
        needs_review=org.needs_review,
        measures_held=org.held_count,  # type: ignore[attr-defined]
        measures_joined=org.joined_count,  # type: ignore[attr-defined]
    )


@router.get("/organisations", response=OrganisationPage, summary="List organisations")
def list_organisations(
    request: HttpRequest, filters: Query[OrganisationQuery], page: Query[PageParams]
) -> OrganisationPage:
    """Ministries, institutes, centres, providers… as plans name them, by name."""
    require_read_plans(request.user)
    return OrganisationPage.of(page_window(request, _organisations(filters), page), organisation_item)
