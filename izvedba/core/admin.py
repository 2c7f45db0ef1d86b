"""Admin pieces shared by apps: edits made in the admin move the content version on and are recorded in the
history, like the services' edits."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from izvedba.core.versioning import content_changed
from izvedba.history.models import Change
from izvedba.history.services import change_record, diff, field_values


def _concrete_changed(obj: Model, form: ModelForm[Any]) -> list[str]:
    """The changed form fields that are plain columns of `obj` (many-to-many fields are left to the inlines)."""
    columns = {field.name for field in obj._meta.concrete_fields}
    return [name for name in form.changed_data if name in columns]


class ContentAdminMixin:
    """For ModelAdmins of models that public pages show."""

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm[Any], change: bool) -> None:
        fields = _concrete_changed(obj, form)
        before: dict[str, Any] = {}
        if change and fields:
            stored = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = field_values(stored, fields) if stored is not None else {}
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        if change:
            change_record(
                obj=obj, user=request.user, action=Change.Action.UPDATE, changes=diff(before, field_values(obj, fields))
            )
        else:
            change_record(obj=obj, user=request.user, action=Change.Action.CREATE, comment="admin")
        content_changed()

    def save_related(self, request: HttpRequest, form: ModelForm[Any], formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # type: ignore[misc]
        content_changed()

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        change_record(obj=obj, user=request.user, action=Change.Action.DELETE, comment="admin")
        super().delete_model(request, obj)  # type: ignore[misc]
        content_changed()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            change_record(obj=obj, user=request.user, action=Change.Action.DELETE, comment="admin")
        super().delete_queryset(request, queryset)  # type: ignore[misc]
        content_changed()
