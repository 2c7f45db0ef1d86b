from __future__ import annotations

from django.test import SimpleTestCase

from izvedba.rendering.model import Table
from izvedba.rendering.numbering import caption_label, caption_text, numbered
from izvedba.rendering.tests.samples import sample_document


class NumberingTests(SimpleTestCase):
    def test_it_numbers_tables_and_figures_in_order_of_appearance_without_gaps(self) -> None:
        document = numbered(sample_document())
        self.assertEqual([t.number for t in document.tables()], [1, 2, 3])
        self.assertEqual([f.number for f in document.figures()], [1])

    def test_a_figures_data_table_takes_the_next_table_number(self) -> None:
        document = numbered(sample_document())
        keys = [t.key for t in document.tables()]
        self.assertEqual(keys, ["cases", "placements", "long"])
        figure = document.figures()[0]
        self.assertIsNotNone(figure.table)
        assert figure.table is not None
        self.assertEqual(figure.table.number, 2)

    def test_numbering_twice_changes_nothing(self) -> None:
        once = numbered(sample_document())
        self.assertEqual(numbered(once), once)

    def test_numbers_given_by_hand_are_replaced(self) -> None:
        document = sample_document()
        blocks = tuple(
            Table(b.caption, b.header, b.rows, b.total, key=b.key, number=4) if isinstance(b, Table) else b
            for b in document.blocks
        )
        renumbered = numbered(type(document)(document.title, document.language, document.metadata, blocks))
        self.assertEqual([t.number for t in renumbered.tables()], [1, 2, 3])

    def test_captions_read_tabela_and_slika_in_slovenian(self) -> None:
        self.assertEqual(caption_label("table", 3, "sl"), "Tabela 3")
        self.assertEqual(caption_label("figure", 1, "sl"), "Slika 1")
        self.assertEqual(caption_text("table", 3, "Število primerov", "sl"), "Tabela 3: Število primerov")

    def test_captions_read_table_and_figure_in_english(self) -> None:
        self.assertEqual(caption_label("table", 3, "en"), "Table 3")
        self.assertEqual(caption_text("figure", 1, "Placements", "en"), "Figure 1: Placements")
