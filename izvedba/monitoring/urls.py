"""Monitoring pages under /spremljanje/: dashboards, rounds and reports, XLSX round-trips."""

from __future__ import annotations

from izvedba.monitoring import urls_progress, urls_reports, urls_xlsx

app_name = "monitoring"
urlpatterns = [*urls_progress.urlpatterns, *urls_reports.urlpatterns, *urls_xlsx.urlpatterns]
