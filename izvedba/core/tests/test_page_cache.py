"""Public pages are served from the cache until content changes; nothing personal is ever cached."""

from __future__ import annotations

from django.core.cache import cache
from django.test import TestCase, override_settings

from izvedba.accounts.models import User
from izvedba.core.versioning import content_changed, content_version
from izvedba.demo.services import DATA_DIR
from izvedba.documents.services import plan_import
from izvedba.geo.services import reference_load
from izvedba.plans.models import Plan


@override_settings(IZVEDBA_PAGE_CACHE_SECONDS=60)
class PageCacheTests(TestCase):
    plan: Plan

    @classmethod
    def setUpTestData(cls) -> None:
        reference_load()
        plan_import(data=(DATA_DIR / "rin-obalno-kraska-2014-2016.txt").read_bytes(), filename="rin.txt")
        cls.plan = Plan.objects.get()

    def setUp(self) -> None:
        cache.clear()

    def test_it_serves_the_second_visit_from_the_cache(self) -> None:
        url = f"/nacrti/{self.plan.pk}/"
        first = self.client.get(url)
        with self.assertNumQueries(1):  # the content version only
            second = self.client.get(url)
        self.assertEqual(second["X-Izvedba-Cache"], "hit")
        self.assertEqual(first.content, second.content)

    def test_it_shows_changes_at_once(self) -> None:
        url = "/api/plans"
        before = self.client.get(url).json()["count"]
        plan_import(data=(DATA_DIR / "nin-2025-2026.txt").read_bytes(), filename="nin.txt")
        self.assertEqual(self.client.get(url).json()["count"], before + 1)

    def test_it_moves_the_version_on_for_every_change(self) -> None:
        version = content_version()
        content_changed()
        self.assertEqual(content_version(), version + 1)

    def test_it_keeps_languages_apart(self) -> None:
        url = f"/nacrti/{self.plan.pk}/"
        slovene = self.client.get(url)
        self.client.cookies["django_language"] = "en"
        english = self.client.get(url)
        self.assertNotIn("X-Izvedba-Cache", english)
        self.assertIn('lang="en"', english.content.decode())
        self.assertIn('lang="sl"', slovene.content.decode())

    def test_it_never_caches_pages_for_a_logged_in_person(self) -> None:
        user = User.objects.create_user("ana", password="x")
        self.client.force_login(user)
        url = f"/nacrti/{self.plan.pk}/"
        self.client.get(url)
        self.assertNotIn("X-Izvedba-Cache", self.client.get(url))
        self.assertIn("ana", self.client.get(url).content.decode())

    def test_it_does_not_cache_errors_or_other_paths(self) -> None:
        self.client.get("/nacrti/999999/")
        self.assertNotIn("X-Izvedba-Cache", self.client.get("/nacrti/999999/"))
        self.client.get("/racun/login/")
        self.assertNotIn("X-Izvedba-Cache", self.client.get("/racun/login/"))


class LanguageSwitchTests(TestCase):
    def test_it_sets_the_language_and_returns_to_the_page(self) -> None:
        response = self.client.get("/jezik/en/?next=/regije/")
        self.assertRedirects(response, "/regije/", fetch_redirect_response=False)
        self.assertEqual(response.cookies["django_language"].value, "en")

    def test_it_refuses_to_redirect_elsewhere(self) -> None:
        response = self.client.get("/jezik/en/?next=https://example.com/")
        self.assertEqual(response["Location"], "/")

    def test_it_does_not_know_other_languages(self) -> None:
        self.assertEqual(self.client.get("/jezik/xx/").status_code, 404)
