"""What the plans API returns, and how a plan or a measure becomes it. Integer EUR, ISO dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from ninja import Field, Schema
from pydantic import field_validator

from izvedba.core.api import Page
from izvedba.documents.importers.warnings import render_warning
from izvedba.documents.models import SourceDocument
from izvedba.geo.models import Region
from izvedba.organisations.models import Organisation
from izvedba.plans.models import FundingLine, Goal, Measure, Plan, Responsibility
from izvedba.plans.selectors import MeasureFilter, MoneyTable

# --- references to other things ---------------------------------------------


class RegionRef(Schema):
    code: str = Field(description="SURS code of the statistical region, 01–12.")
    name: str


class OrganisationRef(Schema):
    id: int
    slug: str
    name: str
    acronym: str


class PlanRef(Schema):
    id: int
    slug: str
    title: str


class SourceDocumentOut(Schema):
    name: str = Field(description="The file name as uploaded.")
    url: str
    size: int = Field(description="Size in bytes.")


# --- money ------------------------------------------------------------------


class SourceMoney(Schema):
    source: str | None = Field(description="The funding source; null when the plan does not split the money.")
    years: dict[str, int] = Field(description='EUR per calendar year, e.g. {"2025": 1200000}.')
    span: int = Field(description="EUR given for several years together, which cannot be split by year.")
    undated: int = Field(description="EUR given without a year.")
    total: int


class MoneyTotals(Schema):
    years: dict[str, int] = Field(description='Planned EUR per calendar year, e.g. {"2025": 1200000}.')
    span: int = Field(description="EUR given for several years together, which cannot be split by year.")
    undated: int = Field(description="EUR given without a year.")
    total: int
    by_source: list[SourceMoney] = Field(description="The same money by funding source, largest first.")


def money_totals(table: MoneyTable) -> MoneyTotals:
    years = [str(y) for y in table.years]
    by_source = [
        SourceMoney(
            source=source or None,
            years={y: table.rows[source].get(y, 0) for y in years},
            span=table.rows[source].get(MoneyTable.SPAN, 0),
            undated=table.rows[source].get(MoneyTable.UNDATED, 0),
            total=total,
        )
        for source, _cells, total in table.sorted_rows()
    ]
    return MoneyTotals(
        years={y: table.total(y) for y in years},
        span=table.total(MoneyTable.SPAN),
        undated=table.total(MoneyTable.UNDATED),
        total=table.grand_total,
        by_source=by_source,
    )


# --- plans ------------------------------------------------------------------


class PlanItem(Schema):
    id: int
    slug: str
    kind: str = Field(json_schema_extra={"enum": list(Plan.Kind.values)})
    title: str
    document_number: str
    document_date: dt.date | None
    period_start: int
    period_end: int
    region: RegionRef | None
    coordinator: OrganisationRef | None
    confirmed_on: dt.date | None
    measure_count: int = Field(description="Measures of the plan, not counting their sub-rows.")
    source_document: SourceDocumentOut | None


class PlanPage(Page[PlanItem]):
    pass


class MunicipalityOut(Schema):
    code: str
    name: str
    name_as_written: str = Field(description="How the plan writes the municipality's name.")


class SeatOut(Schema):
    category: str
    count: int


class ContextIndicatorOut(Schema):
    name: str
    value: float
    unit: str
    year: int | None


class AreaOut(Schema):
    code: str
    title: str


class GoalOut(Schema):
    number: int
    title: str
    areas: list[AreaOut]


class PlanDetail(PlanItem):
    municipalities: list[MunicipalityOut]
    coordination_group: list[SeatOut] = Field(description="Seats in the plan's coordination group.")
    context_indicators: list[ContextIndicatorOut]
    priorities: list[str]
    risks: list[str]
    goals: list[GoalOut] = Field(description="The resolution's key goals the plan's measures work towards.")
    warnings: list[str] = Field(description="What the import could not read with certainty.")
    totals: MoneyTotals = Field(description="The money the plan's measures plan.")


def _region_ref(region: Region | None) -> RegionRef | None:
    return RegionRef(code=region.code, name=region.name) if region else None


def organisation_ref(org: Organisation | None) -> OrganisationRef | None:
    if org is None:
        return None
    return OrganisationRef(id=org.pk, slug=org.slug, name=org.name, acronym=org.acronym)


def _source_document(doc: SourceDocument | None) -> SourceDocumentOut | None:
    return SourceDocumentOut(name=doc.original_name, url=doc.file.url, size=doc.size) if doc else None


def plan_item(plan: Plan) -> PlanItem:
    """`plan` comes from `plan_list()` (annotated with `measure_count`) with its source document."""
    return PlanItem(
        id=plan.pk,
        slug=plan.slug,
        kind=plan.kind,
        title=plan.title,
        document_number=plan.document_number,
        document_date=plan.document_date,
        period_start=plan.period_start,
        period_end=plan.period_end,
        region=_region_ref(plan.region),
        coordinator=organisation_ref(plan.coordinator),
        confirmed_on=plan.confirmed_on,
        measure_count=plan.measure_count,  # type: ignore[attr-defined]
        source_document=_source_document(plan.source_document),
    )


def plan_detail_out(plan: Plan, goals: list[Goal], money: MoneyTable) -> PlanDetail:
    """`plan` comes from `plan_detail()`: annotated and with its parts prefetched."""
    return PlanDetail(
        **plan_item(plan).model_dump(),
        municipalities=[
            MunicipalityOut(code=pm.municipality.code, name=pm.municipality.name, name_as_written=pm.name_as_written)
            for pm in plan.planmunicipality_set.all()
        ],
        coordination_group=[SeatOut(category=s.category, count=s.count) for s in plan.group_seats.all()],
        context_indicators=[
            ContextIndicatorOut(name=c.name, value=float(c.value), unit=c.unit, year=c.year)
            for c in plan.context_indicators.all()
        ],
        priorities=[p.text for p in plan.priorities.all()],
        risks=[r.text for r in plan.risks.all()],
        goals=[
            GoalOut(
                number=g.number,
                title=g.title,
                areas=[AreaOut(code=a.code, title=a.title) for a in g.areas.all()],
            )
            for g in goals
        ],
        warnings=[render_warning(w) for w in plan.warnings],
        totals=money_totals(money),
    )


# --- measures ---------------------------------------------------------------


class MeasureQuery(Schema):
    holder: str = Field("", description="Held by this organisation: an acronym, slug or name.")
    participant: str = Field("", description="With this participating organisation: an acronym, slug or name.")
    funding_source: str = Field("", description="Funded from this source: a slug or name.")
    deadline_year: int | None = Field(None, description="With a deadline in this year.")
    q: str = Field("", description="Words in the code, title, purpose, indicators or names (any case, diacritics).")

    @field_validator("deadline_year", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    def to_filter(self) -> MeasureFilter:
        return MeasureFilter(**self.model_dump())


class ResponsibilityOut(Schema):
    id: int
    slug: str
    name: str
    acronym: str
    scope: str = Field(description="What part of the measure the organisation answers for, if the plan says.")
    name_as_written: str


class FundingSourceOut(Schema):
    slug: str
    name: str
    name_as_written: str


class FundingLineOut(Schema):
    basis: str = Field(
        json_schema_extra={"enum": list(FundingLine.Basis.values)},
        description="year: in year_start; span: over year_start–year_end together; per_year: each year "
        "of the plan; total: without a year.",
    )
    year_start: int | None
    year_end: int | None
    amount_eur: int
    source: str | None = Field(description="The funding source's name; null when the measure does not split it.")


class DeadlineOut(Schema):
    date: dt.date
    label: str


class IndicatorOut(Schema):
    text: str
    target: float | None
    unit: str
    baseline_year: int | None


class MeasureRow(Schema):
    id: int
    code: str
    goal: int | None = Field(description="The number of the resolution's key goal.")
    area: str | None = Field(description="The code of the goal's area, e.g. '1.1'.")
    title: str
    purpose: str
    holders: list[ResponsibilityOut]
    participants: list[ResponsibilityOut]
    funding_sources: list[FundingSourceOut]
    funding_lines: list[FundingLineOut]
    no_additional_funds: bool
    deadlines: list[DeadlineOut]
    indicators: list[IndicatorOut]
    url: str = Field(description="The measure's page.")


class MeasureOut(MeasureRow):
    sub_rows: list[MeasureRow] = Field(description="Rows the plan splits the measure into (by holder, by year…).")


class MeasurePage(Page[MeasureOut]):
    totals: MoneyTotals = Field(description="The money of all measures matching the filters (not only this page).")


class MeasureDetail(MeasureOut):
    plan: PlanRef
    parent_id: int | None = Field(description="The measure this is a sub-row of, if any.")
    raw: dict[str, str] = Field(description="The source table's cells by column header, as read.")
    warnings: list[str] = Field(description="What the import could not read with certainty.")


def _responsibility(r: Responsibility) -> ResponsibilityOut:
    org = r.organisation
    return ResponsibilityOut(
        id=org.pk,
        slug=org.slug,
        name=org.name,
        acronym=org.acronym,
        scope=r.scope,
        name_as_written=r.name_as_written,
    )


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def measure_row(m: Measure) -> MeasureRow:
    """`m` comes with its details prefetched (`measure_details_prefetch`), its goal and its area."""
    responsibilities = list(m.responsibilities.all())
    return MeasureRow(
        id=m.pk,
        code=m.code,
        goal=m.goal.number if m.goal else None,
        area=m.area.code if m.area else None,
        title=m.title,
        purpose=m.purpose,
        holders=[_responsibility(r) for r in responsibilities if r.role == Responsibility.Role.HOLDER],
        participants=[_responsibility(r) for r in responsibilities if r.role == Responsibility.Role.PARTICIPANT],
        funding_sources=[
            FundingSourceOut(slug=f.source.slug, name=f.source.name, name_as_written=f.name_as_written)
            for f in m.measurefundingsource_set.all()
        ],
        funding_lines=[
            FundingLineOut(
                basis=line.basis,
                year_start=line.year_start,
                year_end=line.year_end,
                amount_eur=line.amount_eur,
                source=line.source.name if line.source else None,
            )
            for line in m.funding_lines.all()
        ],
        no_additional_funds=m.no_additional_funds,
        deadlines=[DeadlineOut(date=d.due_on, label=d.label) for d in m.deadlines.all()],
        indicators=[
            IndicatorOut(text=i.text, target=_number(i.target), unit=i.unit, baseline_year=i.baseline_year)
            for i in m.indicators.all()
        ],
        url=reverse("plans:measure", args=[m.pk]),
    )


def measure_out(m: Measure) -> MeasureOut:
    return MeasureOut(**measure_row(m).model_dump(), sub_rows=[measure_row(s) for s in m.sub_rows.all()])


def measure_detail_out(m: Measure) -> MeasureDetail:
    return MeasureDetail(
        **measure_out(m).model_dump(),
        plan=PlanRef(id=m.plan.pk, slug=m.plan.slug, title=m.plan.title),
        parent_id=m.parent_id,
        raw={str(header): str(text) for header, text in m.raw.items()},
        warnings=[render_warning(w) for w in m.warnings],
    )
