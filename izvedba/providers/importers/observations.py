"""The observations file: one figure per row at the finest grain.

Columns: `indicator`, `year`, `value` (required); `month` or `period_start`/`period_end`; `unit`, `programme` or
`cost_carrier` (what the figure is for, as the indicator says); one column per dimension, named by its code and
holding a category code; `source` (where the figure comes from); `share` (optional: a percentage that must follow
from the row's value and the total of the rows with the same indicator and period in the file).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from izvedba.providers.importers.cells import CellError, CellProblem, header_of, read_int, read_number, read_table
from izvedba.providers.importers.schema import IndicatorInfo, Schema

FIXED_COLUMNS = (
    "indicator",
    "year",
    "month",
    "period_start",
    "period_end",
    "unit",
    "programme",
    "cost_carrier",
    "value",
    "share",
    "source",
)
TARGET_COLUMNS = ("unit", "programme", "cost_carrier")


@dataclass(frozen=True)
class ParsedObservation:
    indicator: str
    year: int
    value: Decimal
    row: int
    month: int | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    unit: str = ""
    programme: str = ""
    cost_carrier: str = ""
    categories: tuple[tuple[str, str], ...] = ()
    source: str = ""
    share: tuple[Decimal, int] | None = None

    @property
    def key(self) -> str:
        """The observation's identity: a second row with the same key is a duplicate."""
        period = f"{self.month or ''}|{self.period_start or ''}|{self.period_end or ''}"
        target = f"u={self.unit}|p={self.programme}|c={self.cost_carrier}"
        categories = "|".join(f"{d}={c}" for d, c in self.categories)
        return f"{self.indicator}|{self.year}|{period}|{target}|{categories}"


class _Row:
    """Reads the cells of one row, collecting every problem instead of stopping at the first."""

    def __init__(self, name: str, number: int, cells: dict[str, str]) -> None:
        self.name, self.number, self.cells = name, number, cells
        self.errors: list[CellError] = []

    def fail(self, column: str, message: str) -> None:
        self.errors.append(CellError(self.name, self.number, column, message))

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


def parse_observations(*, name: str, text: str, schema: Schema) -> tuple[list[ParsedObservation], list[CellError]]:
    """Every row of a CSV file read and checked; the observations are usable only when the error list is empty."""
    rows = enumerate(read_table(text), start=2)
    return parse_observation_rows(name=name, header=header_of(text), rows=rows, schema=schema)


def parse_observation_rows(
    *, name: str, header: list[str], rows: Iterable[tuple[int, dict[str, str]]], schema: Schema
) -> tuple[list[ParsedObservation], list[CellError]]:
    """The same for rows read from any sheet (a CSV file, or an XLSX template): (row number, {column: text})."""
    errors = _header_errors(name, header, schema)
    if errors:
        return [], errors
    parsed: list[ParsedObservation] = []
    seen: dict[str, int] = {}
    for number, cells in rows:
        if not any(cells.values()):
            continue
        row = _Row(name, number, cells)
        observation = _parse_row(row, schema)
        errors.extend(row.errors)
        if observation is None:
            continue
        first = seen.setdefault(observation.key, number)
        if first != number:
            errors.append(
                CellError(name, number, "", _("the same figure is already given in row %(row)d.") % {"row": first})
            )
            continue
        parsed.append(observation)
    if not parsed and not errors:
        errors.append(CellError(name, 1, "", _("the file has no rows of figures.")))
    errors.extend(_share_errors(name, parsed, schema))
    return parsed, errors


def _header_errors(name: str, header: list[str], schema: Schema) -> list[CellError]:
    errors = []
    known = set(FIXED_COLUMNS) | set(schema.dimension_labels)
    for column in header:
        if column not in known:
            message = _("the column “%(column)s” is not known; use %(fixed)s and dimension codes (%(dims)s).")
            fixed, dims = ", ".join(FIXED_COLUMNS), ", ".join(sorted(schema.dimension_labels))
            errors.append(CellError(name, 1, column, message % {"column": column, "fixed": fixed, "dims": dims}))
    for column in ("indicator", "year", "value"):
        if column not in header:
            errors.append(CellError(name, 1, column, _("the file needs a column “%(column)s”.") % {"column": column}))
    return errors


def _parse_row(row: _Row, schema: Schema) -> ParsedObservation | None:
    indicator = schema.indicators.get(row.get("indicator"))
    if indicator is None:
        row.fail("indicator", _("“%(code)s” is not a known indicator.") % {"code": row.get("indicator")})
    year = _read(row, "year", lambda cell: read_int(cell, low=1990, high=2100, what=_("year")))
    value = _read_value(row, indicator)
    if indicator is None or year is None:
        return None
    month, start, end = _read_period(row, indicator, year)
    targets = _read_targets(row, indicator, schema)
    categories = _read_categories(row, indicator, year, schema)
    share = _read(row, "share", read_number) if row.get("share") else None
    if row.errors or value is None:
        return None
    return ParsedObservation(
        indicator=indicator.code,
        year=year,
        value=value,
        row=row.number,
        month=month,
        period_start=start,
        period_end=end,
        unit=targets.get("unit", ""),
        programme=targets.get("programme", ""),
        cost_carrier=targets.get("cost_carrier", ""),
        categories=categories,
        source=row.get("source"),
        share=share,
    )


