"""A section template with a bad cell, or of another provider, year, section or template version: refused with a
message naming the sheet and cell (or saying which file it is), and nothing stored."""

from __future__ import annotations

from django.test import TestCase
from django.utils import translation
from openpyxl import Workbook

from izvedba.providers.models import DataFile, Observation, Provider
from izvedba.providers.services.imports import observations_import
from izvedba.providers.tests.capture_support import fill, open_workbook, saved, template
from izvedba.providers.tests.support import csv_bytes, load_structure
from izvedba.providers.xlsx import layout
from izvedba.providers.xlsx.services import CaptureRejected, section_xlsx_import


class XlsxRejectedTests(TestCase):
    provider: Provider
    other: Provider

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_structure()
        cls.other = Provider.objects.exclude(pk=cls.provider.pk).order_by("organisation__name").first()  # type: ignore[assignment]
        header = ("indicator", "year", "unit", "idp_type", "value")
        observations_import(
            provider=cls.provider,
            name="idp.csv",
            data=csv_bytes(header, ("idp_applications", 2021, "koper", "idp", 693)),
        )

    def setUp(self) -> None:
        translation.activate("en")
        self.addCleanup(translation.deactivate)

    def rejected(self, data: bytes, *, section: str = "rights", year: int = 2021) -> list[str]:
        before = list(Observation.objects.values_list("key", "value")), DataFile.objects.count()
        with self.assertRaises(CaptureRejected) as raised:
            section_xlsx_import(provider=self.provider, year=year, section=section, data=data, user=None)
        self.assertEqual((list(Observation.objects.values_list("key", "value")), DataFile.objects.count()), before)
        return [str(error) for error in raised.exception.errors]

    def filled(self) -> tuple[Workbook, bytes]:
        workbook = open_workbook(template(self.provider, 2021, "rights"))
        fill(workbook["idp_applications"], ("koper",), "idp", 700)  # a good change that must not be applied
        fill(workbook["idp_applications"], ("izola",), "idp", 12)
        return workbook, saved(workbook)

    def test_it_names_the_cell_with_a_negative_count_and_stores_nothing(self) -> None:
        workbook, _data = self.filled()
        ref = fill(workbook["rights_decided"], ("piran", "5"), "DP", -3)
        errors = self.rejected(saved(workbook))
        self.assertEqual(len(errors), 1)
        self.assertIn(f"Sheet “rights_decided”, cell {ref}: ", errors[0])
        self.assertIn("-3 is negative", errors[0])

    def test_it_names_the_cell_with_text_where_a_number_belongs(self) -> None:
        workbook, _data = self.filled()
        ref = fill(workbook["rights_applications"], ("2",), "sezana", "twelve")
        errors = self.rejected(saved(workbook))
        self.assertEqual(
            errors,
            [
                f"Sheet “rights_applications”, cell {ref}: “twelve” is not a number. Write digits with a decimal "
                "point (e.g. 51.33), no thousands separators."
            ],
        )

    def test_it_names_the_code_cell_of_a_category_not_in_that_years_set(self) -> None:
        workbook, _data = self.filled()
        sheet = workbook["idp_applications"]
        sheet["E2"] = "emergency"  # last year's label left in this year's table
        sheet["E4"] = 3
        errors = self.rejected(saved(workbook))
        self.assertEqual(len(errors), 1)
        self.assertIn("Sheet “idp_applications”, cell E2: “emergency” is not a category of", errors[0])

    def test_it_names_the_code_cell_of_a_unit_that_is_not_the_providers(self) -> None:
        workbook, _data = self.filled()
        sheet = workbook["idp_applications"]
        sheet["A5"] = "ljubljana"
        sheet["C5"] = 4
        errors = self.rejected(saved(workbook))
        self.assertEqual(len(errors), 1)
        self.assertIn("Sheet “idp_applications”, cell A5: “ljubljana” is not a unit of", errors[0])

    def test_it_names_a_row_that_repeats_another(self) -> None:
        workbook, _data = self.filled()
        sheet = workbook["idp_applications"]
        sheet["A6"], sheet["C6"] = sheet["A5"].value, 1
        errors = self.rejected(saved(workbook))
        self.assertEqual(
            errors,
            ["Sheet “idp_applications”, cell C6: row 6 has the same codes as row 5; each figure may be given once."],
        )

    def test_it_refuses_another_template_version(self) -> None:
        workbook, _data = self.filled()
        workbook[layout.META_SHEET]["B1"] = "izvedba-izvajalci-0"
        errors = self.rejected(saved(workbook))
        self.assertEqual(len(errors), 1)
        self.assertIn("made from template version “izvedba-izvajalci-0”", errors[0])

    def test_it_refuses_the_template_of_another_provider(self) -> None:
        errors = self.rejected(template(self.other, 2021, "rights"))
        self.assertEqual(len(errors), 1)
        self.assertIn(f"holds the figures of {self.other.organisation.name}, not of", errors[0])

    def test_it_refuses_the_template_of_another_year(self) -> None:
        errors = self.rejected(template(self.provider, 2020, "rights"))
        self.assertEqual(
            errors, ["This workbook holds the figures of 2020, not of 2021. Upload it on the page of 2020."]
        )

    def test_it_refuses_the_template_of_another_section(self) -> None:
        errors = self.rejected(template(self.provider, 2021, "violence"))
        self.assertEqual(
            errors, ["This workbook is the template of the section “violence”, not “rights”. Upload it there."]
        )

    def test_it_refuses_a_template_made_with_other_category_sets(self) -> None:
        workbook, _data = self.filled()
        meta = workbook[layout.META_SHEET]
        row = next(r for r in meta.iter_rows() if r[0].value == "category_set" and r[1].value == "right")
        row[2].value = 2019
        errors = self.rejected(saved(workbook))
        self.assertIn("have changed since this workbook was made", errors[0])

    def test_it_refuses_a_file_that_is_not_a_workbook(self) -> None:
        errors = self.rejected(b"indicator,year\n")
        self.assertIn("not an Excel workbook", errors[0])
