"""The report workflow: fill in (draft/returned) → submitted → returned (with a comment) → submitted → approved;
an approved report is read-only until a coordinator reopens it.

These services check *state* (approved, round closed, stale version, workflow step), never roles: callers ask
izvedba.accounts.access first. Each is atomic, stores nothing when it raises, records history, and bumps the
report's `version` by one on every write (transitions included) so that concurrent editors notice.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from izvedba.accounts.models import User
from izvedba.core.versioning import content_changed
from izvedba.history.models import Change
from izvedba.history.services import change_record, diff, json_value
from izvedba.monitoring.models import Contribution, IndicatorValue, Report, Spending
from izvedba.monitoring.services.report_checks import (
    check_complete,
    check_editable,
    check_round_open,
    check_step,
    check_version,
    report_check,
)
from izvedba.monitoring.services.report_types import (
    FieldError,
    IndicatorEntry,
    ReportChanges,
    ReportConflict,
    ReportInvalid,
    ReportLocked,
    SpendingEntry,
)
from izvedba.organisations.models import Organisation

__all__ = [
    "FieldError",
    "IndicatorEntry",
    "ReportChanges",
    "ReportConflict",
    "ReportInvalid",
    "ReportLocked",
    "SpendingEntry",
    "contribution_add",
    "report_approve",
    "report_check",
    "report_reopen",
    "report_return",
    "report_state",
    "report_submit",
    "report_update",
]

SCALAR_FIELDS = ["implementation_status", "status_reason", "narrative", "completed_on", "risks_other"]
Status = Report.Status


def _number(value: Decimal | None) -> str | None:
    """A stored decimal as text without trailing zeros ("7.5", "100")."""
    return None if value is None else str(json_value(value.normalize()))


def report_state(report: Report) -> dict[str, Any]:
    """The report's content as JSON values: its fields, "indicator:<pk>", "spending:<pk>" and "risks"."""
    state: dict[str, Any] = {name: json_value(getattr(report, name)) for name in SCALAR_FIELDS}
    for value in report.indicator_values.all().order_by("indicator_id"):
        state[f"indicator:{value.indicator_id}"] = {"value": _number(value.value), "statement": value.statement}
    for spent in report.spending.all().order_by("funding_line_id"):
        state[f"spending:{spent.funding_line_id}"] = {"amount_eur": _number(spent.amount_eur), "note": spent.note}
    state["risks"] = sorted(report.risks.values_list("pk", flat=True))
    return state


def _locked_copy(report: Report) -> Report:
    """The report as stored, its row locked until the transaction ends."""
    return Report.objects.select_for_update().select_related("round", "measure").get(pk=report.pk)


def _write(report: Report, version: int, user: User | None, **fields: Any) -> None:
    """Write `fields` if the stored version is still `version`, and move the version on (else ReportConflict)."""
    written = Report.objects.filter(pk=report.pk, version=version).update(
        **fields, version=F("version") + 1, updated_by=user, updated_at=timezone.now()
    )
    if not written:
        current = Report.objects.filter(pk=report.pk).values_list("version", flat=True).first() or 0
        check_version(Report(pk=report.pk, version=current), version)
        raise ReportConflict(_("Someone else saved this report in the meantime; reload it and try again."), current)


def _actor(user: Any) -> User | None:
    return user if getattr(user, "is_authenticated", False) else None


def report_update(*, report: Report, user: User, changes: ReportChanges, version: int) -> Report:
    """Apply `changes` to a draft or returned report edited at `version`; returns the report as now stored."""
    with transaction.atomic():
        current = _locked_copy(report)
        check_version(current, version)
        check_editable(current)
        errors = report_check(report=current, changes=changes)
        if errors:
            raise ReportInvalid(errors)
        before = report_state(current)
        fields = _scalar_changes(current, changes)
        _apply_values(current, changes)
        after = {**report_state(current), **{k: json_value(v) for k, v in fields.items()}}
        changed = diff(before, after)
        if changed:
            _write(current, version, _actor(user), **fields)
            change_record(obj=current, user=user, action=Change.Action.UPDATE, changes=changed)
    report.refresh_from_db()
    return report


def _scalar_changes(report: Report, changes: ReportChanges) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in ("implementation_status", "status_reason", "narrative", "risks_other"):
        value = getattr(changes, name)
        if value is not None and value != getattr(report, name):
            fields[name] = value
    if changes.clear_completed_on and report.completed_on is not None:
        fields["completed_on"] = None
    elif changes.completed_on is not None and changes.completed_on != report.completed_on:
        fields["completed_on"] = changes.completed_on
    return fields


