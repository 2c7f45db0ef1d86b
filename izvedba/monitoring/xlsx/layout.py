"""The round workbook's layout, shared by the export and the parser: sheets, columns, row kinds, and how a value
is compared (the export records a fingerprint of every editable cell, so that the import applies only what changed).

Sheet "Poročila": row 1 holds the column keys (hidden), row 2 the headers, rows from 3 the data: one "ukrep" row
per report, then a "kazalnik" row per indicator and a "sredstva" row per funding line of its measure.
Sheet "_meta" (hidden): round, plan, template version, export time, the list of implementation statuses, and
per exported row its report's version and the fingerprints of its editable cells.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

TEMPLATE_VERSION = "izvedba-krog-1"
SHEET = "Poročila"
META_SHEET = "_meta"
KEY_ROW = 1
HEADER_ROW = 2
FIRST_DATA_ROW = 3
META_TABLE_ROW = 8  # _meta: the header of the per-row table (row_key, version, fingerprints)
MAX_ROWS = 20_000  # data rows read at most; a round has a few hundred
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell

KIND_MEASURE = "ukrep"
KIND_INDICATOR = "kazalnik"
KIND_FUNDING = "sredstva"
KINDS = (KIND_MEASURE, KIND_INDICATOR, KIND_FUNDING)

# What a column holds: how the parser reads it.
TEXT, DECIMAL, MONEY, DATE, STATUS, INTEGER = "text", "decimal", "money", "date", "status", "integer"


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    width: int
    type: str = TEXT
    editable_in: str = ""  # the row kind whose cell in this column a reporter fills ("" = read-only)


COLUMNS: tuple[Column, ...] = (
    Column("kind", _("Row kind"), 10),
    Column("report_id", _("Report id"), 10, INTEGER),
    Column("row_id", _("Indicator or funding line id"), 12, INTEGER),
    Column("measure_code", _("Measure code"), 10),
    Column("title", _("Measure, indicator or funding source"), 50),
    Column("holders", _("Holders"), 20),
    Column("report_status", _("Report status"), 14),
    Column("implementation_status", _("Implementation status"), 18, STATUS, KIND_MEASURE),
    Column("status_reason", _("Reason (when late or abandoned)"), 30, TEXT, KIND_MEASURE),
    Column("completed_on", _("Completed on"), 14, DATE, KIND_MEASURE),
    Column("narrative", _("What was done"), 50, TEXT, KIND_MEASURE),
    Column("risks_other", _("Other risks met"), 30, TEXT, KIND_MEASURE),
    Column("target", _("Target value"), 12, DECIMAL),
    Column("unit", _("Unit"), 10),
    Column("value", _("Value reached"), 14, DECIMAL, KIND_INDICATOR),
    Column("statement", _("Statement"), 40, TEXT, KIND_INDICATOR),
    Column("planned_eur", _("Planned (EUR)"), 14, MONEY),
    Column("spent_eur", _("Spent (EUR)"), 14, MONEY, KIND_FUNDING),
    Column("note", _("Note on spending"), 30, TEXT, KIND_FUNDING),
)
COLUMN_INDEX = {column.key: index for index, column in enumerate(COLUMNS, start=1)}
EDITABLE = {kind: tuple(c.key for c in COLUMNS if c.editable_in == kind) for kind in KINDS}
ID_KEYS = ("kind", "report_id", "row_id")


def column_letter(key: str) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(COLUMN_INDEX[key]))


def cell_ref(key: str, row: int) -> str:
    """The cell of column `key` in sheet row `row`, as a spreadsheet names it ("H7")."""
    return f"{column_letter(key)}{row}"


def header(label: str | Promise) -> str:
    """A column header: Slovenian, followed by the English when the two differ ("Šifra ukrepa / Measure code")."""
    with override("sl"):
        slovenian = str(label)
    with override("en"):
        english = str(label)
    return slovenian if slovenian == english else f"{slovenian} / {english}"


# --- comparing values ---------------------------------------------------------------------------------------


def canonical(value: Any) -> str:
    """A value as compared between export and import: text with Unix line ends and no outer spaces, numbers as
    the spreadsheet stores them (a double), dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(float(value))).normalize()
        return format(number, "f")
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def fingerprint(value: Any) -> str:
    """A short digest of a cell's canonical value."""
    return hashlib.sha256(canonical(value).encode()).hexdigest()[:12]


def row_key(kind: str, report_id: int, row_id: int | None) -> str:
    return f"{kind}:{report_id}:{row_id or ''}"


def status_lookup() -> dict[str, str]:
    """Implementation status by what a cell may hold: its code, or its label in Slovenian or English (lower case)."""
    from izvedba.monitoring.models import Report

    lookup: dict[str, str] = {}
    for language in ("en", "sl"):
        with override(language):
            lookup.update({str(label).strip().lower(): code for code, label in Report.Implementation.choices})
    lookup.update({code: code for code in Report.Implementation.values})
    return lookup
