"""Generating the annual report document from its page: a background job, its progress page, and a DOCX that
python-docx opens with the same figures as the page."""

from __future__ import annotations

import io

import docx
from django.test import TestCase, override_settings
from django.urls import reverse

from izvedba.jobs.models import Job
from izvedba.providers.tests.views_cast import PASSWORD, ProvidersCast, make_providers_cast

SLUG = "csd-juzna-primorska"


class GenerateDocumentTests(TestCase):
    cast: ProvidersCast

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_providers_cast()

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.url = reverse("providers:generate", args=[SLUG, 2021])

    def log_in(self, name: str) -> None:
        self.assertTrue(self.client.login(username=name, password=PASSWORD))

    def test_it_makes_a_docx_in_a_job_whose_file_downloads_and_opens(self) -> None:
        self.log_in("reporter")
        response = self.client.post(self.url, {"fmt": "docx", "language": "sl"})
        job = Job.objects.get()
        self.assertRedirects(response, reverse("jobs:detail", args=[job.pk]))
        self.assertEqual(
            (job.kind, job.status, job.requested_by), ("annual-report", "done", self.cast.users["reporter"])
        )
        self.assertEqual(job.params, {"provider": self.cast.provider.pk, "year": 2021, "fmt": "docx", "language": "sl"})
        self.assertEqual(job.link, reverse("providers:report", args=[SLUG, 2021]))
        page = self.client.get(reverse("jobs:detail", args=[job.pk]))
        self.assertContains(page, "letno-porocilo-csd-juzna-primorska-2021.docx")
        download = self.client.get(reverse("jobs:download", args=[job.pk]))
        self.assertEqual(download.status_code, 200)
        self.assertIn("wordprocessingml", download["Content-Type"])
        document = docx.Document(io.BytesIO(b"".join(download.streaming_content)))  # type: ignore[attr-defined]
        cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
        self.assertIn("26.930", cells)  # the rights table's grand total, computed from the units
        self.assertGreater(len(document.tables), 25)
        report_page = self.client.get(reverse("providers:report", args=[SLUG, 2021]))
        self.assertContains(report_page, f'data-job="{job.pk}"')

    @override_settings(IZVEDBA_JOBS_BACKEND="worker")
    def test_it_queues_a_pdf_in_the_chosen_language(self) -> None:
        self.log_in("viewer_region")
        self.client.post(self.url, {"fmt": "pdf", "language": "en"})
        job = Job.objects.get()
        self.assertEqual((job.status, job.params["fmt"], job.params["language"]), ("queued", "pdf", "en"))
        page = self.client.get(reverse("jobs:detail", args=[job.pk]))
        self.assertContains(page, 'data-job-status="queued"')
        self.assertContains(page, "<progress")

    def test_it_refuses_an_unknown_format_and_queues_nothing(self) -> None:
        self.log_in("reporter")
        response = self.client.post(self.url, {"fmt": "odt", "language": "sl"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Select a valid choice", status_code=400)
        self.assertFalse(Job.objects.exists())

    def test_it_fails_the_job_with_a_clear_message_for_a_year_without_figures(self) -> None:
        self.log_in("reporter")
        self.client.post(reverse("providers:generate", args=[SLUG, 2019]), {"fmt": "docx", "language": "en"})
        job = Job.objects.get()
        self.assertEqual(job.status, "failed")
        self.assertIn("has no figures for 2019", job.error)

    def test_it_does_not_let_an_outsider_generate(self) -> None:
        self.log_in("outsider")
        self.assertEqual(self.client.post(self.url, {"fmt": "docx", "language": "sl"}).status_code, 404)
        self.assertFalse(Job.objects.exists())