def _apply_values(report: Report, changes: ReportChanges) -> None:
    for indicator_id, entry in (changes.indicator_values or {}).items():
        if entry.value is None and not entry.statement.strip():
            IndicatorValue.objects.filter(report=report, indicator_id=indicator_id).delete()
            continue
        IndicatorValue.objects.update_or_create(
            report=report,
            indicator_id=indicator_id,
            defaults={"value": entry.value, "statement": entry.statement.strip()},
        )
    for line_id, spent in (changes.spending or {}).items():
        Spending.objects.update_or_create(
            report=report,
            funding_line_id=line_id,
            defaults={"amount_eur": spent.amount_eur, "note": spent.note.strip()},
        )
    if changes.risk_ids is not None:
        report.risks.set(sorted(set(changes.risk_ids)))


def _transition(report: Report, current: Report, user: User, new: str, comment: str = "", **fields: Any) -> Report:
    old = current.status
    _write(current, current.version, _actor(user), status=new, **fields)
    changes = {"status": {"old": old, "new": new}}
    change_record(obj=current, user=user, action=Change.Action.TRANSITION, changes=changes, comment=comment)
    return report


def report_submit(*, report: Report, user: User, version: int | None = None) -> Report:
    """draft or returned → submitted, if the report is complete and its round still open."""
    with transaction.atomic():
        current = _locked_copy(report)
        if version is not None:
            check_version(current, version)
        check_step(current, (Status.DRAFT, Status.RETURNED), _("submitted"))
        check_round_open(current)
        errors = check_complete(current)
        if errors:
            raise ReportInvalid(errors)
        _transition(report, current, user, Status.SUBMITTED, submitted_at=timezone.now())
    report.refresh_from_db()
    return report


def _comment_required(comment: str, why: str) -> str:
    text = comment.strip()
    if not text:
        raise ReportInvalid([FieldError("comment", why)])
    return text


def report_return(*, report: Report, user: User, comment: str) -> Report:
    """submitted → returned, with the coordinator's comment saying what to fix."""
    text = _comment_required(comment, _("Say what the reporter should fix: a comment is required to return a report."))
    with transaction.atomic():
        current = _locked_copy(report)
        check_step(current, (Status.SUBMITTED,), _("returned"))
        check_round_open(current)
        _transition(report, current, user, Status.RETURNED, comment=text, review_comment=text)
    report.refresh_from_db()
    return report


def report_approve(*, report: Report, user: User) -> Report:
    """submitted → approved: its figures now count in dashboards (and are public once the round is published)."""
    with transaction.atomic():
        current = _locked_copy(report)
        check_step(current, (Status.SUBMITTED,), _("approved"))
        _transition(
            report,
            current,
            user,
            Status.APPROVED,
            approved_at=timezone.now(),
            approved_by=_actor(user),
            review_comment="",
        )
        content_changed()
    report.refresh_from_db()
    return report


def report_reopen(*, report: Report, user: User, comment: str) -> Report:
    """approved → returned, so that the holder can correct it; the reason is recorded."""
    text = _comment_required(comment, _("Say why the approved report is reopened: a comment is required."))
    with transaction.atomic():
        current = _locked_copy(report)
        check_step(current, (Status.APPROVED,), _("reopened"))
        check_round_open(current)
        _transition(
            report,
            current,
            user,
            Status.RETURNED,
            comment=text,
            review_comment=text,
            approved_at=None,
            approved_by=None,
        )
        content_changed()
    report.refresh_from_db()
    return report


def contribution_add(*, report: Report, user: User, organisation: Organisation, text: str) -> Contribution:
    """A participating organisation's contribution to the holder's report (not on approved reports or closed rounds)."""
    body = text.strip()
    if not body:
        raise ReportInvalid([FieldError("text", _("Write the contribution: the text is empty."))])
    with transaction.atomic():
        current = _locked_copy(report)
        if current.status == Status.APPROVED:
            raise ReportLocked(
                _("This report is approved and read-only; a coordinator must reopen it before it can be changed.")
            )
        check_round_open(current)
        contribution = Contribution.objects.create(
            report=current, organisation=organisation, author=_actor(user), text=body
        )
        changes = {"contribution": {"old": None, "new": f"{organisation}: {body}"}}
        change_record(obj=current, user=user, action=Change.Action.UPDATE, changes=changes)
    return contribution
