"""Reads shaped for the plan pages and the API. Query counts do not grow with the number of measures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext

from izvedba.core.text import search_key
from izvedba.plans.models import (
    Area,
    Deadline,
    FundingLine,
    FundingSource,
    Goal,
    Measure,
    MeasureFundingSource,
    Plan,
    PlanMunicipality,
    Responsibility,
)


@dataclass(frozen=True)
class MeasureFilter:
    """What a person narrows a plan's measures by. Empty values do not filter."""

    holder: str = ""
    participant: str = ""
    funding_source: str = ""
    deadline_year: int | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        return bool(self.holder or self.participant or self.funding_source or self.deadline_year or self.q)


def plan_list() -> QuerySet[Plan]:
    return (
        Plan.objects.select_related("region", "coordinator", "resolution")
        .annotate(measure_count=Count("measures", filter=Q(measures__parent__isnull=True)))
        .order_by("-period_start", "kind", "title")
    )


def plan_get(plan_id: int) -> Plan:
    return Plan.objects.select_related("region", "coordinator", "resolution", "source_document").get(pk=plan_id)


def _organisation_matches(prefix: str, value: str) -> Q:
    return (
        Q(**{f"{prefix}organisation__acronym__iexact": value})
        | Q(**{f"{prefix}organisation__slug": value})
        | Q(**{f"{prefix}organisation__name__iexact": value})
    )


def _row_or_sub_row(
    condition_model: type[Responsibility] | type[MeasureFundingSource] | type[Deadline], condition: Q
) -> Q:
    """The measure itself or one of its sub-rows satisfies `condition`."""
    own = condition_model.objects.filter(condition, measure=OuterRef("pk"))
    sub = condition_model.objects.filter(condition, measure__parent=OuterRef("pk"))
    return Q(Exists(own)) | Q(Exists(sub))


def measure_filter_q(filters: MeasureFilter) -> Q:
    q = Q()
    if filters.holder:
        role = Q(role=Responsibility.Role.HOLDER) & _organisation_matches("", filters.holder)
        q &= _row_or_sub_row(Responsibility, role)
    if filters.participant:
        role = Q(role=Responsibility.Role.PARTICIPANT) & _organisation_matches("", filters.participant)
        q &= _row_or_sub_row(Responsibility, role)
    if filters.funding_source:
        value = filters.funding_source
        q &= _row_or_sub_row(MeasureFundingSource, Q(source__slug=value) | Q(source__name__iexact=value))
    if filters.deadline_year:
        q &= _row_or_sub_row(Deadline, Q(due_on__year=filters.deadline_year))
    for word in search_key(filters.q).split():
        q &= Q(search_text__contains=word) | Q(sub_rows__search_text__contains=word)
    return q


def measure_details_prefetch() -> list[Prefetch[str] | str]:
    responsibilities = Responsibility.objects.select_related("organisation").order_by("role", "order")
    sources = MeasureFundingSource.objects.select_related("source").order_by("order")
    return [
        Prefetch("responsibilities", queryset=responsibilities),
        Prefetch("measurefundingsource_set", queryset=sources),
        Prefetch("funding_lines", queryset=FundingLine.objects.select_related("source").order_by("order")),
        "deadlines",
        "indicators",
    ]


def plan_measures(plan: Plan, filters: MeasureFilter | None = None) -> QuerySet[Measure]:
    """The plan's measures (not sub-rows), in document order, with everything a list shows prefetched."""
    filters = filters or MeasureFilter()
    sub_rows = (
        Measure.objects.order_by("sub_index")
        .select_related("goal", "area")
        .prefetch_related(*measure_details_prefetch())
    )
    return (
        Measure.objects.filter(plan=plan, parent__isnull=True)
        .filter(measure_filter_q(filters))
        .distinct()
        .select_related("plan", "goal", "area")
        .prefetch_related(*measure_details_prefetch(), Prefetch("sub_rows", queryset=sub_rows))
        .order_by("order")
    )


def measure_get(measure_id: int) -> Measure:
    sub_rows = (
        Measure.objects.order_by("sub_index")
        .select_related("goal", "area")
        .prefetch_related(*measure_details_prefetch())
    )
    return (
        Measure.objects.select_related("plan", "plan__source_document", "goal", "area", "parent")
        .prefetch_related(*measure_details_prefetch(), Prefetch("sub_rows", queryset=sub_rows))
        .get(pk=measure_id)
    )


