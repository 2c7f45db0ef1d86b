"""Providers' published reports on the public portal: small counts never leave the server; staff see the truth."""

from __future__ import annotations

import csv as csv_module
import io
import json
from decimal import Decimal
from typing import Any

from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from izvedba.portal.models import PublishedProviderReport
from izvedba.portal.provider_datasets import PublicTable, public_tables
from izvedba.portal.suppression import derivable_cells, suppress_table, table_relations
from izvedba.providers.selectors import ReportTables, report_context, report_tables
from izvedba.providers.tables.registry import TABLES
from izvedba.providers.tables.spec import TableSpec
from izvedba.providers.tests.views_cast import PASSWORD, ProvidersCast, make_providers_cast

SLUG = "csd-juzna-primorska"
YEAR = 2021


class PublishedProviderReportTests(TestCase):
    cast: ProvidersCast
    members: dict[str, dict[str, list[str]]]
    tables: list[PublicTable]
    report: ReportTables

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_providers_cast()
        with translation.override("sl"):
            cls.tables = public_tables(provider=cls.cast.provider, year=YEAR)
            cls.report = report_tables(provider=cls.cast.provider, year=YEAR)
            ctx = report_context(provider=cls.cast.provider, year=YEAR)
        cls.members = {
            spec.key: {line.key: list(line.members) for line in spec.rows.lines(ctx, spec.key) if line.members}
            for spec in TABLES
            if isinstance(spec, TableSpec)
        }

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "sl"

    def publish(self) -> None:
        PublishedProviderReport.objects.create(provider=self.cast.provider, year=YEAR, published_at="2026-01-01T10:00Z")

    def page(self) -> Any:
        return self.client.get(reverse("portal:provider-report", args=[SLUG, YEAR]))

    def hidden_cells(self) -> list[tuple[str, str, str, Decimal]]:
        """(table, row label, column label, true value) of every suppressed non-empty cell."""
        found = []
        for table in self.tables:
            source = self.report.tables[table.key]
            true_rows = [*source.rows, *([source.total] if source.total else [])]
            for row, true in zip(table.rows, true_rows, strict=True):
                for i, cell in enumerate(row.cells):
                    value = true.cells[i]
                    if cell.hidden and value is not None:
                        found.append((table.key, row.label, table.columns[i], value))
        return found

    def test_the_demo_has_suppressed_cells_including_violence_tables(self) -> None:
        hidden = self.hidden_cells()
        self.assertTrue(hidden)
        self.assertTrue(any(key.startswith("violence") for key, *_ in hidden))

    def test_it_hides_every_small_count_of_persons_and_leaves_none_derivable(self) -> None:
        for table in self.tables:
            if not table.suppressed:
                continue
            source = self.report.tables[table.key]
            hidden = suppress_table(source, members=self.members[table.key])
            for row in table.rows:
                for i, cell in enumerate(row.cells):
                    kind = source.columns[i].kind
                    if not cell.hidden and kind in ("value", "sum") and cell.value is not None:
                        self.assertFalse(0 < cell.value < 5, (table.key, row.label, i, cell.value))
            values, relations = table_relations(source, self.members[table.key])
            self.assertEqual(derivable_cells(values, relations, hidden), set(), table.key)

    def test_an_unpublished_report_is_not_found_publicly(self) -> None:
        self.assertEqual(self.page().status_code, 404)
        download = self.client.get(reverse("portal:provider-download", args=[SLUG, YEAR, "csv"]))
        self.assertEqual(download.status_code, 404)

    def test_the_public_page_never_shows_a_suppressed_value(self) -> None:
        self.publish()
        response = self.page()
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertContains(response, "data-suppression-note")
        hidden = {(t.key, r.key, i) for t in self.tables for r in t.rows for i, c in enumerate(r.cells) if c.hidden}
        self.assertTrue(hidden)
        for table in self.tables:
            start = html.index(f'data-table="{table.key}"')
            body = html[html.index("<tbody>", start) : html.index("</tbody>", start)]
            for row, row_html in zip(table.rows, body.split("</tr>"), strict=False):
                cells = row_html.split("<td")[1:]
                for i, cell_html in enumerate(cells):
                    self.assertEqual(">x</abbr>" in cell_html, (table.key, row.key, i) in hidden, (table.key, row.key))
        for table in self.tables:
            for row in table.rows:
                for cell in row.cells:
                    self.assertFalse(cell.hidden and cell.value is not None)

    def test_downloads_never_contain_a_suppressed_value(self) -> None:
        self.publish()
        hidden = {(key, row, column): value for key, row, column, value in self.hidden_cells()}
        csv = self.client.get(reverse("portal:provider-download", args=[SLUG, YEAR, "csv"]))
        self.assertEqual(csv.status_code, 200)
        records = list(csv_module.DictReader(io.StringIO(csv.content.decode("utf-8-sig"))))
        in_csv = [r for r in records if (r["table"], r["row"], r["column"]) in hidden]
        self.assertEqual(len(in_csv), len(hidden))
        for record in in_csv:
            self.assertEqual((record["value"], record["suppressed"]), ("", "1"))
        for record in records:
            if record["suppressed"] == "0" and record["value"]:
                self.assertNotIn((record["table"], record["row"], record["column"]), hidden)
        raw = self.client.get(reverse("portal:provider-download", args=[SLUG, YEAR, "json"]))
        rows = json.loads(raw.content)["rows"]
        in_json = [r for r in rows if (r["table"], r["row"], r["column"]) in hidden]
        self.assertEqual(len(in_json), len(hidden))
        for record in in_json:
            self.assertEqual((record["value"], record["suppressed"]), (None, 1))

    def test_staff_see_the_true_figures_on_the_internal_page(self) -> None:
        self.publish()
        self.client.login(username="reporter", password=PASSWORD)
        response = self.client.get(reverse("providers:report", args=[SLUG, YEAR]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "data-withdraw")
        self.assertNotContains(response, ">x</abbr>")
        html = response.content.decode()
        key, label, _column, value = next(c for c in self.hidden_cells() if c[0] == "violence_perpetrators_by_unit")
        start = html.index(f'data-table="{key}"')
        row_html = html[html.index(f">{label}</th>", start) :].split("</tr>")[0]
        self.assertIn(f">{int(value)}</td>", row_html)

    def test_the_open_data_dataset_of_all_published_reports_hides_the_same_cells(self) -> None:
        self.publish()
        hidden = {(key, row, column) for key, row, column, _value in self.hidden_cells()}
        response = self.client.get(reverse("portal:download", args=["izvajalci-tabele", "csv"]))
        self.assertEqual(response.status_code, 200)
        records = list(csv_module.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        suppressed = {(r["table"], r["row"], r["column"]) for r in records if r["suppressed"] == "1"}
        self.assertEqual(suppressed, hidden)
        self.assertTrue(all(r["value"] == "" for r in records if r["suppressed"] == "1"))

    def test_a_reporter_publishes_and_withdraws_the_report(self) -> None:
        self.client.login(username="reporter", password=PASSWORD)
        url = reverse("portal:provider-publish", args=[SLUG, YEAR])
        self.client.post(url, {"action": "publish"})
        self.assertEqual(self.page().status_code, 200)
        self.client.post(url, {"action": "withdraw"})
        self.assertEqual(self.page().status_code, 404)

    def test_a_viewer_may_not_publish(self) -> None:
        self.client.login(username="viewer_region", password=PASSWORD)
        response = self.client.post(reverse("portal:provider-publish", args=[SLUG, YEAR]), {"action": "publish"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(PublishedProviderReport.objects.exists())
