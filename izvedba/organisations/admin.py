from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import InlineModelAdmin
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from izvedba.core.admin import ContentAdminMixin
from izvedba.core.versioning import content_changed
from izvedba.organisations.models import CentreUnit, Organisation, OrganisationAlias
from izvedba.organisations.services import merge_refusal, organisation_merge

if TYPE_CHECKING:  # Django's admin and form classes are generic only in django-stubs.
    AliasInlineBase = admin.TabularInline[OrganisationAlias, Organisation]
    UnitInlineBase = admin.TabularInline[CentreUnit, Organisation]
    OrganisationFormBase = forms.ModelForm[Organisation]
    OrganisationAdminBase = admin.ModelAdmin[Organisation]
else:
    AliasInlineBase = UnitInlineBase = admin.TabularInline
    OrganisationFormBase = forms.ModelForm
    OrganisationAdminBase = admin.ModelAdmin


class OrganisationAliasInline(AliasInlineBase):
    """Written forms of the organisation; `OrganisationAlias.clean()` sets the comparison key."""

    model = OrganisationAlias
    fields = ("alias", "key")
    readonly_fields = ("key",)
    extra = 1


class CentreUnitInline(UnitInlineBase):
    model = CentreUnit
    fk_name = "centre"
    fields = ("name", "administrative_unit")
    readonly_fields = ("name", "administrative_unit")
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Organisation | None = None) -> bool:
        return False


class OrganisationForm(OrganisationFormBase):
    class Meta:
        model = Organisation
        fields = "__all__"

    def clean_merge_into(self) -> Organisation | None:
        target: Organisation | None = self.cleaned_data.get("merge_into")
        refusal = merge_refusal(source=self.instance, target=target) if target else None
        if refusal is not None:
            raise forms.ValidationError(refusal)
        return target


@admin.register(Organisation)
class OrganisationAdmin(ContentAdminMixin, OrganisationAdminBase):
    form = OrganisationForm
    list_display = ("name", "acronym", "kind", "seat", "needs_review")
    list_filter = ("kind", "needs_review")
    search_fields = ("name", "acronym", "aliases__alias")
    autocomplete_fields = ("municipality", "merge_into")
    prepopulated_fields = {"slug": ("name",)}
    actions = ("confirm_known",)

    def get_inlines(self, request: HttpRequest, obj: Organisation | None) -> list[type[InlineModelAdmin[Any, Any]]]:
        if obj is not None and obj.kind == Organisation.Kind.CSD:
            return [OrganisationAliasInline, CentreUnitInline]
        return [OrganisationAliasInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Organisation | None = None) -> tuple[str, ...]:
        # A new organisation has nothing to merge yet.
        return ("merge_into",) if obj is None else ()

    @admin.action(description=_("Confirm as a known organisation"))
    def confirm_known(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        count = queryset.update(needs_review=False)
        content_changed()
        message = ngettext("%(count)d organisation confirmed.", "%(count)d organisations confirmed.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def save_related(
        self,
        request: HttpRequest,
        form: forms.ModelForm[Organisation],
        formsets: list[BaseInlineFormSet[Any, Any, Any]],
        change: bool,
    ) -> None:
        # The merge runs after the inlines are saved (save_model would leave them pointing at a deleted row),
        # so aliases typed in the same save move to the target too.
        super().save_related(request, form, formsets, change)
        source = form.instance
        if change and source.merge_into is not None:
            organisation_merge(source=source, target=source.merge_into)

    def log_change(self, request: HttpRequest, obj: Organisation, message: Any) -> LogEntry:
        if obj.pk is None and obj.merge_into is not None:  # merged away: record it on the target
            note = gettext("Merged “%(source)s” into this organisation.") % {"source": obj.name}
            return super().log_change(request, obj.merge_into, note)
        return super().log_change(request, obj, message)

    def response_change(self, request: HttpRequest, obj: Organisation) -> HttpResponse:
        target = obj.merge_into
        if obj.pk is not None or target is None:
            return super().response_change(request, obj)
        message = gettext("“%(source)s” was merged into “%(target)s”.") % {
            "source": obj.name,
            "target": target,
        }
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:organisations_organisation_change", args=[target.pk]))
