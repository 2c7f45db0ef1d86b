"""Opening an uploaded XLSX defensively: empty, not a zip, a zip bomb, or damaged — each refused with a message."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a zip that unpacks to more than this is refused unread


class WorkbookRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def workbook_open(data: bytes, *, hint: str, max_unpacked_bytes: int = MAX_UNPACKED_BYTES) -> Any:
    """The workbook (read-only, values), or WorkbookRefused whose message ends with `hint` (what to upload)."""
    if not data:
        raise WorkbookRefused(_("The file is empty.") + " " + hint)
    not_xlsx = _("This file is not an Excel workbook (.xlsx); an older .xls or a .csv will not do.") + " " + hint
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise WorkbookRefused(not_xlsx)
    try:
        with zipfile.ZipFile(buffer) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WorkbookRefused(not_xlsx) from None
    if unpacked > max_unpacked_bytes:
        raise WorkbookRefused(_("This workbook is far too large once unpacked; it was not read.") + " " + hint)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged or foreign zip fails in many ways inside openpyxl
        raise WorkbookRefused(
            _(
                "This file could not be read as an Excel workbook: it may be damaged. Open it in your spreadsheet "
                "program and save it again as .xlsx."
            )
            + " "
            + hint
        ) from None
