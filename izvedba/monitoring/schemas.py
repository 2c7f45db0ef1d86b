"""The monitoring API's request and response bodies (izvedba.monitoring.api.serializers fills them).

Values people type (numbers, money, dates) are taken loosely — a JSON number or text such as "1.234,5" or
"31. 3. 2026" — and parsed by izvedba.monitoring.values, so that a bad value gets the API's own error body
(`{"detail", "errors": [{"field", "message"}]}`) naming the field, never a bare type error.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from izvedba.core.api import Page

Loose = int | float | str | None


# --- errors -----------------------------------------------------------------------------------------------------


class FieldErrorOut(Schema):
    field: str = Field(
        description='Which value: "label", "period_end", "implementation_status", "indicator:<id>", '
        '"spending:<id>", "risks", "evidence", "version", "comment", …'
    )
    message: str = Field(description="What is wrong and how to put it right.")


class InvalidError(Schema):
    detail: str = Field(description="A summary: what was refused.")
    errors: list[FieldErrorOut] = Field(description="Every bad value; nothing was stored.")


class ConflictError(Schema):
    detail: str = Field(description="Why the change was refused; nothing was stored.")
    current_version: int | None = Field(
        None, description="The report's version now (for a stale version: reload, redo the change, send this)."
    )


# --- rounds -------------------------------------------------------------------------------------------------------


class RoundIn(Schema):
    label: str = Field(description='How the round is called, unique in the plan: "2026", "2026-H1", …')
    period_start: str | None = Field(
        None,
        description='First day of the period (ISO "2026-01-01" or "1. 1. 2026"). May be left out when the label '
        'is a year ("2026") or a half-year ("2026-H1"): the period is then read from the label.',
    )
    period_end: str | None = Field(None, description="Last day of the period (not before its first day).")
    due_date: str = Field(description="When reports are due (not before the period starts).")


class PlanRef(Schema):
    id: int
    slug: str
    title: str


class RoundOut(Schema):
    id: int
    plan: PlanRef
    label: str
    period_start: dt.date
    period_end: dt.date
    due_date: dt.date
    status: str = Field(description='"open" or "closed".')
    published: bool = Field(description="Whether the round's approved figures are public.")
    closed_at: dt.datetime | None
    published_at: dt.datetime | None
    reports_by_status: dict[str, int] = Field(
        description="How many reports are draft, submitted, returned or approved (only with a role on the plan)."
    )


class RoundPage(Page[RoundOut]):
    pass


class SnapshotOut(Schema):
    id: int
    round: int = Field(description="The round's id.")
    created_at: dt.datetime
    reports: int = Field(description="How many reports the snapshot holds.")
    data: dict[str, Any] = Field(description="The round and every report as they stood, frozen.")


# --- reports ----------------------------------------------------------------------------------------------------


class MeasureRef(Schema):
    id: int
    code: str = Field(description="The measure's code as the plan writes it (a sub-row: its measure's code).")
    sub_index: int = Field(description="0 for a measure, 1… for its sub-rows.")
    parent_id: int | None = Field(description="The measure a sub-row belongs to; null for a measure.")
    title: str
    holders: list[str] = Field(description="Holding organisations by acronym (or name where they have none).")


class ReportItem(Schema):
    id: int
    measure: MeasureRef
    status: str = Field(description='"draft", "submitted", "returned" or "approved".')
    implementation_status: str = Field(
        description='"", "not_started", "in_progress", "completed", "late", "abandoned".'
    )
    version: int = Field(description="Send it back with every change (optimistic locking).")


class ReportPage(Page[ReportItem]):
    pass


class RoundRef(Schema):
    id: int
    label: str
    period_start: dt.date
    period_end: dt.date
    due_date: dt.date
    status: str


class IndicatorValueOut(Schema):
    indicator: int = Field(description="The indicator's id (send it back in indicator_values).")
    text: str
    unit: str
    target: float | None
    is_numeric: bool = Field(description="True: takes a number (value); false: takes a statement only.")
    value: float | None
    statement: str


class SpendingOut(Schema):
    funding_line: int = Field(description="The funding line's id (send it back in spending).")
    period: str
    source: str | None
    estimate_eur: int = Field(description="The plan's estimate for the line; spending above it needs a note.")
    amount_eur: float | None = Field(description="Spent so far as reported; null: not reported.")
    note: str


class RiskOut(Schema):
    id: int
    text: str


class EvidenceOut(Schema):
    id: int
    name: str = Field(description="The file's original name.")
    size: int
    uploaded_at: dt.datetime


class ContributionOut(Schema):
    id: int
    organisation: str
    text: str
    created_at: dt.datetime


class ReportDetail(Schema):
    id: int
    round: RoundRef
    measure: MeasureRef
    status: str
    version: int
    implementation_status: str
    status_reason: str
    completed_on: dt.date | None
    narrative: str
    indicator_values: list[IndicatorValueOut] = Field(description="Every indicator of the measure, reported or not.")
    spending: list[SpendingOut] = Field(description="Every funding line of the measure, reported or not.")
    risks: list[RiskOut] = Field(description="The plan's risks the report says were met.")
    plan_risks: list[RiskOut] = Field(description="All the plan's risks (to choose from).")
    risks_other: str
    review_comment: str = Field(description="The coordinator's comment when returning or reopening.")
    evidence: list[EvidenceOut]
    contributions: list[ContributionOut]
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    updated_at: dt.datetime
    actions: dict[str, bool] = Field(
        description="What the caller may do with the report now, by role and state: "
        '"edit", "submit", "return", "approve", "reopen", "contribute", "attach".'
    )


class IndicatorValueIn(Schema):
    indicator: int = Field(description="An indicator of the report's measure.")
    value: Loose = Field(
        None, description='A number (1234.5 or "1.234,5") for numeric indicators; null to clear; never "N/A".'
    )
    statement: str = Field("", description="What was achieved, in words (indicators without a numeric target).")


class SpendingIn(Schema):
    funding_line: int = Field(description="A funding line of the report's measure.")
    amount_eur: Loose = Field(description="Euros spent, not negative.")
    note: str = Field("", description="Required when more was spent than the line's estimate.")


class ReportPatch(Schema):
    version: Loose = Field(None, description="The version you edited (from GET); a stale one answers 409.")
    implementation_status: str | None = Field(
        None, description='"not_started", "in_progress", "completed", "late" or "abandoned".'
    )
    status_reason: str | None = Field(None, description="Required when late or abandoned.")
    narrative: str | None = None
    completed_on: str | None = Field(None, description='Within the round\'s period; null or "" clears it.')
    indicator_values: list[IndicatorValueIn] | None = Field(None, description="Merged into the reported values.")
    spending: list[SpendingIn] | None = Field(None, description="Merged into the reported spending.")
    risks: list[int] | None = Field(None, description="Ids of the plan's risks met (replaces the set).")
    risks_other: str | None = Field(None, description="Risks met that the plan does not list.")


class VersionIn(Schema):
    version: Loose = Field(None, description="Optional: the version you saw; a stale one answers 409.")


class CommentIn(Schema):
    comment: str = Field(description="Required: what to fix, or why an approved report is reopened.")


class ContributionIn(Schema):
    text: str
    organisation: int | None = Field(
        None, description="Which of your organisations contributes; needed only when more than one could."
    )
