"""PDF documents → blocks (pure), with pdfplumber.

Tables are found from their ruling lines; each word is placed in the cell that holds its centre. A table that
continues on the next page is joined to the one before, and a row that the page break cut in two is joined
back together. Text outside tables is regrouped into paragraphs from line spacing.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from ..blocks import Block, Cell, Paragraph, Table
from ..cleaning import strip_markers
from ..errors import DocumentError, corrupt_pdf, encrypted_pdf, image_only_pdf
from ..interpret.rows import MEASURE_START
from ..vocabulary import column_of
from .pdf_text import Box, Lexicon, Word, cell_text, inside, paragraphs, whole_words

_PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,4}|stran\s+\d+(\s+od\s+\d+)?|\d+\s*/\s*\d+)\s*$", re.IGNORECASE)


@dataclass
class _FoundTable:
    box: Box
    # Each row's cells: a cell's box (None where a merged cell covers it) and the words inside it.
    rows: list[list[tuple[Box | None, list[Word]]]]


@dataclass
class _Page:
    words: list[Word]
    tables: list[_FoundTable]
    loose: list[Word]  # the words outside every table


def read_pdf(data: bytes) -> list[Block]:
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            pages = [_scan(page) for page in document.pages]
    except (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError, PDFSyntaxError, PSException) as exc:
        raise _pdf_error(exc) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise corrupt_pdf(type(exc).__name__) from exc
    if not any(page.words for page in pages):
        raise image_only_pdf()
    vocabulary = Lexicon(frozenset().union(*(_page_vocabulary(page) for page in pages)))
    return _join_pages([_blocks(page, vocabulary) for page in pages])


def _pdf_error(exc: Exception) -> DocumentError:
    """pdfplumber wraps pdfminer's errors; a password means encryption, anything else a damaged file."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return encrypted_pdf()
    return corrupt_pdf(type(cause).__name__)


def _page_vocabulary(page: _Page) -> frozenset[str]:
    """Whole words of the page: those inside a line of one cell, or of the text outside tables."""
    groups = [words for t in page.tables for row in t.rows for box, words in row if box]
    return frozenset().union(whole_words(page.loose), *(whole_words(group) for group in groups))


def _scan(page: Any) -> _Page:
    """The page's words, its ruled tables, and which words lie in which cell (worked out once)."""
    words = [Word.from_pdfplumber(w) for w in page.extract_words(use_text_flow=False, keep_blank_chars=False)]
    tables = [_found_table(t, words) for t in page.find_tables()]
    loose = [w for w in words if not any(inside(t.box, w) for t in tables)]
    return _Page(words, tables, loose)


def _found_table(table: Any, words: list[Word]) -> _FoundTable:
    box: Box = tuple(table.bbox)
    in_table = [w for w in words if inside(box, w)]
    rows = [
        [(cell, [w for w in in_table if inside(cell, w)] if cell else []) for cell in row.cells] for row in table.rows
    ]
    return _FoundTable(box, rows)


def _blocks(page: _Page, vocabulary: Lexicon) -> list[Block]:
    items: list[tuple[float, Block]] = [(t.box[1], Table(rows=_rows(t, vocabulary))) for t in page.tables]
    items += [(top, Paragraph(text)) for top, text in paragraphs(page.loose) if not _PAGE_NUMBER.match(text)]
    return [block for _top, block in sorted(items, key=lambda item: item[0])]


def _rows(table: _FoundTable, vocabulary: Lexicon) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for row in table.rows:
        boxes = [box for box, _words in row]
        cells: list[Cell] = []
        reach = -1.0
        for index, (box, words) in enumerate(row):
            if box is None:
                cells.append(Cell("", merged_above=not _covered_from_left(reach, boxes, index)))
                continue
            reach = max(reach, box[2])
            cells.append(Cell(cell_text(box, words, vocabulary)))
        rows.append(cells)
    return rows


def _covered_from_left(reach: float, boxes: list[Box | None], index: int) -> bool:
    """A missing cell lies under a cell to its left that spans several columns (a title row)."""
    if index == 0 or reach < 0:
        return False
    lefts = [b[0] for b in boxes[index:] if b is not None]
    return not lefts or reach > min(lefts) - 0.5


def _join_pages(pages: list[list[Block]]) -> list[Block]:
    blocks: list[Block] = []
    for page in pages:
        for index, block in enumerate(page):
            previous = blocks[-1] if blocks else None
            if index == 0 and isinstance(block, Table) and isinstance(previous, Table) and _continues(previous, block):
                _append_rows(previous, block)
            else:
                blocks.append(block)
    return blocks


def _continues(previous: Table, table: Table) -> bool:
    return bool(previous.rows and table.rows) and len(previous.rows[-1]) == len(table.rows[0])


def _append_rows(previous: Table, table: Table) -> None:
    """Join a table that runs on from the previous page; rejoin a row the page break split."""
    rows = [r for r in table.rows if not _is_header(r)]
    if rows and _is_split_row(previous, rows[0]):
        last = previous.rows[-1]
        previous.rows[-1] = [_join_cells(a, b) for a, b in zip(last, rows[0], strict=True)]
        rows = rows[1:]
    previous.rows.extend(rows)


def _is_header(row: list[Cell]) -> bool:
    return sum(1 for c in row if column_of(strip_markers(c.text))) >= 4


def _is_split_row(previous: Table, first: list[Cell]) -> bool:
    """The page's first row continues the last one when it starts no measure and its holder cell is empty."""
    header = next((r for r in previous.rows if _is_header(r)), None)
    if header is None:
        return False
    columns = [column_of(strip_markers(c.text)) for c in header]
    measure = columns.index("measure") if "measure" in columns else 0
    anchor = next(
        (columns.index(name) for name in ("holders", "funding_sources", "deadlines") if name in columns), None
    )
    if MEASURE_START.match(strip_markers(first[measure].text)):
        return False
    return anchor is not None and not first[anchor].text.strip() and any(c.text.strip() for c in first)


def _join_cells(top: Cell, bottom: Cell) -> Cell:
    if not bottom.text.strip():
        return top
    if not top.text.strip():
        return Cell(bottom.text, top.merged_above)
    text = top.text.rstrip()
    glue = "\n" if text.endswith((".", ":", ";")) else "" if text.endswith("-") and not text.endswith(" -") else " "
    return Cell(f"{text}{glue}{bottom.text}", top.merged_above)
