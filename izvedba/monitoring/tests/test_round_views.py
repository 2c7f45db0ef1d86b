"""Rounds on pages: opening one (year, half-year, dates), the round's reports, close/publish/freeze, snapshots."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from izvedba.monitoring.models import Report, Round, Snapshot
from izvedba.monitoring.services.reports import ReportChanges, report_update
from izvedba.plans.models import Measure, Responsibility

from .cast import Cast, make_cast, open_round


class RoundViewTestCase(TestCase):
    cast: Cast

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.url = reverse("monitoring:rounds", args=[self.cast.plan.pk])


class OpenRoundTests(RoundViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.cast.coordinator)

    def post(self, **data: Any) -> Any:
        return self.client.post(self.url, {"due_date": "28. 2. 2027", **data})

    def test_it_offers_the_coordinator_a_form(self) -> None:
        response = self.client.get(self.url)
        self.assertContains(response, "data-round-form")
        self.assertContains(response, 'name="period"')

    def test_it_opens_a_year_round_with_a_draft_report_per_measure(self) -> None:
        response = self.post(period="year", year="2026")
        round = Round.objects.get()
        self.assertEqual(response["Location"], reverse("monitoring:round", args=[round.pk]))
        self.assertEqual(
            (round.label, round.period_start, round.period_end), ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        )
        self.assertEqual(round.due_date, dt.date(2027, 2, 28))
        self.assertEqual(round.reports.filter(status=Report.Status.DRAFT).count(), 4)  # sub-row included
        response = self.client.get(response["Location"])
        self.assertContains(response, "Round “2026” opened with 4 draft reports.")

    def test_it_opens_a_half_year_round(self) -> None:
        self.post(period="half", year="2026", half="2", label="")
        round = Round.objects.get()
        self.assertEqual(
            (round.label, round.period_start, round.period_end), ("2026-H2", dt.date(2026, 7, 1), dt.date(2026, 12, 31))
        )

    def test_it_opens_a_round_for_explicit_dates(self) -> None:
        self.post(period="range", start="2026-01-01", end="31. 3. 2026", label="Prvo četrtletje")
        round = Round.objects.get()
        self.assertEqual(
            (round.label, round.period_start, round.period_end),
            ("Prvo četrtletje", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        )

    def test_it_refuses_a_period_that_ends_before_it_starts(self) -> None:
        response = self.post(period="range", start="1. 6. 2026", end="1. 1. 2026")
        self.assertEqual(response.status_code, 200)
        self.assertIn("end", response.context["form"].errors)
        self.assertFalse(Round.objects.exists())

    def test_it_asks_for_the_half(self) -> None:
        response = self.post(period="half", year="2026")
        self.assertIn("half", response.context["form"].errors)
        self.assertFalse(Round.objects.exists())

    def test_it_asks_for_a_due_date(self) -> None:
        response = self.client.post(self.url, {"period": "year", "year": "2026", "due_date": "konec februarja"})
        self.assertContains(response, "is not a date")
        self.assertFalse(Round.objects.exists())

    def test_it_shows_the_services_error_next_to_the_label(self) -> None:
        open_round(self.cast)
        response = self.post(period="year", year="2026")
        self.assertIn("label", response.context["form"].errors)
        self.assertContains(response, "already has a round labelled")
        self.assertEqual(Round.objects.count(), 1)

    def test_it_forbids_others_to_open_a_round(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        self.assertNotContains(self.client.get(self.url), "data-round-form")
        self.assertEqual(self.client.post(self.url, {"period": "year", "year": "2026"}).status_code, 403)
        self.assertFalse(Round.objects.exists())


class RoundPageTests(RoundViewTestCase):
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.round = open_round(cls.cast)

    def page(self) -> Any:
        return self.client.get(reverse("monitoring:round", args=[self.round.pk]))

    def test_it_lists_every_report_for_the_coordinator(self) -> None:
        self.client.force_login(self.cast.coordinator)
        response = self.page()
        self.assertEqual(len(response.context["reports"]), 4)
        self.assertContains(response, "Close the round")
        self.assertContains(response, "Freeze a snapshot")
        self.assertContains(response, "data-history")

    def test_it_lists_only_the_reporters_own_reports(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        response = self.page()
        measures = {report.measure for report in response.context["reports"]}
        self.assertEqual(measures, {self.cast.m1, self.cast.m1_sub, self.cast.m3})
        self.assertNotContains(response, "Close the round")
        self.assertContains(response, "MSP")  # the holder, for the sub-row too (through its measure)

    def test_it_links_the_spreadsheets_for_those_who_see_reports(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        response = self.page()
        self.assertContains(response, reverse("monitoring:round_xlsx_export", args=[self.round.pk]))
        self.assertContains(response, reverse("monitoring:round_xlsx_import", args=[self.round.pk]))

    def test_it_reads_a_fixed_number_of_queries_whatever_the_number_of_reports(self) -> None:
        self.client.force_login(self.cast.coordinator)
        with CaptureQueriesContext(connection) as small:
            self.page()
        for n in range(4, 10):
            measure = Measure.objects.create(plan=self.cast.plan, code=str(n), title=f"Ukrep {n}", order=n)
            Responsibility.objects.create(
                measure=measure, organisation=self.cast.msp, role="holder", name_as_written="MSP"
            )
        bigger = open_round(self.cast, label="2027", period_start=dt.date(2027, 1, 1), period_end=dt.date(2027, 12, 31))
        with self.assertNumQueries(len(small)):
            response = self.client.get(reverse("monitoring:round", args=[bigger.pk]))
        self.assertEqual(len(response.context["reports"]), 10)

    def test_it_hides_an_unpublished_round_from_outsiders(self) -> None:
        self.client.force_login(self.cast.outsider)
        self.assertEqual(self.page().status_code, 404)
        self.assertNotContains(self.client.get(self.url), reverse("monitoring:round", args=[self.round.pk]))

    def test_it_lists_the_round_with_counts_on_the_plans_rounds_page(self) -> None:
        self.client.force_login(self.cast.viewer_region)
        response = self.client.get(self.url)
        self.assertContains(response, reverse("monitoring:round", args=[self.round.pk]))
        self.assertContains(response, '<td class="num" data-count="draft">4</td>', html=True)

    def test_it_closes_and_publishes(self) -> None:
        self.client.force_login(self.cast.coordinator)
        response = self.client.post(reverse("monitoring:round_close", args=[self.round.pk]), follow=True)
        self.assertContains(response, "Round closed")
        response = self.client.post(reverse("monitoring:round_publish", args=[self.round.pk]), follow=True)
        self.assertContains(response, "Round published")
        self.round.refresh_from_db()
        self.assertFalse(self.round.is_open)
        self.assertIsNotNone(self.round.published_at)
        response = self.client.post(reverse("monitoring:round_close", args=[self.round.pk]), follow=True)
        self.assertContains(response, "already closed")

    def test_it_forbids_reporters_the_coordinators_steps(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        for name in ("round_close", "round_publish", "round_freeze"):
            self.assertEqual(self.client.post(reverse(f"monitoring:{name}", args=[self.round.pk])).status_code, 403)
        self.round.refresh_from_db()
        self.assertTrue(self.round.is_open)
        self.assertFalse(Snapshot.objects.exists())


class SnapshotTests(RoundViewTestCase):
    def test_it_shows_the_round_as_frozen_whatever_changes_later(self) -> None:
        round = open_round(self.cast)
        report = round.reports.get(measure=self.cast.m1)
        report = report_update(
            report=report,
            user=self.cast.reporter_msp,
            version=report.version,
            changes=ReportChanges(narrative="Stanje ob zamrznitvi."),
        )
        self.client.force_login(self.cast.coordinator)
        response = self.client.post(reverse("monitoring:round_freeze", args=[round.pk]))
        snapshot = Snapshot.objects.get()
        self.assertRedirects(response, reverse("monitoring:snapshot", args=[snapshot.pk]))
        report_update(
            report=report,
            user=self.cast.reporter_msp,
            version=report.version,
            changes=ReportChanges(narrative="Kasnejša sprememba."),
        )
        response = self.client.get(reverse("monitoring:snapshot", args=[snapshot.pk]))
        self.assertContains(response, "Stanje ob zamrznitvi.")
        self.assertNotContains(response, "Kasnejša sprememba.")
        response = self.client.get(reverse("monitoring:round", args=[round.pk]))
        self.assertContains(response, reverse("monitoring:snapshot", args=[snapshot.pk]))

    def test_it_shows_snapshots_only_to_those_who_monitor_the_whole_plan(self) -> None:
        round = open_round(self.cast)
        self.client.force_login(self.cast.coordinator)
        self.client.post(reverse("monitoring:round_freeze", args=[round.pk]))
        url = reverse("monitoring:snapshot", args=[Snapshot.objects.get().pk])
        self.client.force_login(self.cast.viewer_plan)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.force_login(self.cast.reporter_msp)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.client.force_login(self.cast.outsider)
        self.assertEqual(self.client.get(url).status_code, 404)
