from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from izvedba.accounts import access
from izvedba.accounts.models import RoleAssignment, User
from izvedba.demo.services import demo_load
from izvedba.history.models import Change
from izvedba.jobs.models import Job
from izvedba.monitoring.models import Round
from izvedba.plans.models import Plan
from izvedba.publications.models import PublishedDocument
from izvedba.publications.publishing import PublishError, document_publish


class PublishingTests(TestCase):
    national: Plan
    regional: Plan
    reader: User
    coordinator: User

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)
        cls.national = Plan.objects.get(slug="nin-2025-2026")
        cls.regional = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")
        users = get_user_model().objects
        cls.reader = users.create_user(username="bralec", password="x")
        cls.coordinator = users.create_user(username="regija", password="x")
        RoleAssignment.objects.create(user=cls.coordinator, role=RoleAssignment.Role.COORDINATOR, plan=cls.regional)
        RoleAssignment.objects.create(user=cls.coordinator, role=RoleAssignment.Role.COORDINATOR, plan=cls.national)

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"

    def _summary_job(self, user: User) -> Job:
        self.client.force_login(user)
        self.client.post(
            reverse("publications:regional-summary", args=[self.regional.pk]), {"fmt": "docx", "language": "en"}
        )
        job = Job.objects.filter(kind="document", requested_by=user).latest("pk")
        self.assertEqual(job.status, Job.Status.DONE, job.error)
        return job

    def test_a_coordinator_publishes_a_summary_that_anyone_downloads_with_the_same_bytes(self) -> None:
        self.assertTrue(access.can_coordinate(self.coordinator, self.regional))
        job = self._summary_job(self.coordinator)
        page = self.client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
        self.assertIn("Publish on the public portal", page)
        response = self.client.post(reverse("publications:document-publish", args=[job.pk]))
        document = PublishedDocument.objects.get()
        self.assertRedirects(
            response,
            reverse("portal:plan", args=[self.regional.slug]) + "#documents-title",
            fetch_redirect_response=False,
        )
        self.assertEqual((document.plan, document.kind, document.language), (self.regional, "regional-summary", "en"))
        self.assertEqual(document.published_by, self.coordinator)
        self.assertTrue(Change.objects.filter(object_id=document.pk, action=Change.Action.CREATE).exists())
        with job.result.open("rb") as source:
            original = source.read()
        self.assertEqual(document.size, len(original))

        self.client.logout()
        self.client.cookies["django_language"] = "en"
        page = self.client.get(reverse("portal:plan", args=[self.regional.slug])).content.decode()
        url = reverse("portal:document", args=[document.pk])
        self.assertEqual(url, f"/javno/dokumenti/{document.pk}/")
        self.assertIn(url, page)
        self.assertIn("Regional plan summary", page)
        self.assertIn("DOCX", page)
        download = self.client.get(url)
        self.assertEqual(download.status_code, 200)
        self.assertIn("attachment", download["Content-Disposition"])
        self.assertIn(document.filename, download["Content-Disposition"])
        self.assertEqual(b"".join(download.streaming_content), original)  # type: ignore[attr-defined]

    def test_a_reader_who_does_not_coordinate_the_plan_gets_403_and_nothing_is_stored(self) -> None:
        job = self._summary_job(self.reader)
        page = self.client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
        self.assertNotIn("Publish on the public portal", page)
        response = self.client.post(reverse("publications:document-publish", args=[job.pk]))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(PublishedDocument.objects.exists())

    def test_the_report_of_an_unpublished_round_is_refused(self) -> None:
        unpublished = Round.objects.create(
            plan=self.national,
            label="2026",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 12, 31),
            due_date=dt.date(2027, 2, 26),
        )
        job = Job.objects.create(
            kind="document",
            status=Job.Status.DONE,
            params={"kind": "monitoring-report", "plan": self.national.pk, "round": unpublished.pk, "fmt": "pdf"},
            filename="monitoring-report.pdf",
            content_type="application/pdf",
            requested_by=self.coordinator,
        )
        job.result.save("monitoring-report.pdf", ContentFile(b"%PDF-1.7 unpublished figures"))
        with translation.override("en"), self.assertRaisesMessage(PublishError, "unpublished round"):
            document_publish(job=job, user=self.coordinator)
        self.client.force_login(self.coordinator)
        response = self.client.post(reverse("publications:document-publish", args=[job.pk]), follow=True)
        self.assertContains(response, "publish the round first")
        self.assertFalse(PublishedDocument.objects.exists())

    def test_withdrawing_takes_the_document_off_the_portal(self) -> None:
        job = self._summary_job(self.coordinator)
        document = document_publish(job=job, user=self.coordinator)
        response = self.client.post(reverse("publications:document-withdraw", args=[document.pk]))
        self.assertEqual(response.status_code, 302)
        document.refresh_from_db()
        self.assertIsNotNone(document.withdrawn_at)
        self.client.logout()
        self.client.cookies["django_language"] = "en"
        self.assertEqual(self.client.get(reverse("portal:document", args=[document.pk])).status_code, 404)
        self.assertEqual(self.client.get(reverse("portal:document", args=[document.pk + 100])).status_code, 404)
        page = self.client.get(reverse("portal:plan", args=[self.regional.slug])).content.decode()
        self.assertNotIn(reverse("portal:document", args=[document.pk]), page)
