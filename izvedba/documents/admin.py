"""Source documents and imports are written by the importer; the admin shows them and deletes old imports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from izvedba.documents.models import ImportRun, SourceDocument

if TYPE_CHECKING:  # ModelAdmin is generic only in django-stubs.
    SourceDocumentAdminBase = admin.ModelAdmin[SourceDocument]
    ImportRunAdminBase = admin.ModelAdmin[ImportRun]
else:
    SourceDocumentAdminBase = ImportRunAdminBase = admin.ModelAdmin


class ReadOnly:
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(SourceDocument)
class SourceDocumentAdmin(ReadOnly, SourceDocumentAdminBase):
    list_display = ("original_name", "file_format", "size_display", "sha256", "uploaded_at", "plan_titles")
    list_filter = ("file_format",)
    search_fields = ("original_name", "sha256", "plans__title")
    date_hierarchy = "uploaded_at"

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # plans keep their source (PROTECT); the original is the evidence

    def get_queryset(self, request: HttpRequest) -> QuerySet[SourceDocument]:
        return super().get_queryset(request).prefetch_related("plans")

    @admin.display(description=_("size"), ordering="size")
    def size_display(self, obj: SourceDocument) -> str:
        return str(filesizeformat(obj.size))

    @admin.display(description=_("plans"))
    def plan_titles(self, obj: SourceDocument) -> str:
        return "; ".join(plan.title for plan in obj.plans.all()) or "–"


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnly, ImportRunAdminBase):
    list_display = ("original_name", "status", "created_by", "created_at", "measure_count", "plan")
    list_filter = ("status",)
    list_select_related = ("created_by", "plan")
    search_fields = ("original_name", "sha256")
    date_hierarchy = "created_at"

    @admin.display(description=_("measures"))
    def measure_count(self, obj: ImportRun) -> int:
        return len(obj.preview.get("measures", [])) if isinstance(obj.preview, dict) else 0
