"""Progress pages under /spremljanje/: a plan's dashboard and its CSV/JSON exports (names in `monitoring:`)."""

from __future__ import annotations

from django.urls import URLPattern, path

from izvedba.monitoring.views import progress

urlpatterns: list[URLPattern] = [
    path("nacrt/<int:plan_id>/", progress.plan_progress_page, name="plan_progress"),
    path("nacrt/<int:plan_id>/napredek.csv", progress.progress_csv, name="plan_progress_csv"),
    path("nacrt/<int:plan_id>/napredek.json", progress.progress_json, name="plan_progress_json"),
    path("nacrt/<int:plan_id>/ukrepi.csv", progress.measures_csv, name="plan_measures_csv"),
    path("nacrt/<int:plan_id>/ukrepi.json", progress.measures_json, name="plan_measures_json"),
]
