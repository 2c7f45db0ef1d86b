"""Reporting rounds: open (one draft report per measure), close, publish, freeze into a snapshot.

Like the report services these check state, not roles (callers ask izvedba.accounts.access first), are atomic,
and record history.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from izvedba.accounts.models import User
from izvedba.core.formatting import format_date
from izvedba.core.versioning import content_changed
from izvedba.history.models import Change
from izvedba.history.services import change_record, field_values
from izvedba.monitoring.models import Report, Round, Snapshot
from izvedba.monitoring.services.report_types import FieldError
from izvedba.monitoring.services.snapshots import round_data
from izvedba.plans.models import Measure, Plan

ROUND_FIELDS = ["label", "period_start", "period_end", "due_date", "status", "closed_at", "published_at"]


class RoundInvalid(Exception):
    """Bad values for a round (or a step it cannot take); nothing was stored."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))


class RoundLocked(RoundInvalid):
    """The round cannot take this step now (already closed, already published); nothing was stored."""


def _day(d: dt.date) -> str:
    return format_date(d, get_language() or "sl")


def period_of(text: str) -> tuple[dt.date, dt.date] | None:
    """The period a label names: "2026" (the year), "2026-H1" / "2026-H2" (a half-year); None otherwise."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if match := re.fullmatch(r"(\d{4})\s*[-/ ]\s*H([12])", text, re.IGNORECASE):
        year, half = int(match[1]), int(match[2])
        return (
            (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        )
    return None


def round_check(
    *, plan: Plan, label: str, period_start: dt.date, period_end: dt.date, due_date: dt.date
) -> list[FieldError]:
    """Every problem with opening such a round (no writes)."""
    errors = []
    if not label.strip():
        errors.append(FieldError("label", _("Give the round a label, such as “2026” or “2026-H1”.")))
    elif len(label.strip()) > Round._meta.get_field("label").max_length:  # type: ignore[operator]
        errors.append(FieldError("label", _("The label is too long: use at most 100 characters.")))
    elif Round.objects.filter(plan=plan, label=label.strip()).exists():
        message = _("This plan already has a round labelled “%(label)s”; choose another label.")
        errors.append(FieldError("label", message % {"label": label.strip()}))
    if period_end < period_start:
        message = _("The period ends (%(end)s) before it starts (%(start)s); check the two dates.")
        errors.append(FieldError("period_end", message % {"end": _day(period_end), "start": _day(period_start)}))
    if due_date < period_start:
        message = _("The due date (%(due)s) is before the period starts (%(start)s); reports are due after it.")
        errors.append(FieldError("due_date", message % {"due": _day(due_date), "start": _day(period_start)}))
    if not Measure.objects.filter(plan=plan).exists():
        errors.append(FieldError("plan", _("The plan has no measures, so there is nothing to report on.")))
    return errors


def round_open(
    *, plan: Plan, user: User | None, label: str, period_start: dt.date, period_end: dt.date, due_date: dt.date
) -> Round:
    """Open a round for `plan` and create one draft report per measure (sub-rows included)."""
    errors = round_check(plan=plan, label=label, period_start=period_start, period_end=period_end, due_date=due_date)
    if errors:
        raise RoundInvalid(errors)
    actor = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        round = Round.objects.create(
            plan=plan,
            label=label.strip(),
            period_start=period_start,
            period_end=period_end,
            due_date=due_date,
            opened_by=actor,
        )
        measures = Measure.objects.filter(plan=plan).order_by("order", "sub_index", "pk")
        Report.objects.bulk_create([Report(round=round, measure=m, updated_by=actor) for m in measures])
        created = {name: {"old": None, "new": value} for name, value in field_values(round, ROUND_FIELDS).items()}
        change_record(obj=round, user=user, action=Change.Action.CREATE, changes=created)
        for report in Report.objects.filter(round=round).select_related("round__plan", "measure__parent"):
            change_record(
                obj=report, user=user, action=Change.Action.CREATE, changes={"status": {"old": None, "new": "draft"}}
            )
    return round


def _step(round: Round, user: User, **fields: Any) -> Round:
    before = field_values(round, ROUND_FIELDS)
    for name, value in fields.items():
        setattr(round, name, value)
    round.save(update_fields=[*fields, "updated_at"])
    after = field_values(round, ROUND_FIELDS)
    changes = {k: {"old": before[k], "new": after[k]} for k in ROUND_FIELDS if before[k] != after[k]}
    change_record(obj=round, user=user, action=Change.Action.TRANSITION, changes=changes)
    return round


def _locked(round: Round) -> Round:
    return Round.objects.select_for_update().select_related("plan").get(pk=round.pk)


def round_close(*, round: Round, user: User) -> Round:
    """Close the round: no more edits or submissions; submitted reports can still be approved."""
    with transaction.atomic():
        current = _locked(round)
        if not current.is_open:
            raise RoundLocked([FieldError("status", _("This round is already closed."))])
        _step(current, user, status=Round.Status.CLOSED, closed_at=timezone.now())
        content_changed()
    round.refresh_from_db()
    return round


def round_publish(*, round: Round, user: User) -> Round:
    """Publish the round: its approved figures become public."""
    with transaction.atomic():
        current = _locked(round)
        if current.published_at is not None:
            raise RoundLocked([FieldError("published_at", _("This round is already published."))])
        _step(current, user, published_at=timezone.now())
        content_changed()
    round.refresh_from_db()
    return round


def round_freeze(*, round: Round, user: User) -> Snapshot:
    """Keep the round as it stands now — every report's status, values, spending and risks — in a snapshot."""
    with transaction.atomic():
        current = _locked(round)
        actor = user if getattr(user, "is_authenticated", False) else None
        snapshot = Snapshot.objects.create(round=current, created_by=actor, data=round_data(current))
        change_record(
            obj=current,
            user=user,
            action=Change.Action.UPDATE,
            changes={"snapshot": {"old": None, "new": snapshot.pk}},
            comment=_("Frozen into a snapshot."),
        )
    return snapshot
