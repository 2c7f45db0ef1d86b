from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from izvedba.demo.services import demo_load
from izvedba.organisations.selectors import OrganisationPage, PlanRoles
from izvedba.plans.models import Plan, Responsibility


def codes(groups: list[PlanRoles]) -> set[str]:
    return {row.measure.code for group in groups for row in group.rows}


class OrganisationViewTests(TestCase):
    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"  # the assertions read English labels

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)

    def page(self, slug: str) -> OrganisationPage:
        self.response = self.client.get(reverse("organisations:detail", args=[slug]))
        self.assertEqual(self.response.status_code, 200)
        page: OrganisationPage = self.response.context["page"]
        return page

    def test_it_lists_organisations_with_their_counts(self) -> None:
        response = self.client.get(reverse("organisations:list"))
        self.assertContains(response, reverse("organisations:detail", args=["msp"]))
        self.assertContains(response, "Ministrstvo za solidarno prihodnost")
        self.assertContains(response, "name as written; awaiting review")
        msp = next(o for o in response.context["organisations"] if o.slug == "msp")
        self.assertEqual((msp.held_count, msp.joined_count), (14, 1))

    def test_it_shows_the_measures_an_organisation_holds_and_joins(self) -> None:
        page = self.page("msp")
        holder = Responsibility.objects.filter(organisation__slug="msp", role=Responsibility.Role.HOLDER)
        participant = Responsibility.objects.filter(organisation__slug="msp", role=Responsibility.Role.PARTICIPANT)
        self.assertEqual(codes(page.held), set(holder.values_list("measure__code", flat=True)))
        self.assertEqual(codes(page.joined), set(participant.values_list("measure__code", flat=True)))
        self.assertContains(self.response, "Ministrstvo za solidarno prihodnost")
        self.assertContains(self.response, "NACIONALNI IZVEDBENI NAČRT")

    def test_it_shows_a_measure_once_when_the_role_is_on_its_sub_rows(self) -> None:
        page = self.page("svp")
        rows = [row for group in page.joined for row in group.rows if row.measure.code == "2.12"]
        self.assertEqual(len(rows), 1)
        self.assertEqual(len(rows[0].sub_rows), 5)

    def test_it_shows_the_scope_of_a_role(self) -> None:
        self.page("zd")
        self.assertContains(self.response, "ukrep 10")

    def test_it_shows_a_centres_units_and_their_municipalities(self) -> None:
        self.page("csd-juzna-primorska")
        for text in ("Enota Koper", "Koper/Capodistria", "Ankaran/Ancarano", "Enota Sežana", "Divača"):
            self.assertContains(self.response, text)

    def test_it_flags_a_name_awaiting_review_and_shows_the_plan_it_coordinates(self) -> None:
        page = self.page("csd-koper")
        self.assertContains(self.response, "name as written; awaiting review")
        rin = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")
        self.assertEqual(page.coordinated, [rin])
        self.assertContains(self.response, reverse("plans:detail", args=[rin.pk]))

    def test_it_returns_404_for_an_unknown_slug(self) -> None:
        response = self.client.get(reverse("organisations:detail", args=["no-such-organisation"]))
        self.assertEqual(response.status_code, 404)
