"""Background jobs in the admin: to look up what ran, when and why it failed (the traceback is in the log), and to
queue a failed job again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from izvedba.jobs import backends
from izvedba.jobs.models import Job

if TYPE_CHECKING:  # the admin classes are generic only in django-stubs
    JobAdminBase = admin.ModelAdmin[Job]
else:
    JobAdminBase = admin.ModelAdmin


@admin.register(Job)
class JobAdmin(JobAdminBase):
    list_display = ("pk", "kind", "title", "status", "requested_by", "created_at", "finished_at", "attempts")
    list_filter = ("status", "kind")
    search_fields = ("title", "requested_by__username")
    date_hierarchy = "created_at"
    actions = ("queue_again",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Job._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Queue the selected failed jobs again"))
    def queue_again(self, request: HttpRequest, queryset: QuerySet[Job]) -> None:
        count = queryset.filter(status=Job.Status.FAILED).update(
            status=Job.Status.QUEUED, error="", started_at=None, heartbeat_at=None, finished_at=None, attempts=0
        )
        if count:
            backends.ensure_running()
        message = ngettext("%(count)d job queued again.", "%(count)d jobs queued again.", count) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)
