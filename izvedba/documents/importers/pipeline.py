"""Detect a document's format, read it into blocks and interpret them (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import Block
from .errors import DocumentError, corrupt_docx, empty_file, too_large, unsupported_format
from .interpret.plan import interpret
from .parsed import ParsedPlan
from .readers.text import read_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def detect_format(data: bytes, filename: str = "") -> str:
    """'pdf', 'docx' or 'text', from the bytes first and the name second."""
    name = filename.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if name.endswith(".docx"):
        raise corrupt_docx("it is not a ZIP package")
    if name.endswith(".pdf"):
        return "pdf"
    if name.endswith((".doc", ".odt", ".rtf", ".xls", ".xlsx")):
        raise unsupported_format()
    return "text"


def read_blocks(data: bytes, file_format: str) -> list[Block]:
    if file_format == "pdf":
        from .readers.pdf import read_pdf

        return read_pdf(data)
    if file_format == "docx":
        from .readers.docx import read_docx

        return read_docx(data)
    return read_text(data)


def parse_plan(
    data: bytes,
    filename: str = "",
    *,
    regions: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ParsedPlan:
    """Parse a plan document. Raises DocumentError with a specific message for anything unreadable."""
    if not data or not data.strip():
        raise empty_file()
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    file_format = detect_format(data, filename)
    blocks = read_blocks(data, file_format)
    return interpret(blocks, regions=list(regions), source_format=file_format)


__all__ = ["DEFAULT_MAX_BYTES", "DocumentError", "detect_format", "parse_plan"]
