from __future__ import annotations

from django.urls import URLPattern, path

from izvedba.organisations import views

app_name = "organisations"
urlpatterns: list[URLPattern] = [
    path("", views.organisations, name="list"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
]
