from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from django.template import Context, Template
from django.test import SimpleTestCase, override_settings
from django.utils import translation

from izvedba.core.formatting import (
    format_date,
    format_eur,
    format_eur_short,
    format_number,
    plural_sl,
)


class FormatNumberTests(SimpleTestCase):
    def test_it_groups_thousands_with_dots_and_uses_a_decimal_comma(self) -> None:
        self.assertEqual(format_number(1234567.89), "1.234.567,89")
        self.assertEqual(format_number(39994058), "39.994.058")
        self.assertEqual(format_number(4320), "4.320")
        self.assertEqual(format_number(999), "999")
        self.assertEqual(format_number(0), "0")

    def test_it_shows_none_as_a_dash(self) -> None:
        self.assertEqual(format_number(None), "–")
        self.assertEqual(format_number(None, 2), "–")
        self.assertEqual(format_number(float("nan")), "–")
        self.assertEqual(format_number(Decimal("Infinity")), "–")

    def test_it_shows_only_significant_decimals_by_default(self) -> None:
        self.assertEqual(format_number(Decimal("134.5000")), "134,5")
        self.assertEqual(format_number(Decimal("900000.00")), "900.000")
        self.assertEqual(format_number(Decimal("1E+3")), "1.000")
        self.assertEqual(format_number(0.1), "0,1")
        self.assertEqual(format_number(3.0), "3")

    def test_it_rounds_half_up_to_fixed_decimals(self) -> None:
        self.assertEqual(format_number(3, 2), "3,00")
        self.assertEqual(format_number(2.675, 2), "2,68")
        self.assertEqual(format_number(Decimal("1234.5"), 0), "1.235")
        self.assertEqual(format_number(Decimal("12.3456"), 1), "12,3")

    def test_it_formats_negative_numbers(self) -> None:
        self.assertEqual(format_number(-1234.5), "-1.234,5")
        self.assertEqual(format_number(-39994058), "-39.994.058")
        self.assertEqual(format_number(Decimal("-0.5"), 2), "-0,50")

    def test_it_never_shows_negative_zero(self) -> None:
        self.assertEqual(format_number(Decimal("-0.001"), 2), "0,00")
        self.assertEqual(format_number(Decimal("-0")), "0")

    def test_it_handles_large_values_exactly(self) -> None:
        self.assertEqual(format_number(10**15), "1.000.000.000.000.000")
        self.assertEqual(
            format_number(Decimal("12345678901234567890123456789.5")),
            "12.345.678.901.234.567.890.123.456.789,5",
        )

    def test_it_uses_english_separators(self) -> None:
        self.assertEqual(format_number(1234567.89, language="en"), "1,234,567.89")
        self.assertEqual(format_number(-1234.5, 2, "en"), "-1,234.50")
        self.assertEqual(format_number(39994058, language="en-gb"), "39,994,058")


class FormatEurTests(SimpleTestCase):
    def test_it_formats_whole_euros(self) -> None:
        self.assertEqual(format_eur(900000), "900.000 EUR")
        self.assertEqual(format_eur(Decimal("900000.00")), "900.000 EUR")
        self.assertEqual(format_eur(0), "0 EUR")

    def test_it_shows_cents_only_when_there_are_any(self) -> None:
        self.assertEqual(format_eur(Decimal("1234.5")), "1.234,50 EUR")
        self.assertEqual(format_eur(Decimal("1234.567")), "1.234,57 EUR")
        self.assertEqual(format_eur(Decimal("1234.001")), "1.234 EUR")

    def test_it_formats_negative_and_missing_amounts(self) -> None:
        self.assertEqual(format_eur(-250000), "-250.000 EUR")
        self.assertEqual(format_eur(None), "–")

    def test_it_formats_english_amounts(self) -> None:
        self.assertEqual(format_eur(900000, "en"), "900,000 EUR")
        self.assertEqual(format_eur(Decimal("1234.5"), "en"), "1,234.50 EUR")


class FormatEurShortTests(SimpleTestCase):
    def test_it_shortens_millions(self) -> None:
        self.assertEqual(format_eur_short(2500000), "2,5 mio EUR")
        self.assertEqual(format_eur_short(5000000), "5 mio EUR")
        self.assertEqual(format_eur_short(26250000), "26,25 mio EUR")
        self.assertEqual(format_eur_short(1000000), "1 mio EUR")

    def test_it_rounds_to_two_decimals(self) -> None:
        self.assertEqual(format_eur_short(39994058), "39,99 mio EUR")
        self.assertEqual(format_eur_short(1999999), "2 mio EUR")
        self.assertEqual(format_eur_short(Decimal("1234567.89")), "1,23 mio EUR")

    def test_it_keeps_the_full_form_below_a_million(self) -> None:
        self.assertEqual(format_eur_short(999999), "999.999 EUR")
        self.assertEqual(format_eur_short(900000), "900.000 EUR")

    def test_it_stays_in_millions_above_a_billion(self) -> None:
        self.assertEqual(format_eur_short(1500000000), "1.500 mio EUR")

    def test_it_shortens_negative_and_missing_amounts(self) -> None:
        self.assertEqual(format_eur_short(-2500000), "-2,5 mio EUR")
        self.assertEqual(format_eur_short(None), "–")

    def test_it_shortens_english_millions(self) -> None:
        self.assertEqual(format_eur_short(2500000, "en"), "2.5 million EUR")
        self.assertEqual(format_eur_short(26250000, "en"), "26.25 million EUR")
        self.assertEqual(format_eur_short(900000, "en"), "900,000 EUR")