@dataclass
class MoneyTable:
    """Planned money by funding source (rows) and year (columns), with spans and undated totals apart.

    An amount 'per year' counts in every year of its plan's period; an amount for several years together
    ('V letih 2025 in 2026 900.000 EUR') and one with no year cannot be split, so they have columns of
    their own. A line whose measure names several sources and does not split the money is 'several sources'.
    """

    years: list[int] = field(default_factory=list)
    rows: dict[str, dict[str, int]] = field(default_factory=dict)

    SPAN = "span"
    UNDATED = "undated"
    SEVERAL = ""

    def add(self, source: str, column: str, amount: int) -> None:
        row = self.rows.setdefault(source, defaultdict(int))
        row[column] += amount

    @property
    def columns(self) -> list[str]:
        extra = [c for c in (self.SPAN, self.UNDATED) if any(c in row for row in self.rows.values())]
        return [str(y) for y in self.years] + extra

    def total(self, column: str) -> int:
        return sum(row.get(column, 0) for row in self.rows.values())

    def row_total(self, source: str) -> int:
        return sum(self.rows[source].values())

    @property
    def grand_total(self) -> int:
        return sum(self.row_total(s) for s in self.rows)

    def sorted_rows(self) -> list[tuple[str, list[int], int]]:
        ordered = sorted(self.rows, key=lambda s: (s == self.SEVERAL, -self.row_total(s), s))
        return [(s, [self.rows[s].get(c, 0) for c in self.columns], self.row_total(s)) for s in ordered]


def money_table(lines: Iterable[FundingLine], plan_years: dict[int, range]) -> MoneyTable:
    """Sum funding lines; `plan_years` maps a measure id to its plan's years (for 'per year' amounts)."""
    table = MoneyTable()
    years: set[int] = set()
    for line in lines:
        source = line.source.name if line.source else MoneyTable.SEVERAL
        if line.basis == FundingLine.Basis.YEAR and line.year_start:
            years.add(line.year_start)
            table.add(source, str(line.year_start), line.amount_eur)
        elif line.basis == FundingLine.Basis.PER_YEAR:
            for year in plan_years.get(line.measure_id, range(0)):
                years.add(year)
                table.add(source, str(year), line.amount_eur)
        elif line.basis == FundingLine.Basis.SPAN:
            table.add(source, MoneyTable.SPAN, line.amount_eur)
        else:
            table.add(source, MoneyTable.UNDATED, line.amount_eur)
    table.years = sorted(years)
    return table


def measures_money(measures: Iterable[Measure]) -> MoneyTable:
    """The money table of already-prefetched measures and their sub-rows (no extra queries)."""
    lines: list[FundingLine] = []
    plan_years: dict[int, range] = {}
    for measure in measures:
        for row in [measure, *measure.sub_rows.all()]:
            lines.extend(row.funding_lines.all())
            plan_years[row.pk] = measure.plan.years
    return money_table(lines, plan_years)


def lines_money(lines: QuerySet[FundingLine]) -> MoneyTable:
    """The money table of these funding lines, read in one query with their sources and plans."""
    listed = list(lines.select_related("source", "measure__plan").order_by("pk"))
    return money_table(listed, {line.measure_id: line.measure.plan.years for line in listed})


def plans_money(plans: QuerySet[Plan]) -> MoneyTable:
    return lines_money(FundingLine.objects.filter(measure__plan__in=plans))


def resolution_goals(plans: QuerySet[Plan]) -> QuerySet[Goal]:
    """The goals of the resolutions these plans belong to, with their areas."""
    return (
        Goal.objects.filter(resolution__plans__in=plans)
        .distinct()
        .select_related("resolution")
        .prefetch_related("areas")
        .order_by("-resolution__period_start", "number")
    )


def filter_choices(plan: Plan) -> dict[str, list[tuple[str, str]]]:
    """Values a person can filter the plan's measures by: holders, participants, sources, deadline years."""
    responsibilities = Responsibility.objects.filter(measure__plan=plan).select_related("organisation")
    holders: dict[str, str] = {}
    participants: dict[str, str] = {}
    for r in responsibilities:
        target = holders if r.role == Responsibility.Role.HOLDER else participants
        target[r.organisation.acronym or r.organisation.slug] = r.organisation.label
    sources = FundingSource.objects.filter(measures__plan=plan).distinct().order_by("name")
    years = sorted({d.year for d in Deadline.objects.filter(measure__plan=plan).values_list("due_on", flat=True)})
    return {
        "holders": sorted(holders.items(), key=lambda kv: kv[1].lower()),
        "participants": sorted(participants.items(), key=lambda kv: kv[1].lower()),
        "funding_sources": [(s.slug, s.name) for s in sources],
        "deadline_years": [(str(y), str(y)) for y in years],
    }


# Pages: the shapes the plan pages render (each reads a fixed number of queries).


