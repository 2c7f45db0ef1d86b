"""Providers in the admin: which plan indicators are fed from providers' reports (and how). Every change is
recorded in the history and moves the content version on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from izvedba.core.admin import ContentAdminMixin
from izvedba.providers.models import IndicatorFeed

if TYPE_CHECKING:  # the admin classes are generic only in django-stubs
    FeedAdminBase = admin.ModelAdmin[IndicatorFeed]
    FeedFormBase = forms.ModelForm[IndicatorFeed]
else:
    FeedAdminBase = admin.ModelAdmin
    FeedFormBase = forms.ModelForm


class IndicatorFeedForm(FeedFormBase):
    class Meta:
        model = IndicatorFeed
        fields = (
            "indicator",
            "source_indicator",
            "filters",
            "scope",
            "region",
            "providers",
            "aggregation",
            "description",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        listed = data.get("providers")
        if data.get("scope") == IndicatorFeed.Scope.LIST and not listed:
            self.add_error("providers", _("List the providers whose figures are added up."))
        if data.get("scope") != IndicatorFeed.Scope.LIST and listed:
            self.add_error("providers", _("Providers are listed only when the figure adds up the providers listed."))
        return data


@admin.register(IndicatorFeed)
class IndicatorFeedAdmin(ContentAdminMixin, FeedAdminBase):
    form = IndicatorFeedForm
    list_display = ("indicator", "source_indicator", "scope", "region", "description")
    list_filter = ("scope", "source_indicator")
    search_fields = ("indicator__text", "source_indicator__code", "source_indicator__label", "description")
    raw_id_fields = ("indicator",)
    filter_horizontal = ("providers",)
    list_select_related = ("indicator", "source_indicator", "region")
    fieldsets = (
        (None, {"fields": ("indicator", "description")}),
        (gettext_lazy("From which figure"), {"fields": ("source_indicator", "filters", "aggregation")}),
        (gettext_lazy("Of which providers"), {"fields": ("scope", "region", "providers")}),
    )
