from __future__ import annotations

from django.urls import URLPattern, path

from izvedba.plans import views

app_name = "plans"
urlpatterns: list[URLPattern] = [
    path("", views.plans, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("ukrep/<int:pk>/", views.measure_detail, name="measure"),
]
