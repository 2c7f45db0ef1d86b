from __future__ import annotations

from django.db.models import Q, Sum
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from izvedba.demo.services import demo_load
from izvedba.plans.models import Deadline, FundingLine, Measure, Plan, Responsibility
from izvedba.plans.selectors import PlanPage


def codes(page: PlanPage) -> set[str]:
    return {m.code for goal in page.groups for area in goal.areas for m in area.measures}


def source_url(plan: Plan) -> str:
    assert plan.source_document is not None
    return str(plan.source_document.file.url)


def count_text(shown: int, total: int) -> str:
    """The count line as the page writes it in Slovenian (whatever the catalogue holds)."""
    with translation.override("sl"):
        text = ngettext("%(shown)s of %(counter)s measure", "%(shown)s of %(counter)s measures", total)
    return text % {"shown": shown, "counter": total}


class DemoTestCase(TestCase):
    nin: Plan
    rin: Plan

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)
        cls.nin = Plan.objects.get(slug="nin-2025-2026")
        cls.rin = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")

    def setUp(self) -> None:
        # These tests read English labels; LanguageTests checks that Slovenian is the default.
        self.client.cookies["django_language"] = "en"


class HomeTests(DemoTestCase):
    def test_it_shows_goals_plans_and_money(self) -> None:
        response = self.client.get(reverse("home"))
        self.assertContains(response, "ReNPSV22-30")
        self.assertContains(response, "Zmanjševanje tveganja revščine in povečevanje socialne vključenosti")
        self.assertContains(response, reverse("plans:detail", args=[self.nin.pk]))
        self.assertContains(response, reverse("plans:detail", args=[self.rin.pk]))
        self.assertContains(response, "Obalno-kraška")
        self.assertContains(response, "<caption>", count=1)
        self.assertContains(response, "Several sources (not split in the document)")
        self.assertContains(response, '<details class="explain">')
        total = FundingLine.objects.filter(basis__in=["year", "span", "total"]).aggregate(s=Sum("amount_eur"))
        per_year = FundingLine.objects.filter(basis="per_year").aggregate(s=Sum("amount_eur"))
        # 'per year' amounts count once for each of the NIN's two years.
        self.assertEqual(response.context["page"].money.grand_total, total["s"] + 2 * per_year["s"])


class PlanListTests(DemoTestCase):
    def test_it_lists_every_plan(self) -> None:
        response = self.client.get(reverse("plans:list"))
        self.assertContains(response, "NACIONALNI IZVEDBENI NAČRT NA PODROČJU SOCIALNEGA VARSTVA 2025 – 2026")
        self.assertContains(response, "ZA OBALNO-KRAŠKO STATISTIČNO REGIJO")
        self.assertContains(response, '<th scope="col"', count=7)
        self.assertContains(response, "12200-6/2025/3")


class PlanDetailTests(DemoTestCase):
    def get(self, plan: Plan | None = None, **params: str | int) -> PlanPage:
        response = self.client.get(reverse("plans:detail", args=[(plan or self.nin).pk]), params)
        self.assertEqual(response.status_code, 200)
        self.response = response
        page: PlanPage = response.context["page"]
        return page

    def test_it_shows_the_national_plan_and_all_its_measures(self) -> None:
        del self.client.cookies["django_language"]  # Slovenian formatting
        page = self.get()
        self.assertEqual((page.shown, page.total), (38, 38))
        self.assertContains(self.response, "12200-6/2025/3")
        self.assertContains(self.response, "23. 7. 2025")
        self.assertContains(self.response, "nin-2025-2026.txt")
        self.assertContains(self.response, source_url(self.nin))
        self.assertContains(self.response, '<ul class="warning-list">')
        self.assertContains(self.response, "Digitalizacija na področju pravic iz javnih sredstev")
        self.assertContains(self.response, '2025–2026:</span> <strong class="nowrap">900.000 EUR</strong>')
        self.assertContains(self.response, "ukrep-2.12-1")  # a sub-row, under its measure
        self.assertNotContains(self.response, "Clear filters")

    def test_it_groups_measures_by_goal_and_area(self) -> None:
        page = self.get()
        self.assertEqual([g.goal.number for g in page.groups if g.goal], [1, 2, 3])
        first = page.groups[0]
        self.assertEqual([a.area.code for a in first.areas if a.area], ["1.1", "1.2", "1.3"])
        self.assertEqual([m.code for m in first.areas[0].measures], ["1.1.1", "1.1.2", "1.1.3"])

    def test_it_shows_the_regional_plan_header(self) -> None:
        del self.client.cookies["django_language"]  # Slovenian formatting
        self.get(self.rin)
        expected = [
            "CSD Koper",
            "Piran-Comune di Pirano",
            "nevladnih organizacij",
            "indeks staranja",
            "134,5",
            "DRUŽINSKIH CENTROV",
            "pomanjkanje finančnih virov",
            "26. 2. 2014",
        ]
        for text in expected:
            self.assertContains(self.response, text)
        self.assertContains(self.response, reverse("geo:region-detail", args=["12"]))

    def test_it_filters_by_holder(self) -> None:
        del self.client.cookies["django_language"]  # Slovenian formatting
        page = self.get(holder="MSP")
        expected = set(
            Responsibility.objects.filter(
                measure__plan=self.nin, role=Responsibility.Role.HOLDER, organisation__acronym="MSP"
            ).values_list("measure__code", flat=True)
        )
        self.assertEqual(codes(page), expected)
        self.assertEqual(page.shown, len(expected))
        self.assertContains(self.response, count_text(len(expected), 38))
        self.assertContains(self.response, "Počisti filtre")

    def test_it_filters_by_deadline_year(self) -> None:
        page = self.get(deadline_year=2025)
        with_deadline = Deadline.objects.filter(measure__plan=self.nin, due_on__year=2025)
        expected = set(with_deadline.values_list("measure__code", flat=True))
        self.assertEqual(codes(page), expected)
        self.assertIn("1.1.2", expected)
        self.assertNotIn("1.1.1", expected)

    def test_it_searches_without_diacritics(self) -> None:
        page = self.get(q="pomoc na domu")
        self.assertIn("2.10", codes(page))
        self.assertLess(page.shown, page.total)

    def test_it_combines_filters(self) -> None:
        page = self.get(holder="MSP", deadline_year=2025)
        self.assertEqual(page.shown, 0)
        self.assertContains(self.response, "No measure matches these filters.")

    def test_it_ignores_invalid_filter_values(self) -> None:
        page = self.get(holder="NOBODY", deadline_year="soon", funding_source="<script>")
        self.assertEqual(page.shown, 38)
        self.assertContains(self.response, "message--warning", count=3)
        self.assertNotContains(self.response, "<script>")

    def test_it_keeps_valid_filters_when_another_is_invalid(self) -> None:
        page = self.get(holder="MSP", participant="NOBODY")
        self.assertEqual(page.shown, 14)
        self.assertContains(self.response, "message--warning", count=1)

    def test_totals_follow_the_filters(self) -> None:
        everything = self.get().money.grand_total
        page = self.get(holder="MSP")
        msp = Measure.objects.filter(
            Q(responsibilities__organisation__acronym="MSP", responsibilities__role="holder"), plan=self.nin
        )
        lines = FundingLine.objects.filter(Q(measure__in=msp) | Q(measure__parent__in=msp))
        self.assertEqual(page.money.grand_total, lines.aggregate(s=Sum("amount_eur"))["s"])
        self.assertLess(page.money.grand_total, everything)

    def test_it_returns_404_for_an_unknown_plan(self) -> None:
        response = self.client.get(reverse("plans:detail", args=[999_999]))
        self.assertEqual(response.status_code, 404)


