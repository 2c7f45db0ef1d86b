"""Providers' published reports on the public portal: included from izvedba/portal/urls.py under izvajalci/."""

from django.urls import path

from izvedba.portal import views_providers as views

urlpatterns = [
    path("izvajalci/", views.provider_list, name="providers"),
    path("izvajalci/<slug:slug>/<int:year>/", views.provider_report, name="provider-report"),
    path("izvajalci/<slug:slug>/<int:year>/tabele.<str:fmt>", views.provider_report_download, name="provider-download"),
    path("izvajalci/<slug:slug>/<int:year>/objava/", views.provider_report_publish, name="provider-publish"),
]
