"""Importing a plan from the web: upload, preview, save (or replace), discard; who may do it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse

from izvedba.accounts.models import User
from izvedba.documents.models import ImportRun
from izvedba.documents.services import import_run_create, plan_import
from izvedba.plans.models import Measure, Plan

from .support import NIN_TEXT, RIN_TEXT, make_importer, reference_data_load, stored_counts

UPLOAD = reverse("documents:upload")


def upload_file(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes())


class UploadTestCase(TestCase):
    ana: User  # administrator
    bojan: User  # may import plans
    cene: User  # logged in, may not import
    dora: User  # may import plans, not bojan's uploads

    @classmethod
    def setUpTestData(cls) -> None:
        reference_data_load()
        cls.ana = User.objects.create_superuser("ana", "ana@example.org", "geslo-za-test")
        cls.bojan = make_importer("bojan")
        cls.cene = User.objects.create_user("cene", "cene@example.org", "geslo-za-test")
        cls.dora = make_importer("dora")

    def setUp(self) -> None:
        # Pages in English, so the assertions below read the msgids whatever locale/sl translates.
        self.client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})

    def upload(self, path: Path) -> ImportRun:
        self.client.force_login(self.bojan)
        response = self.client.post(UPLOAD, {"file": upload_file(path)})
        run = ImportRun.objects.latest("pk")
        self.assertRedirects(response, reverse("documents:preview", args=[run.pk]))
        return run


class UploadFormTests(UploadTestCase):
    def test_it_requires_login(self) -> None:
        response = self.client.get(UPLOAD)
        self.assertRedirects(response, f"{reverse('login')}?next={UPLOAD}", fetch_redirect_response=False)

    def test_it_denies_users_without_the_import_permission(self) -> None:
        self.client.force_login(self.cene)
        self.assertEqual(self.client.get(UPLOAD).status_code, 403)
        response = self.client.post(UPLOAD, {"file": upload_file(NIN_TEXT)})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(ImportRun.objects.count(), 0)

    def test_it_shows_the_form(self) -> None:
        self.client.force_login(self.bojan)
        response = self.client.get(UPLOAD)
        self.assertContains(response, 'enctype="multipart/form-data"')
        self.assertContains(response, 'accept=".docx,.pdf,.txt"')
        self.assertContains(response, "data-busy-message=")
        self.assertContains(response, 'aria-live="polite" data-busy-status')
        self.assertContains(response, "js/upload.js")

    def test_it_asks_for_a_file(self) -> None:
        self.client.force_login(self.bojan)
        response = self.client.post(UPLOAD, {})
        self.assertContains(response, "error-summary")
        self.assertEqual(response.context["form"].errors["file"], ["Choose the plan's .docx, .pdf or .txt file."])

    def test_it_parses_the_upload_and_stores_only_the_import(self) -> None:
        run = self.upload(NIN_TEXT)
        self.assertEqual(run.status, ImportRun.Status.PREVIEW)
        self.assertEqual(run.created_by, self.bojan)
        self.assertEqual(run.original_name, NIN_TEXT.name)
        self.assertEqual(len(run.preview["measures"]), 38)
        self.assertEqual(stored_counts(), {"source documents": 0, "imports": 1, "plans": 0, "measures": 0})

    def test_it_lists_the_users_uploads_awaiting_review(self) -> None:
        run = self.upload(NIN_TEXT)
        response = self.client.get(UPLOAD)
        self.assertContains(response, reverse("documents:preview", args=[run.pk]))


class PreviewTests(UploadTestCase):
    def test_it_shows_the_national_plan(self) -> None:
        run = self.upload(NIN_TEXT)
        response = self.client.get(reverse("documents:preview", args=[run.pk]))
        self.assertContains(response, "NACIONALNI IZVEDBENI NAČRT NA PODROČJU SOCIALNEGA VARSTVA")
        self.assertContains(response, "2025–2026")
        self.assertContains(response, "National plan")
        self.assertContains(response, '<p class="card__value" data-count="measures">38</p>', html=True)
        self.assertContains(response, '<p class="card__value" data-count="sub-rows">5</p>', html=True)
        self.assertContains(response, '<p class="card__value" data-count="goals">3</p>', html=True)
        table = self.section(response.content.decode(), "data-measures")
        codes = re.findall(r'<th scope="row" class="nowrap">([^<]+)</th>', table)
        self.assertEqual(len(codes), 43)
        self.assertEqual(codes.count("1.1.1"), 1)
        self.assertEqual([c for c in codes if c.startswith("2.12/")], [f"2.12/{i}" for i in range(1, 6)])
        self.assertIn("Digitalizacija na področju pravic iz javnih sredstev", table)
        self.assertIn("MDDSZ", table)
        self.assertIn("31 Dec 2026", table)
        self.assertIn("2025–2026: 900,000 EUR", table)

    def test_it_lists_every_warning(self) -> None:
        run = self.upload(NIN_TEXT)
        response = self.client.get(reverse("documents:preview", args=[run.pk]))
        expected = [
            (m["code"], w)
            for m in run.preview["measures"]
            for w in [*m["warnings"], *(w for s in m["sub_rows"] for w in s["warnings"])]
        ]
        self.assertGreater(len(expected), 0)
        warnings = self.section(response.content.decode(), "data-warnings")
        self.assertEqual(warnings.count("<li>"), len(expected) + len(run.preview["warnings"]))
        self.assertIn("Measure 1.1.1", warnings)
        self.assertContains(response, f'data-count="warnings">{len(expected)}<')

    def test_it_shows_the_regional_plan(self) -> None:
        run = self.upload(RIN_TEXT)
        response = self.client.get(reverse("documents:preview", args=[run.pk]))
        self.assertContains(response, "Regional plan")
        self.assertContains(response, "2014–2016")
        self.assertContains(response, "Obalno-kraška")
        self.assertContains(response, "CSD Koper")
        self.assertContains(response, "7: Sežana, Hrpelje-Kozina, Divača, Komen")
        self.assertContains(response, '<p class="card__value" data-count="measures">14</p>', html=True)
        self.assertContains(response, "The document was read without warnings.")

    def test_it_offers_save_and_discard_as_posts_with_csrf(self) -> None:
        run = self.upload(NIN_TEXT)
        response = self.client.get(reverse("documents:preview", args=[run.pk]))
        for name in ("documents:apply", "documents:discard"):
            form = re.search(
                rf'<form method="post" action="{reverse(name, args=[run.pk])}"[^>]*>(.*?)</form>',
                response.content.decode(),
                re.S,
            )
            assert form is not None, name
            self.assertIn('name="csrfmiddlewaretoken"', form.group(1))
        self.assertContains(response, "Save plan")
        self.assertContains(response, "Discard")

    def test_it_says_when_the_file_was_already_imported(self) -> None:
        plan = plan_import(data=NIN_TEXT.read_bytes(), filename=NIN_TEXT.name).plan
        run = self.upload(NIN_TEXT)
        response = self.client.get(reverse("documents:preview", args=[run.pk]))
        self.assertContains(response, "Unchanged: this file has already been imported.")
        self.assertContains(response, f'href="{reverse("plans:detail", args=[plan.pk])}"')

    def test_it_hides_another_users_upload(self) -> None:
        run = self.upload(NIN_TEXT)
        self.client.force_login(self.dora)
        self.assertEqual(self.client.get(reverse("documents:preview", args=[run.pk])).status_code, 404)
        self.assertEqual(self.client.post(reverse("documents:apply", args=[run.pk])).status_code, 404)
        self.assertEqual(self.client.post(reverse("documents:discard", args=[run.pk])).status_code, 404)
        self.assertEqual(stored_counts()["plans"], 0)
        self.assertEqual(ImportRun.objects.get().status, ImportRun.Status.PREVIEW)

    def test_it_shows_any_upload_to_an_administrator(self) -> None:
        run = self.upload(NIN_TEXT)
        self.client.force_login(self.ana)
        self.assertEqual(self.client.get(reverse("documents:preview", args=[run.pk])).status_code, 200)

    def test_it_denies_a_user_who_lost_the_import_permission(self) -> None:
        run = import_run_create(data=NIN_TEXT.read_bytes(), filename=NIN_TEXT.name, user=self.cene)
        self.client.force_login(self.cene)
        for name in ("documents:preview", "documents:apply", "documents:discard"):
            method = self.client.get if name == "documents:preview" else self.client.post
            self.assertEqual(method(reverse(name, args=[run.pk])).status_code, 403, name)

    @staticmethod
    def section(html: str, marker: str) -> str:
        start = html.index(marker)
        return html[start : html.index("</table>" if "measures" in marker else "</ul>", start)]


class ApplyTests(UploadTestCase):
    def test_it_saves_the_plan_and_goes_to_its_page(self) -> None:
        run = self.upload(NIN_TEXT)
        response = self.client.post(reverse("documents:apply", args=[run.pk]))
        plan = Plan.objects.get()
        self.assertRedirects(response, reverse("plans:detail", args=[plan.pk]), fetch_redirect_response=False)
        self.assertEqual(Measure.objects.filter(plan=plan, parent__isnull=True).count(), 38)
        self.assertEqual(Measure.objects.filter(plan=plan, code="2.12", parent__isnull=False).count(), 5)
        run.refresh_from_db()
        self.assertEqual((run.status, run.plan), (ImportRun.Status.APPLIED, plan))
        self.assertEqual(plan.source_document.uploaded_by, self.bojan)  # type: ignore[union-attr]
        self.assertEqual(plan.source_document.original_name, NIN_TEXT.name)  # type: ignore[union-attr]

    def test_it_rejects_get(self) -> None:
        run = self.upload(NIN_TEXT)
        self.assertEqual(self.client.get(reverse("documents:apply", args=[run.pk])).status_code, 405)
        self.assertEqual(self.client.get(reverse("documents:discard", args=[run.pk])).status_code, 405)
        self.assertEqual(stored_counts()["plans"], 0)

    def test_it_requires_the_csrf_token(self) -> None:
        run = self.upload(NIN_TEXT)
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.bojan)
        self.assertEqual(client.post(reverse("documents:apply", args=[run.pk])).status_code, 403)
        self.assertEqual(stored_counts()["plans"], 0)

    def test_it_says_unchanged_for_a_file_already_imported(self) -> None:
        plan = plan_import(data=NIN_TEXT.read_bytes(), filename=NIN_TEXT.name).plan
        run = self.upload(NIN_TEXT)
        before = stored_counts()
        response = self.client.post(reverse("documents:apply", args=[run.pk]), follow=False)
        self.assertRedirects(response, reverse("plans:detail", args=[plan.pk]), fetch_redirect_response=False)
        self.assertEqual(stored_counts(), before)
        self.assertEqual(Plan.objects.get().pk, plan.pk)
        messages = [str(m) for m in response.wsgi_request._messages]  # type: ignore[attr-defined]
        self.assertEqual(len(messages), 1)
        self.assertTrue(messages[0].startswith("Unchanged:"), messages)

    def test_it_goes_to_the_plan_when_saved_twice(self) -> None:
        run = self.upload(NIN_TEXT)
        self.client.post(reverse("documents:apply", args=[run.pk]))
        before = stored_counts()
        response = self.client.post(reverse("documents:apply", args=[run.pk]))
        plan = Plan.objects.get()
        self.assertRedirects(response, reverse("plans:detail", args=[plan.pk]), fetch_redirect_response=False)
        self.assertEqual(stored_counts(), before)

    def test_it_does_not_save_a_discarded_upload(self) -> None:
        run = self.upload(NIN_TEXT)
        self.client.post(reverse("documents:discard", args=[run.pk]))
        response = self.client.post(reverse("documents:apply", args=[run.pk]))
        self.assertRedirects(response, UPLOAD)
        self.assertEqual(stored_counts()["plans"], 0)


@pytest.mark.slow
class ReplaceTests(UploadTestCase):
    fixtures_path: Path

    @pytest.fixture(autouse=True)
    def _fixtures(self, fixtures_dir: Path) -> None:
        self.fixtures_path = fixtures_dir

    def test_it_offers_to_replace_a_plan_from_another_file(self) -> None:
        old = plan_import(data=NIN_TEXT.read_bytes(), filename=NIN_TEXT.name).plan
        run = self.upload(self.fixtures_path / "nin-2025-2026.docx")
        before = stored_counts()
        response = self.client.post(reverse("documents:apply", args=[run.pk]))
        self.assertContains(response, "This plan already exists")
        self.assertContains(response, f'href="{reverse("plans:detail", args=[old.pk])}"')
        self.assertContains(response, '<input type="hidden" name="replace" value="1">', html=True)
        self.assertContains(response, "Replace the existing plan")
        self.assertNotContains(response, ">Save plan<")
        self.assertEqual(stored_counts(), before)
        self.assertEqual(Plan.objects.get().pk, old.pk)
        run.refresh_from_db()
        self.assertEqual(run.status, ImportRun.Status.PREVIEW)

        response = self.client.post(reverse("documents:apply", args=[run.pk]), {"replace": "1"})
        new = Plan.objects.get()
        self.assertNotEqual(new.pk, old.pk)
        self.assertRedirects(response, reverse("plans:detail", args=[new.pk]), fetch_redirect_response=False)
        self.assertEqual(new.source_document.original_name, "nin-2025-2026.docx")  # type: ignore[union-attr]
        self.assertEqual(Measure.objects.filter(plan=new, parent__isnull=True).count(), 38)


class DiscardTests(UploadTestCase):
    def test_it_discards_the_upload(self) -> None:
        run = self.upload(NIN_TEXT)
        stored_file = str(run.file.name)
        self.assertTrue(default_storage.exists(stored_file))
        response = self.client.post(reverse("documents:discard", args=[run.pk]))
        self.assertRedirects(response, UPLOAD)
        self.assertFalse(default_storage.exists(stored_file))
        run.refresh_from_db()
        self.assertEqual(run.status, ImportRun.Status.DISCARDED)
        self.assertEqual(stored_counts(), {"source documents": 0, "imports": 1, "plans": 0, "measures": 0})

    def test_it_shows_a_discarded_upload_without_buttons(self) -> None:
        run = self.upload(NIN_TEXT)
        self.client.post(reverse("documents:discard", args=[run.pk]))
        response = self.client.get(reverse("documents:preview", args=[run.pk]))
        self.assertContains(response, "This upload was discarded")
        self.assertNotContains(response, reverse("documents:apply", args=[run.pk]))
