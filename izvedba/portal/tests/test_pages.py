"""The public portal's pages for anonymous visitors: they render, and show only published monitoring."""

from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from izvedba.monitoring.tests.cast import Cast
from izvedba.monitoring.tests.progress_data import History
from izvedba.portal.tests.data import make_public_data


class PortalPagesTests(TestCase):
    cast: Cast
    history: History

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast, cls.history = make_public_data()

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"

    def get(self, name: str, *args: object, **query: str) -> str:
        response = self.client.get(reverse(name, args=args), query)
        self.assertEqual(response.status_code, 200, name)
        return response.content.decode()

    def test_it_renders_every_page_type_for_an_anonymous_visitor(self) -> None:
        c = self.cast
        pages = [
            ("portal:home", ()),
            ("portal:resolution", ()),
            ("portal:plans", ()),
            ("portal:plan", (c.plan.slug,)),
            ("portal:measure", (c.plan.slug, c.m1.pk)),
            ("portal:map", ()),
            ("portal:open-data", ()),
        ]
        for name, args in pages:
            with self.subTest(name):
                self.assertIn("<h1", self.get(name, *args))

    def test_it_shows_the_resolution_goals_and_the_plans(self) -> None:
        self.assertIn("Manj revščine", self.get("portal:resolution"))
        plans = self.get("portal:plans")
        self.assertIn(self.cast.plan.title, plans)
        self.assertIn(self.cast.other_plan.title, plans)

    def test_it_shows_the_status_of_the_published_round_not_the_unpublished_one(self) -> None:
        page = self.get("portal:plan", self.cast.plan.slug)
        self.assertIn("2025", page)
        # m3 is abandoned in the unpublished 2026 round and was only submitted in 2025: not reported publicly
        self.assertNotIn('data-status="abandoned"', page)
        self.assertIn('data-status="late"', page)  # m2, approved in the published 2025 round
        self.assertNotIn("Ni sredstev.", page)

    def test_it_shows_indicator_values_of_the_published_round_only(self) -> None:
        page = self.get("portal:measure", self.cast.plan.slug, self.cast.m1.pk)
        self.assertIn("data-current>40<", page)  # 2025 (published)
        self.assertIn("data-current>Mreža v dveh občinah<", page)
        self.assertNotIn(">70<", page)  # 2026 (unpublished)

    def test_it_shows_only_published_figures_even_to_a_signed_in_coordinator(self) -> None:
        self.client.force_login(self.cast.coordinator)
        page = self.get("portal:measure", self.cast.plan.slug, self.cast.m1.pk)
        self.assertIn("data-current>40<", page)
        self.assertNotIn(">70<", page)
        self.assertNotIn('data-status="abandoned"', self.get("portal:plan", self.cast.plan.slug))

    def test_it_shows_a_measure_only_under_its_own_plan(self) -> None:
        url = reverse("portal:measure", args=[self.cast.other_plan.slug, self.cast.m1.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_it_colours_the_map_by_the_chosen_figure_with_a_table_behind_it(self) -> None:
        page = self.get("portal:map", figure="measures")
        self.assertIn('<option value="measures" selected>', page)
        self.assertIn('data-region="12"', page)
        self.assertIn('role="img"', page)
        late = self.get("portal:map", figure="late_measures")
        self.assertIn('data-region="12"><td>12</td><th scope="row">Obalno-kraška</th><td class="num">1</td>', late)

    def test_it_falls_back_to_the_number_of_plans_for_an_unknown_figure(self) -> None:
        self.assertIn('<option value="plans" selected>', self.get("portal:map", figure="nonsense"))

    def test_it_needs_no_javascript_to_choose_a_figure(self) -> None:
        page = self.get("portal:map")
        self.assertIn('<form method="get"', page)
        self.assertIn('<button type="submit"', page)


class MinorityLanguageTests(TestCase):
    """The public pages are also in Italian and Hungarian, frame and all; the internal pages are not offered."""

    @classmethod
    def setUpTestData(cls) -> None:
        make_public_data()

    def test_it_serves_the_public_pages_wholly_in_italian_and_hungarian(self) -> None:
        for language, skip_link, plans in (
            ("it", "Vai al contenuto principale", "Piani"),
            ("hu", "Ugrás a fő tartalomhoz", "Tervek"),
        ):
            with self.subTest(language=language):
                self.client.cookies["django_language"] = language
                page = self.client.get(reverse("portal:plans")).content.decode()
                self.assertIn(f'<html lang="{language}">', page)
                self.assertIn(skip_link, page)
                self.assertIn(plans, page)
                self.assertNotIn("Skip to main content", page)

    def test_it_offers_italian_and_hungarian_only_on_the_public_pages(self) -> None:
        portal = self.client.get(reverse("portal:home")).content.decode()
        self.assertIn('hreflang="it"', portal)
        self.assertIn('hreflang="hu"', portal)
        plans = self.client.get(reverse("plans:list")).content.decode()
        self.assertNotIn('hreflang="it"', plans)
