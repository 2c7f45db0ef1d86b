from __future__ import annotations

from decimal import Decimal

from django.test import SimpleTestCase

from izvedba.rendering import formatting


class FormattingTests(SimpleTestCase):
    def test_numbers_are_grouped_the_slovenian_way_or_the_english_way(self) -> None:
        self.assertEqual(formatting.number(Decimal("26930"), "sl"), "26.930")
        self.assertEqual(formatting.number(Decimal("51.33"), "sl"), "51,33")
        self.assertEqual(formatting.number(Decimal("100.90"), "sl", 1), "100,9")
        self.assertEqual(formatting.number(Decimal("26930"), "en"), "26,930")
        self.assertEqual(formatting.number(None, "sl"), "–")

    def test_money_and_dates_come_from_the_core_formatting(self) -> None:
        self.assertEqual(formatting.money(5623508, "sl"), "5.623.508 EUR")
        import datetime as dt

        self.assertEqual(formatting.date(dt.date(2022, 2, 17), "sl"), "17. 2. 2022")

    def test_durations_stored_in_minutes_print_as_hours_and_minutes(self) -> None:
        self.assertEqual(formatting.hours_minutes(Decimal(27885)), "464:45")
        self.assertEqual(formatting.hours_minutes(Decimal(5)), "0:05")
        self.assertEqual(formatting.hours_minutes(Decimal(-90)), "-1:30")
        self.assertEqual(formatting.hours_minutes(None), "–")

    def test_months_are_named_in_the_documents_language(self) -> None:
        self.assertEqual(formatting.month_name(8, "sl"), "avgust")
        self.assertEqual(formatting.month_name(8, "en"), "August")
