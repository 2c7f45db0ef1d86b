"""Background jobs under /jobs/: a job's page, its status as JSON, its file."""

from __future__ import annotations

from django.urls import path

from izvedba.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<int:job_id>/", views.job_detail, name="detail"),
    path("<int:job_id>/status.json", views.job_status, name="status"),
    path("<int:job_id>/download", views.job_download, name="download"),
]
