"""Word documents (.docx) → blocks, reading the tables themselves (pure).

Vertically merged cells (w:vMerge) become empty cells marked `merged_above`; a cell spanning several grid
columns (w:gridSpan) is followed by empty cells so every row has one cell per grid column.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ..blocks import Block, Cell, Paragraph, Table
from ..errors import corrupt_docx
from .docx_numbering import ListLabels

_MAX_UNCOMPRESSED = 200 * 1024 * 1024
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")


def _check_package(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names:
                raise corrupt_docx("it has no word/document.xml part")
            if sum(i.file_size for i in package.infolist()) > _MAX_UNCOMPRESSED:
                raise corrupt_docx("it unpacks to more than 200 MB")
    except zipfile.BadZipFile as exc:
        raise corrupt_docx("the ZIP package is damaged") from exc


def read_docx(data: bytes) -> list[Block]:
    _check_package(data)
    try:
        document = Document(io.BytesIO(data))
    except (KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise corrupt_docx(type(exc).__name__) from exc
    labels = ListLabels(document)
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == _P:
            blocks.append(Paragraph(labels.label(child) + _paragraph_text(child)))
        elif child.tag == _TBL:
            blocks.append(_table(child))
    return blocks


def _paragraph_text(p: etree._Element) -> str:
    return str(DocxParagraph(p, None).text)  # type: ignore[arg-type]


def _cell_text(tc: etree._Element) -> str:
    return "\n".join(_paragraph_text(p) for p in tc.iter(_P))


def _table(tbl: etree._Element) -> Table:
    rows: list[list[Cell]] = []
    for tr in tbl.iterchildren(_TR):
        row: list[Cell] = [Cell("") for _ in range(_grid_before(tr))]
        for tc in tr.iterchildren(_TC):
            merged = _vmerge(tc) == "continue"
            row.append(Cell("" if merged else _cell_text(tc), merged_above=merged))
            row.extend(Cell("", merged_above=merged) for _ in range(_grid_span(tc) - 1))
        rows.append(row)
    return Table(rows=rows)


def _tc_pr_value(tc: etree._Element, tag: str) -> str | None:
    tc_pr = tc.find(qn("w:tcPr"))
    element = tc_pr.find(qn(tag)) if tc_pr is not None else None
    if element is None:
        return None
    return str(element.get(qn("w:val"), "continue"))


def _vmerge(tc: etree._Element) -> str | None:
    return _tc_pr_value(tc, "w:vMerge")


def _grid_span(tc: etree._Element) -> int:
    value = _tc_pr_value(tc, "w:gridSpan")
    return int(value) if value and value.isdigit() else 1


def _grid_before(tr: etree._Element) -> int:
    tr_pr = tr.find(qn("w:trPr"))
    element = tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None
    value = element.get(qn("w:val")) if element is not None else None
    return int(value) if value and value.isdigit() else 0
