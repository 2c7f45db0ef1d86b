"""The common shape every reader produces: paragraphs and tables of cells, in document order."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    text: str
    # True when the cell continues a vertically merged cell above (Word vMerge); its text is empty.
    merged_above: bool = False


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)
    # True when the source gave cells without row boundaries (text extracts): `rows` then holds one row
    # with every cell in order, and the interpreter rebuilds rows from the column headers.
    flat: bool = False


@dataclass(frozen=True)
class Paragraph:
    text: str


Block = Paragraph | Table
