from __future__ import annotations

from django.urls import URLPattern, path

from izvedba.plans import views, views_edit
from izvedba.publications.council_acknowledgements import record_acknowledgement

app_name = "plans"
urlpatterns: list[URLPattern] = [
    path("", views.plans, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("ukrep/<int:pk>/", views.measure_detail, name="measure"),
    path("<int:pk>/uredi/", views_edit.edit_plan, name="edit_plan"),
    path("<int:pk>/obcinski-sveti/", record_acknowledgement, name="council_acknowledgement"),
    path("ukrep/<int:pk>/uredi/", views_edit.edit_measure, name="edit_measure"),
    path("kazalnik/<int:pk>/uredi/", views_edit.edit_indicator, name="edit_indicator"),
    path("rok/<int:pk>/uredi/", views_edit.edit_deadline, name="edit_deadline"),
]
