"""Plan indicators fed from providers' reports: summed over the providers, with the source shown; in the API and
beside the input of the monitoring report form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from izvedba.accounts.models import User
from izvedba.geo.models import Region
from izvedba.monitoring.tests.cast import PASSWORD, Cast, make_cast, open_round
from izvedba.providers.feeds import feed_values
from izvedba.providers.models import Indicator, IndicatorFeed, Provider
from izvedba.providers.services.imports import observations_import
from izvedba.providers.tests.support import csv_bytes, load_structure

HEADER = ("indicator", "year", "unit", "idp_type", "value")
CENTRES = 16


class FeedTests(TestCase):
    cast: Cast
    provider: Provider
    other: Provider
    feed: IndicatorFeed

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_structure()
        cls.other = Provider.objects.get(organisation__slug="csd-gorenjska")
        cls.cast = make_cast()
        unit = cls.other.units.order_by("position").first()
        assert unit is not None
        observations_import(
            provider=cls.provider,
            name="a.csv",
            data=csv_bytes(
                HEADER,
                ("idp_applications", 2026, "koper", "idp", 700),
                ("idp_applications", 2026, "izola", "idp", 80),
                ("idp_applications", 2026, "koper", "pos_pog", 60),  # another category: not counted
            ),
        )
        observations_import(
            provider=cls.other, name="b.csv", data=csv_bytes(HEADER, ("idp_applications", 2026, unit.code, "idp", 20))
        )
        cls.feed = IndicatorFeed.objects.create(
            indicator=cls.cast.ind_num,
            source_indicator=Indicator.objects.get(code="idp_applications"),
            filters={"idp_type": "idp"},
            description="Vloge za IDSP, letna poročila CSD",
        )

    def setUp(self) -> None:
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)
        self.client.cookies["django_language"] = "en"

    # --- the selector --------------------------------------------------------------------------------------

    def test_it_sums_the_figures_of_the_providers_that_reported(self) -> None:
        value, source, counted, missing = feed_values(self.cast.ind_num, [2026])[2026]
        self.assertEqual(value, Decimal(800))
        self.assertEqual(set(counted), {str(self.provider.organisation), str(self.other.organisation)})
        self.assertEqual(len(missing), CENTRES - 2)
        self.assertIn("Vloge za IDSP, letna poročila CSD", source)
        self.assertIn("sum of 2 of 16 centres for social work, annual reports 2026", source)
        self.assertIn("idp_type: idp", source)

    def test_it_says_no_provider_has_reported_a_year_without_figures(self) -> None:
        value, _source, counted, missing = feed_values(self.cast.ind_num, [2025])[2025]
        self.assertEqual((value, counted, len(missing)), (None, (), CENTRES))

    def test_it_counts_all_categories_without_a_filter(self) -> None:
        IndicatorFeed.objects.filter(pk=self.feed.pk).update(filters={})
        self.assertEqual(feed_values(self.cast.ind_num, [2026])[2026].value, Decimal(860))

    def test_it_counts_only_the_centres_of_a_region(self) -> None:
        IndicatorFeed.objects.filter(pk=self.feed.pk).update(
            scope=IndicatorFeed.Scope.REGION, region=Region.objects.get(code="12")
        )
        item = feed_values(self.cast.ind_num, [2026])[2026]
        self.assertEqual(
            (item.value, item.counted, item.missing), (Decimal(780), (str(self.provider.organisation),), ())
        )

    def test_it_counts_only_the_providers_listed(self) -> None:
        IndicatorFeed.objects.filter(pk=self.feed.pk).update(scope=IndicatorFeed.Scope.LIST)
        self.feed.providers.set([self.other])
        self.assertEqual(feed_values(self.cast.ind_num, [2026])[2026].value, Decimal(20))

    def test_it_has_nothing_for_an_indicator_without_a_feed(self) -> None:
        self.assertEqual(feed_values(self.cast.ind_m2, [2026]), {})

    def test_it_refuses_filters_that_do_not_fit_the_providers_indicator(self) -> None:
        cases = {
            "filters": (
                {"sex": "f"},
                {"idp_type": "nonsense"},
                {"idp_type": 3},
            ),
        }
        for filters in cases["filters"]:
            self.feed.filters = filters
            with self.assertRaises(ValidationError) as raised:
                self.feed.full_clean()
            self.assertIn("filters", raised.exception.message_dict, filters)

    def test_it_refuses_to_add_up_the_categories_of_a_multi_valued_figure(self) -> None:
        self.feed.source_indicator = Indicator.objects.get(code="violence_case_forms")
        self.feed.filters = {}
        with self.assertRaises(ValidationError) as raised:
            self.feed.full_clean()
        self.assertIn("cannot be added up", raised.exception.message_dict["filters"][0])
        self.feed.filters = {"violence_form": "physical"}
        self.feed.full_clean()

    def test_it_needs_the_region_of_a_regional_feed(self) -> None:
        self.feed.scope = IndicatorFeed.Scope.REGION
        with self.assertRaises(ValidationError) as raised:
            self.feed.full_clean()
        self.assertIn("region", raised.exception.message_dict)

    # --- the API -------------------------------------------------------------------------------------------

    def test_it_answers_the_feed_as_json_with_the_source(self) -> None:
        self.client.login(username="coordinator", password=PASSWORD)
        response = self.client.get(f"/api/plan-indicators/{self.cast.ind_num.pk}/feed", {"years": [2025, 2026]})
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual((body["source_indicator"], body["filters"]), ("idp_applications", {"idp_type": ["idp"]}))
        years = {item["year"]: item for item in body["years"]}
        self.assertEqual((years[2026]["value"], years[2025]["value"]), (800, None))
        self.assertEqual(len(years[2026]["providers_counted"]), 2)
        self.assertIn("centres for social work", years[2026]["source"])

    def test_it_hides_the_feed_from_callers_without_a_role_on_the_plan(self) -> None:
        url = f"/api/plan-indicators/{self.cast.ind_num.pk}/feed"
        self.assertEqual(self.client.get(url).status_code, 401)
        self.client.login(username="outsider", password=PASSWORD)
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_it_answers_404_for_an_indicator_without_a_feed(self) -> None:
        self.client.login(username="coordinator", password=PASSWORD)
        response = self.client.get(f"/api/plan-indicators/{self.cast.ind_m2.pk}/feed")
        self.assertEqual(response.status_code, 404)
        self.assertIn("not fed from providers' reports", response.json()["detail"])

    # --- the monitoring report form ------------------------------------------------------------------------

    def test_it_shows_the_figure_from_providers_reports_beside_the_indicators_input(self) -> None:
        round = open_round(self.cast)
        report = round.reports.get(measure=self.cast.m1)
        self.client.login(username="reporter_msp", password=PASSWORD)
        response = self.client.get(reverse("monitoring:report", args=[report.pk]))
        self.assertContains(response, "data-provider-feed", count=1)  # the numeric indicator only
        self.assertContains(response, "From providers' reports: 800 (Vloge za IDSP, letna poročila CSD; ")
        self.assertContains(response, "Not reported yet: 14 providers.")


class FeedAdminTests(TestCase):
    cast: Cast

    @classmethod
    def setUpTestData(cls) -> None:
        load_structure()
        cls.cast = make_cast()

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.client.force_login(User.objects.create_superuser("root", "root@example.org", "pw"))

    def post(self, **fields: object) -> Any:
        data: dict[str, object] = {
            "indicator": self.cast.ind_num.pk,
            "source_indicator": Indicator.objects.get(code="idp_applications").pk,
            "filters": '{"idp_type": "idp"}',
            "scope": IndicatorFeed.Scope.ALL_CENTRES,
            "aggregation": IndicatorFeed.Aggregation.SUM,
            "description": "Vloge za IDSP",
            **fields,
        }
        return self.client.post(reverse("admin:providers_indicatorfeed_add"), data)

    def test_it_adds_a_feed_in_the_admin(self) -> None:
        self.assertEqual(self.client.get(reverse("admin:providers_indicatorfeed_changelist")).status_code, 200)
        response = self.post()
        self.assertRedirects(response, reverse("admin:providers_indicatorfeed_changelist"))
        self.assertEqual(IndicatorFeed.objects.get().filters, {"idp_type": "idp"})

    def test_it_asks_for_the_providers_of_a_listed_feed(self) -> None:
        response = self.post(scope=IndicatorFeed.Scope.LIST)
        self.assertContains(response, "List the providers whose figures are added up.")
        self.assertFalse(IndicatorFeed.objects.exists())
