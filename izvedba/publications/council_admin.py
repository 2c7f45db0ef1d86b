"""Admin: measure titles in other languages (an inline on the measure) and the councils' acknowledgements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from izvedba.core.admin import ContentAdminMixin
from izvedba.plans.models import Measure
from izvedba.publications.models import CouncilAcknowledgement, MeasureText

if TYPE_CHECKING:
    MeasureTextInlineBase = admin.TabularInline[MeasureText, Measure]
    AcknowledgementAdminBase = admin.ModelAdmin[CouncilAcknowledgement]
else:
    MeasureTextInlineBase = admin.TabularInline
    AcknowledgementAdminBase = admin.ModelAdmin


class MeasureTextInline(MeasureTextInlineBase):
    """The measure's title and purpose in English, Italian or Hungarian (documents in a language without them are
    refused)."""

    model = MeasureText
    extra = 0


@admin.register(CouncilAcknowledgement)
class CouncilAcknowledgementAdmin(ContentAdminMixin, AcknowledgementAdminBase):
    list_display = ("municipality", "plan", "date", "session", "recorded_by")
    list_filter = ("plan",)
    list_select_related = ("municipality", "plan", "recorded_by")
    raw_id_fields = ("plan", "municipality", "recorded_by")
