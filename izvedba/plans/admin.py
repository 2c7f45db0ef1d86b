"""Plans in the admin: for a data steward to correct what an import read wrongly, and to review funding
sources the registry did not know. Every change moves the content version on (cached pages refresh)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from izvedba.core.admin import ContentAdminMixin
from izvedba.plans.models import (
    Area,
    Deadline,
    FundingLine,
    FundingSource,
    Goal,
    Indicator,
    Measure,
    Plan,
    Resolution,
    Responsibility,
)
from izvedba.publications.council_admin import MeasureTextInline

if TYPE_CHECKING:  # the admin classes are generic only in django-stubs
    PlanAdminBase = admin.ModelAdmin[Plan]
    MeasureAdminBase = admin.ModelAdmin[Measure]
    SourceAdminBase = admin.ModelAdmin[FundingSource]
    ResolutionAdminBase = admin.ModelAdmin[Resolution]
    GoalAdminBase = admin.ModelAdmin[Goal]
    ResponsibilityInlineBase = admin.TabularInline[Responsibility, Measure]
    DeadlineInlineBase = admin.TabularInline[Deadline, Measure]
    IndicatorInlineBase = admin.TabularInline[Indicator, Measure]
    FundingLineInlineBase = admin.TabularInline[FundingLine, Measure]
    AreaInlineBase = admin.TabularInline[Area, Goal]
else:
    PlanAdminBase = MeasureAdminBase = SourceAdminBase = ResolutionAdminBase = GoalAdminBase = admin.ModelAdmin
    ResponsibilityInlineBase = DeadlineInlineBase = IndicatorInlineBase = admin.TabularInline
    FundingLineInlineBase = AreaInlineBase = admin.TabularInline


class ResponsibilityInline(ResponsibilityInlineBase):
    model = Responsibility
    extra = 0
    autocomplete_fields = ("organisation",)


class DeadlineInline(DeadlineInlineBase):
    model = Deadline
    extra = 0


class IndicatorInline(IndicatorInlineBase):
    model = Indicator
    extra = 0


class FundingLineInline(FundingLineInlineBase):
    model = FundingLine
    extra = 0


@admin.register(Plan)
class PlanAdmin(ContentAdminMixin, PlanAdminBase):
    list_display = ("title", "kind", "period_start", "period_end", "region", "coordinator")
    list_filter = ("kind", "region")
    search_fields = ("title", "slug", "document_number")
    readonly_fields = ("source_document", "warnings")
    autocomplete_fields = ("coordinator", "parent")
    exclude = ("municipalities", "centres")


@admin.register(Measure)
class MeasureAdmin(ContentAdminMixin, MeasureAdminBase):
    list_display = ("code", "sub_index", "title", "plan")
    list_filter = ("plan",)
    list_select_related = ("plan",)
    search_fields = ("code", "title", "search_text")
    readonly_fields = ("raw", "warnings", "search_text")
    exclude = ("parent",)
    inlines = (ResponsibilityInline, FundingLineInline, DeadlineInline, IndicatorInline, MeasureTextInline)


@admin.register(FundingSource)
class FundingSourceAdmin(ContentAdminMixin, SourceAdminBase):
    list_display = ("name", "slug", "needs_review")
    list_filter = ("needs_review",)
    search_fields = ("name",)


class AreaInline(AreaInlineBase):
    model = Area
    extra = 0


@admin.register(Resolution)
class ResolutionAdmin(ContentAdminMixin, ResolutionAdminBase):
    list_display = ("code", "title", "period_start", "period_end", "gazette")


@admin.register(Goal)
class GoalAdmin(ContentAdminMixin, GoalAdminBase):
    list_display = ("resolution", "number", "title")
    list_filter = ("resolution",)
    inlines = (AreaInline,)
