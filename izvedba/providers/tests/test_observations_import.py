from __future__ import annotations

from django.test import TestCase
from django.utils import translation

from izvedba.providers.models import DataFile, Observation, Provider
from izvedba.providers.services.imports import ImportRejected, observations_import
from izvedba.providers.tests.support import csv_bytes, load_structure

HEADER = ("indicator", "year", "month", "unit", "violence_form", "value", "source")


class ObservationsImportTests(TestCase):
    provider: Provider

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_structure()

    def setUp(self) -> None:
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)

    def rejected(self, data: bytes, name: str = "upload.csv") -> list[str]:
        before = Observation.objects.count(), DataFile.objects.count()
        with self.assertRaises(ImportRejected) as raised:
            observations_import(provider=self.provider, name=name, data=data)
        self.assertEqual((Observation.objects.count(), DataFile.objects.count()), before)
        return [str(error) for error in raised.exception.errors]

    def test_it_stores_each_figure_once_and_a_second_import_changes_nothing(self) -> None:
        data = csv_bytes(
            HEADER,
            ("kcm_placements", 2021, 1, "kcm", "", 5, "L1"),
            ("violence_case_forms", 2021, "", "", "physical", 205, "L2"),
        )
        first = observations_import(provider=self.provider, name="ok.csv", data=data)
        second = observations_import(provider=self.provider, name="ok.csv", data=data)
        self.assertEqual((first.created, first.updated), (2, 0))
        self.assertEqual((second.created, second.updated, second.unchanged), (0, 0, 2))
        self.assertEqual(DataFile.objects.count(), 1)
        forms = Observation.objects.get(indicator__code="violence_case_forms")
        self.assertEqual((forms.categories, forms.value), ({"violence_form": "physical"}, 205))

    def test_it_updates_a_figure_imported_again_with_a_new_value(self) -> None:
        observations_import(
            provider=self.provider, name="a.csv", data=csv_bytes(HEADER, ("kcm_placements", 2021, 1, "kcm", "", 5, ""))
        )
        result = observations_import(
            provider=self.provider, name="b.csv", data=csv_bytes(HEADER, ("kcm_placements", 2021, 1, "kcm", "", 6, ""))
        )
        self.assertEqual((result.created, result.updated), (0, 1))
        self.assertEqual(Observation.objects.get().value, 6)

    def test_it_stores_hours_written_as_h_mm_in_minutes(self) -> None:
        header = ("indicator", "year", "month", "unit", "time_band", "value")
        observations_import(
            provider=self.provider,
            name="h.csv",
            data=csv_bytes(header, ("intervention_minutes", 2021, 9, "interventna", "weekday_day", "25:00")),
        )
        self.assertEqual(Observation.objects.get().value, 1500)

    def test_it_rejects_a_negative_count(self) -> None:
        errors = self.rejected(csv_bytes(HEADER, ("kcm_placements", 2021, 1, "kcm", "", -3, "")), "neg.csv")
        self.assertEqual(
            errors, ["neg.csv, row 2, column “value”: -3 is negative; a count or a duration cannot be below zero."]
        )

    def test_it_rejects_a_month_outside_the_year(self) -> None:
        errors = self.rejected(csv_bytes(HEADER, ("kcm_placements", 2021, 13, "kcm", "", 2, "")))
        self.assertEqual(errors, ["upload.csv, row 2, column “month”: 13 is not a month of the year; write 1 to 12."])

    def test_it_rejects_a_date_range_outside_the_year(self) -> None:
        header = ("indicator", "year", "period_start", "period_end", "unit", "value")
        errors = self.rejected(csv_bytes(header, ("kcm_referrals", 2021, "2020-12-01", "2021-01-31", "kcm", 2)))
        self.assertIn("column “period_start”: 2020-12-01 is outside the year 2021.", errors[0])

    def test_it_rejects_a_unit_that_is_not_the_providers(self) -> None:
        errors = self.rejected(csv_bytes(HEADER, ("kcm_placements", 2021, 1, "celje", "", 2, "")))
        self.assertEqual(len(errors), 1)
        self.assertIn(
            "row 2, column “unit”: “celje” is not a unit of Center za socialno delo Južna Primorska", errors[0]
        )
        self.assertIn("izola, koper, piran, sezana", errors[0])

    def test_it_rejects_a_category_not_in_that_years_set(self) -> None:
        errors = self.rejected(
            csv_bytes(
                HEADER,
                ("violence_case_forms", 2021, "", "", "verbal", 3, ""),
                ("violence_case_forms", 2020, "", "", "physical", 3, ""),
            )
        )
        self.assertIn(
            "row 2, column “violence_form”: “verbal” is not a category of “Form of violence” in 2021", errors[0]
        )
        self.assertIn("physical, psychological, sexual, economic, neglect, stalking", errors[0])
        self.assertIn("row 3, column “violence_form”: “Form of violence” has no categories for 2020", errors[1])

    def test_it_rejects_text_in_a_number_cell(self) -> None:
        errors = self.rejected(csv_bytes(HEADER, ("kcm_placements", 2021, 1, "kcm", "", "pet", "")))
        self.assertEqual(len(errors), 1)
        self.assertIn("row 2, column “value”: “pet” is not a number.", errors[0])

    def test_it_rejects_a_share_that_does_not_follow_from_its_counts(self) -> None:
        header = ("indicator", "year", "unit", "value", "share")
        data = csv_bytes(
            header,
            ("violence_cases", 2021, "izola", 7, 2),
            ("violence_cases", 2021, "koper", 154, 40),
            ("violence_cases", 2021, "piran", 33, 9),
            ("violence_cases", 2021, "sezana", 173, 47),
        )
        errors = self.rejected(data)
        self.assertEqual(
            errors,
            [
                "upload.csv, row 3, column “share”: "
                "the share 40 % does not follow from the figures: 154 of 367 is 41.96 %."
            ],
        )

    def test_it_accepts_shares_that_follow_from_their_counts(self) -> None:
        header = ("indicator", "year", "unit", "value", "share")
        data = csv_bytes(
            header, ("violence_cases", 2021, "izola", 7, "4.3"), ("violence_cases", 2021, "koper", 154, 96)
        )
        result = observations_import(provider=self.provider, name="s.csv", data=data)
        self.assertEqual(result.created, 2)

    def test_it_names_every_wrong_cell_and_stores_none_of_the_good_ones(self) -> None:
        data = csv_bytes(
            HEADER,
            ("kcm_placements", 2021, 1, "kcm", "", 5, ""),
            ("kcm_placements", 2021, 2, "kcm", "", "x", ""),
            ("nonsense", 2021, 3, "kcm", "", 1, ""),
        )
        errors = self.rejected(data)
        self.assertEqual(
            [e.split(":")[0] for e in errors],
            ["upload.csv, row 3, column “value”", "upload.csv, row 4, column “indicator”"],
        )

    def test_it_rejects_the_same_figure_twice(self) -> None:
        row = ("kcm_placements", 2021, 1, "kcm", "", 5, "")
        errors = self.rejected(csv_bytes(HEADER, row, row))
        self.assertEqual(errors, ["upload.csv, row 3: the same figure is already given in row 2."])

    def test_it_rejects_a_breakdown_the_indicator_does_not_have(self) -> None:
        errors = self.rejected(csv_bytes(HEADER, ("kcm_placements", 2021, 1, "kcm", "physical", 5, "")))
        self.assertIn("column “violence_form”: “kcm_placements” is not broken down by this dimension", errors[0])

    def test_it_rejects_an_unknown_column_and_a_file_that_is_not_utf8(self) -> None:
        errors = self.rejected(b"indicator,year,value,colour\nkcm_placements,2021,5,red\n")
        self.assertIn("row 1, column “colour”: the column “colour” is not known", errors[0])
        errors = self.rejected("indicator,year,value\nkcm_placements,2021,5\n".encode("utf-16"))
        self.assertIn("is not UTF-8 text", errors[0])
