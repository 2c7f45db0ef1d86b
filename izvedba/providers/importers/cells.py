"""Reading one cell: numbers, hours written as h:mm, and the message that names the cell when it is wrong."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_HOURS = re.compile(r"^(\d+):([0-5]\d)$")


@dataclass(frozen=True)
class CellError:
    """What is wrong with one cell (row 1 is the header), said so that the person can fix it."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.column:
            return _("%(file)s, row %(row)d: %(message)s") % {
                "file": self.file,
                "row": self.row,
                "message": self.message,
            }
        return _("%(file)s, row %(row)d, column “%(column)s”: %(message)s") % {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class CellProblem(ValueError):
    """Raised by the cell readers; the parser adds the file, row and column."""


def read_table(text: str) -> list[dict[str, str]]:
    """CSV rows as dictionaries of stripped text (the header names the columns)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def header_of(text: str) -> list[str]:
    first = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))), [])
    return [name.strip() for name in first]


def read_number(cell: str, *, minutes: bool = False) -> tuple[Decimal, int]:
    """A number (decimal point) or, for minutes, hours as h:mm; returns the value and the decimals written."""
    hours = _HOURS.match(cell)
    if hours and minutes:
        return Decimal(int(hours.group(1)) * 60 + int(hours.group(2))), 0
    if hours:
        raise CellProblem(
            _("“%(cell)s” is written as hours (h:mm), but this figure is not a duration.") % {"cell": cell}
        )
    if not _NUMBER.match(cell):
        hint = _(" Durations may also be written as h:mm.") if minutes else ""
        raise CellProblem(
            _("“%(cell)s” is not a number. Write digits with a decimal point (e.g. 51.33), no thousands separators.")
            % {"cell": cell}
            + hint
        )
    try:
        value = Decimal(cell)
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only valid decimals
        raise CellProblem(_("“%(cell)s” is not a number.") % {"cell": cell}) from error
    decimals = len(cell.split(".", 1)[1]) if "." in cell else 0
    return value, decimals


def read_int(cell: str, *, low: int, high: int, what: str) -> int:
    if not re.fullmatch(r"\d+", cell):
        raise CellProblem(_("“%(cell)s” is not a whole number; write a %(what)s.") % {"cell": cell, "what": what})
    value = int(cell)
    if not low <= value <= high:
        raise CellProblem(
            _("%(value)d is not a %(what)s; write %(low)d to %(high)d.")
            % {"value": value, "what": what, "low": low, "high": high}
        )
    return value
