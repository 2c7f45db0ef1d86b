"""Admin pieces shared by apps: edits made in the admin move the content version on, like services do."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from izvedba.core.versioning import content_changed


class ContentAdminMixin:
    """For ModelAdmins of models that public pages show."""

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm[Any], change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        content_changed()

    def save_related(self, request: HttpRequest, form: ModelForm[Any], formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # type: ignore[misc]
        content_changed()

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        super().delete_model(request, obj)  # type: ignore[misc]
        content_changed()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)  # type: ignore[misc]
        content_changed()
