"""The HTML renderer: a `Document` as HTML, for the PDF (through WeasyPrint, `pdf_render`) and for web pages.

Pure: the same model gives the same text. Headings are h1–h3 (WeasyPrint turns them into PDF bookmarks), each
table has its caption before it and its header rows in `thead` (so they repeat on every page of a PDF), each
chart is an image (PNG for print, inline SVG for the web) with its caption and its data table after it.
"""

from __future__ import annotations

import base64
from html import escape
from typing import Literal

from izvedba.rendering.charts import render_png, render_svg
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
from izvedba.rendering.numbering import caption_text, numbered
from izvedba.rendering.texts import page_label

ChartFormat = Literal["png", "svg"]

SCREEN_CSS = """
.doc { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4; color: #1a1a1a; }
.doc .title { font-size: 22pt; margin: 0 0 .3em; color: #1f3b5c; }
.doc .subtitle { font-size: 13pt; margin: 0 0 1em; color: #1f3b5c; }
.doc h1, .doc h2, .doc h3 { color: #1f3b5c; }
.doc h1 { font-size: 15pt; margin: 1.4em 0 .4em; }
.doc h2 { font-size: 12.5pt; margin: 1.2em 0 .3em; }
.doc h3 { font-size: 11pt; margin: 1em 0 .3em; }
.doc p { margin: 0 0 .45em; }
.doc p.note { font-size: 8pt; font-style: italic; }
.doc p.empty { font-style: italic; color: #595959; }
.doc p.lead { font-weight: bold; }
.doc .caption { font-weight: bold; font-size: 9pt; color: #1f3b5c; margin: .9em 0 .25em; }
.doc table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 0 0 .6em; }
.doc table.wide { font-size: 7pt; }
.doc th, .doc td { border: .5pt solid #7f7f7f; padding: 1pt 3pt; vertical-align: top; }
.doc thead th { background: #dce6f0; font-weight: bold; text-align: center; }
.doc thead th:first-child { text-align: left; }
.doc tbody th { font-weight: normal; text-align: left; }
.doc .right { text-align: right; white-space: nowrap; }
.doc .center { text-align: center; }
.doc tr.subtotal > * { font-weight: bold; background: #f2f2f2; }
.doc tr.total > * { font-weight: bold; background: #dce6f0; }
.doc tr.average > * { font-style: italic; }
.doc figure { margin: 1em 0 0; text-align: center; }
.doc figure img, .doc figure svg { width: 16cm; max-width: 100%; height: auto; }
.doc figcaption { text-align: left; }
.doc .toc ol { list-style: none; padding-left: 0; }
.doc .toc li.level-2 { padding-left: 1.2em; }
.doc .toc li.level-3 { padding-left: 2.4em; }
.doc .toc a { color: inherit; text-decoration: none; }
"""

PRINT_CSS = """
@page {
  size: A4; margin: 2cm 2cm 2.2cm;
  @bottom-center { content: "%(page)s " counter(page); font-family: "DejaVu Sans", sans-serif; font-size: 8pt; }
}
%(fonts)s
.doc { font-size: 9.5pt; }
.doc h1, .doc h2, .doc h3, .doc .caption { break-after: avoid; }
.doc h1 { bookmark-level: 1; }
.doc h2 { bookmark-level: 2; }
.doc h3 { bookmark-level: 3; }
.doc .title, .doc .subtitle { bookmark-level: none; }
.doc tr { break-inside: avoid; }
.doc figure { break-inside: avoid; }
.doc .toc { break-after: page; }
.doc .toc a::after { content: leader(".") target-counter(attr(href), page); }
.doc .page-break { break-after: page; }
"""


def render_html(
    document: Document, *, charts: ChartFormat = "svg", standalone: bool = True, for_print: bool = False,
    font_faces: str = "",
) -> str:  # fmt: skip
    """The document as HTML: a whole page (`standalone`) or the fragment to put in a page's content block."""
    document = numbered(document)
    body = _Body(document, charts).html()
    if not standalone:
        return body
    css = SCREEN_CSS
    if for_print:
        css += PRINT_CSS % {"page": _css_string(page_label(document.language)), "fonts": font_faces}
    metadata = document.metadata
    meta = [
        f'<meta name="author" content="{escape(metadata.author)}">' if metadata.author else "",
        f'<meta name="description" content="{escape(metadata.subject)}">' if metadata.subject else "",
        f'<meta name="keywords" content="{escape(", ".join(metadata.keywords))}">' if metadata.keywords else "",
        f'<meta name="dcterms.created" content="{metadata.date.isoformat()}">' if metadata.date else "",
        '<meta name="generator" content="izvedba">',
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(document.language)}"><head><meta charset="utf-8">'
        f"<title>{escape(document.title)}</title>{''.join(meta)}<style>{css}</style></head>"
        f"<body>{body}</body></html>"
    )


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


