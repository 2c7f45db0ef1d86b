from __future__ import annotations

from django.contrib import admin
from django.test import RequestFactory, TestCase
from django.urls import reverse

from izvedba.accounts.models import User
from izvedba.geo.models import Municipality, Region
from izvedba.geo.services import DATA_DIR, ReferenceLoadResult, municipalities_load, regions_load


class GeoAdminTests(TestCase):
    ana: User

    @classmethod
    def setUpTestData(cls) -> None:
        result = ReferenceLoadResult()
        municipalities_load(
            DATA_DIR / "municipalities.csv",
            regions_load(DATA_DIR / "statistical_regions.csv", result),
            result,
        )
        cls.ana = User.objects.create_superuser("ana", "ana@example.org", "x")

    def setUp(self) -> None:
        self.client.force_login(self.ana)

    def test_it_lists_regions(self) -> None:
        response = self.client.get(reverse("admin:geo_region_changelist"))
        self.assertContains(response, "Obalno-kraška")

    def test_it_searches_municipalities(self) -> None:
        response = self.client.get(reverse("admin:geo_municipality_changelist"), {"q": "Capodistria"})
        self.assertContains(response, "Koper/Capodistria")
        self.assertNotContains(response, "Ajdovščina")

    def test_it_does_not_allow_adding_or_deleting(self) -> None:
        request = RequestFactory().get("/")
        request.user = self.ana
        for model in (Region, Municipality):
            model_admin = admin.site.get_model_admin(model)
            self.assertFalse(model_admin.has_add_permission(request))
            self.assertFalse(model_admin.has_delete_permission(request, model.objects.first()))

    def test_it_shows_the_code_read_only(self) -> None:
        koper = Municipality.objects.get(code="050")
        response = self.client.get(reverse("admin:geo_municipality_change", args=[koper.pk]))
        self.assertContains(response, "050")
        self.assertNotContains(response, 'name="code"')
