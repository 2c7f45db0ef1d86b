"""The section template's layout, shared by the export and the parser.

Sheet "Navodila"/"Instructions" (first): what the file is and how to fill it in. One sheet per indicator:
row 1 the title; row 2 the codes (for the row-axis columns: the axis; for the value columns: the column's
category, unit or "value"); row 3 the headers; from row 4 one row per combination of the row axes — first a code
column per row axis, then a label column per row axis, then the value cells (white, unlocked). Sheet "_meta"
(hidden): template version, provider, year, section, the first year of each category set used, and per sheet its
indicator and axes.
"""

from __future__ import annotations

TEMPLATE_VERSION = "izvedba-izvajalci-1"
META_SHEET = "_meta"
TITLE_ROW = 1
KEY_ROW = 2
HEADER_ROW = 3
FIRST_DATA_ROW = 4
MAX_ROWS = 5_000  # data rows read per sheet at most; the largest grid has a few hundred
MAX_COLUMNS = 200

# _meta rows: a key in column A, values from column B
META_VERSION = "template_version"
META_PROVIDER = "provider"
META_PROVIDER_NAME = "provider_name"
META_YEAR = "year"
META_SECTION = "section"
META_GENERATED = "generated_at"
META_CATEGORY_SET = "category_set"  # dimension, first year of the set
META_SHEET_ROW = "sheet"  # sheet name, indicator, row axes (space-separated), column axis


def sheet_names(indicators: list[str]) -> list[str]:
    """A sheet name per indicator: its code, cut to Excel's 31 characters and made unique."""
    names: list[str] = []
    for code in indicators:
        name = code[:31]
        number = 2
        while name in names or name == META_SHEET:
            suffix = f"_{number}"
            name = code[: 31 - len(suffix)] + suffix
            number += 1
        names.append(name)
    return names


def value_column(row_axes: int, index: int) -> int:
    """The sheet column (1-based) of the value column `index` (0-based) when there are `row_axes` row axes."""
    return 2 * row_axes + 1 + index
