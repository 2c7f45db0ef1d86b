"""The round's XLSX round-trip: export, fill in like a reporter would, import — all of it or nothing."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import Any

from django.test import TestCase, override_settings
from django.utils import translation
from openpyxl import load_workbook

from izvedba.accounts.models import User
from izvedba.monitoring.models import IndicatorValue, Report, Round, Spending
from izvedba.monitoring.services.reports import IndicatorEntry, ReportChanges, report_submit, report_update
from izvedba.monitoring.services.xlsx_import import ImportOutcome, round_xlsx_import
from izvedba.monitoring.tests.cast import Cast, make_cast, open_round
from izvedba.monitoring.xlsx import layout
from izvedba.monitoring.xlsx.data import round_export_data
from izvedba.monitoring.xlsx.export import status_labels, workbook_bytes

Edits = dict[tuple[str, Any, Any], dict[str, Any]]


def export(round: Round, user: User) -> bytes:
    return workbook_bytes(round_export_data(round=round, user=user))


def rows_of(data: bytes) -> dict[tuple[str, Any, Any], int]:
    """Sheet row number by (kind, report id, indicator or line id)."""
    sheet = load_workbook(io.BytesIO(data))[layout.SHEET]
    found = {}
    for number in range(layout.FIRST_DATA_ROW, sheet.max_row + 1):
        kind, report_id, row_id = (sheet.cell(number, i).value for i in (1, 2, 3))
        found[(kind, report_id, row_id)] = number
    return found


def fill(data: bytes, edits: Edits) -> bytes:
    """Type values into the exported workbook the way a reporter would, and save it."""
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook[layout.SHEET]
    rows = rows_of(data)
    for key, values in edits.items():
        for column, value in values.items():
            sheet.cell(rows[key], layout.COLUMN_INDEX[column]).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cell_of(data: bytes, key: tuple[str, Any, Any], column: str) -> str:
    return layout.cell_ref(column, rows_of(data)[key])


class XlsxTestCase(TestCase):
    cast: Cast
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.round = open_round(cls.cast)

    def setUp(self) -> None:
        translation.activate("en")
        self.addCleanup(translation.deactivate)
        self.r1 = Report.objects.get(round=self.round, measure=self.cast.m1)
        self.r1_sub = Report.objects.get(round=self.round, measure=self.cast.m1_sub)
        self.r2 = Report.objects.get(round=self.round, measure=self.cast.m2)

    def do_import(self, data: bytes, user: User | None = None, round: Round | None = None) -> ImportOutcome:
        return round_xlsx_import(
            round=round or self.round, user=user or self.cast.reporter_msp, data=data, filename="krog.xlsx"
        )

    def state(self) -> list[tuple[Any, ...]]:
        """Everything an import could change, to assert that nothing did."""
        reports = Report.objects.filter(round=self.round).order_by("pk")
        return [
            *reports.values_list("pk", "version", "implementation_status", "narrative", "completed_on"),
            *IndicatorValue.objects.order_by("pk").values_list("pk", "value", "statement"),
            *Spending.objects.order_by("pk").values_list("pk", "amount_eur", "note"),
        ]


class RoundTripTests(XlsxTestCase):
    def test_it_applies_the_values_a_reporter_filled_in(self) -> None:
        cast, r1 = self.cast, self.r1
        data = export(self.round, cast.reporter_msp)
        filled = fill(
            data,
            {
                ("ukrep", r1.pk, None): {
                    "implementation_status": status_labels()["in_progress"],
                    "narrative": "Vzpostavili smo dve skupnostni enoti.",
                    "completed_on": None,
                },
                ("kazalnik", r1.pk, cast.ind_num.pk): {"value": "1.234,5"},
                ("kazalnik", r1.pk, cast.ind_text.pk): {"statement": "Mreža deluje v treh občinah."},
                ("sredstva", r1.pk, cast.line_a.pk): {"spent_eur": 8000.5},
                ("kazalnik", self.r1_sub.pk, cast.ind_sub.pk): {"value": 12},
            },
        )
        outcome = self.do_import(filled)
        self.assertEqual(outcome.errors, [])
        self.assertTrue(outcome.applied)
        self.assertEqual(outcome.changed_reports, 2)
        r1.refresh_from_db()
        self.assertEqual(
            (r1.implementation_status, r1.narrative), ("in_progress", "Vzpostavili smo dve skupnostni enoti.")
        )
        self.assertEqual(r1.version, 2)
        values = {v.indicator_id: (v.value, v.statement) for v in IndicatorValue.objects.filter(report=r1)}
        self.assertEqual(values[cast.ind_num.pk], (Decimal("1234.5"), ""))
        self.assertEqual(values[cast.ind_text.pk], (None, "Mreža deluje v treh občinah."))
        self.assertEqual(Spending.objects.get(report=r1, funding_line=cast.line_a).amount_eur, Decimal("8000.50"))
        self.assertEqual(IndicatorValue.objects.get(report=self.r1_sub).value, Decimal(12))

    def test_it_exports_what_was_saved_and_takes_its_own_export_back_unchanged(self) -> None:
        report_update(
            report=self.r1,
            user=self.cast.reporter_msp,
            changes=ReportChanges(
                implementation_status="completed",
                completed_on=dt.date(2026, 5, 4),
                narrative="=Končano\r\nv roku",
                indicator_values={self.cast.ind_num.pk: IndicatorEntry(Decimal("99.1234"))},
            ),
            version=1,
        )
        data = export(self.round, self.cast.reporter_msp)
        sheet = load_workbook(io.BytesIO(data))[layout.SHEET]
        row = rows_of(data)[("ukrep", self.r1.pk, None)]
        self.assertEqual(
            sheet.cell(row, layout.COLUMN_INDEX["implementation_status"]).value, status_labels()["completed"]
        )
        completed = sheet.cell(row, layout.COLUMN_INDEX["completed_on"]).value
        self.assertEqual(completed.date(), dt.date(2026, 5, 4))
        before = self.state()
        outcome = self.do_import(data)
        self.assertEqual((outcome.errors, outcome.changed_reports), ([], 0))
        self.assertEqual(self.state(), before)

    def test_it_skips_untouched_rows_of_reports_changed_since_the_export(self) -> None:
        data = export(self.round, self.cast.reporter_msp)
        report_update(
            report=self.r1, user=self.cast.reporter_msp, changes=ReportChanges(narrative="Na spletu"), version=1
        )
        outcome = self.do_import(fill(data, {("ukrep", self.r1_sub.pk, None): {"narrative": "Pilot teče."}}))
        self.assertEqual((outcome.errors, outcome.changed_reports), ([], 1))
        self.r1.refresh_from_db()
        self.assertEqual(self.r1.narrative, "Na spletu")

    def test_it_lets_a_reporter_export_only_the_reports_they_may_read(self) -> None:
        keys = rows_of(export(self.round, self.cast.reporter_other))
        self.assertEqual({report_id for _kind, report_id, _row in keys}, {self.r2.pk})
        everything = rows_of(export(self.round, self.cast.coordinator))
        self.assertEqual(len({report_id for _kind, report_id, _row in everything}), 4)

    def test_it_greys_and_locks_the_cells_a_reporter_does_not_fill(self) -> None:
        data = export(self.round, self.cast.reporter_msp)
        workbook = load_workbook(io.BytesIO(data))
        sheet = workbook[layout.SHEET]
        row = rows_of(data)[("kazalnik", self.r1.pk, self.cast.ind_num.pk)]
        value = sheet.cell(row, layout.COLUMN_INDEX["value"])
        target = sheet.cell(row, layout.COLUMN_INDEX["target"])
        self.assertFalse(value.protection.locked)
        self.assertTrue(target.protection.locked)
        self.assertEqual(target.fill.fgColor.rgb[-6:], "E4E7EB")
        self.assertTrue(sheet.protection.sheet)
        self.assertEqual(workbook[layout.META_SHEET].sheet_state, "hidden")
        self.assertEqual(sheet.data_validations.dataValidation[0].type, "list")


class RejectionTests(XlsxTestCase):
    def assert_nothing_changed(self, outcome: ImportOutcome, before: list[tuple[Any, ...]]) -> None:
        self.assertFalse(outcome.applied)
        self.assertEqual(outcome.changed_reports, 0)
        self.assertEqual(self.state(), before)

    def test_it_changes_nothing_when_one_cell_is_bad_and_names_that_cell(self) -> None:
        data = export(self.round, self.cast.reporter_msp)
        key = ("kazalnik", self.r1.pk, self.cast.ind_num.pk)
        filled = fill(
            data,
            {
                ("ukrep", self.r1.pk, None): {"narrative": "To se ne sme shraniti."},
                key: {"value": "N/A"},
                ("kazalnik", self.r1_sub.pk, self.cast.ind_sub.pk): {"value": 15},
            },
        )
        before = self.state()
        outcome = self.do_import(filled)
        self.assert_nothing_changed(outcome, before)
        self.assertEqual(len(outcome.errors), 1)
        error = outcome.errors[0]
        self.assertEqual((error.sheet, error.cell), ("Poročila", cell_of(data, key, "value")))
        self.assertIn("“N/A” is not a number", error.message)

    def test_it_rejects_negative_money_in_its_cell(self) -> None:
        data = export(self.round, self.cast.reporter_msp)
        key = ("sredstva", self.r1.pk, self.cast.line_b.pk)
        before = self.state()
        outcome = self.do_import(fill(data, {key: {"spent_eur": -100}}))
        self.assert_nothing_changed(outcome, before)
        self.assertEqual([(e.sheet, e.cell) for e in outcome.errors], [("Poročila", cell_of(data, key, "spent_eur"))])
        self.assertIn("cannot be negative", outcome.errors[0].message)

    def test_it_reports_every_rejected_cell_in_sheet_order(self) -> None:
        data = export(self.round, self.cast.reporter_msp)
        measure, money = ("ukrep", self.r1.pk, None), ("sredstva", self.r1.pk, self.cast.line_a.pk)
        filled = fill(
            data,
            {
                measure: {"implementation_status": "morda", "completed_on": "32. 13. 2026"},
                money: {"spent_eur": "veliko"},
                ("ukrep", self.r1_sub.pk, None): {"implementation_status": status_labels()["late"]},
            },
        )
        outcome = self.do_import(filled)
        self.assertEqual(
            [e.cell for e in outcome.errors],
            [
                cell_of(data, measure, "implementation_status"),
                cell_of(data, measure, "completed_on"),
                cell_of(data, money, "spent_eur"),
                cell_of(data, ("ukrep", self.r1_sub.pk, None), "status_reason"),
            ],
        )
        self.assertIn("needs a reason", outcome.errors[-1].message)

    def test_it_refuses_rows_of_a_report_the_user_may_read_but_not_fill(self) -> None:
        data = export(self.round, self.cast.coordinator)
        key = ("ukrep", self.r1.pk, None)
        before = self.state()
        outcome = self.do_import(fill(data, {key: {"narrative": "Ni naše."}}), user=self.cast.reporter_participant)
        self.assert_nothing_changed(outcome, before)
        self.assertEqual([e.cell for e in outcome.errors], [cell_of(data, key, "narrative")])
        self.assertIn("may not fill in the report on measure 1", outcome.errors[0].message)

    def test_it_treats_rows_of_a_report_the_user_may_not_read_as_unknown(self) -> None:
        data = export(self.round, self.cast.coordinator)
        key = ("kazalnik", self.r2.pk, self.cast.ind_m2.pk)
        before = self.state()
        outcome = self.do_import(fill(data, {key: {"value": 3}}))
        self.assert_nothing_changed(outcome, before)
        self.assertEqual([e.cell for e in outcome.errors], [cell_of(data, key, "value")])
        self.assertIn("not in this round (or that you may not read)", outcome.errors[0].message)

    def test_it_refuses_a_change_to_a_report_changed_since_the_export(self) -> None:
        data = export(self.round, self.cast.reporter_msp)
        report_update(
            report=self.r1, user=self.cast.reporter_msp, changes=ReportChanges(narrative="Na spletu"), version=1
        )
        key = ("kazalnik", self.r1.pk, self.cast.ind_num.pk)
        before = self.state()
        outcome = self.do_import(fill(data, {key: {"value": 10}}))
        self.assert_nothing_changed(outcome, before)
        self.assertEqual([e.cell for e in outcome.errors], [cell_of(data, key, "value")])
        self.assertIn("Conflict", outcome.errors[0].message)

    def test_it_refuses_a_change_to_a_submitted_report(self) -> None:
        report_update(
            report=self.r1,
            user=self.cast.reporter_msp,
            changes=ReportChanges(implementation_status="in_progress"),
            version=1,
        )
        data = export(self.round, self.cast.reporter_msp)
        report_submit(report=self.r1, user=self.cast.reporter_msp)
        outcome = self.do_import(fill(data, {("ukrep", self.r1.pk, None): {"narrative": "Prepozno"}}))
        self.assertFalse(outcome.applied)
        self.assertIn("submitted", outcome.errors[0].message)

    def test_it_refuses_a_file_of_another_round(self) -> None:
        other = open_round(self.cast, label="2027", period_start=dt.date(2027, 1, 1), period_end=dt.date(2027, 12, 31))
        data = fill(export(other, self.cast.reporter_msp), {})
        before = self.state()
        outcome = self.do_import(data)
        self.assert_nothing_changed(outcome, before)
        self.assertEqual([(e.sheet, e.cell) for e in outcome.errors], [("_meta", "B1")])
        self.assertIn("exported from another round", outcome.errors[0].message)

    def test_it_refuses_a_file_of_another_template_version(self) -> None:
        workbook = load_workbook(io.BytesIO(export(self.round, self.cast.reporter_msp)))
        workbook[layout.META_SHEET]["B3"] = "izvedba-krog-0"
        buffer = io.BytesIO()
        workbook.save(buffer)
        outcome = self.do_import(buffer.getvalue())
        self.assertEqual([(e.sheet, e.cell) for e in outcome.errors], [("_meta", "B3")])
        self.assertIn("another version of the round template", outcome.errors[0].message)

    def test_it_refuses_a_file_that_is_not_a_workbook(self) -> None:
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("hello.txt", "not a workbook")
        for data in (b"Ukrep;Vrednost\n1;12\n", archive.getvalue(), export(self.round, self.cast.admin)[:2000], b""):
            with self.subTest(data=data[:20]):
                outcome = self.do_import(data)
                self.assertFalse(outcome.applied)
                self.assertEqual(len(outcome.errors), 1)
                self.assertEqual(outcome.errors[0].cell, "")
                self.assertRegex(outcome.errors[0].message, r"(not an Excel workbook|could not be read|empty)")

    def test_it_refuses_a_workbook_without_the_reports_sheet(self) -> None:
        workbook = load_workbook(io.BytesIO(export(self.round, self.cast.reporter_msp)))
        workbook[layout.SHEET].title = "List1"
        buffer = io.BytesIO()
        workbook.save(buffer)
        outcome = self.do_import(buffer.getvalue())
        self.assertEqual(len(outcome.errors), 1)
        self.assertIn("has no sheet “Poročila”", outcome.errors[0].message)

    def test_it_refuses_moved_columns(self) -> None:
        workbook = load_workbook(io.BytesIO(export(self.round, self.cast.reporter_msp)))
        workbook[layout.SHEET].insert_cols(3)
        buffer = io.BytesIO()
        workbook.save(buffer)
        outcome = self.do_import(buffer.getvalue())
        self.assertEqual([e.cell for e in outcome.errors], ["C2"])
        self.assertIn("not the one exported", outcome.errors[0].message)

    @override_settings(IZVEDBA_IMPORT_MAX_BYTES=1000)
    def test_it_refuses_a_file_over_the_size_limit(self) -> None:
        outcome = self.do_import(export(self.round, self.cast.reporter_msp))
        self.assertFalse(outcome.applied)
        self.assertIn("the limit is", outcome.errors[0].message)

    def test_it_refuses_rows_typed_below_the_export_and_repeated_rows(self) -> None:
        data = export(self.round, self.cast.reporter_msp)
        workbook = load_workbook(io.BytesIO(data))
        sheet = workbook[layout.SHEET]
        last = sheet.max_row
        sheet.cell(last + 2, layout.COLUMN_INDEX["narrative"]).value = "Dodatna vrstica"
        for column in range(1, len(layout.COLUMNS) + 1):
            sheet.cell(last + 3, column).value = sheet.cell(layout.FIRST_DATA_ROW, column).value
        buffer = io.BytesIO()
        workbook.save(buffer)
        before = self.state()
        outcome = self.do_import(buffer.getvalue())
        self.assert_nothing_changed(outcome, before)
        self.assertEqual([e.cell for e in outcome.errors], [f"A{last + 2}", f"A{last + 3}"])
        self.assertIn("no row kind", outcome.errors[0].message)
        self.assertIn(f"repeats row {layout.FIRST_DATA_ROW}", outcome.errors[1].message)
