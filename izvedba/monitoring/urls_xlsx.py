"""A round's XLSX export and import (names in the `monitoring` namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from izvedba.monitoring.views import xlsx

urlpatterns: list[URLPattern] = [
    path("krog/<int:round_id>/izvoz.xlsx", xlsx.export_view, name="round_xlsx_export"),
    path("krog/<int:round_id>/uvoz/", xlsx.import_view, name="round_xlsx_import"),
]