class FormatDateTests(SimpleTestCase):
    def test_it_formats_slovenian_dates_without_leading_zeros(self) -> None:
        self.assertEqual(format_date(date(2026, 12, 31)), "31. 12. 2026")
        self.assertEqual(format_date(date(2025, 1, 5)), "5. 1. 2025")

    def test_it_formats_english_dates(self) -> None:
        self.assertEqual(format_date(date(2026, 12, 31), "en"), "31 Dec 2026")
        self.assertEqual(format_date(date(2025, 1, 5), "en"), "5 Jan 2025")

    def test_it_uses_the_date_of_a_datetime(self) -> None:
        self.assertEqual(format_date(datetime(2026, 3, 1, 23, 30, tzinfo=UTC)), "1. 3. 2026")

    def test_it_shows_none_as_a_dash(self) -> None:
        self.assertEqual(format_date(None), "–")
        self.assertEqual(format_date(None, "en"), "–")


class PluralSlTests(SimpleTestCase):
    FORMS = ("ukrep", "ukrepa", "ukrepi", "ukrepov")

    def test_it_picks_the_four_slovenian_forms(self) -> None:
        expected = {
            0: "ukrepov",
            1: "ukrep",
            2: "ukrepa",
            3: "ukrepi",
            4: "ukrepi",
            5: "ukrepov",
            11: "ukrepov",
            12: "ukrepov",
            101: "ukrep",
            102: "ukrepa",
            103: "ukrepi",
            104: "ukrepi",
            105: "ukrepov",
            111: "ukrepov",
            201: "ukrep",
        }
        for n, form in expected.items():
            with self.subTest(n=n):
                self.assertEqual(plural_sl(n, *self.FORMS), form)

    def test_it_treats_negative_counts_like_positive_ones(self) -> None:
        self.assertEqual(plural_sl(-2, *self.FORMS), "ukrepa")


def render(source: str, **context: Any) -> str:
    return Template("{% load sl_format %}" + source).render(Context(context))


class FilterTests(SimpleTestCase):
    def test_it_formats_in_slovenian(self) -> None:
        with translation.override("sl"):
            self.assertEqual(render("{{ v|num }}", v=1234567.89), "1.234.567,89")
            self.assertEqual(render("{{ v|num:2 }}", v=3), "3,00")
            self.assertEqual(render("{{ v|eur }}", v=900000), "900.000 EUR")
            self.assertEqual(render("{{ v|eur_short }}", v=2500000), "2,5 mio EUR")
            self.assertEqual(render("{{ v|sldate }}", v=date(2026, 12, 31)), "31. 12. 2026")

    def test_it_formats_in_english(self) -> None:
        with translation.override("en"):
            self.assertEqual(render("{{ v|num }}", v=1234567.89), "1,234,567.89")
            self.assertEqual(render("{{ v|num:2 }}", v=3), "3.00")
            self.assertEqual(render("{{ v|eur }}", v=900000), "900,000 EUR")
            self.assertEqual(render("{{ v|eur_short }}", v=2500000), "2.5 million EUR")
            self.assertEqual(render("{{ v|sldate }}", v=date(2026, 12, 31)), "31 Dec 2026")

    def test_it_shows_missing_values_as_a_dash(self) -> None:
        with translation.override("sl"):
            out = render("{{ a|num }} {{ b|eur }} {{ c|eur_short }} {{ d|sldate }}", a=None, b="", c=None)
        self.assertEqual(out, "– – – –")

    def test_it_reads_numeric_and_iso_strings(self) -> None:
        with translation.override("sl"):
            self.assertEqual(render("{{ v|eur }}", v="1250000.50"), "1.250.000,50 EUR")
            self.assertEqual(render("{{ v|sldate }}", v="2026-12-31"), "31. 12. 2026")

    def test_it_returns_unreadable_values_unchanged(self) -> None:
        with translation.override("sl"):
            self.assertEqual(render("{{ v|num }}", v="5 mio EUR na leto"), "5 mio EUR na leto")
            self.assertEqual(render("{{ v|sldate }}", v="konec leta"), "konec leta")
            self.assertEqual(render("{{ v|num:'x' }}", v=Decimal("1.50")), "1,5")

    @override_settings(TIME_ZONE="Europe/Ljubljana")
    def test_it_shows_aware_datetimes_in_local_time(self) -> None:
        late_utc = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # already 1 January in Ljubljana
        with translation.override("sl"):
            self.assertEqual(render("{{ v|sldate }}", v=late_utc), "1. 1. 2027")

    def test_it_gives_bar_widths_as_css_percentages_in_any_language(self) -> None:
        with translation.override("sl"):
            self.assertEqual(render("{{ v|bar_pct:t }}", v=1, t=8), "12.5%")
            self.assertEqual(render("{{ v|bar_pct }}", v=42), "42%")
            self.assertEqual(render("{{ v|bar_pct:t }}", v=150, t=100), "100%")
            self.assertEqual(render("{{ v|bar_pct:t }}", v=-5, t=100), "0%")
            self.assertEqual(render("{{ v|bar_pct:t }}", v=5, t=0), "0%")
            self.assertEqual(render("{{ v|bar_pct:t }}", v=None, t=10), "0%")
