"""Automatic numbering of tables and figures, and their caption labels in the document's language.

Tables are numbered 1, 2, 3 … in the order they appear (a figure's data table included), figures likewise, each
sequence on its own and never by hand, so a document can have neither two "Tabela 4" nor a gap. Caption labels
come from the translation catalogue ("Tabela"/"Slika" in Slovenian, "Table"/"Figure" in English).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from django.utils import translation
from django.utils.translation import pgettext

from izvedba.rendering.model import Block, Document, Figure, Table

CaptionKind = Literal["table", "figure"]


def numbered(document: Document) -> Document:
    """The document with every table and figure numbered in order of appearance (idempotent)."""
    tables = figures = 0
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, Table):
            tables += 1
            block = replace(block, number=tables)
        elif isinstance(block, Figure):
            figures += 1
            data = block.table
            if data is not None:
                tables += 1
                data = replace(data, number=tables)
            block = replace(block, number=figures, table=data)
        blocks.append(block)
    return replace(document, blocks=tuple(blocks))


def caption_word(kind: CaptionKind, language: str) -> str:
    """ "Tabela" / "Slika" (sl), "Table" / "Figure" (en)."""
    with translation.override(language):
        if kind == "table":
            return pgettext("caption of a numbered table", "Table")
        return pgettext("caption of a numbered chart", "Figure")


def caption_label(kind: CaptionKind, number: int | None, language: str) -> str:
    """ "Tabela 3" — or only the word when the block has no number yet."""
    word = caption_word(kind, language)
    return f"{word} {number}" if number is not None else word


def caption_text(kind: CaptionKind, number: int | None, caption: str, language: str) -> str:
    """ "Tabela 3: Število primerov po enotah"."""
    label = caption_label(kind, number, language)
    return f"{label}: {caption}" if caption else label
