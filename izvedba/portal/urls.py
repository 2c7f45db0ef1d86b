from django.urls import include, path

from izvedba.portal import views
from izvedba.publications import views as publication_views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("resolucija/", views.resolution, name="resolution"),
    path("nacrti/", views.plan_list, name="plans"),
    path("nacrti/<slug:slug>/", views.plan_detail, name="plan"),
    path("nacrti/<slug:slug>/ukrepi/<int:pk>/", views.measure_detail, name="measure"),
    path("regije/", views.region_map, name="map"),
    path("podatki/", views.open_data, name="open-data"),
    path("podatki/<slug:key>.<str:fmt>", views.download, name="download"),
    path("dokumenti/<int:document_id>/", publication_views.published_document_download, name="document"),
    path("", include("izvedba.portal.urls_providers")),
]
