from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import SimpleTestCase

from izvedba.monitoring.values import parse_date, parse_decimal, parse_decimal_or_error


class ParseDecimalTests(SimpleTestCase):
    def test_it_reads_numbers_as_people_type_them(self) -> None:
        cases = {
            "1234,5": Decimal("1234.5"),
            "1234.5": Decimal("1234.5"),
            "1.234,56": Decimal("1234.56"),
            "1 234,5": Decimal("1234.5"),
            "1\u00a0234,5": Decimal("1234.5"),
            "1.234.567,89": Decimal("1234567.89"),
            "1,234,567.89": Decimal("1234567.89"),
            "4.320": Decimal(4320),
            " 7 ": Decimal(7),
            "-5": Decimal(-5),
            "0,5": Decimal("0.5"),
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(parse_decimal(raw), expected)

    def test_it_takes_numbers_that_are_already_numbers(self) -> None:
        self.assertEqual(parse_decimal(1234.5), Decimal("1234.5"))
        self.assertEqual(parse_decimal(12), Decimal(12))
        self.assertEqual(parse_decimal(Decimal("3.25")), Decimal("3.25"))
        self.assertEqual(parse_decimal(0.1), Decimal("0.1"))

    def test_it_gives_none_for_nothing(self) -> None:
        self.assertIsNone(parse_decimal(None))
        self.assertIsNone(parse_decimal(""))
        self.assertIsNone(parse_decimal("   "))

    def test_it_refuses_placeholders_with_advice_to_leave_the_field_empty(self) -> None:
        for raw in ("N/A", "n/a", "-", "/", "ni podatka"):
            with self.subTest(raw=raw), self.assertRaisesMessage(ValueError, "Leave the field empty"):
                parse_decimal(raw)

    def test_it_refuses_a_number_with_a_unit_and_says_to_drop_the_unit(self) -> None:
        for raw in ("12 oseb", "12%", "5 EUR"):
            with self.subTest(raw=raw), self.assertRaisesMessage(ValueError, "without a unit"):
                parse_decimal(raw)

    def test_it_refuses_words_and_malformed_numbers(self) -> None:
        for raw in ("abc", "1,2,3", "1.5.3", "--1"):
            with self.subTest(raw=raw), self.assertRaisesMessage(ValueError, f"“{raw}” is not a number"):
                parse_decimal(raw)

    def test_it_refuses_booleans_infinities_and_other_types(self) -> None:
        for raw in (True, float("nan"), float("inf"), Decimal("NaN"), [1], {"v": 1}):
            with self.subTest(raw=raw), self.assertRaises(ValueError):
                parse_decimal(raw)

    def test_it_can_return_the_message_instead_of_raising(self) -> None:
        self.assertEqual(parse_decimal_or_error("1,5"), (Decimal("1.5"), ""))
        value, message = parse_decimal_or_error("N/A")
        self.assertIsNone(value)
        self.assertIn("not a number", message)


class ParseDateTests(SimpleTestCase):
    def test_it_reads_iso_and_slovenian_dates(self) -> None:
        for raw in ("2025-03-31", "31. 3. 2025", "31.3.2025", "31.03.2025", "31. 3. 2025."):
            with self.subTest(raw=raw):
                self.assertEqual(parse_date(raw), dt.date(2025, 3, 31))

    def test_it_takes_dates_and_datetimes(self) -> None:
        self.assertEqual(parse_date(dt.date(2025, 1, 2)), dt.date(2025, 1, 2))
        self.assertEqual(parse_date(dt.datetime(2025, 1, 2, 13, 0)), dt.date(2025, 1, 2))  # noqa: DTZ001

    def test_it_gives_none_for_nothing(self) -> None:
        self.assertIsNone(parse_date(None))
        self.assertIsNone(parse_date(" "))

    def test_it_refuses_what_is_not_a_date_and_says_how_to_write_one(self) -> None:
        for raw in ("jutri", "2025/03/31", "31-3-2025", 20250331):
            with self.subTest(raw=raw), self.assertRaisesMessage(ValueError, "write it as 31. 12. 2026"):
                parse_date(raw)

    def test_it_refuses_days_that_do_not_exist(self) -> None:
        with self.assertRaisesMessage(ValueError, "not a real date"):
            parse_date("31. 2. 2025")
