"""The providers' list and a provider's page, and who may open them."""

from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from izvedba.providers.tests.views_cast import PASSWORD, ProvidersCast, make_providers_cast

SLUG = "csd-juzna-primorska"


class ProviderPagesTests(TestCase):
    cast: ProvidersCast

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_providers_cast()

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"

    def log_in(self, name: str) -> None:
        self.assertTrue(self.client.login(username=self.cast.users[name].username, password=PASSWORD))

    def test_it_lists_the_16_centres_with_the_years_they_have_data_for(self) -> None:
        self.log_in("coordinator")
        response = self.client.get(reverse("providers:list"))
        self.assertEqual(len(response.context["rows"]), 16)
        self.assertContains(response, 'data-provider="csd-juzna-primorska"')
        self.assertContains(response, reverse("providers:report", args=[SLUG, 2021]))
        self.assertContains(response, reverse("providers:report", args=[SLUG, 2020]))
        rows = {row.provider.slug: row.years for row in response.context["rows"]}
        self.assertEqual(rows[SLUG], [2021, 2020])
        self.assertEqual(rows["csd-gorenjska"], [])

    def test_it_lists_only_the_reporters_own_provider(self) -> None:
        self.log_in("reporter")
        response = self.client.get(reverse("providers:list"))
        self.assertEqual([row.provider.slug for row in response.context["rows"]], [SLUG])

    def test_it_lists_the_providers_working_in_a_viewers_region(self) -> None:
        self.log_in("viewer_region")
        response = self.client.get(reverse("providers:list"))
        self.assertEqual([row.provider.slug for row in response.context["rows"]], [SLUG])

    def test_it_tells_a_user_without_a_role_why_the_list_is_empty(self) -> None:
        self.log_in("outsider")
        response = self.client.get(reverse("providers:list"))
        self.assertContains(response, "data-no-providers")
        self.assertEqual(response.context["rows"], [])

    def test_it_reads_the_list_in_a_fixed_number_of_queries(self) -> None:
        self.log_in("admin")
        self.client.get(reverse("providers:list"))  # sessions, roles and caches warmed
        with self.assertNumQueries(5):
            self.client.get(reverse("providers:list"))

    def test_it_shows_the_providers_units_with_municipalities_population_source_and_date(self) -> None:
        self.log_in("reporter")
        response = self.client.get(reverse("providers:detail", args=[SLUG]))
        self.assertContains(response, "Center za socialno delo Južna Primorska")
        self.assertContains(response, "data-units")
        self.assertContains(response, "Ankaran")
        self.assertContains(response, "3,224")  # Ankaran's population
        self.assertContains(response, "SURS")
        self.assertContains(response, "1 Jul 2020")
        self.assertContains(response, "data-programmes")
        self.assertContains(response, "data-cost-carriers")
        self.assertContains(response, reverse("providers:report", args=[SLUG, 2021]))

    def test_it_does_not_find_a_provider_that_does_not_exist(self) -> None:
        self.log_in("admin")
        self.assertEqual(self.client.get(reverse("providers:detail", args=["csd-nowhere"])).status_code, 404)
