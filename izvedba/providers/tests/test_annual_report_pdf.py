"""The annual report as PDF (WeasyPrint): fonts embedded, Slovenian letters right, the same figures as the DOCX,
header rows repeated on every page a table spans."""

from __future__ import annotations

import datetime as dt

from django.test import TestCase

from izvedba.providers.services.annual_report import annual_report_render
from izvedba.providers.tests.support import load_demo
from izvedba.rendering.tests.pdf_reading import fonts, outline_titles, page_texts

WORDS = (
    "Center za socialno delo Južna Primorska",
    "Število vlog in odločenih pravic",
    "Občina Hrpelje-Kozina",
    "Služba ZUPJS",
    "Kam so po bivanju v KCM odšli nameščeni otroci/mladostniki",
    "Deklice",
)


class AnnualReportPdfTests(TestCase):
    data: bytes
    pages: list[str]

    @classmethod
    def setUpTestData(cls) -> None:
        provider = load_demo()
        cls.data = annual_report_render(provider=provider, year=2021, fmt="pdf", today=dt.date(2022, 2, 17))

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.pages = page_texts(cls.data)

    def test_every_font_is_embedded(self) -> None:
        used = fonts(self.data)
        self.assertTrue(used)
        self.assertTrue(all(used.values()), used)

    def test_slovenian_letters_are_extracted_as_written(self) -> None:
        text = "\n".join(self.pages)
        for words in WORDS:
            self.assertIn(words, text)

    def test_it_prints_the_same_figures_as_report_tables(self) -> None:
        text = "\n".join(self.pages)
        self.assertIn("skupno 26.930 50.878 12.986", text)
        self.assertIn("SKUPAJ 189 27.885", text)
        self.assertIn("Tabela 2: Število vlog in odločenih pravic po mesecih vloge in po enotah v letu 2021", text)
        self.assertIn("Slika 1: Število vlog in odločenih pravic", text)

    def test_the_header_row_repeats_on_every_page_a_table_spans(self) -> None:
        spanned = [page for page in self.pages if "2021/06 Koper" in page or "2021/12 Služba ZUPJS" in page]
        self.assertGreaterEqual(len(spanned), 2)
        for page in spanned:
            self.assertIn("St Vlog St Pravic OD DP VD", page)

    def test_sections_are_bookmarked_in_order(self) -> None:
        titles = outline_titles(self.data)
        sections = [title for title in titles if title[:3].rstrip(". ").isdigit() and ". " in title[:4]]
        self.assertEqual([int(title.split(".")[0]) for title in sections], list(range(1, 12)))
