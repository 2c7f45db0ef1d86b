"""Providers' pages under /izvajalci/: the providers, one provider's structure, and its annual report per year
(tables, checks, narrative, document generation). Capture pages (XLSX templates, forms) add their routes here."""

from __future__ import annotations

from django.urls import path

from izvedba.providers import urls_capture
from izvedba.providers.views import pages, report

app_name = "providers"
urlpatterns = [
    path("", pages.provider_list, name="list"),
    path("<slug:slug>/", pages.provider_detail, name="detail"),
    path("<slug:slug>/<int:year>/", report.report_page, name="report"),
    path("<slug:slug>/<int:year>/besedilo/", report.narrative_edit, name="narrative"),
    path("<slug:slug>/<int:year>/dokument/", report.document_generate, name="generate"),
    # Capture (XLSX templates and form grids) per section: izvedba/providers/urls_capture.py.
    *urls_capture.urlpatterns,
]
