from __future__ import annotations

from django.urls import URLPattern, path

from izvedba.geo import views

app_name = "geo"
urlpatterns: list[URLPattern] = [
    path("", views.regions, name="region-list"),
    path("<str:code>/", views.region_detail, name="region-detail"),
]