@dataclass(frozen=True)
class AreaGroup:
    area: Area | None
    measures: list[Measure]


@dataclass(frozen=True)
class GoalGroup:
    goal: Goal | None
    areas: list[AreaGroup]


def group_by_goal_and_area(measures: Iterable[Measure]) -> list[GoalGroup]:
    """Measures in document order under their goal, then their area (a new heading when either changes)."""
    groups: list[GoalGroup] = []
    for goal_id, by_goal in groupby(measures, key=lambda m: m.goal_id):
        goal_measures = list(by_goal)
        areas = [AreaGroup(area=ms[0].area, measures=ms) for ms in _runs(goal_measures)]
        groups.append(GoalGroup(goal=goal_measures[0].goal if goal_id else None, areas=areas))
    return groups


def _runs(measures: list[Measure]) -> list[list[Measure]]:
    return [list(run) for _, run in groupby(measures, key=lambda m: m.area_id)]


@dataclass(frozen=True)
class MoneyRow:
    source: str  # the funding source's name; "" for several sources
    label: str
    cells: list[int]
    total: int
    share: Decimal  # per cent of the grand total, one decimal


@dataclass(frozen=True)
class MoneySummary:
    """A MoneyTable ready to render: labelled columns and rows, their shares and the totals."""

    columns: list[tuple[str, str]]
    rows: list[MoneyRow]
    column_totals: list[int]
    grand_total: int


def money_summary(table: MoneyTable) -> MoneySummary:
    names = {
        MoneyTable.SPAN: gettext("Several years together"),
        MoneyTable.UNDATED: gettext("No year given"),
    }
    several = gettext("Several sources (not split in the document)")
    grand = table.grand_total
    rows = [
        MoneyRow(source=name, label=name or several, cells=cells, total=total, share=_share(total, grand))
        for name, cells, total in table.sorted_rows()
    ]
    return MoneySummary(
        columns=[(c, names.get(c, c)) for c in table.columns],
        rows=rows,
        column_totals=[table.total(c) for c in table.columns],
        grand_total=table.grand_total,
    )


def _share(part: int, whole: int) -> Decimal:
    return (Decimal(part * 100) / whole).quantize(Decimal("0.1")) if whole > 0 else Decimal(0)


@dataclass(frozen=True)
class PlanPage:
    """The measures a plan page lists under the current filters, and what it says about them."""

    groups: list[GoalGroup]
    shown: int
    total: int
    money: MoneySummary
    measure_warnings: int
    filters: MeasureFilter


def plan_page(plan: Plan, filters: MeasureFilter) -> PlanPage:
    measures = list(plan_measures(plan, filters))
    every_row = list(Measure.objects.filter(plan=plan).order_by().values_list("parent_id", "warnings"))
    return PlanPage(
        groups=group_by_goal_and_area(measures),
        shown=len(measures),
        total=sum(1 for parent_id, _ in every_row if parent_id is None),
        money=money_summary(measures_money(measures)),
        measure_warnings=sum(len(warnings or []) for _, warnings in every_row),
        filters=filters,
    )


@dataclass(frozen=True)
class HomePage:
    goals: list[Goal]
    plans: list[Plan]
    money: MoneySummary


def home_page() -> HomePage:
    plans = plan_list()
    return HomePage(
        goals=list(resolution_goals(Plan.objects.all())),
        plans=list(plans),
        money=money_summary(plans_money(Plan.objects.all())),
    )


# API: reads the JSON endpoints need beyond the ones above (each a fixed number of queries).


def plan_detail(plan_id: int) -> Plan:
    """A plan as `plan_list()` gives it (with `measure_count`) and every part its detail shows."""
    municipalities = PlanMunicipality.objects.select_related("municipality").order_by("order")
    return (
        plan_list()
        .select_related("source_document")
        .prefetch_related(
            Prefetch("planmunicipality_set", queryset=municipalities),
            "group_seats",
            "context_indicators",
            "priorities",
            "risks",
        )
        .get(pk=plan_id)
    )


def plan_goals(plan: Plan) -> QuerySet[Goal]:
    """The resolution's goals the plan's measures (or their sub-rows) work towards, with their areas."""
    return Goal.objects.filter(measures__plan=plan).distinct().prefetch_related("areas").order_by("number")


def queryset_money(measures: QuerySet[Measure]) -> MoneyTable:
    """`measures_money` for a whole (filtered) queryset and its sub-rows, in one query and without a page."""
    ids = measures.values("pk")
    return lines_money(FundingLine.objects.filter(Q(measure__in=ids) | Q(measure__parent__in=ids)))