class MeasureDetailTests(DemoTestCase):
    def test_it_shows_every_field_sub_rows_and_source_cells(self) -> None:
        measure = Measure.objects.get(plan=self.nin, code="2.12", parent=None)
        response = self.client.get(reverse("plans:measure", args=[measure.pk]))
        self.assertContains(response, measure.title)
        self.assertContains(response, "Ministrstvo za delo, družino, socialne zadeve in enake možnosti")
        self.assertContains(response, "26.250.000 EUR")
        self.assertContains(response, "Širitev mreže nastanitvenih programov")  # a sub-row
        self.assertContains(response, "Okrepitev/širitev mreže programov")  # the purpose
        self.assertContains(response, 'class="source-cell"')
        self.assertContains(response, "Ocena finanč sredstev")  # a source cell's header
        self.assertContains(response, reverse("plans:detail", args=[self.nin.pk]))
        self.assertContains(response, source_url(self.nin))

    def test_it_shows_warnings_and_scopes(self) -> None:
        measure = Measure.objects.get(plan=self.nin, code="1.1.1")
        response = self.client.get(reverse("plans:measure", args=[measure.pk]))
        self.assertContains(response, 'id="warnings"')
        self.assertContains(response, "extraction artefact")
        scoped = Measure.objects.get(plan=self.rin, code="2.10")
        response = self.client.get(reverse("plans:measure", args=[scoped.pk]))
        self.assertContains(response, "ukrep 10")

    def test_a_sub_row_links_to_its_measure(self) -> None:
        sub_row = Measure.objects.get(plan=self.nin, code="2.12", sub_index=1)
        response = self.client.get(reverse("plans:measure", args=[sub_row.pk]))
        self.assertContains(response, reverse("plans:measure", args=[sub_row.parent_id]))

    def test_it_returns_404_for_an_unknown_measure(self) -> None:
        response = self.client.get(reverse("plans:measure", args=[999_999]))
        self.assertEqual(response.status_code, 404)


class LanguageTests(DemoTestCase):
    def test_it_renders_english_with_the_language_cookie(self) -> None:
        self.client.cookies["django_language"] = "en"
        response = self.client.get(reverse("plans:detail", args=[self.nin.pk]))
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "Funding source")
        self.assertContains(response, "900,000 EUR")
        self.assertContains(response, "23 Jul 2025")

    def test_it_stays_slovenian_for_an_english_browser_until_the_person_switches(self) -> None:
        del self.client.cookies["django_language"]
        response = self.client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(response, '<html lang="sl">')
        self.assertContains(response, "Predvidena sredstva po letih in finančnih virih")

    def test_it_renders_slovenian_by_default(self) -> None:
        del self.client.cookies["django_language"]
        response = self.client.get(reverse("plans:detail", args=[self.nin.pk]))
        self.assertContains(response, '<html lang="sl">')
        self.assertContains(response, "900.000 EUR")
        self.assertContains(response, "23. 7. 2025")
