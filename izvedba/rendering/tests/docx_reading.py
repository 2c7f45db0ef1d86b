"""Reading a rendered DOCX back with python-docx: the body in order, captions, tables, bookmarks."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph


@dataclass
class ReadTable:
    caption: str
    bookmark: str
    rows: list[list[str]]
    header_rows: int
    element: object = field(repr=False)


@dataclass
class ReadDocx:
    document: object
    paragraphs: list[DocxParagraph]
    tables: list[ReadTable]
    order: list[tuple[str, str]]  # ("heading1"/"caption"/"table"/"picture"/"paragraph", text)


def read_docx(data: bytes) -> ReadDocx:
    document = docx.Document(io.BytesIO(data))
    paragraphs: list[DocxParagraph] = []
    tables: list[ReadTable] = []
    order: list[tuple[str, str]] = []
    caption, bookmark = "", ""
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            paragraphs.append(item)
            style = item.style.name if item.style is not None else ""
            if item._p.xpath(".//pic:pic"):
                order.append(("picture", ""))
            elif style == "Caption":
                caption = item.text
                marks = item._p.findall(qn("w:bookmarkStart"))
                bookmark = marks[0].get(qn("w:name")) if marks else ""
                order.append(("caption", caption))
            elif style.startswith("Heading"):
                order.append((style.replace(" ", "").lower(), item.text))
            else:
                order.append(("paragraph", item.text))
        elif isinstance(item, DocxTable):
            header_rows = sum(
                1 for row in item._tbl.tr_lst if row.trPr is not None and row.trPr.find(qn("w:tblHeader")) is not None
            )
            rows = [[cell.text for cell in row.cells] for row in item.rows]
            tables.append(ReadTable(caption, bookmark, rows, header_rows, item._tbl))
            order.append(("table", caption))
            caption, bookmark = "", ""
    return ReadDocx(document, paragraphs, tables, order)
