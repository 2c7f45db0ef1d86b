"""What the report services take and raise (import them from izvedba.monitoring.services.reports)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass
class IndicatorEntry:
    """The value an indicator reached (numeric indicators) or a statement about it (the others)."""

    value: Decimal | None = None
    statement: str = ""


@dataclass
class SpendingEntry:
    """Money spent against one funding line; a note is required when it is more than the estimate."""

    amount_eur: Decimal
    note: str = ""


@dataclass
class ReportChanges:
    """A change to a report; every field left None stays as it is."""

    implementation_status: str | None = None
    status_reason: str | None = None
    narrative: str | None = None
    completed_on: dt.date | None = None
    clear_completed_on: bool = False
    indicator_values: dict[int, IndicatorEntry] | None = None  # keyed by Indicator.pk; merged into existing values
    spending: dict[int, SpendingEntry] | None = None  # keyed by FundingLine.pk; merged
    risk_ids: list[int] | None = None  # PlanRisk pks (replace the set)
    risks_other: str | None = None


@dataclass(frozen=True)
class FieldError:
    """One bad value: `field` is "implementation_status", "status_reason", "narrative", "completed_on",
    "indicator:<indicator pk>", "spending:<funding line pk>", "risks", "evidence", "version" or "comment"."""

    field: str
    message: str


class ReportInvalid(Exception):
    """Bad values; nothing was stored."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))


class ReportConflict(Exception):
    """Someone saved the report after the version the caller edited; nothing was stored."""

    def __init__(self, message: str, current_version: int) -> None:
        self.message = message
        self.current_version = current_version
        super().__init__(message)


class ReportLocked(Exception):
    """The report may not change now (approved, round closed, or not at this workflow step); nothing was stored."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
