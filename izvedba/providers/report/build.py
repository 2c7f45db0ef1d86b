"""The annual report as a document (pure): context in, `rendering.model.Document` out.

Order: title page and contents, the key figures, then the 11 sections in the order `data/sections.csv` gives,
each with its own text and its areas (text, then the area's tables; a table with a chart comes as the chart
followed by its data table). A section or area with neither text nor figures says so in one line; a table with
no figures for the year is named in one line instead of being printed empty. Section 6 gets a table of the key
figures against the previous year (difference and index).
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from izvedba.providers.report.charts import chart_for
from izvedba.providers.report.context import AnnualReportContext
from izvedba.providers.report.key_figures import key_figure_values
from izvedba.providers.report.sections import YEAR_ON_YEAR, Area, Section
from izvedba.providers.report.tables import document_table, has_data
from izvedba.rendering import formatting
from izvedba.rendering.model import (
    Block,
    BulletList,
    Document,
    Figure,
    HeaderCell,
    Heading,
    KeyFigure,
    KeyFigures,
    Metadata,
    Paragraph,
    Row,
    Table,
    TableOfContents,
)

BULLETS = ("- ", "* ", "• ", "– ")


def build_document(ctx: AnnualReportContext) -> Document:
    with translation.override(ctx.language):
        return _Builder(ctx).document()


def text_blocks(text: str) -> list[Block]:
    """A narrative as paragraphs (separated by blank lines); a paragraph whose lines all start with a dash or a
    bullet is a list."""
    blocks: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith(BULLETS) for line in lines):
            blocks.append(BulletList(tuple(line[2:].strip() for line in lines)))
        else:
            blocks.append(Paragraph.of(" ".join(lines)))
    return blocks


class _Builder:
    def __init__(self, ctx: AnnualReportContext) -> None:
        self.ctx = ctx
        self.language = ctx.language
        self.year = ctx.year

    def document(self) -> Document:
        ctx = self.ctx
        title = _("Annual report %(year)s") % {"year": self.year}
        lines = [
            ctx.provider.address,
            _("Registration number: %(number)s") % {"number": ctx.provider.registration_number}
            if ctx.provider.registration_number
            else "",
            _("Prepared on %(date)s") % {"date": formatting.date(ctx.generated_on, self.language)},
        ]
        metadata = Metadata(
            subtitle=_("Report on achieved goals and results for %(year)s") % {"year": self.year},
            author=ctx.provider.name,
            subject=_("Annual report of %(provider)s for %(year)s")
            % {"provider": ctx.provider.name, "year": self.year},
            keywords=(ctx.provider.name, str(self.year)),
            date=ctx.generated_on,
            lines=tuple(line for line in lines if line),
        )
        blocks: list[Block] = [TableOfContents(_("Contents"), levels=2)]
        blocks += self._key_figures()
        for section in ctx.sections:
            blocks += self._section(section)
        return Document(
            title=f"{title}: {ctx.provider.name}", language=self.language, metadata=metadata, blocks=tuple(blocks)
        )

    # parts

    def _key_figures(self) -> list[Block]:
        values = key_figure_values(self.ctx.tables, self.ctx.previous, self.year, self.language)
        shown = [value for value in values if value.current is not None]
        heading = Heading(1, _("Key figures"), key="key-figures")
        if not shown:
            return [heading, self._empty(_("There are no figures for %(year)s yet.") % {"year": self.year})]
        items = tuple(KeyFigure(value.label, (value.current_text, value.previous_text)) for value in shown)
        title = _("Key figures, %(year)s and %(previous)s") % {"year": self.year, "previous": self.year - 1}
        return [heading, KeyFigures(title, (str(self.year), str(self.year - 1)), items)]

    def _section(self, section: Section) -> list[Block]:
        blocks: list[Block] = [
            Heading(1, section.title_in(self.language), number=str(section.number), key=f"section-{section.number}")
        ]
        own = self.ctx.narrative.get((section.number, ""), "")
        blocks += text_blocks(own)
        content = bool(own)
        for key in section.tables:
            part = self._generated(key)
            blocks += part
            content = content or bool(part)
        for index, area in enumerate(section.areas, start=1):
            blocks += self._area(section, area, index)
        if not content and not section.areas:
            blocks.append(
                self._empty(_("No text has been written for this section for %(year)s.") % {"year": self.year})
            )
        return blocks

    def _area(self, section: Section, area: Area, index: int) -> list[Block]:
        blocks: list[Block] = [
            Heading(
                2,
                area.title_in(self.language),
                number=f"{section.number}.{index}",
                key=f"section-{section.number}-{area.key}",
            )
        ]
        text = self.ctx.narrative.get((section.number, area.key), "")
        blocks += text_blocks(text)
        missing: list[str] = []
        shown = 0
        for key in area.tables:
            table = self.ctx.tables.get(key)
            if table is None:
                continue
            if not has_data(table):
                missing.append(table.title)
                continue
            shown += 1
            data = document_table(table, self.language)
            chart = chart_for(table, self.language)
            blocks.append(Figure(table.title, chart, data, key=f"figure-{key}") if chart is not None else data)
        if not text and not shown:
            blocks.append(
                self._empty(
                    _("No text has been written and no figures entered for this area for %(year)s.")
                    % {"year": self.year}
                )
            )
        elif missing:
            blocks.append(
                Paragraph.of(
                    _("No figures for %(year)s: %(tables)s.") % {"year": self.year, "tables": "; ".join(missing)},
                    "note",
                )
            )
        return blocks

    def _generated(self, key: str) -> list[Block]:
        if key == YEAR_ON_YEAR:
            return self._year_on_year()
        return []

    def _year_on_year(self) -> list[Block]:
        values = [
            v
            for v in key_figure_values(self.ctx.tables, self.ctx.previous, self.year, self.language)
            if v.current is not None and v.previous is not None
        ]
        if not values:
            return [
                Paragraph.of(
                    _("There are no figures for %(previous)s to compare %(year)s with.")
                    % {"previous": self.year - 1, "year": self.year},
                    "note",
                )
            ]
        header = (
            (
                HeaderCell(""),
                HeaderCell(str(self.year - 1)),
                HeaderCell(str(self.year)),
                HeaderCell(_("Difference")),
                HeaderCell(_("Index")),
            ),
        )
        rows = tuple(Row((v.label, v.previous_text, v.current_text, v.difference_text, v.index_text)) for v in values)
        caption = _("Key figures, %(year)s compared with %(previous)s") % {"year": self.year, "previous": self.year - 1}
        note = _("Index = %(year)s ÷ %(previous)s × 100.") % {"year": self.year, "previous": self.year - 1}
        return [Table(caption, header, rows, note=note, key="year_on_year")]

    def _empty(self, text: str) -> Paragraph:
        return Paragraph.of(text, "empty")
