from __future__ import annotations

from django.test import TestCase
from django.utils import translation

from izvedba.providers.models import DataFile, Observation, Provider
from izvedba.providers.services.imports import ImportRejected, violence_cases_import
from izvedba.providers.tests.support import ReportAssertions, csv_bytes, load_structure

HEADER = (
    "case", "unit", "victim", "victim_age", "victim_sex", "perpetrator", "perpetrator_age", "perpetrator_sex",
    "relationship", "forms",
)  # fmt: skip
# Case K1 in Koper: a mother and her son, both hurt by the father; case S1 in Sežana: a woman and her former partner;
# case S2 in Sežana: a neglected child whose perpetrator is not known.
CASES = (
    ("K1", "koper", "v1", 40, "f", "p1", 44, "m", "partner", "physical;psychological"),
    ("K1", "koper", "v2", 12, "m", "p1", 44, "m", "parent", "psychological"),
    ("S1", "sezana", "v3", 70, "f", "p2", 72, "m", "former_partner", "economic"),
    ("S2", "sezana", "v4", 5, "m", "", "", "", "", "neglect"),
)


class ViolenceCasesImportTests(ReportAssertions, TestCase):
    provider: Provider

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_structure()

    def setUp(self) -> None:
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)

    def value(self, indicator: str, unit: str = "", **categories: str) -> int:
        lookups = {f"categories__{name}": code for name, code in categories.items()}
        observation = Observation.objects.get(indicator__code=indicator, year=2021, unit__code=unit or None, **lookups)
        return int(observation.value)

    def test_it_counts_each_case_and_person_once(self) -> None:
        violence_cases_import(provider=self.provider, year=2021, name="bsp.csv", data=csv_bytes(HEADER, *CASES))
        self.assertEqual(self.value("violence_cases", "koper"), 1)
        self.assertEqual(self.value("violence_cases", "sezana"), 2)
        self.assertEqual(self.value("violence_victims", "koper"), 2)
        self.assertEqual(self.value("violence_perpetrators", "koper"), 1)
        self.assertEqual(self.value("violence_perpetrators", "sezana"), 1)
        self.assertEqual(self.value("violence_victims_by_age", violence_age="27-45"), 1)
        self.assertEqual(self.value("violence_perpetrators_by_age", violence_age="27-45"), 1)
        self.assertEqual(self.value("violence_perpetrators_by_age", violence_age="61-75"), 1)

    def test_a_case_counts_once_under_each_of_its_forms(self) -> None:
        violence_cases_import(provider=self.provider, year=2021, name="bsp.csv", data=csv_bytes(HEADER, *CASES))
        self.assertEqual(self.value("violence_case_forms", violence_form="psychological"), 1)
        self.assertEqual(self.value("violence_case_forms", violence_form="physical"), 1)
        by_age = {"violence_form": "psychological", "victim_age_group": "0-14"}
        self.assertEqual(self.value("violence_victim_forms_by_age", **by_age), 1)
        self.assertEqual(
            self.value("violence_victim_forms_by_age", violence_form="economic", victim_age_group="66+"), 1
        )

    def test_its_counts_make_the_report_tables(self) -> None:
        violence_cases_import(provider=self.provider, year=2021, name="bsp.csv", data=csv_bytes(HEADER, *CASES))
        self.build_report(self.provider, 2021)
        self.assertEqual(self.cell("violence_cases_by_unit", "total", "count"), 3)
        self.assertEqual(self.cell("violence_cases_by_unit", "sezana", "share"), 67)
        self.assertEqual(self.cell("violence_forms", "total", "count"), 4)
        self.assertEqual(self.cell("violence_relationship_by_sex", "parent:m", "m"), 1)
        self.assertEqual(self.cell("violence_relationship", "total", "count"), 3)
        self.assertEqual(self.cell("violence_age", "total", "victims"), 4)

    def test_a_new_extract_replaces_the_years_counts(self) -> None:
        violence_cases_import(provider=self.provider, year=2021, name="bsp.csv", data=csv_bytes(HEADER, *CASES))
        violence_cases_import(provider=self.provider, year=2021, name="bsp2.csv", data=csv_bytes(HEADER, CASES[2]))
        self.assertFalse(Observation.objects.filter(unit__code="koper").exists())
        self.assertEqual(self.value("violence_cases", "sezana"), 1)

    def test_a_rejected_extract_changes_nothing(self) -> None:
        violence_cases_import(provider=self.provider, year=2021, name="bsp.csv", data=csv_bytes(HEADER, *CASES))
        before = list(Observation.objects.values_list("key", "value")), DataFile.objects.count()
        bad = (
            ("K9", "ljubljana", "v9", 30, "f", "p9", 31, "m", "partner", "physical"),
            ("K10", "koper", "v1", 41, "f", "p1", 44, "m", "partner", "verbal"),
            ("K11", "koper", "v11", "trideset", "f", "", "", "", "", "physical"),
        )
        with self.assertRaises(ImportRejected) as raised:
            violence_cases_import(
                provider=self.provider, year=2021, name="bad.csv", data=csv_bytes(HEADER, *CASES, *bad)
            )
        self.assertEqual((list(Observation.objects.values_list("key", "value")), DataFile.objects.count()), before)
        errors = [str(e) for e in raised.exception.errors]
        self.assertIn("bad.csv, row 6, column “unit”: “ljubljana” is not a unit of", errors[0])
        self.assertIn("bad.csv, row 7, column “victim”: “v1” is described differently in row 2", errors[1])
        self.assertIn("bad.csv, row 7, column “forms”: “verbal” is not a category", errors[2])
        self.assertIn("bad.csv, row 8, column “victim_age”: “trideset” is not a whole number", errors[3])

    def test_it_refuses_a_year_without_categories(self) -> None:
        with self.assertRaises(ImportRejected) as raised:
            violence_cases_import(provider=self.provider, year=2019, name="old.csv", data=csv_bytes(HEADER, *CASES))
        self.assertIn("has no categories for 2019", str(raised.exception.errors[0]))
