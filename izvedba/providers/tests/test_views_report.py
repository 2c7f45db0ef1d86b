"""The annual report page: every table of the document with the figures of report_tables, numbered; the checks
with every mismatch before anything is generated; charts with their tables; the key figures."""

from __future__ import annotations

from typing import Any

from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from izvedba.providers.report.tables import cell_text, has_data
from izvedba.providers.selectors import ReportTables, report_tables
from izvedba.providers.tests.views_cast import PASSWORD, ProvidersCast, make_providers_cast

SLUG = "csd-juzna-primorska"
DEMO_TABLES = {
    "municipalities", "rights_by_month_unit", "idp_by_unit", "kcm_placements_by_month", "kcm_referrals",
    "kcm_age_sex", "kcm_by_municipality", "kcm_length_of_stay", "kcm_reasons", "kcm_destinations",
    "kczn_nights_by_month", "violence_cases_by_unit", "violence_victims_by_unit", "violence_perpetrators_by_unit",
    "violence_forms", "violence_age", "violence_forms_by_age", "violence_relationship",
    "violence_relationship_by_sex", "violence_mdt", "restraining_orders", "interventions_by_month", "cost_carriers",
}  # fmt: skip


class ReportPageTests(TestCase):
    cast: ProvidersCast
    report: ReportTables

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_providers_cast()
        with translation.override("sl"):
            cls.report = report_tables(provider=cls.cast.provider, year=2021)

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.client.login(username="viewer_region", password=PASSWORD)

    def get(self, year: int = 2021) -> Any:
        return self.client.get(reverse("providers:report", args=[SLUG, year]))

    def page_tables(self, response: Any) -> dict[str, Any]:
        return {item.table.block.key: item.table for item in response.context["items"] if item.table is not None}

    def test_it_shows_every_demo_table(self) -> None:
        response = self.get()
        shown = self.page_tables(response)
        self.assertLessEqual(DEMO_TABLES, set(shown))
        for key in DEMO_TABLES:
            self.assertContains(response, f'data-table="{key}"')

    def test_it_shows_every_table_with_figures_with_the_numbers_of_report_tables(self) -> None:
        self.client.cookies["django_language"] = "sl"  # report_tables speaks the report's language
        shown = self.page_tables(self.get())
        expected = {key for key, table in self.report.tables.items() if has_data(table)}
        self.assertEqual(set(shown) - {"year_on_year"}, expected)  # section 6's key figures against last year
        for key in expected:
            table = self.report.tables[key]
            rows = [*table.rows, *([table.total] if table.total else [])]
            want = [[row.label, *(cell_text(table, i, v, "sl") for i, v in enumerate(row.cells))] for row in rows]
            got = [[text for text, _figure in cells] for _kind, cells in shown[key].rows]
            self.assertEqual(got, want, key)

    def test_it_numbers_the_tables_in_the_order_of_the_document(self) -> None:
        shown = list(self.page_tables(self.get()).values())
        numbers = [table.block.number for table in shown]
        self.assertEqual(numbers, sorted(numbers))
        self.assertEqual(len(set(numbers)), len(numbers))
        self.assertTrue(shown[0].caption.startswith(f"Table {numbers[0]}: "))

    def test_it_puts_prior_year_difference_and_index_columns_where_the_specification_has_them(self) -> None:
        idp = self.page_tables(self.get())["idp_by_unit"]
        self.assertEqual([text for text, _span in idp.header[0]][1:3], ["2020", "2021"])

    def test_it_summarises_the_checks_before_the_document(self) -> None:
        response = self.get()
        checks = response.context["checks"]
        self.assertEqual(checks.total, len(self.report.checks))
        self.assertEqual(len(checks.mismatches), len(self.report.mismatches))
        self.assertEqual(checks.ok + len(checks.mismatches), checks.total)
        content = response.content.decode()
        self.assertLess(content.index("data-checks"), content.index("data-report-document"))
        self.assertLess(content.index("data-checks"), content.index("data-generate-docx"))
        self.assertContains(response, f'data-checks-mismatch="{len(self.report.mismatches)}"')

    def test_it_lists_the_mismatches_the_analysis_names_with_printed_and_computed_values(self) -> None:
        response = self.get()
        rows = {(m.check.table, m.check.printed, m.check.computed) for m in response.context["checks"].mismatches}
        self.assertIn(("rights_by_month_unit", 26931, 26930), rows)  # grand total vs the sum of the units
        self.assertIn(("municipalities", 52, 53), rows)  # Sežana's share, rounded down in the document
        interventions = [m for m in response.context["checks"].mismatches if m.check.table == "interventions_by_month"]
        self.assertTrue(interventions, "the intervention hours' total")
        self.assertContains(response, "26,931")
        self.assertContains(response, "26,930")

    def test_it_links_each_mismatch_to_its_table(self) -> None:
        response = self.get()
        mismatch = next(m for m in response.context["checks"].mismatches if m.check.table == "rights_by_month_unit")
        self.assertEqual(mismatch.table.anchor, "table-rights_by_month_unit")
        self.assertEqual(mismatch.cell, "skupno / Applications for rights from public funds")
        self.assertContains(response, 'href="#table-rights_by_month_unit"')
        self.assertContains(response, 'id="table-rights_by_month_unit"')

    def test_it_draws_a_chart_before_the_table_of_each_figure(self) -> None:
        response = self.get()
        figures = [item for item in response.context["items"] if item.kind == "figure"]
        self.assertTrue(figures)
        for item in figures:
            self.assertIn("<svg", item.chart)
            self.assertIn('role="img"', item.chart)
            self.assertIsNotNone(item.table)
        self.assertContains(response, 'id="chart-figure-kcm_placements_by_month-title"')

    def test_it_shows_the_key_figures(self) -> None:
        response = self.get()
        self.assertContains(response, "data-key-figures")
        self.assertContains(response, "Key figures, 2021 and 2020")

    def test_it_shows_each_section_of_the_report(self) -> None:
        response = self.get()
        for number in range(1, 12):
            self.assertContains(response, f'id="section-{number}"')

    def test_it_says_when_a_year_has_no_figures_and_offers_no_document(self) -> None:
        response = self.get(2019)
        self.assertContains(response, "data-no-data")
        self.assertNotContains(response, "data-generate-docx")

    def test_it_does_not_find_an_impossible_year(self) -> None:
        self.assertEqual(self.get(1800).status_code, 404)
