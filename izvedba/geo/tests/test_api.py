from __future__ import annotations

from typing import Any

from django.test import TestCase

from izvedba.demo.services import demo_load
from izvedba.geo.models import Municipality
from izvedba.plans.models import Plan


class ListRegionsTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)

    def get_json(self, url: str, status: int = 200) -> Any:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content[:500])
        return response.json()

    def test_it_lists_the_twelve_regions_in_code_order(self) -> None:
        data = self.get_json("/api/regions")
        self.assertEqual(data["count"], 12)
        self.assertEqual([r["code"] for r in data["results"]], [f"{n:02}" for n in range(1, 13)])
        self.assertEqual(
            set(data["results"][0]), {"code", "name", "name_en", "nuts3_code", "municipality_count", "plans"}
        )

    def test_it_counts_municipalities(self) -> None:
        regions = self.get_json("/api/regions")["results"]
        self.assertEqual(sum(r["municipality_count"] for r in regions), Municipality.objects.count())
        coastal = regions[-1]
        self.assertEqual(coastal["municipality_count"], Municipality.objects.filter(region__code="12").count())

    def test_it_lists_each_regions_plans(self) -> None:
        rin = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")
        coastal = self.get_json("/api/regions")["results"][-1]
        self.assertEqual((coastal["name"], coastal["nuts3_code"]), ("Obalno-kraška", "SI044"))
        self.assertEqual(coastal["plans"], [{"id": rin.pk, "slug": rin.slug, "title": rin.title}])

    def test_it_pages(self) -> None:
        data = self.get_json("/api/regions?limit=5&offset=10")
        self.assertEqual([r["code"] for r in data["results"]], ["11", "12"])
        self.assertIsNone(data["next"])
        self.assertEqual(data["previous"], "http://testserver/api/regions?limit=5&offset=5")

    def test_it_rejects_a_bad_offset(self) -> None:
        data = self.get_json("/api/regions?offset=x", status=422)
        self.assertEqual(data["detail"][0]["loc"], ["query", "offset"])
