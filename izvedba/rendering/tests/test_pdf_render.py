from __future__ import annotations

from django.test import SimpleTestCase

from izvedba.rendering.pdf_render import render_pdf
from izvedba.rendering.tests.pdf_reading import fonts, outline_titles, page_texts
from izvedba.rendering.tests.samples import LONG_ROWS, SLOVENIAN, sample_document


class PdfRenderTests(SimpleTestCase):
    data: bytes
    pages: list[str]

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.data = render_pdf(sample_document(long_rows=LONG_ROWS))
        cls.pages = page_texts(cls.data)

    def test_it_is_a_pdf_of_several_pages(self) -> None:
        self.assertTrue(self.data.startswith(b"%PDF-"))
        self.assertGreaterEqual(len(self.pages), 4)

    def test_every_font_is_embedded(self) -> None:
        used = fonts(self.data)
        self.assertTrue(used)
        self.assertTrue(all(used.values()), used)
        self.assertTrue(any("DejaVu" in name for name in used))

    def test_slovenian_letters_come_out_as_written(self) -> None:
        text = "\n".join(self.pages)
        self.assertIn(SLOVENIAN, text)
        self.assertIn("Južna Primorska", text)

    def test_captions_are_numbered(self) -> None:
        text = "\n".join(self.pages)
        for caption in ("Tabela 1: Število", "Slika 1: Nove namestitve", "Tabela 2: Število", "Tabela 3: Število"):
            self.assertIn(caption, text)

    def test_a_long_tables_header_row_repeats_on_every_page(self) -> None:
        pages = [page for page in self.pages if "Enota 60" in page or "Enota 119" in page]
        self.assertTrue(pages)
        for page in pages:
            self.assertIn("Število Delež (%)", page)

    def test_headings_become_bookmarks(self) -> None:
        self.assertEqual(
            outline_titles(self.data),
            ["1. Zakonske podlage", "1.1 Območje delovanja", "4. Ocena uspeha", "4.1 Intervencije"],
        )

    def test_the_same_document_gives_the_same_text(self) -> None:
        self.assertEqual(page_texts(render_pdf(sample_document(long_rows=LONG_ROWS))), self.pages)
