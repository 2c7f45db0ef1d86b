"""The words plans use for the columns of a measure table (Slovenian, as written in NIN and RIN tables)."""

from __future__ import annotations

import re

COLUMNS: dict[str, re.Pattern[str]] = {
    "area": re.compile(r"^podro[čc]j[ea]\b", re.IGNORECASE),
    "measure": re.compile(r"^ukrep(i)?\s*:?$|^ukrep(i)?\s*/|^naziv\s*ukrepa", re.IGNORECASE),
    "purpose": re.compile(r"^namen(\s*ukrepa)?", re.IGNORECASE),
    "holders": re.compile(r"^(odgovorni\s*)?nosil(ec|ci)(\s*ukrepa)?", re.IGNORECASE),
    "participants": re.compile(r"^sodeluj(o[čc]i|o[čc]e)", re.IGNORECASE),
    "funding_sources": re.compile(r"^(finan[čc]ni\s*)?vir(i)?(\s*financiranja)?$|^(finan[čc]ni\s*)?vir(i)?\b", re.I),
    "amounts": re.compile(r"^(ocena|okvirna\s*vi[šs]ina)\s*finan[čc]", re.IGNORECASE),
    "deadlines": re.compile(r"^rok(i)?(\s*izvedbe|\s*za\s*izvedbo)?$|^rok(i)?\b", re.IGNORECASE),
    "indicators": re.compile(r"^kazalni(k|ki|k-i)\b", re.IGNORECASE),
}
# Columns that mark a table as a measure table: a header row must name the measure and two of these.
KEY_COLUMNS = ("holders", "deadlines", "indicators", "purpose", "amounts")


def column_of(header_text: str) -> str | None:
    """The field a header cell names; a header split inside a word ('Sodelujo či') is read without spaces."""
    text = " ".join(header_text.split()).strip(" :")
    if len(text) > 60 or any(c.isdigit() for c in text):
        return None
    for candidate in (text, text.replace(" ", "")):
        name = next((name for name, pattern in COLUMNS.items() if pattern.search(candidate)), None)
        if name:
            return name
    return None


def is_header_cell(text: str) -> bool:
    return column_of(text) in KEY_COLUMNS
