"""My work: what each role finds waiting at /spremljanje/."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

from django.test import TestCase
from django.urls import reverse

from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.services.reports import ReportChanges, report_submit, report_update

from .cast import Cast, make_cast, open_round

URL = reverse("monitoring:home")


class HomeTestCase(TestCase):
    cast: Cast
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.round = open_round(cls.cast, due_date=dt.date(2027, 3, 1))  # a Monday, a working day
        report = cls.round.reports.get(measure=cls.cast.m3)
        changes = ReportChanges(implementation_status="completed")
        report = report_update(report=report, user=cls.cast.reporter_msp, changes=changes, version=report.version)
        report_submit(report=report, user=cls.cast.reporter_msp)

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"

    def get(self, today: dt.date = dt.date(2027, 2, 26)) -> Any:
        with mock.patch("izvedba.monitoring.views.home.timezone.localdate", return_value=today):
            return self.client.get(URL)

    def report_url(self, measure: Any) -> str:
        return reverse("monitoring:report", args=[self.round.reports.get(measure=measure).pk])


class HomeTests(HomeTestCase):
    def test_it_needs_a_login(self) -> None:
        self.assertEqual(self.client.get(URL).status_code, 302)

    def test_it_lists_the_reporters_reports_to_fill_with_days_left(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        response = self.get()
        to_fill = [task.report.measure for task in response.context["to_fill"]]
        self.assertEqual(set(to_fill), {self.cast.m1, self.cast.m1_sub})
        self.assertContains(response, self.report_url(self.cast.m1))
        self.assertContains(response, "3 days left")
        self.assertEqual([r.measure for r in response.context["submitted"]], [self.cast.m3])
        self.assertNotContains(response, 'data-section="open-rounds"')

    def test_it_says_how_late_a_report_is(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        self.assertContains(self.get(today=dt.date(2027, 3, 4)), "3 days late")

    def test_it_leaves_out_reports_of_closed_rounds(self) -> None:
        Round.objects.filter(pk=self.round.pk).update(status=Round.Status.CLOSED)
        self.client.force_login(self.cast.reporter_msp)
        self.assertEqual(self.get().context["to_fill"], [])

    def test_it_shows_the_coordinator_open_rounds_and_reports_to_review(self) -> None:
        self.client.force_login(self.cast.coordinator)
        response = self.get()
        self.assertEqual([r.measure for r in response.context["to_review"]], [self.cast.m3])
        self.assertEqual(response.context["open_rounds"], [self.round])
        self.assertContains(response, '<td class="num" data-count="draft">3</td>', html=True)
        self.assertContains(response, '<td class="num" data-count="submitted">1</td>', html=True)
        self.assertContains(response, reverse("monitoring:rounds", args=[self.cast.plan.pk]))
        self.assertNotIn("to_fill", response.context)

    def test_it_shows_viewers_the_plans_they_follow(self) -> None:
        self.client.force_login(self.cast.viewer_region)
        response = self.get()
        self.assertEqual(response.context["viewed_plans"], [self.cast.plan])
        self.assertContains(response, reverse("monitoring:rounds", args=[self.cast.plan.pk]))
        self.assertContains(response, reverse("monitoring:plan_progress", args=[self.cast.plan.pk]))

    def test_it_tells_someone_without_a_role_how_to_get_one(self) -> None:
        self.client.force_login(self.cast.outsider)
        self.assertContains(self.get(), "You have no role in monitoring yet.")

    def test_it_does_not_list_other_organisations_reports(self) -> None:
        self.client.force_login(self.cast.reporter_other)
        measures = {task.report.measure for task in self.get().context["to_fill"]}
        self.assertEqual(measures, {self.cast.m2})
        self.assertEqual(Report.objects.filter(round=self.round).count(), 4)
