"""Which reminders are due today, for which reports and to whom. Pure: plain data in, plain data out.

The rules (thresholds in izvedba.monitoring.calendar):

- Only a report still to be filled in (draft or returned) in an open round is reminded; submitted and
  approved reports, and reports of closed rounds, never are.
- "due within 14 days" once, while 3 < days left <= 14;
- "due within 3 days" once, while 0 <= days left <= 3;
- "late" on the first late day and then every 7 days (the first run after a missed day catches up);
- "escalation" to the plan's coordinators once, from 7 days late.

Days are counted against the effective due date (a due date on a weekend or holiday moves to the next working day).
A reminder whose report has no one to send it to is skipped and counted, never recorded as sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from izvedba.monitoring import calendar
from izvedba.monitoring.models import Reminder, Report

Kind = Reminder.Kind
REMINDED_STATUSES = frozenset({Report.Status.DRAFT.value, Report.Status.RETURNED.value})
REPORTER_KINDS = (Kind.DUE_14, Kind.DUE_3, Kind.LATE)


@dataclass(frozen=True)
class ReportDue:
    """What the selection needs to know of one report."""

    report_id: int
    status: str
    round_open: bool
    due_date: date
    reporters: tuple[int, ...] = ()  # users to remind: reporters of a holder organisation with an e-mail address
    coordinators: tuple[int, ...] = ()  # users to escalate to: the plan's coordinators (else administrators)
    sent: tuple[tuple[str, date], ...] = ()  # reminders already recorded: (kind, sent on)


@dataclass(frozen=True)
class ReminderDue:
    report_id: int
    kind: str
    recipients: tuple[int, ...]
    days_left: int  # negative once late


@dataclass
class Selection:
    reminders: list[ReminderDue] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (report id, kind) with no one to send to

    @property
    def skipped_reports(self) -> int:
        return len({report_id for report_id, _ in self.skipped})


def kinds_due(report: ReportDue, *, today: date) -> list[str]:
    """The kinds of reminder `report` needs today (whoever would receive them)."""
    if report.status not in REMINDED_STATUSES or not report.round_open:
        return []
    left = calendar.days_left(report.due_date, today)
    sent_kinds = {kind for kind, _ in report.sent}
    kinds: list[str] = []
    if calendar.DUE_VERY_SOON_DAYS < left <= calendar.DUE_SOON_DAYS and Kind.DUE_14 not in sent_kinds:
        kinds.append(Kind.DUE_14)
    if 0 <= left <= calendar.DUE_VERY_SOON_DAYS and Kind.DUE_3 not in sent_kinds:
        kinds.append(Kind.DUE_3)
    if left < 0:
        last_late = max((on for kind, on in report.sent if kind == Kind.LATE), default=None)
        if last_late is None or (today - last_late).days >= calendar.LATE_REPEAT_DAYS:
            kinds.append(Kind.LATE)
        if -left >= calendar.ESCALATE_AFTER_DAYS_LATE and Kind.ESCALATION not in sent_kinds:
            kinds.append(Kind.ESCALATION)
    return kinds


def select_reminders(reports: Iterable[ReportDue], *, today: date) -> Selection:
    """Every reminder due today, each with its recipients; those without recipients are listed as skipped."""
    selection = Selection()
    for report in reports:
        left = calendar.days_left(report.due_date, today)
        for kind in kinds_due(report, today=today):
            recipients = report.coordinators if kind == Kind.ESCALATION else report.reporters
            if recipients:
                selection.reminders.append(ReminderDue(report.report_id, kind, tuple(recipients), left))
            else:
                selection.skipped.append((report.report_id, kind))
    return selection
