"""Monitoring in the admin: to look things up, not to change them. Rounds and reports change only through the
workflow (pages, API, izvedba.monitoring.services), which checks state, keeps versions and records history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from izvedba.monitoring.models import (
    Contribution,
    Evidence,
    IndicatorValue,
    Reminder,
    Report,
    Round,
    Snapshot,
    Spending,
)

if TYPE_CHECKING:  # the admin classes are generic only in django-stubs
    RoundAdminBase = admin.ModelAdmin[Round]
    ReportAdminBase = admin.ModelAdmin[Report]
    SnapshotAdminBase = admin.ModelAdmin[Snapshot]
    EvidenceAdminBase = admin.ModelAdmin[Evidence]
    ContributionAdminBase = admin.ModelAdmin[Contribution]
    ReminderAdminBase = admin.ModelAdmin[Reminder]
    ValueInlineBase = admin.TabularInline[IndicatorValue, Report]
    SpendingInlineBase = admin.TabularInline[Spending, Report]
else:
    RoundAdminBase = ReportAdminBase = SnapshotAdminBase = EvidenceAdminBase = admin.ModelAdmin
    ContributionAdminBase = ReminderAdminBase = admin.ModelAdmin
    ValueInlineBase = SpendingInlineBase = admin.TabularInline


class ReadOnly:
    """Viewing only: no adding, changing or deleting through the admin."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class IndicatorValueInline(ReadOnly, ValueInlineBase):
    model = IndicatorValue
    extra = 0


class SpendingInline(ReadOnly, SpendingInlineBase):
    model = Spending
    extra = 0


@admin.register(Round)
class RoundAdmin(ReadOnly, RoundAdminBase):
    list_display = ("label", "plan", "period_start", "period_end", "due_date", "status", "published_at")
    list_filter = ("status", "plan__kind")
    search_fields = ("label", "plan__title")
    list_select_related = ("plan",)


@admin.register(Report)
class ReportAdmin(ReadOnly, ReportAdminBase):
    list_display = ("__str__", "round", "status", "implementation_status", "version", "updated_at")
    list_filter = ("status", "implementation_status", "round__plan")
    search_fields = ("measure__code", "measure__title", "round__label")
    list_select_related = ("measure", "round__plan")
    inlines = (IndicatorValueInline, SpendingInline)


@admin.register(Snapshot)
class SnapshotAdmin(ReadOnly, SnapshotAdminBase):
    list_display = ("round", "created_at", "created_by")
    list_select_related = ("round__plan", "created_by")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnly, EvidenceAdminBase):
    list_display = ("original_name", "report", "size", "uploaded_by", "uploaded_at")
    list_select_related = ("report__measure", "report__round", "uploaded_by")
    search_fields = ("original_name",)


@admin.register(Contribution)
class ContributionAdmin(ReadOnly, ContributionAdminBase):
    list_display = ("organisation", "report", "author", "created_at")
    list_select_related = ("organisation", "report__measure", "report__round", "author")


@admin.register(Reminder)
class ReminderAdmin(ReadOnly, ReminderAdminBase):
    list_display = ("report", "kind", "sent_on", "recipients")
    list_filter = ("kind",)
    list_select_related = ("report__measure", "report__round")
