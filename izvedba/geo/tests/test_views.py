from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from izvedba.demo.services import demo_load
from izvedba.plans.models import Plan


class RegionViewTests(TestCase):
    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"  # the assertions read English labels

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)

    def test_it_lists_the_twelve_regions_with_counts_and_a_map(self) -> None:
        response = self.client.get(reverse("geo:region-list"))
        regions = list(response.context["regions"])
        self.assertEqual(len(regions), 12)
        coastal = next(r for r in regions if r.code == "12")
        self.assertEqual((coastal.municipality_count, coastal.plan_count), (8, 1))
        self.assertContains(response, '<figure class="map">')
        self.assertContains(response, "<svg", count=1)
        self.assertContains(response, f'<a href="{reverse("geo:region-detail", args=["01"])}">')
        self.assertContains(response, "Surveying and Mapping Authority", count=2)  # figcaption and footer

    def test_it_shows_a_region(self) -> None:
        response = self.client.get(reverse("geo:region-detail", args=["12"]))
        self.assertContains(response, "Obalno-kraška")
        self.assertContains(response, 'class="region region--highlight"', count=1)
        self.assertContains(response, '<span lang="it">Capodistria</span>')
        self.assertContains(response, "Center za socialno delo Južna Primorska")
        self.assertContains(response, "Enota Sežana")
        rin = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")
        self.assertContains(response, reverse("plans:detail", args=[rin.pk]))
        self.assertContains(response, "<figcaption>")

    def test_it_shows_hungarian_names(self) -> None:
        response = self.client.get(reverse("geo:region-detail", args=["01"]))
        self.assertContains(response, '<span lang="hu">Lendva</span>')

    def test_it_returns_404_for_an_unknown_code(self) -> None:
        for code in ("13", "00", "x"):
            response = self.client.get(reverse("geo:region-detail", args=[code]))
            self.assertEqual(response.status_code, 404)
