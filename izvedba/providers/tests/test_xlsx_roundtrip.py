"""A section's XLSX template: generated with the stored figures, filled in like a user would, uploaded, stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import TestCase
from django.utils import translation

from izvedba.providers.models import DataFile, Indicator, Observation, Provider
from izvedba.providers.selectors import report_tables
from izvedba.providers.services.imports import observations_import
from izvedba.providers.tests.capture_support import cell_ref, fill, open_workbook, saved, template
from izvedba.providers.tests.support import csv_bytes, load_structure
from izvedba.providers.xlsx import layout
from izvedba.providers.xlsx.sections import all_sections
from izvedba.providers.xlsx.services import CaptureResult, section_xlsx_import


class XlsxRoundTripTests(TestCase):
    provider: Provider

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_structure()

    def setUp(self) -> None:
        translation.activate("en")
        self.addCleanup(translation.deactivate)

    def upload(self, data: bytes, section: str = "rights", year: int = 2021) -> CaptureResult:
        return section_xlsx_import(provider=self.provider, year=year, section=section, data=data, user=None)

    def test_it_makes_one_sheet_per_indicator_with_a_hidden_meta_sheet(self) -> None:
        workbook = open_workbook(template(self.provider, 2021, "rights"))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Instructions",
                "rights_applications",
                "rights_decided",
                "idp_applications",
                "zupjs_applications",
                "_meta",
            ],
        )
        self.assertEqual(workbook[layout.META_SHEET].sheet_state, "hidden")
        meta = {row[0]: row[1:] for row in workbook[layout.META_SHEET].iter_rows(values_only=True)}
        self.assertEqual(meta["provider"][0], "csd-juzna-primorska")
        self.assertEqual(meta["year"][0], 2021)
        self.assertEqual(meta["section"][0], "rights")
        self.assertEqual(meta["template_version"][0], layout.TEMPLATE_VERSION)
        self.assertEqual(meta["category_set"][:2], ("right", 2020))

    def test_it_lays_out_the_finest_grain_with_labels_locked_and_inputs_unlocked(self) -> None:
        sheet = open_workbook(template(self.provider, 2021, "rights"))["rights_decided"]
        self.assertEqual([c.value for c in sheet[layout.KEY_ROW]][:5], ["unit", "month", None, None, "OD"])
        self.assertEqual(sheet.max_row, layout.FIRST_DATA_ROW + 5 * 12 - 1)  # 4 units and Služba ZUPJS × 12 months
        self.assertEqual(
            (sheet["A4"].value, sheet["B4"].value, sheet["C4"].value, sheet["D4"].value),
            ("izola", "1", "Izola", "January"),
        )
        self.assertTrue(sheet["C4"].protection.locked)
        self.assertFalse(sheet["E4"].protection.locked)
        self.assertTrue(sheet.protection.sheet)
        validations = list(sheet.data_validations.dataValidation)
        self.assertEqual(
            (validations[0].type, validations[0].operator, validations[0].formula1),
            ("whole", "greaterThanOrEqual", "0"),
        )

    def test_it_turns_a_grid_of_one_row_so_that_the_categories_run_down(self) -> None:
        workbook = open_workbook(template(self.provider, 2021, "rights"))
        self.assertEqual(
            [c.value for c in workbook["zupjs_applications"][layout.KEY_ROW]], ["application_kind", None, "zupjs"]
        )
        workbook = open_workbook(template(self.provider, 2021, "violence"))
        self.assertEqual([c.value for c in workbook["violence_mdt"][layout.KEY_ROW]], ["year", None, "value"])
        self.assertEqual(
            [c.value for c in workbook["violence_case_forms"][layout.KEY_ROW]], ["violence_form", None, "value"]
        )

    def test_it_fills_in_the_figures_already_stored(self) -> None:
        header = ("indicator", "year", "month", "unit", "time_band", "value")
        observations_import(
            provider=self.provider,
            name="i.csv",
            data=csv_bytes(header, ("intervention_minutes", 2021, 1, "interventna", "weekday_day", "18:55")),
        )
        sheet = open_workbook(template(self.provider, 2021, "interventions"))["intervention_minutes"]
        ref = cell_ref(sheet, ("interventna", "1"), "weekday_day")
        self.assertEqual(sheet[ref].value, "18:55")

    def test_it_stores_what_a_user_filled_in_and_the_report_tables_show_it(self) -> None:
        workbook = open_workbook(template(self.provider, 2021, "rights"))
        fill(workbook["rights_applications"], ("1",), "koper", 410)
        fill(workbook["rights_decided"], ("koper", "1"), "DP", 120)
        fill(workbook["rights_decided"], ("koper", "1"), "OD", 75.0)
        result = self.upload(saved(workbook))
        self.assertEqual(result.created, 3)
        self.assertEqual(
            Observation.objects.get(indicator__code="rights_decided", categories={"right": "DP"}).value, Decimal(120)
        )
        table = report_tables(provider=self.provider, year=2021).tables["rights_by_month_unit"]
        self.assertEqual(table.cell("koper:01", "applications"), 410)
        self.assertEqual(table.cell("koper:01", "DP"), 120)
        self.assertEqual(table.cell("koper:01", "rights"), 195)

    def test_it_stores_durations_typed_as_h_mm_in_minutes(self) -> None:
        workbook = open_workbook(template(self.provider, 2021, "interventions"))
        fill(workbook["intervention_minutes"], ("interventna", "3"), "weekday_night", "4:20")
        fill(workbook["intervention_minutes"], ("interventna", "3"), "sunday_day", dt.time(15, 25))
        self.upload(saved(workbook), section="interventions")
        values = dict(
            Observation.objects.filter(indicator__code="intervention_minutes").values_list(
                "categories__time_band", "value"
            )
        )
        self.assertEqual(values, {"weekday_night": 260, "sunday_day": 925})

    def test_it_changes_nothing_when_the_same_file_comes_back(self) -> None:
        workbook = open_workbook(template(self.provider, 2021, "rights"))
        fill(workbook["idp_applications"], ("koper",), "idp", 693)
        self.upload(saved(workbook))
        again = self.upload(template(self.provider, 2021, "rights"))
        self.assertEqual((again.created, again.updated, again.removed, again.unchanged), (0, 0, 0, 1))

    def test_it_keeps_the_source_of_a_figure_that_did_not_change(self) -> None:
        header = ("indicator", "year", "unit", "idp_type", "value", "source")
        observations_import(
            provider=self.provider,
            name="idp.csv",
            data=csv_bytes(header, ("idp_applications", 2021, "koper", "idp", 693, "003 L2902")),
        )
        workbook = open_workbook(template(self.provider, 2021, "rights"))
        fill(workbook["idp_applications"], ("koper",), "pos_pog", 12)
        self.upload(saved(workbook))
        sources = dict(Observation.objects.values_list("categories__idp_type", "source"))
        self.assertEqual(sources, {"idp": "003 L2902", "pos_pog": "xlsx: rights 2021"})

    def test_it_removes_a_figure_whose_cell_was_emptied(self) -> None:
        workbook = open_workbook(template(self.provider, 2021, "rights"))
        fill(workbook["idp_applications"], ("koper",), "idp", 693)
        fill(workbook["idp_applications"], ("izola",), "idp", 5)
        self.upload(saved(workbook))
        workbook = open_workbook(template(self.provider, 2021, "rights"))
        fill(workbook["idp_applications"], ("izola",), "idp", None)
        result = self.upload(saved(workbook))
        self.assertEqual(result.removed, 1)
        self.assertEqual(list(Observation.objects.values_list("unit__code", flat=True)), ["koper"])

    def test_it_records_the_upload_as_a_data_file(self) -> None:
        workbook = open_workbook(template(self.provider, 2021, "crisis_centres"))
        fill(workbook["kcm_placements"], ("1",), "kcm", 5)
        self.upload(saved(workbook), section="crisis_centres")
        self.assertEqual(DataFile.objects.get().name, "csd-juzna-primorska-2021-crisis_centres.xlsx")

    def test_it_puts_every_indicator_in_exactly_one_section(self) -> None:
        codes = [code for section in all_sections() for code in section.indicator_codes]
        self.assertEqual(sorted(codes), sorted(Indicator.objects.values_list("code", flat=True)))
        self.assertEqual(len(codes), len(set(codes)))
        self.assertTrue(all(section.label and section.label_en for section in all_sections()))
