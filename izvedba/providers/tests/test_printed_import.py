from __future__ import annotations

from decimal import Decimal

from django.test import TestCase
from django.utils import translation

from izvedba.providers.models import PrintedFigure, Provider
from izvedba.providers.services.imports import ImportRejected, printed_import
from izvedba.providers.tests.support import csv_bytes, load_structure

HEADER = ("year", "table", "row", "column", "value", "source", "note")


class PrintedImportTests(TestCase):
    provider: Provider

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_structure()

    def setUp(self) -> None:
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)

    def rejected(self, data: bytes) -> list[str]:
        with self.assertRaises(ImportRejected) as raised:
            printed_import(provider=self.provider, name="printed.csv", data=data)
        self.assertFalse(PrintedFigure.objects.exists())
        return [str(error) for error in raised.exception.errors]

    def test_it_stores_printed_figures_with_their_decimals_and_hours_in_minutes(self) -> None:
        data = csv_bytes(
            HEADER,
            (2021, "kczn_nights_by_month", "average", "days", "51.33", "003 L3577", ""),
            (2021, "interventions_by_month", "total", "minutes", "464:25", "003 L5518", "h:mm"),
            (2021, "rights_by_month_unit", "zupjs:08+zupjs:09", "applications", 7504, "003 L2340", ""),
        )
        result = printed_import(provider=self.provider, name="printed.csv", data=data)
        self.assertEqual(result.created, 3)
        average = PrintedFigure.objects.get(table="kczn_nights_by_month")
        self.assertEqual((average.value, average.decimals), (Decimal("51.33"), 2))
        self.assertEqual(PrintedFigure.objects.get(table="interventions_by_month").value, 27865)

    def test_it_rejects_a_table_row_or_column_the_report_does_not_have(self) -> None:
        errors = self.rejected(
            csv_bytes(
                HEADER,
                (2021, "no_such_table", "total", "count", 1, "p. 3", ""),
                (2021, "kcm_referrals", "police", "count", 1, "p. 3", ""),
                (2021, "kcm_referrals", "csd", "share", 1, "p. 3", ""),
            )
        )
        self.assertIn("row 2, column “table”: “no_such_table” is not a table", errors[0])
        self.assertIn("row 3, column “row”: the table “kcm_referrals” has no row “police” in 2021", errors[1])
        self.assertIn("csd, intervention, self, total", errors[1])
        self.assertIn("row 4, column “column”: the table “kcm_referrals” has no column “share”", errors[2])

    def test_it_rejects_text_in_the_value_and_a_missing_source(self) -> None:
        errors = self.rejected(
            csv_bytes(
                HEADER,
                (2021, "kcm_referrals", "csd", "count", "32 otrok", "p. 3", ""),
                (2021, "kcm_referrals", "csd", "count", 32, "", ""),
            )
        )
        self.assertEqual(len(errors), 2)
        self.assertIn("row 2, column “value”: “32 otrok” is not a number", errors[0])
        self.assertIn("row 3, column “source”: the cell is empty.", errors[1])

    def test_it_refuses_hours_where_the_column_is_not_a_duration(self) -> None:
        errors = self.rejected(csv_bytes(HEADER, (2021, "kcm_referrals", "csd", "count", "1:30", "p. 3", "")))
        self.assertIn("is written as hours (h:mm), but this figure is not a duration", errors[0])
