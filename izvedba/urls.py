from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from izvedba.api import api
from izvedba.core import views as core_views
from izvedba.plans import views as plan_views
from izvedba.portal import views as portal_views

urlpatterns = [
    path("", plan_views.home, name="home"),
    path("nacrti/", include("izvedba.plans.urls")),
    path("organizacije/", include("izvedba.organisations.urls")),
    path("regije/", include("izvedba.geo.urls")),
    path("uvoz/", include("izvedba.documents.urls")),
    path("spremljanje/", include("izvedba.monitoring.urls")),
    path("izvajalci/", include("izvedba.providers.urls")),
    path("jobs/", include("izvedba.jobs.urls")),
    path("dokumenti/", include("izvedba.publications.urls")),
    path("javno/", include("izvedba.portal.urls")),
    path("data/catalog.jsonld", portal_views.catalogue, name="dcat-catalogue"),
    path("api/", api.urls),
    path("racun/", include("izvedba.accounts.urls")),
    path("jezik/<str:code>/", core_views.language, name="language"),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
