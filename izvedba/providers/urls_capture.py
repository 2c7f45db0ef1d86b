"""Capture routes (in the `providers` namespace, mounted by `izvedba/providers/urls.py` under /izvajalci/): a
provider's figures for a year, per section, in form grids or through the section's XLSX template."""

from __future__ import annotations

from django.urls import URLPattern, path

from izvedba.providers import views_capture

urlpatterns: list[URLPattern] = [
    path("<slug:slug>/<int:year>/vnos/", views_capture.capture_index, name="capture"),
    path("<slug:slug>/<int:year>/vnos/<slug:section>/", views_capture.capture_section, name="capture_section"),
    path("<slug:slug>/<int:year>/vnos/<slug:section>/predloga.xlsx", views_capture.xlsx_export, name="capture_xlsx"),
    path("<slug:slug>/<int:year>/vnos/<slug:section>/uvoz/", views_capture.xlsx_import, name="capture_upload"),
]
