"""Generating documents under /dokumenti/: each POST queues a background job and sends the user to its page."""

from __future__ import annotations

from django.urls import path

from izvedba.publications import views

app_name = "publications"
urlpatterns = [
    path("nacrt/<int:plan_id>/povzetek/", views.regional_summary_generate, name="regional-summary"),
    path("krog/<int:round_id>/porocilo/", views.monitoring_report_generate, name="monitoring-report"),
    path("opravilo/<int:job_id>/objavi/", views.document_publish_view, name="document-publish"),
    path("objavljeni/<int:document_id>/umik/", views.document_withdraw_view, name="document-withdraw"),
]
