from __future__ import annotations

import io
import zipfile

from django.test import SimpleTestCase
from docx.oxml.ns import qn

from izvedba.rendering.docx_render import render_docx
from izvedba.rendering.tests.docx_reading import read_docx
from izvedba.rendering.tests.samples import SLOVENIAN, sample_document


class DocxRenderTests(SimpleTestCase):
    """SimpleTestCase: any database query would fail, so these also show that the renderer reads nothing."""

    data: bytes

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.data = render_docx(sample_document())

    def test_it_is_a_word_document(self) -> None:
        names = zipfile.ZipFile(io.BytesIO(self.data)).namelist()
        self.assertIn("word/document.xml", names)
        self.assertTrue(any(name.startswith("word/media/") for name in names))

    def test_headings_use_the_built_in_heading_styles_so_the_navigation_pane_finds_them(self) -> None:
        read = read_docx(self.data)
        headings = [(kind, text) for kind, text in read.order if kind.startswith("heading")]
        self.assertEqual(
            headings,
            [
                ("heading1", "1. Zakonske podlage"),
                ("heading2", "1.1 Območje delovanja"),
                ("heading1", "4. Ocena uspeha"),
                ("heading2", "4.1 Intervencije"),
            ],
        )

    def test_tables_have_numbered_captions_and_their_header_row_repeats(self) -> None:
        read = read_docx(self.data)
        numbered = [t for t in read.tables if t.caption.startswith("Tabela")]
        self.assertEqual(
            [t.caption for t in numbered],
            [f"Tabela {n}: Število primerov po enotah" for n in (1, 2, 3)],
        )
        for table in numbered:
            self.assertEqual(table.header_rows, 1)
            self.assertEqual(table.rows[0], ["", "Število", "Delež (%)"])
            self.assertEqual(table.rows[-1], ["SKUPAJ", "367", "100"])

    def test_rows_do_not_break_across_pages_and_figures_align_right(self) -> None:
        table = read_docx(self.data).tables[1].element
        rows = table.tr_lst  # type: ignore[attr-defined]
        self.assertTrue(all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows))
        justification = rows[1].tc_lst[1].p_lst[0].pPr.find(qn("w:jc")).get(qn("w:val"))
        self.assertEqual(justification, "right")

    def test_a_chart_is_an_image_with_its_caption_followed_by_its_data_table(self) -> None:
        order = read_docx(self.data).order
        start = order.index(("picture", ""))
        self.assertEqual(order[start + 1], ("caption", "Slika 1: Nove namestitve po mesecih"))
        self.assertEqual(order[start + 2], ("caption", "Tabela 2: Število primerov po enotah"))
        self.assertEqual(order[start + 3], ("table", "Tabela 2: Število primerov po enotah"))

    def test_tables_carry_bookmarks_named_after_their_keys(self) -> None:
        bookmarks = [t.bookmark for t in read_docx(self.data).tables if t.caption.startswith("Tabela")]
        self.assertEqual(bookmarks, ["t_cases", "t_placements", "t_long"])

    def test_slovenian_text_bold_and_italic_runs_survive(self) -> None:
        read = read_docx(self.data)
        paragraph = next(p for p in read.paragraphs if p.text.startswith(SLOVENIAN))
        self.assertEqual(
            [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs][1:],
            [(" krepko", True, False), (" ležeče", False, True)],
        )

    def test_the_contents_list_is_a_toc_field_listing_the_headings(self) -> None:
        xml = zipfile.ZipFile(io.BytesIO(self.data)).read("word/document.xml").decode()
        self.assertIn('TOC \\o "1-2"', xml)
        entries = [
            p.text for p in read_docx(self.data).paragraphs if p.style is not None and p.style.name.startswith("toc")
        ]
        self.assertEqual(
            entries, ["1. Zakonske podlage", "1.1 Območje delovanja", "4. Ocena uspeha", "4.1 Intervencije"]
        )

    def test_file_properties_and_language_are_set(self) -> None:
        read = read_docx(self.data)
        properties = read.document.core_properties  # type: ignore[attr-defined]
        self.assertEqual(properties.title, "Poslovno poročilo 2021")
        self.assertEqual(properties.author, "Center za socialno delo Južna Primorska")
        self.assertEqual(properties.language, "sl-SI")
        styles = zipfile.ZipFile(io.BytesIO(self.data)).read("word/styles.xml").decode()
        self.assertIn('w:lang w:val="sl-SI"', styles)

    def test_the_renderer_is_pure_the_same_document_gives_the_same_bytes(self) -> None:
        self.assertEqual(render_docx(sample_document()), self.data)

    def test_an_english_document_is_captioned_in_english(self) -> None:
        read = read_docx(render_docx(sample_document("en")))
        captions = [text for kind, text in read.order if kind == "caption"]
        self.assertIn("Table 1: Število primerov po enotah", captions)
        self.assertIn("Figure 1: Nove namestitve po mesecih", captions)
