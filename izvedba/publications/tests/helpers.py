"""Reading generated documents back: the text of a DOCX (paragraphs and table cells) and of a PDF."""

from __future__ import annotations

import io

import docx
import pdfplumber


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def docx_tables(data: bytes) -> list[list[list[str]]]:
    document = docx.Document(io.BytesIO(data))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def squeeze(text: str) -> str:
    """Whitespace folded to single spaces (a PDF wraps lines where the DOCX does not)."""
    return " ".join(text.split())
