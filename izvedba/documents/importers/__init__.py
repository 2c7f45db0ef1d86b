"""Plan documents (text extracts, DOCX, PDF) → ParsedPlan. Pure: bytes in, dataclasses out, no ORM."""

from __future__ import annotations

from .errors import DocumentError
from .parsed import ParsedMeasure, ParsedPlan
from .pipeline import detect_format, parse_plan

__all__ = ["DocumentError", "ParsedMeasure", "ParsedPlan", "detect_format", "parse_plan"]
