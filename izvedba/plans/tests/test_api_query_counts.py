"""The API reads a fixed number of queries, however many measures a plan has (linkding-style)."""

from __future__ import annotations

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from izvedba.demo.services import demo_load
from izvedba.plans.models import (
    Deadline,
    FundingLine,
    Indicator,
    Measure,
    MeasureFundingSource,
    Plan,
    Responsibility,
)


def copy_measure(measure: Measure, plan: Plan, code: str, parent: Measure | None = None) -> Measure:
    """A copy of `measure` (and, for a measure, its sub-rows) with every detail, in `plan`."""
    copy = Measure.objects.create(
        plan=plan,
        parent=parent,
        sub_index=measure.sub_index,
        code=code,
        goal=measure.goal,
        area=measure.area,
        title=measure.title,
        purpose=measure.purpose,
        order=measure.order if parent else Measure.objects.filter(plan=plan).count(),
        no_additional_funds=measure.no_additional_funds,
        raw=measure.raw,
        search_text=measure.search_text,
    )
    for r in measure.responsibilities.all():
        Responsibility.objects.create(
            measure=copy,
            organisation=r.organisation,
            role=r.role,
            scope=r.scope,
            name_as_written=r.name_as_written,
        )
    for s in MeasureFundingSource.objects.filter(measure=measure):
        MeasureFundingSource.objects.create(measure=copy, source=s.source, name_as_written=s.name_as_written)
    for line in measure.funding_lines.all():
        FundingLine.objects.create(
            measure=copy,
            source=line.source,
            basis=line.basis,
            year_start=line.year_start,
            year_end=line.year_end,
            amount_eur=line.amount_eur,
        )
    for d in measure.deadlines.all():
        Deadline.objects.create(measure=copy, due_on=d.due_on, label=d.label)
    for i in measure.indicators.all():
        Indicator.objects.create(measure=copy, text=i.text, target=i.target, unit=i.unit)
    for sub_row in measure.sub_rows.all():
        copy_measure(sub_row, plan, code, parent=copy)
    return copy


def make_doubled_plan(original: Plan) -> Plan:
    """A plan with every measure of `original` twice over (so twice the measures, sub-rows and details)."""
    plan = Plan.objects.create(
        kind=original.kind,
        title=f"{original.title} (doubled)",
        slug=f"{original.slug}-doubled",
        period_start=original.period_start,
        period_end=original.period_end,
        resolution=original.resolution,
        source_document=original.source_document,
    )
    for copy in ("a", "b"):
        for measure in original.measures.filter(parent=None).order_by("order"):
            copy_measure(measure, plan, f"{measure.code}{copy}")
    return plan


class ApiQueryCountTests(TestCase):
    nin: Plan
    big: Plan

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)
        cls.nin = Plan.objects.get(slug="nin-2025-2026")
        cls.big = make_doubled_plan(cls.nin)

    def count_queries(self, url: str) -> int:
        with CaptureQueriesContext(connection) as context:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return len(context.captured_queries)

    def test_it_doubles_the_measures_for_the_comparison(self) -> None:
        self.assertEqual(self.big.measures.count(), 2 * self.nin.measures.count())
        self.assertEqual(
            FundingLine.objects.filter(measure__plan=self.big).count(),
            2 * FundingLine.objects.filter(measure__plan=self.nin).count(),
        )

    def test_it_lists_measures_in_the_same_number_of_queries(self) -> None:
        url = "/api/plans/{}/measures?limit=200"
        with self.assertNumQueries(self.count_queries(url.format(self.nin.pk))):
            data = self.client.get(url.format(self.big.pk)).json()
        self.assertEqual(len(data["results"]), 2 * self.nin.measures.filter(parent=None).count())

    def test_it_lists_filtered_measures_in_the_same_number_of_queries(self) -> None:
        url = "/api/plans/{}/measures?limit=200&holder=MSP&q=storitev"
        with self.assertNumQueries(self.count_queries(url.format(self.nin.pk))):
            self.client.get(url.format(self.big.pk))

    def test_it_lists_measures_in_a_fixed_number_of_queries(self) -> None:
        # plan, money, count, page, 5 details, sub-rows, 5 sub-row details
        with self.assertNumQueries(15):
            self.client.get(f"/api/plans/{self.big.pk}/measures?limit=200")

    def test_it_shows_a_plan_in_the_same_number_of_queries(self) -> None:
        url = "/api/plans/{}"
        with self.assertNumQueries(self.count_queries(url.format(self.nin.pk))):
            self.client.get(url.format(self.big.pk))

    def test_it_shows_a_plan_in_a_fixed_number_of_queries(self) -> None:
        # plan, municipalities, seats, context, priorities, risks, goals, areas, money
        with self.assertNumQueries(9):
            self.client.get(f"/api/plans/{self.nin.pk}")

    def test_it_lists_plans_in_a_fixed_number_of_queries(self) -> None:
        with self.assertNumQueries(2):
            self.client.get("/api/plans")

    def test_it_shows_a_measure_in_a_fixed_number_of_queries(self) -> None:
        measure = Measure.objects.filter(plan=self.big, parent=None).exclude(sub_rows=None).first()
        assert measure is not None
        # measure, 5 details, sub-rows, 5 sub-row details
        with self.assertNumQueries(12):
            self.client.get(f"/api/measures/{measure.pk}")

    def test_it_lists_organisations_in_a_fixed_number_of_queries(self) -> None:
        with self.assertNumQueries(2):
            self.client.get("/api/organisations?limit=200")

    def test_it_lists_regions_in_a_fixed_number_of_queries(self) -> None:
        with self.assertNumQueries(3):
            self.client.get("/api/regions")
