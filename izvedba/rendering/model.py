"""The document model every generated document is built into, and every renderer reads (pure data).

A document kind (the annual report, later the regional summary, the council material, the monitoring report)
builds a `Document` from its context; the renderers (`docx_render`, `html_render`, `pdf_render`) turn the same
`Document` into DOCX, HTML or PDF. Text in the model is final: numbers are already formatted for the document's
language (see `izvedba.rendering.formatting`), tables and figures get their numbers from
`izvedba.rendering.numbering` and their caption labels ("Tabela 1", "Figure 1") in the document's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from izvedba.rendering.charts import ChartSpec

Align = Literal["left", "right", "center"]
RowKind = Literal["data", "subtotal", "average", "total"]
ParagraphStyle = Literal["body", "lead", "note", "empty"]


@dataclass(frozen=True)
class Metadata:
    """What the file's properties say and the title page shows."""

    subtitle: str = ""
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    date: dt.date | None = None
    lines: tuple[str, ...] = ()  # further lines on the title page (address, registration number …)


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs; `note` is small print (a source), `empty` says a part has no content yet."""

    runs: tuple[Run, ...]
    style: ParagraphStyle = "body"

    @classmethod
    def of(cls, text: str, style: ParagraphStyle = "body") -> Paragraph:
        return cls((Run(text),), style)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    """A heading of level 1–3 (styled as Word's Heading 1–3, so the navigation pane and contents list find it).
    `number` ("4", "4.2") is shown before the text."""

    level: int
    text: str
    number: str = ""
    key: str = ""  # anchor for links

    @property
    def full_text(self) -> str:
        if not self.number:
            return self.text
        return f"{self.number} {self.text}" if "." in self.number else f"{self.number}. {self.text}"


@dataclass(frozen=True)
class HeaderCell:
    text: str
    span: int = 1  # columns it covers


@dataclass(frozen=True)
class Row:
    """A body row: its cells as text, the first being the row's label."""

    cells: tuple[str, ...]
    kind: RowKind = "data"


@dataclass(frozen=True)
class Table:
    """A numbered table: caption, header rows (repeated on every page), body rows and a total row.

    `align` gives each column's alignment (figures right); `key` names the table for links and for finding it
    again in a rendered file (a DOCX bookmark, an HTML id); `number` is set by `numbering.numbered`."""

    caption: str
    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[Row, ...]
    total: Row | None = None
    align: tuple[Align, ...] = ()
    repeat_header: bool = True
    note: str = ""
    key: str = ""
    number: int | None = None

    @property
    def columns(self) -> int:
        spans = [sum(cell.span for cell in row) for row in self.header]
        widths = [len(row.cells) for row in (*self.rows, *([self.total] if self.total else []))]
        return max([*spans, *widths, 1])

    def alignment(self, column: int) -> Align:
        if column < len(self.align):
            return self.align[column]
        return "left" if column == 0 else "right"


@dataclass(frozen=True)
class Figure:
    """A numbered chart, followed in the document by its data table (numbered as a table)."""

    caption: str
    chart: ChartSpec
    table: Table | None = None
    key: str = ""
    number: int | None = None


@dataclass(frozen=True)
class KeyFigure:
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class KeyFigures:
    """A summary of the main figures (not numbered): a label and one value per column (e.g. this year, last)."""

    title: str
    columns: tuple[str, ...]
    items: tuple[KeyFigure, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class TableOfContents:
    title: str
    levels: int = 2


Block = Paragraph | BulletList | Heading | Table | Figure | KeyFigures | PageBreak | TableOfContents


@dataclass(frozen=True)
class Document:
    title: str
    language: str
    metadata: Metadata = field(default_factory=Metadata)
    blocks: tuple[Block, ...] = ()

    def tables(self) -> list[Table]:
        """Every table in order, a figure's data table included."""
        found: list[Table] = []
        for block in self.blocks:
            if isinstance(block, Table):
                found.append(block)
            elif isinstance(block, Figure) and block.table is not None:
                found.append(block.table)
        return found

    def figures(self) -> list[Figure]:
        return [block for block in self.blocks if isinstance(block, Figure)]

    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]
