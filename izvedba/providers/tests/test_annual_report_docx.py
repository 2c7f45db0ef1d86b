"""The annual report as DOCX, read back with python-docx: every table carries report_tables' figures, the 11
sections come in order, numbering is continuous, charts come with their data tables."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django.test import TestCase

from izvedba.providers.models import Provider
from izvedba.providers.report.build import build_document
from izvedba.providers.report.charts import CHARTS
from izvedba.providers.report.context import annual_report_context
from izvedba.providers.report.sections import sections
from izvedba.providers.report.tables import row_texts
from izvedba.providers.selectors import ReportTables, report_tables, report_tables_json
from izvedba.providers.services.annual_report import (
    AnnualReportError,
    annual_report_document,
    annual_report_render,
)
from izvedba.providers.services.narrative import narrative_save
from izvedba.providers.tests.support import load_demo
from izvedba.rendering.docx_render import render_docx
from izvedba.rendering.formatting import month_name
from izvedba.rendering.tests.docx_reading import ReadDocx, read_docx

TODAY = dt.date(2022, 2, 17)
CAPTION = re.compile(r"^(Tabela|Slika|Table|Figure) (\d+): (.*)$")
MONTHS = {month_name(m, "sl"): m for m in range(1, 13)}


def parsed(text: str) -> int | float | None:
    """A printed figure back as a number: "26.930", "100,9", "avgust" (a month), "–"."""
    if text == "–":
        return None
    if text in MONTHS:
        return MONTHS[text]
    number = Decimal(text.replace(".", "").replace(",", "."))
    return int(number) if number == number.to_integral_value() else float(number)


class AnnualReport2021DocxTests(TestCase):
    provider: Provider
    report: ReportTables
    data: bytes
    read: ReadDocx

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_demo()
        narrative_save(
            provider=cls.provider, year=2021, section=1, area="", user=None,
            text="Center deluje na podlagi Zakona o socialnem varstvu.\n\nDrugi odstavek: čšž.",
        )  # fmt: skip
        narrative_save(
            provider=cls.provider, year=2021, section=4, area="kcm", user=None,
            text="V KCM smo izvajali:\n\n- krizne namestitve\n- svetovanje",
        )  # fmt: skip
        cls.report = report_tables(provider=cls.provider, year=2021)
        cls.data = annual_report_render(provider=cls.provider, year=2021, fmt="docx", language="sl", today=TODAY)

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.read = read_docx(cls.data)

    def numbered_tables(self) -> dict[str, list[list[str]]]:
        return {t.bookmark[2:]: t.rows for t in self.read.tables if t.bookmark.startswith("t_")}

    def test_every_report_table_is_in_the_document_once(self) -> None:
        keys = [t.bookmark[2:] for t in self.read.tables if t.bookmark.startswith("t_")]
        self.assertEqual(len(keys), len(set(keys)))
        self.assertEqual(set(keys) - {"year_on_year"}, set(self.report.tables))

    def test_every_cell_carries_the_figure_report_tables_computes(self) -> None:
        tables = self.numbered_tables()
        for key, table in self.report.tables.items():
            with self.subTest(table=key):
                rows = tables[key]
                self.assertEqual(rows[0], ["", *(column.label for column in table.columns)])
                expected = [list(row_texts(table, row, "sl")) for row in table.rows]
                if table.total is not None:
                    expected.append(list(row_texts(table, table.total, "sl")))
                self.assertEqual(rows[1:], expected)

    def test_the_printed_figures_read_back_as_the_numbers_of_report_tables_json(self) -> None:
        tables = self.numbered_tables()
        for table in report_tables_json(self.report)["tables"]:
            with self.subTest(table=table["key"]):
                rows = tables[table["key"]][1:]
                wanted: list[dict[str, Any]] = [*table["rows"], *([table["total"]] if table["total"] else [])]
                self.assertEqual([row[0] for row in rows], [row["label"] for row in wanted])
                self.assertEqual([[parsed(cell) for cell in row[1:]] for row in rows], [row["cells"] for row in wanted])

    def test_some_figures_print_as_the_document_writes_them(self) -> None:
        tables = self.numbered_tables()
        self.assertEqual(tables["rights_by_month_unit"][-1][:3], ["skupno", "26.930", "50.878"])
        self.assertEqual(tables["interventions_by_month"][-1][:3], ["SKUPAJ", "189", "27.885"])  # minutes
        self.assertEqual(tables["rights_by_right"][1], ["St Vlog", "26.700", "26.930", "230", "100,9"])
        self.assertEqual(tables["rights_peak_months"][1], ["Izola", "avgust", "december", "junij", "avgust"])
        self.assertEqual(tables["kczn_nights_by_month"][-2], ["Povprečno število na mesec", "47", "51,33"])

    def test_tables_and_figures_are_numbered_continuously(self) -> None:
        captions = [CAPTION.match(text) for kind, text in self.read.order if kind == "caption"]
        tables = [int(m[2]) for m in captions if m and m[1] == "Tabela"]
        figures = [int(m[2]) for m in captions if m and m[1] == "Slika"]
        self.assertEqual(tables, list(range(1, len(self.report.tables) + 2)))  # and section 6's comparison
        self.assertEqual(figures, list(range(1, len(CHARTS) + 1)))

    def test_every_table_repeats_its_header_row_on_each_page(self) -> None:
        for table in self.read.tables:
            if table.bookmark.startswith("t_"):
                self.assertEqual(table.header_rows, 1, table.caption)

    def test_the_eleven_sections_come_in_the_prescribed_order_as_level_one_headings(self) -> None:
        headings = [text for kind, text in self.read.order if kind == "heading1"]
        expected = [f"{s.number}. {s.title}" for s in sections()]
        self.assertEqual(headings, ["Ključni podatki", *expected])
        self.assertEqual(len(expected), 11)

    def test_areas_are_numbered_level_two_headings(self) -> None:
        headings = [text for kind, text in self.read.order if kind == "heading2"]
        self.assertIn("1.1 Območje delovanja in število prebivalcev", headings)
        self.assertIn("4.4 Uveljavljanje pravic iz javnih sredstev", headings)
        self.assertIn("7.1 Prihodki in odhodki po stroškovnih nosilcih", headings)

    def test_each_chart_is_followed_by_its_data_table(self) -> None:
        order = self.read.order
        charted = []
        for index, (kind, _text) in enumerate(order):
            if kind != "picture":
                continue
            figure, table_caption, table = order[index + 1], order[index + 2], order[index + 3]
            figure_match, table_match = CAPTION.match(figure[1]), CAPTION.match(table_caption[1])
            assert figure_match is not None and table_match is not None
            self.assertEqual((figure_match[1], table_match[1]), ("Slika", "Tabela"))
            self.assertEqual(figure_match[3], table_match[3])
            self.assertEqual(table, ("table", table_caption[1]))
            charted.append(next(t.bookmark[2:] for t in self.read.tables if t.caption == table_caption[1]))
        self.assertEqual(charted, [key for key in self.report.tables if key in CHARTS])

    def test_the_key_figures_open_the_report(self) -> None:
        first = self.read.tables[0]
        self.assertEqual(first.caption, "Ključni podatki za leti 2021 in 2020")
        self.assertEqual(first.rows[0], ["", "2021", "2020"])
        self.assertIn(["Vloge za pravice iz javnih sredstev", "26.930", "26.700"], first.rows)
        self.assertIn(["Trajanje intervencij (h:mm)", "464:45", "–"], first.rows)
        self.assertIn(["Prihodki (EUR)", "5.623.508", "–"], first.rows)

    def test_section_six_compares_the_key_figures_with_the_previous_year(self) -> None:
        rows = self.numbered_tables()["year_on_year"]
        self.assertEqual(rows[0], ["", "2020", "2021", "Razlika", "Indeks"])
        self.assertIn(["Vloge za pravice iz javnih sredstev", "26.700", "26.930", "230", "100,9"], rows)
        section_six = self.read.order.index(("heading1", f"6. {sections()[5].title}"))
        self.assertEqual(self.read.order[section_six + 2][0], "table")

    def test_the_providers_text_appears_in_its_section_and_area(self) -> None:
        texts = [p.text for p in self.read.paragraphs]
        self.assertIn("Center deluje na podlagi Zakona o socialnem varstvu.", texts)
        self.assertIn("Drugi odstavek: čšž.", texts)
        bullets = [p.text for p in self.read.paragraphs if p.style is not None and p.style.name == "List Bullet"]
        self.assertEqual(bullets, ["krizne namestitve", "svetovanje"])

    def test_sections_and_areas_without_text_or_figures_say_so_in_one_line(self) -> None:
        texts = [p.text for p in self.read.paragraphs]
        self.assertEqual(texts.count("Za ta razdelek za leto 2021 še ni besedila."), 6)  # 2, 3, 5, 8, 9, 10
        self.assertEqual(texts.count("Za to področje za leto 2021 še ni besedila ne podatkov."), 8)

    def test_building_the_document_reads_nothing_and_gives_the_same_document_twice(self) -> None:
        context = annual_report_context(provider=self.provider, year=2021, language="sl", today=TODAY)
        with self.assertNumQueries(0):
            first = build_document(context)
            second = build_document(context)
        self.assertEqual(first, second)
        self.assertEqual(render_docx(first), self.data)

    def test_progress_is_reported_step_by_step_with_a_fixed_total(self) -> None:
        calls: list[tuple[int, int, str]] = []
        annual_report_render(
            provider=self.provider, year=2021, fmt="docx", language="sl", today=TODAY,
            progress=lambda done, total, label: calls.append((done, total, label)),
        )  # fmt: skip
        totals = {total for _done, total, _label in calls}
        self.assertEqual(len(totals), 1)
        done = [d for d, _total, _label in calls]
        self.assertEqual(done, sorted(done))
        self.assertEqual(calls[0][::2], (0, "Branje podatkov"))
        self.assertEqual(calls[-1], (totals.pop(), calls[-1][1], "Končano"))
        self.assertIn("Risanje grafa 1 od 7", [label for _d, _t, label in calls])


class AnnualReportEnglishTests(TestCase):
    data: bytes
    read: ReadDocx

    @classmethod
    def setUpTestData(cls) -> None:
        provider = load_demo()
        cls.data = annual_report_render(provider=provider, year=2021, fmt="docx", language="en", today=TODAY)

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.read = read_docx(cls.data)

    def test_captions_headings_and_table_titles_are_in_english(self) -> None:
        captions = [text for kind, text in self.read.order if kind == "caption"]
        self.assertIn("Figure 3: Crisis centre for children: new placements by month, 2021", captions)
        self.assertTrue(any(c.startswith("Table 1: Municipalities covered and their population") for c in captions))
        headings = [text for kind, text in self.read.order if kind == "heading1"]
        self.assertEqual(headings[:2], ["Key figures", f"1. {sections()[0].title_en}"])

    def test_figures_use_english_number_format(self) -> None:
        rows = next(t.rows for t in self.read.tables if t.bookmark == "t_rights_by_month_unit")
        self.assertEqual(rows[-1][:3], ["Total", "26,930", "50,878"])


class AnnualReportPartialYearTests(TestCase):
    provider: Provider

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_demo()

    def test_a_year_with_some_figures_prints_them_and_names_what_is_missing(self) -> None:
        document = annual_report_document(provider=self.provider, year=2020, today=TODAY)
        keys = [table.key for table in document.tables()]
        self.assertIn("rights_by_month_unit", keys)
        self.assertNotIn("kcm_placements_by_month", keys)
        read = read_docx(render_docx(document))
        texts = [p.text for p in read.paragraphs]
        self.assertIn("Za to področje za leto 2020 še ni besedila ne podatkov.", texts)

    def test_a_year_without_figures_is_refused(self) -> None:
        with self.assertRaisesMessage(AnnualReportError, "nima podatkov za leto 2019"):
            annual_report_render(provider=self.provider, year=2019, fmt="docx")

    def test_an_unknown_format_or_language_is_refused(self) -> None:
        with self.assertRaisesMessage(AnnualReportError, "»odt«"):
            annual_report_render(provider=self.provider, year=2021, fmt="odt")
        with self.assertRaisesMessage(AnnualReportError, "»it«"):
            annual_report_render(provider=self.provider, year=2021, fmt="docx", language="it")
