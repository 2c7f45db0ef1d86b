"""The pages read a fixed number of queries, however many measures a plan has (linkding-style)."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from izvedba.organisations.models import Organisation
from izvedba.plans.models import (
    Area,
    Deadline,
    FundingLine,
    FundingSource,
    Goal,
    Indicator,
    Measure,
    MeasureFundingSource,
    Plan,
    Resolution,
    Responsibility,
)


class Cast:
    """The organisations, sources and goals the synthetic plans share."""

    def __init__(self) -> None:
        resolution = Resolution.objects.create(code="R", title="Resolucija", period_start=2022, period_end=2030)
        self.goals = [Goal.objects.create(resolution=resolution, number=n, title=f"Cilj {n}") for n in (1, 2)]
        self.areas = [Area.objects.create(goal=g, code=f"{g.number}.1", title="Področje") for g in self.goals]
        self.sources = [
            FundingSource.objects.create(name=name, slug=slug)
            for name, slug in (("Proračun RS", "proracun-rs"), ("ESS+/SLO", "essslo"))
        ]

    def organisation(self, slug: str) -> Organisation:
        return Organisation.objects.create(slug=slug, name=f"Organizacija {slug}", acronym=slug.upper())


def make_plan(cast: Cast, slug: str, measures: int, holder: Organisation, participant: Organisation) -> Plan:
    """A national plan with `measures` measures, each with every detail and two sub-rows."""
    plan = Plan.objects.create(
        kind=Plan.Kind.NATIONAL, title=slug, slug=slug, period_start=2025, period_end=2026, coordinator=holder
    )
    for n in range(measures):
        goal = n % 2
        measure = _measure(cast, plan, f"{goal + 1}.{n + 1}", order=n * 10, goal=goal)
        _details(cast, measure, holder, participant, n)
        for sub_index in (1, 2):
            sub_row = _measure(cast, plan, measure.code, order=n * 10 + sub_index, goal=goal, parent=measure)
            _details(cast, sub_row, holder, participant, n)
    return plan


def _measure(cast: Cast, plan: Plan, code: str, *, order: int, goal: int, parent: Measure | None = None) -> Measure:
    return Measure.objects.create(
        plan=plan,
        parent=parent,
        sub_index=order % 10 if parent else 0,
        code=code,
        goal=cast.goals[goal],
        area=cast.areas[goal],
        title=f"Ukrep {code}",
        purpose="Namen",
        order=order,
        raw={"Ukrepi": f"Ukrep {code}"},
        warnings=["A warning."],
        search_text=f"{code} ukrep pomoc na domu",
    )


def _details(cast: Cast, measure: Measure, holder: Organisation, participant: Organisation, n: int) -> None:
    for role, organisation in (("holder", holder), ("participant", participant)):
        Responsibility.objects.create(
            measure=measure, organisation=organisation, role=role, name_as_written=organisation.acronym
        )
    for source in cast.sources:
        MeasureFundingSource.objects.create(measure=measure, source=source, name_as_written=source.name)
    for year in (2025, 2026):
        FundingLine.objects.create(
            measure=measure,
            source=cast.sources[n % 2],
            basis="year",
            year_start=year,
            year_end=year,
            amount_eur=1000,
        )
    FundingLine.objects.create(measure=measure, basis="per_year", amount_eur=500)
    FundingLine.objects.create(measure=measure, basis="span", year_start=2025, year_end=2026, amount_eur=700)
    Deadline.objects.create(measure=measure, due_on=date(2025 + n % 2, 12, 31), label="rok")
    Indicator.objects.create(measure=measure, text="Število oseb", target=100, unit="oseb", baseline_year=2022)


class PageQueryCountTests(TestCase):
    cast: Cast
    small: Plan
    large: Plan
    small_holder: Organisation
    large_holder: Organisation

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = Cast()
        cls.small_holder, cls.large_holder = cls.cast.organisation("small"), cls.cast.organisation("large")
        participant = cls.cast.organisation("partner")
        cls.small = make_plan(cls.cast, "small", 4, cls.small_holder, participant)
        cls.large = make_plan(cls.cast, "large", 8, cls.large_holder, participant)

    def count(self, url: str, params: dict[str, str] | None = None) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, params or {})
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def assert_same_count(self, small_url: str, large_url: str, params: dict[str, str] | None = None) -> int:
        """The count measured for the small plan's page, asserted for the large one (twice the measures)."""
        measured = self.count(small_url, params)
        with self.assertNumQueries(measured):
            self.client.get(large_url, params or {})
        return measured

    def test_the_plan_page_reads_a_fixed_number_of_queries(self) -> None:
        small, large = (reverse("plans:detail", args=[p.pk]) for p in (self.small, self.large))
        self.assertEqual(self.assert_same_count(small, large), 23)

    def test_the_filtered_plan_page_reads_a_fixed_number_of_queries(self) -> None:
        small, large = (reverse("plans:detail", args=[p.pk]) for p in (self.small, self.large))
        filters = {"participant": "PARTNER", "q": "pomoc", "deadline_year": "2025"}
        self.assertEqual(self.assert_same_count(small, large, filters), 23)

    def test_the_organisation_page_reads_a_fixed_number_of_queries(self) -> None:
        small = reverse("organisations:detail", args=[self.small_holder.slug])
        large = reverse("organisations:detail", args=[self.large_holder.slug])
        self.assertEqual(self.assert_same_count(small, large), 5)

    def test_the_measure_page_reads_a_fixed_number_of_queries(self) -> None:
        small, large = (
            reverse("plans:measure", args=[Measure.objects.filter(plan=p, parent=None).values("pk")[0]["pk"]])
            for p in (self.small, self.large)
        )
        self.assert_same_count(small, large)

    def test_the_list_pages_read_a_fixed_number_of_queries(self) -> None:
        for name in ("home", "plans:list", "organisations:list", "geo:region-list"):
            with self.subTest(name):
                before = self.count(reverse(name))
                make_plan(self.cast, f"more-{name}", 6, self.large_holder, self.small_holder)
                self.assertEqual(self.count(reverse(name)), before)
