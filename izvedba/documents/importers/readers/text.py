"""Plain-text extracts (pure).

A DOCX extract writes each table cell on a line that starts with a TAB; a line without one continues the cell
above, until a run of blank lines and a line of prose end the table. A PDF extract is prose, line by line.
"""

from __future__ import annotations

from ..blocks import Block, Cell, Paragraph, Table
from ..cleaning import strip_markers
from ..errors import unsupported_format
from ..vocabulary import is_header_cell

# Prose after a measure table follows a run of blank lines; inside a cell, paragraphs are closer together.
_BLANKS_ENDING_A_MEASURE_TABLE = 3


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    raise unsupported_format()


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    printable = sum(1 for c in text if c.isprintable() or c in "\n\t\r")
    return printable / len(text) > 0.97


def read_text(data: bytes) -> list[Block]:
    blocks: list[Block] = []
    cells: list[str] | None = None
    blank_run = 0
    measure_table = False
    for line in decode(data).split("\n"):
        if line.startswith("\t"):
            cells = cells if cells is not None else []
            cells.append(line[1:])
            measure_table = measure_table or is_header_cell(strip_markers(line).strip())
            blank_run = 0
        elif cells is not None and _continues_cell(line, blank_run, measure_table):
            blank_run = blank_run + 1 if not line.strip() else 0
            cells[-1] += "\n" + line
        else:
            measure_table = False
            if cells is not None:
                blocks.append(Table(rows=[[Cell(c) for c in cells]], flat=True))
                cells = None
            blocks.append(Paragraph(line))
    if cells is not None:
        blocks.append(Table(rows=[[Cell(c) for c in cells]], flat=True))
    return blocks


def _continues_cell(line: str, blank_run: int, measure_table: bool) -> bool:
    """Whether a line without a TAB belongs to the cell above rather than to prose after the table."""
    if not line.strip():
        return True
    limit = _BLANKS_ENDING_A_MEASURE_TABLE if measure_table else 1
    return blank_run < limit
