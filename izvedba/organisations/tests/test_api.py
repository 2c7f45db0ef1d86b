from __future__ import annotations

from typing import Any

from django.test import TestCase

from izvedba.demo.services import demo_load
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Plan


class ListOrganisationsTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)

    def get_json(self, url: str, status: int = 200) -> Any:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content[:500])
        return response.json()

    def test_it_lists_organisations_a_page_at_a_time(self) -> None:
        data = self.get_json("/api/organisations?limit=10")
        self.assertEqual(data["count"], Organisation.objects.count())
        self.assertEqual(len(data["results"]), 10)
        self.assertEqual(data["next"], "http://testserver/api/organisations?limit=10&offset=10")
        item = data["results"][0]
        expected = {
            "id",
            "slug",
            "name",
            "acronym",
            "kind",
            "needs_review",
            "measures_held",
            "measures_joined",
        }
        self.assertEqual(set(item), expected)

    def test_it_counts_the_measures_an_organisation_holds_and_joins(self) -> None:
        msp = next(o for o in self.get_json("/api/organisations?q=MSP")["results"] if o["slug"] == "msp")
        held = 0
        for plan in Plan.objects.all():
            held += self.get_json(f"/api/plans/{plan.pk}/measures?holder=msp")["count"]
        self.assertEqual(msp["measures_held"], held)
        joined = sum(
            self.get_json(f"/api/plans/{plan.pk}/measures?participant=msp")["count"] for plan in Plan.objects.all()
        )
        self.assertEqual(msp["measures_joined"], joined)
        self.assertGreater(held, 0)

    def test_it_filters_by_kind(self) -> None:
        data = self.get_json("/api/organisations?kind=csd&limit=200")
        self.assertEqual(data["count"], Organisation.objects.filter(kind="csd").count())
        self.assertTrue(data["results"])
        self.assertTrue(all(o["kind"] == "csd" for o in data["results"]))

    def test_it_filters_by_needs_review(self) -> None:
        flagged = self.get_json("/api/organisations?needs_review=true&limit=200")
        expected = set(Organisation.objects.filter(needs_review=True).values_list("slug", flat=True))
        self.assertTrue(expected)
        self.assertEqual({o["slug"] for o in flagged["results"]}, expected)
        unflagged = self.get_json("/api/organisations?needs_review=false")
        self.assertEqual(unflagged["count"], Organisation.objects.count() - len(expected))

    def test_it_searches_names_and_acronyms(self) -> None:
        data = self.get_json("/api/organisations?q=solidarno")
        self.assertEqual([o["acronym"] for o in data["results"]], ["MSP"])

    def test_it_rejects_an_unknown_kind(self) -> None:
        data = self.get_json("/api/organisations?kind=club", status=422)
        self.assertEqual(data["detail"][0]["loc"], ["query", "kind"])

    def test_it_rejects_a_non_boolean_needs_review(self) -> None:
        data = self.get_json("/api/organisations?needs_review=maybe", status=422)
        self.assertEqual(data["detail"][0]["loc"], ["query", "needs_review"])
