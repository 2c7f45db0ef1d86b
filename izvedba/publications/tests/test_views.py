from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from izvedba.accounts.models import User
from izvedba.demo.services import demo_load
from izvedba.jobs.models import Job
from izvedba.monitoring.models import Round
from izvedba.plans.models import Plan
from izvedba.publications.tests.helpers import docx_text


class GenerateViewsTests(TestCase):
    national: Plan
    regional: Plan
    round: Round
    reader: User
    coordinator: User

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)
        cls.national = Plan.objects.get(slug="nin-2025-2026")
        cls.regional = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")
        cls.round = Round.objects.get(plan=cls.national, label="2025")
        users = get_user_model().objects
        cls.reader = users.create_user(username="bralec", password="x")
        cls.coordinator = users.get(username="koordinator")

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"

    def test_it_offers_the_regional_summary_on_a_regional_plans_page(self) -> None:
        self.client.force_login(self.reader)
        page = self.client.get(reverse("plans:detail", args=[self.regional.pk])).content.decode()
        self.assertIn("Regional summary (DOCX)", page)
        self.assertIn("Regional summary (PDF)", page)
        national = self.client.get(reverse("plans:detail", args=[self.national.pk])).content.decode()
        self.assertNotIn("Regional summary (DOCX)", national)

    def test_it_queues_the_summary_and_sends_the_user_to_the_job_page_with_the_file(self) -> None:
        self.client.force_login(self.reader)
        response = self.client.post(
            reverse("publications:regional-summary", args=[self.regional.pk]), {"fmt": "docx", "language": "en"}
        )
        job = Job.objects.get(kind="document")
        self.assertRedirects(response, reverse("jobs:detail", args=[job.pk]), fetch_redirect_response=False)
        self.assertEqual(job.status, Job.Status.DONE, job.error)
        download = self.client.get(reverse("jobs:download", args=[job.pk]))
        self.assertIn("Hrpelje-Kozina", docx_text(b"".join(download.streaming_content)))  # type: ignore[attr-defined]

    def test_it_refuses_a_summary_of_the_national_plan_and_a_missing_format(self) -> None:
        self.client.force_login(self.reader)
        url = reverse("publications:regional-summary", args=[self.national.pk])
        response = self.client.post(url, {"fmt": "docx", "language": "en"}, follow=True)
        self.assertContains(response, "A regional summary is made of a regional plan only.")
        response = self.client.post(reverse("publications:regional-summary", args=[self.regional.pk]), {}, follow=True)
        self.assertContains(response, "Choose the format")
        self.assertFalse(Job.objects.exists())

    def test_it_lets_a_coordinator_generate_the_monitoring_report_from_the_round_page(self) -> None:
        self.client.force_login(self.coordinator)
        page = self.client.get(reverse("monitoring:round", args=[self.round.pk])).content.decode()
        self.assertIn("Monitoring report (PDF)", page)
        response = self.client.post(
            reverse("publications:monitoring-report", args=[self.round.pk]), {"fmt": "docx", "language": "en"}
        )
        job = Job.objects.get(kind="document")
        self.assertRedirects(response, reverse("jobs:detail", args=[job.pk]), fetch_redirect_response=False)
        self.assertEqual(job.status, Job.Status.DONE)
        self.assertFalse(job.params["published_only"])

    def test_it_lets_anyone_signed_in_generate_the_report_of_a_published_round_only(self) -> None:
        self.client.force_login(self.reader)
        url = reverse("publications:monitoring-report", args=[self.round.pk])
        response = self.client.post(url, {"fmt": "pdf", "language": "sl"})
        job = Job.objects.get(kind="document")
        self.assertRedirects(response, reverse("jobs:detail", args=[job.pk]), fetch_redirect_response=False)
        self.assertTrue(job.params["published_only"])
        unpublished = Round.objects.create(
            plan=self.national,
            label="2026",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 12, 31),
            due_date=dt.date(2027, 2, 26),
        )
        response = self.client.post(
            reverse("publications:monitoring-report", args=[unpublished.pk]), {"fmt": "pdf", "language": "sl"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(Job.objects.count(), 1)

    def test_it_asks_an_anonymous_visitor_to_sign_in(self) -> None:
        response = self.client.post(reverse("publications:regional-summary", args=[self.regional.pk]), {"fmt": "pdf"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("?next=", response["Location"])
        self.assertFalse(Job.objects.exists())
