from __future__ import annotations

from django.contrib import admin
from django.test import RequestFactory, TestCase
from django.urls import reverse

from izvedba.accounts.models import User
from izvedba.documents.models import ImportRun, SourceDocument
from izvedba.documents.services import import_run_create, plan_import

from .support import NIN_TEXT, RIN_TEXT, reference_data_load


class DocumentsAdminTests(TestCase):
    ana: User

    @classmethod
    def setUpTestData(cls) -> None:
        reference_data_load()
        cls.ana = User.objects.create_superuser("ana", "ana@example.org", "geslo-za-test")
        plan_import(data=NIN_TEXT.read_bytes(), filename=NIN_TEXT.name, user=cls.ana)
        import_run_create(data=RIN_TEXT.read_bytes(), filename=RIN_TEXT.name, user=cls.ana)

    def setUp(self) -> None:
        self.client.force_login(self.ana)

    def test_it_lists_source_documents_with_their_plans(self) -> None:
        source = SourceDocument.objects.get()
        response = self.client.get(reverse("admin:documents_sourcedocument_changelist"))
        self.assertContains(response, "nin-2025-2026.txt")
        self.assertContains(response, source.sha256)
        self.assertContains(response, "NACIONALNI IZVEDBENI NAČRT")

    def test_it_lists_imports_with_their_measure_count(self) -> None:
        response = self.client.get(reverse("admin:documents_importrun_changelist"))
        self.assertContains(response, "rin-obalno-kraska-2014-2016.txt")
        self.assertContains(response, '<td class="field-measure_count">14</td>', html=True)

    def test_it_shows_a_source_document_read_only(self) -> None:
        source = SourceDocument.objects.get()
        response = self.client.get(reverse("admin:documents_sourcedocument_change", args=[source.pk]))
        self.assertContains(response, source.sha256)
        self.assertNotContains(response, 'name="sha256"')

    def test_it_allows_neither_adding_nor_changing(self) -> None:
        request = RequestFactory().get("/")
        request.user = self.ana
        for model in (SourceDocument, ImportRun):
            model_admin = admin.site.get_model_admin(model)
            row = model.objects.first()
            self.assertFalse(model_admin.has_add_permission(request))
            self.assertFalse(model_admin.has_change_permission(request, row))
        source_admin = admin.site.get_model_admin(SourceDocument)
        self.assertFalse(source_admin.has_delete_permission(request, SourceDocument.objects.first()))