class _Body:
    def __init__(self, document: Document, charts: ChartFormat) -> None:
        self.document = document
        self.language = document.language
        self.charts = charts
        self.heading_ids = {
            id(h): h.key or f"h{i + 1}" for i, h in enumerate(b for b in document.blocks if isinstance(b, Heading))
        }

    def html(self) -> str:
        parts = ['<div class="doc">', self._title()]
        for block in self.document.blocks:
            parts.append(self._block(block))
        parts.append("</div>")
        return "".join(parts)

    def _title(self) -> str:
        metadata = self.document.metadata
        lines = [f'<p class="title">{escape(self.document.title)}</p>']
        if metadata.subtitle:
            lines.append(f'<p class="subtitle">{escape(metadata.subtitle)}</p>')
        lines += [f"<p>{escape(line)}</p>" for line in (metadata.author, *metadata.lines) if line]
        return f'<header class="title-page">{"".join(lines)}</header>'

    def _block(self, block: object) -> str:
        if isinstance(block, Heading):
            level = max(1, min(block.level, 3))
            return f'<h{level} id="{escape(self.heading_ids[id(block)])}">{escape(block.full_text)}</h{level}>'
        if isinstance(block, Paragraph):
            runs = "".join(_run(run.text, run.bold, run.italic) for run in block.runs)
            style = f' class="{block.style}"' if block.style != "body" else ""
            return f"<p{style}>{runs}</p>"
        if isinstance(block, BulletList):
            return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        if isinstance(block, KeyFigures):
            header = "<tr><th></th>" + "".join(f"<th>{escape(c)}</th>" for c in block.columns) + "</tr>"
            rows = [Row((item.label, *item.values)) for item in block.items]
            body = "".join(_row(row, ("left", *("right" for _ in block.columns))) for row in rows)
            return (
                f'<section class="key-figures"><p class="caption">{escape(block.title)}</p>'
                f"<table><thead>{header}</thead><tbody>{body}</tbody></table></section>"
            )
        if isinstance(block, PageBreak):
            return '<div class="page-break"></div>'
        if isinstance(block, TableOfContents):
            return self._contents(block)
        raise TypeError(f"Unknown block {block!r}")

    def _table(self, table: Table) -> str:
        caption = caption_text("table", table.number, table.caption, self.language)
        anchor = f' id="{escape(_anchor(table.key))}"' if table.key else ""
        header = "".join(
            "<tr>" + "".join(f'<th{_span(cell.span)} scope="col">{escape(cell.text)}</th>' for cell in row) + "</tr>"
            for row in table.header
        )
        align = tuple(table.alignment(i) for i in range(table.columns))
        rows = [*table.rows, *([table.total] if table.total else [])]
        body = "".join(_row(row, align) for row in rows)
        wide = ' class="wide"' if table.columns > 8 else ""
        note = f'<p class="note">{escape(table.note)}</p>' if table.note else ""
        return (
            f'<p class="caption"{anchor}>{escape(caption)}</p>'
            f"<table{wide}><thead>{header}</thead><tbody>{body}</tbody></table>{note}"
        )

    def _figure(self, figure: Figure) -> str:
        caption = caption_text("figure", figure.number, figure.caption, self.language)
        if self.charts == "png":
            data = base64.b64encode(render_png(figure.chart)).decode("ascii")
            image = f'<img src="data:image/png;base64,{data}" alt="{escape(figure.caption)}">'
        else:
            svg = render_svg(figure.chart)
            image = svg[svg.index("<svg") :]
            image = image.replace("<svg ", f'<svg role="img" aria-label="{escape(figure.caption)}" ', 1)
        anchor = f' id="{escape(_anchor(figure.key))}"' if figure.key else ""
        html = f'<figure{anchor}>{image}<figcaption class="caption">{escape(caption)}</figcaption></figure>'
        if figure.table is not None:
            html += self._table(figure.table)
        return html

    def _contents(self, block: TableOfContents) -> str:
        items = []
        for heading in self.document.headings():
            if heading.level <= block.levels:
                href = escape(self.heading_ids[id(heading)])
                items.append(
                    f'<li class="level-{heading.level}"><a href="#{href}">{escape(heading.full_text)}</a></li>'
                )
        return f'<nav class="toc"><p class="caption">{escape(block.title)}</p><ol>{"".join(items)}</ol></nav>'


def _anchor(key: str) -> str:
    return "t-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in key)


def _span(span: int) -> str:
    return f' colspan="{span}"' if span > 1 else ""


def _run(text: str, bold: bool, italic: bool) -> str:
    html = escape(text)
    if bold:
        html = f"<strong>{html}</strong>"
    if italic:
        html = f"<em>{html}</em>"
    return html


def _row(row: Row, align: tuple[str, ...]) -> str:
    kind = f' class="{row.kind}"' if row.kind != "data" else ""
    cells = []
    for index in range(len(align)):
        text = row.cells[index] if index < len(row.cells) else ""
        style = f' class="{align[index]}"' if align[index] != "left" else ""
        if index == 0:
            cells.append(f'<th scope="row"{style}>{escape(text)}</th>')
        else:
            cells.append(f"<td{style}>{escape(text)}</td>")
    return f"<tr{kind}>{''.join(cells)}</tr>"
