"""sections.csv: the 11 prescribed sections, in order, with every report table placed exactly once."""

from __future__ import annotations

from collections import Counter

from django.test import SimpleTestCase

from izvedba.providers.report.charts import CHARTS
from izvedba.providers.report.key_figures import KEY_FIGURES
from izvedba.providers.report.sections import YEAR_ON_YEAR, sections
from izvedba.providers.tables.registry import SPECS


class SectionsTests(SimpleTestCase):
    def test_there_are_eleven_sections_numbered_in_order_with_both_titles(self) -> None:
        found = sections()
        self.assertEqual([s.number for s in found], list(range(1, 12)))
        self.assertTrue(all(s.title and s.title_en for s in found))
        self.assertTrue(found[0].title.startswith("Zakonske in druge pravne podlage"))
        self.assertTrue(found[10].title.startswith("Druga pojasnila, ki vsebujejo analizo kadrovanja"))

    def test_every_report_table_is_placed_in_exactly_one_area(self) -> None:
        placed = Counter(key for s in sections() for key in (*s.tables, *(k for a in s.areas for k in a.tables)))
        self.assertEqual({key for key, count in placed.items() if count > 1}, set())
        self.assertEqual(set(placed) - {YEAR_ON_YEAR}, set(SPECS))

    def test_charts_and_key_figures_name_existing_tables(self) -> None:
        self.assertLessEqual(set(CHARTS), set(SPECS))
        self.assertLessEqual({figure.table for figure in KEY_FIGURES}, set(SPECS))
