"""A dataset's table as CSV, XLSX or JSON (pure: the dataset gives the rows)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from openpyxl import Workbook

from izvedba.portal.datasets import Dataset, Value

FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def render(dataset: Dataset, fmt: str) -> bytes:
    table = dataset.table()
    if fmt == "csv":
        return to_csv(dataset, table)
    if fmt == "xlsx":
        return to_xlsx(dataset, table)
    if fmt == "json":
        return to_json(dataset, table)
    raise ValueError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")


def _text(value: Value) -> str:
    return "" if value is None else str(value)


def to_csv(dataset: Dataset, table: list[list[Value]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in dataset.columns])
    writer.writerows([[_text(v) for v in row] for row in table])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs read UTF-8


def to_xlsx(dataset: Dataset, table: list[list[Value]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = dataset.key[:31]
    sheet.append([c.name for c in dataset.columns])
    for row in table:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _json_value(value: Value) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def to_json(dataset: Dataset, table: list[list[Value]]) -> bytes:
    names = [c.name for c in dataset.columns]
    rows = [dict(zip(names, map(_json_value, row), strict=True)) for row in table]
    document = {"dataset": dataset.key, "title": dataset.title_en, "columns": names, "rows": rows}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
