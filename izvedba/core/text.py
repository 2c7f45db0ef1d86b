"""Small text helpers shared by apps (no domain knowledge)."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def name_key(text: str) -> str:
    """A comparison key for names: case, diacritics, spacing and punctuation removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub("", ascii_only)


def search_key(text: str) -> str:
    """Text for diacritic- and case-insensitive search: 'Pomoč na domu' → 'pomoc na domu'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z+/%.-]+", " ", ascii_only).split())
