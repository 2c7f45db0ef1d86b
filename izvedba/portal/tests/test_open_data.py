"""Open data: downloads of every published table, the data dictionary and the DCAT-AP catalogue."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import rdflib
from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook
from rdflib.namespace import DCAT, DCTERMS, RDF

from izvedba.demo.services import demo_load
from izvedba.monitoring.models import Round
from izvedba.monitoring.tests.cast import Cast
from izvedba.monitoring.tests.progress_data import History
from izvedba.plans.models import Measure, Plan
from izvedba.portal import datasets as registry
from izvedba.portal.datasets import Column, Dataset, register_dataset
from izvedba.portal.tests.data import make_public_data


class DownloadsTests(TestCase):
    cast: Cast
    history: History

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast, cls.history = make_public_data()

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"

    def download(self, key: str, fmt: str) -> bytes:
        response = self.client.get(reverse("portal:download", args=[key, fmt]))
        self.assertEqual(response.status_code, 200, f"{key}.{fmt}")
        return response.content

    def json_rows(self, key: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = json.loads(self.download(key, "json"))["rows"]
        return rows

    def test_it_offers_every_dataset_in_csv_xlsx_and_json_with_the_same_rows(self) -> None:
        for dataset in registry.datasets():
            with self.subTest(dataset.key):
                names = [c.name for c in dataset.columns]
                rows = self.json_rows(dataset.key)
                text = self.download(dataset.key, "csv").decode("utf-8-sig")
                table = list(csv.reader(io.StringIO(text)))
                self.assertEqual(table[0], names)
                self.assertEqual(len(table) - 1, len(rows))
                sheet = load_workbook(io.BytesIO(self.download(dataset.key, "xlsx"))).active
                assert sheet is not None
                self.assertEqual([c.value for c in sheet[1]], names)
                self.assertEqual(sheet.max_row - 1, len(rows))

    def test_it_gives_the_published_status_in_the_measures_download_as_the_plan_page_does(self) -> None:
        rows = {(r["plan"], r["measure"], r["sub_row"]): r for r in self.json_rows("measures")}
        plan = self.cast.plan.slug
        self.assertEqual(rows[(plan, self.cast.m2.code, 0)]["status"], "late")
        self.assertEqual(rows[(plan, self.cast.m3.code, 0)]["status"], "not_reported")  # abandoned only in 2026
        page = self.client.get(reverse("portal:plan", args=[plan])).content.decode()
        self.assertIn('data-status="late"', page)
        self.assertNotIn('data-status="abandoned"', page)

    def test_it_never_puts_an_unpublished_rounds_figures_in_a_download(self) -> None:
        indicators = self.json_rows("indicators")
        current = {r["indicator"]: r["current"] for r in indicators if r["plan"] == self.cast.plan.slug}
        self.assertEqual(current[self.cast.ind_num.text], 40)  # 70 is in the unpublished 2026 round
        progress = self.json_rows("progress")
        self.assertEqual({r["round"] for r in progress}, {"2025"})
        everything = b"".join(self.download(d.key, "json") for d in registry.datasets()).decode()
        self.assertNotIn("Ni sredstev.", everything)
        self.assertNotIn("abandoned", everything)

    def test_it_gives_the_regions_figures_as_the_map_shows_them(self) -> None:
        rows = {r["region"]: r for r in self.json_rows("regions")}
        self.assertEqual(rows["12"]["plans"], 1)
        self.assertEqual(rows["12"]["late_measures"], 1)
        page = self.client.get(reverse("portal:map"), {"figure": "late_measures"}).content.decode()
        self.assertIn('data-region="12"><td>12</td><th scope="row">Obalno-kraška</th><td class="num">1</td>', page)

    def test_it_answers_404_for_an_unknown_dataset_or_format(self) -> None:
        self.assertEqual(self.client.get(reverse("portal:download", args=["nope", "csv"])).status_code, 404)
        self.assertEqual(self.client.get(reverse("portal:download", args=["measures", "pdf"])).status_code, 404)

    def test_it_lists_every_column_of_every_dataset_in_the_data_dictionary(self) -> None:
        page = self.client.get(reverse("portal:open-data")).content.decode()
        for dataset in registry.datasets():
            self.assertIn(f'data-dictionary="{dataset.key}"', page)
            for column in dataset.columns:
                with self.subTest(f"{dataset.key}.{column.name}"):
                    self.assertIn(f"<code>{column.name}</code>", page)
                    self.assertIn(escape(str(column.description)), page)
            for fmt in ("csv", "xlsx", "json"):
                self.assertIn(reverse("portal:download", args=[dataset.key, fmt]), page)


class CatalogueTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_public_data()

    def graph(self) -> rdflib.Graph:
        response = self.client.get("/data/catalog.jsonld")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/ld+json"))
        return rdflib.Graph().parse(data=response.content.decode(), format="json-ld")

    def test_it_parses_as_json_ld_with_one_dataset_per_published_table(self) -> None:
        graph = self.graph()
        found = {str(graph.value(d, DCTERMS.identifier)) for d in graph.subjects(RDF.type, DCAT.Dataset)}
        self.assertEqual(found, {d.key for d in registry.datasets()})

    def test_it_describes_each_dataset_as_dcat_ap_asks(self) -> None:
        graph = self.graph()
        licence = rdflib.URIRef("http://creativecommons.org/licenses/by/4.0/")
        for dataset in graph.subjects(RDF.type, DCAT.Dataset):
            with self.subTest(str(dataset)):
                self.assertEqual(graph.value(dataset, DCTERMS.license), licence)
                titles = {t.language for t in graph.objects(dataset, DCTERMS.title)}  # type: ignore[attr-defined]
                self.assertEqual(titles, {"sl", "en"})
                self.assertIsNotNone(graph.value(dataset, DCTERMS.description))
                self.assertIsNotNone(graph.value(dataset, DCTERMS.publisher))
                self.assertIsNotNone(graph.value(dataset, DCTERMS.modified))
                period = graph.value(dataset, DCTERMS.temporal)
                self.assertEqual(str(graph.value(period, DCAT.startDate)), "2025-01-01")
                distributions = list(graph.objects(dataset, DCAT.distribution))
                self.assertEqual(len(distributions), 3)
                for distribution in distributions:
                    url = str(graph.value(distribution, DCAT.downloadURL))
                    self.assertTrue(url.startswith("http://testserver/javno/podatki/"), url)
                    self.assertEqual(self.client.get(url.removeprefix("http://testserver")).status_code, 200)
                    self.assertIsNotNone(graph.value(distribution, DCAT.mediaType))


class RegistryTests(TestCase):
    def test_it_lists_a_dataset_another_app_registers_in_downloads_and_catalogue(self) -> None:
        extra = Dataset(
            key="test-extra",
            title_sl="Preskusna tabela",
            title_en="Test table",
            description_sl="Za preskus.",
            description_en="For a test.",
            columns=(Column("n", "integer", "A number"),),
            rows=lambda: [{"n": 7}],
        )
        register_dataset(extra)
        self.addCleanup(registry._REGISTRY.pop, "test-extra")
        data = json.loads(self.client.get(reverse("portal:download", args=["test-extra", "json"])).content)
        self.assertEqual(data["rows"], [{"n": 7}])
        self.assertIn('"test-extra"', self.client.get("/data/catalog.jsonld").content.decode())

    def test_it_refuses_a_second_dataset_with_the_same_key_or_an_unknown_column_type(self) -> None:
        existing = registry.datasets()[0]
        clash = Dataset(existing.key, "a", "b", "c", "d", (), list)
        with self.assertRaisesMessage(ValueError, "already registered"):
            register_dataset(clash)
        bad = Dataset("bad-type", "a", "b", "c", "d", (Column("x", "float", "X"),), list)
        with self.assertRaisesMessage(ValueError, "type must be one of"):
            register_dataset(bad)
        self.assertIsNone(registry.get_dataset("bad-type"))


class DemoDataTests(TestCase):
    """The demo's real plans (NIN 2025–2026 with its published 2025 round, the Obalno-kraška plan)."""

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda line: None)

    def test_it_offers_every_measure_of_every_plan_and_the_published_rounds_figures(self) -> None:
        rows = json.loads(self.client.get(reverse("portal:download", args=["measures", "json"])).content)["rows"]
        self.assertEqual(len(rows), Measure.objects.count())
        progress = json.loads(self.client.get(reverse("portal:download", args=["progress", "json"])).content)["rows"]
        published = set(Round.objects.filter(published_at__isnull=False).values_list("label", flat=True))
        self.assertTrue(progress)
        self.assertLessEqual({r["round"] for r in progress}, published)

    def test_it_renders_the_demo_plans_pages_and_a_catalogue_that_parses(self) -> None:
        for plan in Plan.objects.all():
            with self.subTest(plan.slug):
                self.assertEqual(self.client.get(reverse("portal:plan", args=[plan.slug])).status_code, 200)
        self.assertEqual(self.client.get(reverse("portal:map"), {"figure": "measures"}).status_code, 200)
        graph = rdflib.Graph().parse(data=self.client.get("/data/catalog.jsonld").content.decode(), format="json-ld")
        self.assertEqual(len(set(graph.subjects(RDF.type, DCAT.Dataset))), len(registry.datasets()))