def _read(row: _Row, column: str, reader):  # type: ignore[no-untyped-def]
    cell = row.get(column)
    if not cell:
        row.fail(column, _("the cell is empty."))
        return None
    try:
        return reader(cell)
    except CellProblem as problem:
        row.fail(column, str(problem))
        return None


def _read_value(row: _Row, indicator: IndicatorInfo | None) -> Decimal | None:
    minutes = indicator is not None and indicator.unit == "minutes"
    read = _read(row, "value", lambda cell: read_number(cell, minutes=minutes))
    if read is None:
        return None
    value: Decimal = read[0]
    if value < 0 and (indicator is None or indicator.unit != "eur"):
        row.fail("value", _("%(value)s is negative; a count or a duration cannot be below zero.") % {"value": value})
        return None
    return value


def _read_period(
    row: _Row, indicator: IndicatorInfo, year: int
) -> tuple[int | None, datetime.date | None, datetime.date | None]:
    month = None
    if row.get("month"):
        month = _read(row, "month", lambda cell: read_int(cell, low=1, high=12, what=_("month of the year")))
    elif indicator.period == "month":
        row.fail("month", _("“%(code)s” is reported per month; write the month (1 to 12).") % {"code": indicator.code})
    if month is not None and indicator.period == "year":
        row.fail(
            "month", _("“%(code)s” is reported for the whole year; leave the month empty.") % {"code": indicator.code}
        )
    start = _read_date(row, "period_start", year)
    end = _read_date(row, "period_end", year)
    if (start is None) != (end is None) and not row.errors:
        row.fail("period_end" if start else "period_start", _("a date range needs both its first and last day."))
    if start and end and start > end:
        row.fail("period_end", _("the range ends before it starts."))
    return month, start, end


def _read_date(row: _Row, column: str, year: int) -> datetime.date | None:
    cell = row.get(column)
    if not cell:
        return None
    try:
        date = datetime.date.fromisoformat(cell)
    except ValueError:
        row.fail(column, _("“%(cell)s” is not a date; write it as YYYY-MM-DD.") % {"cell": cell})
        return None
    if date.year != year:
        row.fail(column, _("%(date)s is outside the year %(year)d.") % {"date": date.isoformat(), "year": year})
        return None
    return date


def _read_targets(row: _Row, indicator: IndicatorInfo, schema: Schema) -> dict[str, str]:
    allowed = {"unit": schema.units, "programme": schema.programmes, "cost_carrier": schema.cost_carriers}
    targets = {}
    for column in TARGET_COLUMNS:
        cell = row.get(column)
        if column != indicator.target:
            if cell:
                row.fail(
                    column,
                    _("“%(code)s” is not reported per %(column)s; leave the cell empty.")
                    % {
                        "code": indicator.code,
                        "column": column,
                    },
                )
            continue
        if not cell:
            row.fail(
                column,
                _("“%(code)s” is reported per %(column)s; write its code.")
                % {
                    "code": indicator.code,
                    "column": column,
                },
            )
        elif cell not in allowed[column]:
            row.fail(
                column,
                _("“%(cell)s” is not a %(column)s of %(provider)s; these are: %(codes)s.")
                % {
                    "cell": cell,
                    "column": column,
                    "provider": schema.provider,
                    "codes": ", ".join(allowed[column]),
                },
            )
        else:
            targets[column] = cell
    return targets


def _read_categories(row: _Row, indicator: IndicatorInfo, year: int, schema: Schema) -> tuple[tuple[str, str], ...]:
    categories = []
    for dimension in sorted(schema.dimension_labels):
        cell = row.get(dimension)
        if dimension not in indicator.dimensions:
            if cell:
                row.fail(
                    dimension,
                    _("“%(code)s” is not broken down by this dimension; leave the cell empty.")
                    % {"code": indicator.code},
                )
            continue
        if not cell:
            row.fail(
                dimension,
                _("“%(code)s” is broken down by this dimension; write a category code.") % {"code": indicator.code},
            )
            continue
        problem = schema.category_error(dimension, year, cell)
        if problem:
            row.fail(dimension, problem)
            continue
        categories.append((dimension, cell))
    return tuple(categories)


def _share_errors(name: str, parsed: list[ParsedObservation], schema: Schema) -> list[CellError]:
    """A share must follow from its row's value and the total of its group, to the decimals it is written with."""
    totals: dict[tuple[str, int, int | None], Decimal] = defaultdict(Decimal)
    for observation in parsed:
        totals[(observation.indicator, observation.year, observation.month)] += observation.value
    errors = []
    for observation in parsed:
        if observation.share is None:
            continue
        share, decimals = observation.share
        total = totals[(observation.indicator, observation.year, observation.month)]
        computed = observation.value * 100 / total if total else Decimal(0)
        rounded = computed.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if rounded != share:
            message = _(
                "the share %(share)s %% does not follow from the figures: %(value)s of %(total)s is %(computed)s %%."
            )
            values = {"share": share, "value": observation.value, "total": total, "computed": f"{computed:.2f}"}
            errors.append(CellError(name, observation.row, "share", message % values))
    return errors
