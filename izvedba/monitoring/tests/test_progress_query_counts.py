"""The progress page and endpoint read as many queries for 3× the measures and 3× the years (linkding-style)."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from izvedba.accounts.models import RoleAssignment, User
from izvedba.monitoring.models import IndicatorValue, Report, Round
from izvedba.monitoring.synthetic import SyntheticLoad, synthetic_load
from izvedba.monitoring.tests.cast import bearer, token_for
from izvedba.plans.models import Indicator, Measure, Plan


class ProgressQueryCountTests(TestCase):
    small: SyntheticLoad
    big: SyntheticLoad
    viewer: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.small = synthetic_load(plans=2, measures=20, indicators=50, years=2, tag="small")
        cls.big = synthetic_load(plans=2, measures=60, indicators=150, years=6, tag="big")
        cls.viewer = User.objects.create_user(username="viewer", password="pw")
        for load in (cls.small, cls.big):
            RoleAssignment.objects.create(user=cls.viewer, role=RoleAssignment.Role.VIEWER, plan=load.plans[0])

    def queries(self, url: str, **headers: str) -> int:
        self.client.get(url, headers=headers)  # warm up: anything read once per process
        with CaptureQueriesContext(connection) as context:
            response = self.client.get(url, headers=headers)
        self.assertEqual(response.status_code, 200, url)
        return len(context.captured_queries)

    def assert_same_count(self, url_of: Callable[[Plan], str], **headers: str) -> None:
        small, big = (self.queries(url_of(load.plans[0]), **headers) for load in (self.small, self.big))
        self.assertEqual(small, big, f"{small} queries for the small load, {big} for 3× measures and years")

    def test_it_builds_the_load_it_was_asked_for(self) -> None:
        plans = Plan.objects.filter(pk__in=[p.pk for p in self.big.plans])
        self.assertEqual(plans.count(), 2)
        self.assertEqual(Measure.objects.filter(plan__in=plans).count(), 60)
        self.assertEqual(Indicator.objects.filter(measure__plan__in=plans).count(), 150)
        self.assertEqual(Round.objects.filter(plan__in=plans).count(), 12)
        reports = Report.objects.filter(round__plan__in=plans)
        self.assertEqual((reports.count(), reports.exclude(status="approved").count()), (360, 0))
        self.assertEqual(IndicatorValue.objects.filter(report__in=reports).count(), 150 * 6)

    def test_the_page_reads_as_many_queries_for_three_times_the_measures_and_years(self) -> None:
        self.assert_same_count(lambda plan: reverse("monitoring:plan_progress", args=[plan.pk]))

    def test_the_page_reads_as_many_queries_for_a_signed_in_viewer(self) -> None:
        self.client.force_login(self.viewer)
        self.assert_same_count(lambda plan: reverse("monitoring:plan_progress", args=[plan.pk]))

    def test_the_endpoint_reads_as_many_queries_for_three_times_the_measures_and_years(self) -> None:
        self.assert_same_count(lambda plan: f"/api/plans/{plan.pk}/progress")

    def test_the_endpoint_reads_as_many_queries_for_a_token(self) -> None:
        self.assert_same_count(lambda plan: f"/api/plans/{plan.pk}/progress", **bearer(token_for(self.viewer)))

    def test_the_progress_export_reads_as_many_queries(self) -> None:
        self.assert_same_count(lambda plan: reverse("monitoring:plan_progress_csv", args=[plan.pk]))
