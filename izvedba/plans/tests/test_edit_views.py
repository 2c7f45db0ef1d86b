"""A coordinator edits a plan, a measure, an indicator's progress settings and a deadline; each edit is recorded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.test import TestCase
from django.urls import reverse

from izvedba.core.versioning import content_version
from izvedba.history.models import Change
from izvedba.monitoring.tests.cast import Cast, make_cast, open_round
from izvedba.plans.models import Deadline, Indicator, Measure, Plan


class EditTestCase(TestCase):
    cast: Cast
    deadline: Deadline

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.deadline = Deadline.objects.create(measure=cls.cast.m1, due_on=dt.date(2026, 12, 31), label="prvi del")

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.client.force_login(self.cast.coordinator)

    def plan(self) -> Plan:
        return Plan.objects.get(pk=self.cast.plan.pk)

    def indicator_data(self, **overrides: Any) -> dict[str, Any]:
        data = {
            "target": "4.320",
            "unit": "oseb",
            "baseline_year": "2022",
            "baseline_value": "3.900",
            "direction": "increase",
            "cumulative": "on",
            "target_year": "2027",
        }
        return {**data, **overrides}


class AccessTests(EditTestCase):
    def test_it_sends_visitors_to_the_login_page(self) -> None:
        self.client.logout()
        response = self.client.get(reverse("plans:edit_plan", args=[self.cast.plan.pk]))
        self.assertEqual(response.status_code, 302)

    def test_it_forbids_anyone_but_the_plans_coordinator(self) -> None:
        urls = [
            reverse("plans:edit_plan", args=[self.cast.plan.pk]),
            reverse("plans:edit_measure", args=[self.cast.m1.pk]),
            reverse("plans:edit_indicator", args=[self.cast.ind_num.pk]),
            reverse("plans:edit_deadline", args=[self.deadline.pk]),
        ]
        for user in (self.cast.reporter_msp, self.cast.viewer_plan, self.cast.outsider):
            self.client.force_login(user)
            for url in urls:
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, 403)
                    self.assertEqual(self.client.post(url, {"title": "X"}).status_code, 403)
        self.assertEqual(self.plan().title, self.cast.plan.title)

    def test_it_forbids_the_coordinator_of_another_plan(self) -> None:
        url = reverse("plans:edit_measure", args=[self.cast.other_measure.pk])
        self.assertEqual(self.client.get(url).status_code, 403)

    def test_it_shows_edit_links_to_the_coordinator_only(self) -> None:
        plan_url = reverse("plans:detail", args=[self.cast.plan.pk])
        measure_url = reverse("plans:measure", args=[self.cast.m1.pk])
        self.assertContains(self.client.get(plan_url), reverse("plans:edit_plan", args=[self.cast.plan.pk]))
        response = self.client.get(measure_url)
        self.assertContains(response, reverse("plans:edit_measure", args=[self.cast.m1.pk]))
        self.assertContains(response, reverse("plans:edit_indicator", args=[self.cast.ind_num.pk]))
        self.assertContains(response, reverse("plans:edit_deadline", args=[self.deadline.pk]))
        self.client.force_login(self.cast.reporter_msp)
        self.assertNotContains(self.client.get(plan_url), "data-coordinator-links")
        self.assertNotContains(self.client.get(measure_url), "data-measure-settings")


class PlanEditTests(EditTestCase):
    def test_it_saves_the_plan_and_records_old_and_new(self) -> None:
        version = content_version()
        url = reverse("plans:edit_plan", args=[self.cast.plan.pk])
        data = {"title": "Nov naslov načrta", "confirmed_on": "15. 3. 2025", "coordinator_appointed_by": "MSP"}
        response = self.client.post(url, data, follow=True)
        self.assertRedirects(response, reverse("plans:detail", args=[self.cast.plan.pk]))
        self.assertContains(response, "Changes saved")
        plan = self.plan()
        self.assertEqual(
            (plan.title, plan.confirmed_on, plan.coordinator_appointed_by),
            ("Nov naslov načrta", dt.date(2025, 3, 15), "MSP"),
        )
        change = Change.objects.for_object(plan).get()
        self.assertEqual(change.user, self.cast.coordinator)
        self.assertEqual(change.changes["title"], {"old": self.cast.plan.title, "new": "Nov naslov načrta"})
        self.assertEqual(change.changes["confirmed_on"], {"old": None, "new": "2025-03-15"})
        self.assertGreater(content_version(), version)
        self.assertContains(response, "data-history")
        self.assertContains(response, "Coordinator appointed by")  # the field's name, not its code

    def test_it_records_nothing_when_nothing_changed(self) -> None:
        plan = self.plan()
        url = reverse("plans:edit_plan", args=[plan.pk])
        self.client.post(url, {"title": plan.title, "confirmed_on": "", "coordinator_appointed_by": ""})
        self.assertFalse(Change.objects.for_object(plan).exists())

    def test_it_refuses_an_empty_title_and_a_bad_date(self) -> None:
        url = reverse("plans:edit_plan", args=[self.cast.plan.pk])
        response = self.client.post(url, {"title": " ", "confirmed_on": "marca 2025"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("title", response.context["form"].errors)
        self.assertContains(response, "is not a date")
        self.assertEqual(self.plan().title, self.cast.plan.title)

    def test_it_shows_the_history_to_visitors_without_names(self) -> None:
        self.client.post(reverse("plans:edit_plan", args=[self.cast.plan.pk]), {"title": "Nov naslov"})
        self.client.logout()
        response = self.client.get(reverse("plans:detail", args=[self.cast.plan.pk]))
        self.assertContains(response, "data-history")
        self.assertNotContains(response, ">coordinator<")


class MeasureEditTests(EditTestCase):
    def test_it_saves_title_and_purpose_and_refreshes_the_search(self) -> None:
        url = reverse("plans:edit_measure", args=[self.cast.m1.pk])
        response = self.client.post(url, {"title": "Mobilni timi", "purpose": "Pomoč na domu."}, follow=True)
        self.assertRedirects(response, reverse("plans:measure", args=[self.cast.m1.pk]))
        measure = Measure.objects.get(pk=self.cast.m1.pk)
        self.assertEqual((measure.title, measure.purpose), ("Mobilni timi", "Pomoč na domu."))
        self.assertIn("mobilni timi", measure.search_text)
        self.assertIn("pomoc na domu", measure.search_text)
        self.assertEqual(set(Change.objects.for_object(measure).get().changes), {"title", "purpose"})

    def test_it_refuses_an_empty_title(self) -> None:
        url = reverse("plans:edit_measure", args=[self.cast.m1.pk])
        self.assertContains(self.client.post(url, {"title": "", "purpose": "x"}), "field--error")
        self.assertEqual(Measure.objects.get(pk=self.cast.m1.pk).purpose, "")


class IndicatorEditTests(EditTestCase):
    def url(self, indicator: Indicator | None = None) -> str:
        return reverse("plans:edit_indicator", args=[(indicator or self.cast.ind_num).pk])

    def test_it_saves_the_progress_settings(self) -> None:
        response = self.client.post(self.url(), self.indicator_data(), follow=True)
        self.assertRedirects(response, reverse("plans:measure", args=[self.cast.m1.pk]))
        indicator = Indicator.objects.get(pk=self.cast.ind_num.pk)
        self.assertEqual(indicator.target, Decimal(4320))
        self.assertEqual(indicator.baseline_value, Decimal(3900))
        self.assertEqual((indicator.baseline_year, indicator.target_year, indicator.cumulative), (2022, 2027, True))
        change = Change.objects.for_object(indicator).get()
        self.assertEqual(change.changes["target"], {"old": "100", "new": "4320"})
        self.assertContains(response, "Target value")  # recorded on the indicator, shown on the measure's page
        self.assertContains(response, "4,320")

    def test_it_refuses_a_target_year_outside_the_plan(self) -> None:
        response = self.client.post(self.url(), self.indicator_data(target_year="2031"))
        self.assertIn("target_year", response.context["form"].errors)
        self.assertContains(response, "within the plan&#x27;s period (2025–2028)")
        self.assertEqual(Indicator.objects.get(pk=self.cast.ind_num.pk).target, Decimal(100))

    def test_it_refuses_n_a_as_a_target(self) -> None:
        response = self.client.post(self.url(), self.indicator_data(target="N/A"))
        self.assertContains(response, "“N/A” is not a number")
        self.assertFalse(Change.objects.exists())

    def test_it_needs_a_target_for_a_cumulative_indicator(self) -> None:
        data = self.indicator_data(target="", baseline_value="")
        response = self.client.post(self.url(self.cast.ind_text), data)
        self.assertIn("cumulative", response.context["form"].errors)
        self.assertFalse(Indicator.objects.get(pk=self.cast.ind_text.pk).cumulative)


class DeadlineEditTests(EditTestCase):
    def test_it_moves_a_deadline(self) -> None:
        url = reverse("plans:edit_deadline", args=[self.deadline.pk])
        self.client.post(url, {"due_on": "2027-06-30", "label": "drugi del"})
        self.deadline.refresh_from_db()
        self.assertEqual((self.deadline.due_on, self.deadline.label), (dt.date(2027, 6, 30), "drugi del"))
        change = Change.objects.for_object(self.deadline).get()
        self.assertEqual(change.changes["due_on"], {"old": "2026-12-31", "new": "2027-06-30"})

    def test_it_refuses_a_year_far_from_the_plan(self) -> None:
        url = reverse("plans:edit_deadline", args=[self.deadline.pk])
        response = self.client.post(url, {"due_on": "31. 12. 2206", "label": ""})
        self.assertIn("due_on", response.context["form"].errors)
        self.deadline.refresh_from_db()
        self.assertEqual(self.deadline.due_on, dt.date(2026, 12, 31))


class MeasureReportsTests(EditTestCase):
    def test_it_lists_the_measures_reports_the_user_may_see(self) -> None:
        round = open_round(self.cast)
        url = reverse("plans:measure", args=[self.cast.m1.pk])
        report = round.reports.get(measure=self.cast.m1)
        self.client.force_login(self.cast.reporter_msp)
        response = self.client.get(url)
        self.assertContains(response, "data-measure-reports")
        self.assertContains(response, reverse("monitoring:report", args=[report.pk]))
        self.client.force_login(self.cast.reporter_other)
        self.assertNotContains(self.client.get(url), "data-measure-reports")
        self.client.logout()
        self.assertNotContains(self.client.get(url), "data-measure-reports")
