"""The DOCX renderer: a `Document` as an editable Word file (python-docx). Pure: same model, same bytes.

What a person relies on when they open it in Word or LibreOffice:
- headings use the built-in styles Heading 1–3, so the navigation pane and the table of contents find them;
  the contents list is a real TOC field (pre-filled, so it shows before the field is updated);
- each table has a caption above it ("Tabela 3: …", the number a SEQ field), a header row that repeats on
  every page (`w:tblHeader`), rows that do not break across pages, figures right-aligned;
- each chart is a PNG image with its caption below ("Slika 1: …") and its data table after it;
- the file's properties (title, author, language) are set and the text is marked Slovenian (or English),
  so spelling is checked in the right language.
Tables are written as WordprocessingML directly (python-docx's cell API is slow on big tables).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from docx import Document as new_document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from izvedba.rendering.charts import render_png
from izvedba.rendering.model import (
    BulletList,
    Document,
    Figure,
    Heading,
    KeyFigures,
    PageBreak,
    Paragraph,
    Row,
    Table,
    TableOfContents,
)
from izvedba.rendering.numbering import caption_word, numbered
from izvedba.rendering.texts import contents_placeholder, page_label

FONT = "DejaVu Sans"
PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.0
TEXT_WIDTH = round((PAGE_WIDTH_CM - 2 * MARGIN_CM) * 567)  # twips
CHART_WIDTH_CM = 16.0
HEADER_FILL = "DCE6F0"
SUBTOTAL_FILL = "F2F2F2"
LANGUAGE_TAGS = {"sl": "sl-SI", "en": "en-GB", "it": "it-IT", "hu": "hu-HU"}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
W = nsdecls("w")


def render_docx(document: Document) -> bytes:
    """The document as DOCX bytes."""
    document = numbered(document)
    writer = _Writer(document)
    return writer.write()


class _Writer:
    def __init__(self, document: Document) -> None:
        self.model = document
        self.language = document.language
        self.doc = new_document()
        self.body = self.doc.element.body
        self.bookmarks = 0
        self.headings = [b for b in document.blocks if isinstance(b, Heading)]
        self.toc_names = {id(h): f"_Toc{i + 1:06d}" for i, h in enumerate(self.headings)}

    def write(self) -> bytes:
        self._page_setup()
        self._styles()
        self._properties()
        self._title_page()
        for block in self.model.blocks:
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Paragraph):
                self._paragraph(block)
            elif isinstance(block, BulletList):
                for item in block.items:
                    self.doc.add_paragraph(item, style="List Bullet")
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Figure):
                self._figure(block)
            elif isinstance(block, KeyFigures):
                self._key_figures(block)
            elif isinstance(block, PageBreak):
                self.doc.add_page_break()  # type: ignore[no-untyped-call]
            elif isinstance(block, TableOfContents):
                self._contents(block)
        out = io.BytesIO()
        self.doc.save(out)
        return _fixed_zip(out.getvalue())

    # set-up

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(MARGIN_CM))
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{page_label(self.language)} ")
        for element in _field_runs("PAGE", "1"):
            footer._p.append(element)

    def _styles(self) -> None:
        styles = self.doc.styles
        tag = LANGUAGE_TAGS.get(self.language, self.language)
        defaults = styles.element.find(qn("w:docDefaults"))
        run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for old in run_defaults.findall(qn("w:lang")):
            run_defaults.remove(old)
        run_defaults.append(parse_xml(f'<w:lang {W} w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}"/>'))
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        normal.paragraph_format.space_after = Pt(4)
        for name, size in (("Title", 24), ("Subtitle", 14), ("Heading 1", 15), ("Heading 2", 12.5), ("Heading 3", 11)):
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:asciiTheme"), "")
            rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(attribute), None)
            rfonts.set(qn("w:ascii"), FONT)
            rfonts.set(qn("w:hAnsi"), FONT)
            if name.startswith("Heading"):
                style.font.color.rgb = RGBColor(0x1F, 0x3B, 0x5C)
                style.paragraph_format.keep_with_next = True
        caption = styles["Caption"]
        caption.font.size = Pt(9)
        caption.font.bold = True
        caption.font.italic = False
        caption.font.color.rgb = RGBColor(0x1F, 0x3B, 0x5C)
        caption.paragraph_format.space_before = Pt(8)
        caption.paragraph_format.space_after = Pt(3)
        for name, size in (("Table Text", 8.5), ("Table Text Small", 7)):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.font.size = Pt(size)
            style.paragraph_format.space_after = Pt(0)
            style.paragraph_format.space_before = Pt(0)
        note = styles.add_style("Source Note", WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.size = Pt(8)
        note.font.italic = True
        for level in (1, 2, 3):
            toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            toc.base_style = normal
            toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            toc.paragraph_format.space_after = Pt(2)
        settings = self.doc.settings.element
        settings.append(parse_xml(f'<w:updateFields {W} w:val="true"/>'))

    def _properties(self) -> None:
        properties = self.doc.core_properties
        metadata = self.model.metadata
        properties.title = self.model.title
        properties.subject = metadata.subject
        properties.author = metadata.author
        properties.last_modified_by = metadata.author
        properties.keywords = ", ".join(metadata.keywords)
        properties.language = LANGUAGE_TAGS.get(self.language, self.language)
        properties.comments = ""
        properties.revision = 1
        day = metadata.date or dt.date(2000, 1, 1)
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        properties.created = moment
        properties.modified = moment

    def _title_page(self) -> None:
        self.doc.add_paragraph(self.model.title, style="Title")
        metadata = self.model.metadata
        if metadata.subtitle:
            self.doc.add_paragraph(metadata.subtitle, style="Subtitle")
        for line in (metadata.author, *metadata.lines):
            if line:
                self.doc.add_paragraph(line)

    # blocks

    def _heading(self, heading: Heading) -> None:
        paragraph = self.doc.add_heading(level=max(1, min(heading.level, 3)))
        name = self.toc_names[id(heading)]
        self._bookmark(paragraph._p, name, [_run_xml(heading.full_text)])

    def _paragraph(self, block: Paragraph) -> None:
        paragraph = self.doc.add_paragraph(style="Source Note" if block.style == "note" else None)
        for part in block.runs:
            run = paragraph.add_run(part.text)
            run.bold = part.bold or block.style == "lead" or None
            run.italic = part.italic or block.style == "empty" or None
            if block.style == "empty":
                run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    def _caption(self, kind: str, number: int | None, text: str, key: str, keep_with_next: bool) -> None:
        paragraph = self.doc.add_paragraph(style="Caption")
        paragraph.paragraph_format.keep_with_next = keep_with_next
        word = caption_word("table" if kind == "table" else "figure", self.language)
        runs = [_run_xml(f"{word} "), *_field_xml(f"SEQ {word} \\* ARABIC", str(number or "")), _run_xml(f": {text}")]
        if key:
            self._bookmark(paragraph._p, key, runs)
        else:
            for xml in runs:
                paragraph._p.append(parse_xml(xml))

    def _table(self, table: Table) -> None:
        self._caption("table", table.number, table.caption, _bookmark_name(table.key), keep_with_next=True)
        self._insert(parse_xml(_table_xml(table)))
        if table.note:
            self.doc.add_paragraph(table.note, style="Source Note")

    def _figure(self, figure: Figure) -> None:
        picture = self.doc.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        shape = picture.add_run().add_picture(io.BytesIO(render_png(figure.chart)), width=Cm(CHART_WIDTH_CM))
        shape._inline.docPr.set("descr", figure.caption)
        shape._inline.docPr.set("name", f"{caption_word('figure', self.language)} {figure.number}")
        self._caption("figure", figure.number, figure.caption, _bookmark_name(figure.key), keep_with_next=False)
        if figure.table is not None:
            self._table(figure.table)

    def _key_figures(self, block: KeyFigures) -> None:
        title = self.doc.add_paragraph(style="Caption")
        title.paragraph_format.keep_with_next = True
        title.add_run(block.title)
        header = ((("", 1), *((c, 1) for c in block.columns)),)
        rows = [Row((item.label, *item.values)) for item in block.items]
        align = ("left", *("right" for _ in block.columns))
        self._insert(parse_xml(_grid_xml(header, rows, None, align, repeat_header=False, label_share=0.55)))

    def _contents(self, block: TableOfContents) -> None:
        title = self.doc.add_paragraph(style="TOC Heading")
        title.add_run(block.title)
        entries = [h for h in self.headings if h.level <= block.levels]
        instruction = f'TOC \\o "1-{block.levels}" \\h \\z \\u'
        if not entries:
            paragraph = self.doc.add_paragraph()
            for xml in _field_xml(instruction, contents_placeholder(self.language)):
                paragraph._p.append(parse_xml(xml))
            return
        last = len(entries) - 1
        for index, heading in enumerate(entries):
            paragraph = self.doc.add_paragraph(style=f"toc {heading.level}")
            if index == 0:
                for xml in _field_xml(instruction, None)[:3]:  # begin, instruction, separate
                    paragraph._p.append(parse_xml(xml))
            link = (
                f'<w:hyperlink {W} w:anchor="{self.toc_names[id(heading)]}" w:history="1">'
                f"{_run_xml(heading.full_text)}</w:hyperlink>"
            )
            paragraph._p.append(parse_xml(link))
            if index == last:
                paragraph._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))
        self.doc.add_page_break()  # type: ignore[no-untyped-call]

    # helpers

    def _insert(self, element: object) -> None:
        self.body.find(qn("w:sectPr")).addprevious(element)

    def _bookmark(self, p: object, name: str, runs: list[str]) -> None:
        self.bookmarks += 1
        number = self.bookmarks
        parts = [f'<w:bookmarkStart {W} w:id="{number}" w:name={quoteattr(name)}/>', *runs]
        parts.append(f'<w:bookmarkEnd {W} w:id="{number}"/>')
        for xml in parts:
            p.append(parse_xml(xml))  # type: ignore[attr-defined]


def _bookmark_name(key: str) -> str:
    """A bookmark name Word accepts: a letter first, at most 40 characters, no spaces."""
    if not key:
        return ""
    name = "t_" + "".join(c if c.isalnum() or c == "_" else "_" for c in key)
    return name[:40]


def _run_xml(text: str, bold: bool = False, italic: bool = False) -> str:
    properties = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r {W}>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field_xml(instruction: str, result: str | None) -> list[str]:
    """A complex field: begin, instruction, separate, [result, end] (without the end when `result` is None)."""
    parts = [
        f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W}><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>',
    ]
    if result is not None:
        parts += [_run_xml(result), f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>']
    return parts


def _field_runs(instruction: str, result: str) -> list[object]:
    return [parse_xml(xml) for xml in _field_xml(instruction, result)]


def _table_xml(table: Table) -> str:
    header = tuple(tuple((cell.text, cell.span) for cell in row) for row in table.header)
    align = tuple(table.alignment(i) for i in range(table.columns))
    return _grid_xml(header, list(table.rows), table.total, align, repeat_header=table.repeat_header)


def _grid_xml(
    header: tuple[tuple[tuple[str, int], ...], ...],
    rows: list[Row],
    total: Row | None,
    align: tuple[str, ...],
    repeat_header: bool,
    label_share: float | None = None,
) -> str:
    columns = len(align)
    if label_share is None:
        label_share = 0.34 if columns <= 4 else 0.26 if columns <= 8 else 0.18
    first = round(TEXT_WIDTH * label_share) if columns > 1 else TEXT_WIDTH
    other = (TEXT_WIDTH - first) // (columns - 1) if columns > 1 else 0
    widths = [first] + [other] * (columns - 1)
    style = "TableTextSmall" if columns > 8 else "TableText"
    parts = [
        f'<w:tbl {W}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/>'
        '</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for header_row in header:
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if repeat_header else ''}</w:trPr>")
        column = 0
        for text, span in header_row:
            width = sum(widths[column : column + span])
            cell_align = "left" if column == 0 else "center"
            parts.append(_cell_xml(text, width, cell_align, style, bold=True, fill=HEADER_FILL, span=span))
            column += span
        parts.append("</w:tr>")
    for row in [*rows, *([total] if total is not None else [])]:
        bold = row.kind in ("subtotal", "total")
        fill = SUBTOTAL_FILL if row.kind == "subtotal" else HEADER_FILL if row.kind == "total" else ""
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for index in range(columns):
            text = row.cells[index] if index < len(row.cells) else ""
            parts.append(_cell_xml(text, widths[index], align[index], style, bold, fill, italic=row.kind == "average"))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell_xml(
    text: str, width: int, align: str, style: str, bold: bool, fill: str, span: int = 1, italic: bool = False
) -> str:
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    jc = {"left": "left", "right": "right", "center": "center"}.get(align, "left")
    run = _run_xml(text, bold, italic).replace(f"<w:r {W}>", "<w:r>") if text else ""
    return (
        f'<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{jc}"/></w:pPr>'
        f"{run}</w:p></w:tc>"
    )


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed entry times, so that the same document gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
