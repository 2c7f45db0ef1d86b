"""Sending the day's reminders: one e-mail per person per day listing their reports, each reminder recorded once.

Which reminders are due is decided in izvedba.monitoring.reminders (pure); this module gathers the data, claims each
(report, kind, day) by creating its Reminder row — so a second run the same day, even a concurrent one, sends
nothing again — and sends the e-mails in Slovenian. A reminder whose e-mails all failed is released, so the next
run tries again. Logs carry counts only, never addresses or names.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from izvedba.accounts import access
from izvedba.accounts.models import RoleAssignment, User
from izvedba.core.formatting import format_date
from izvedba.monitoring import calendar
from izvedba.monitoring.models import Reminder, Report, Round
from izvedba.monitoring.reminders import REMINDED_STATUSES, ReminderDue, ReportDue, select_reminders

logger = logging.getLogger(__name__)
Kind = Reminder.Kind
Role = RoleAssignment.Role


@dataclass
class ReminderSummary:
    day: dt.date
    dry_run: bool = False
    reminders: Counter[str] = field(default_factory=Counter)  # reports reminded, by kind
    emails: int = 0  # e-mails sent (or, in a dry run, that would be sent)
    skipped_reports: int = 0  # reports due a reminder with nobody to send it to
    failed_emails: int = 0

    @property
    def nothing_to_do(self) -> bool:
        return not self.emails and not self.skipped_reports and not self.failed_emails

    def line(self) -> str:
        """One line for the command's output and the log (counts only; English, for operators)."""
        day = self.day.isoformat()
        if self.nothing_to_do:
            return f"{day}: nothing to send."
        kinds = ", ".join(f"{kind} {self.reminders.get(kind, 0)}" for kind in Kind.values)
        verb = "would be sent (dry run: nothing sent or recorded)" if self.dry_run else "sent"
        text = f"{day}: {kinds}; {_count(self.emails, 'e-mail')} {verb}"
        if self.failed_emails:
            text += f"; {_count(self.failed_emails, 'e-mail')} failed (retried on the next run)"
        if self.skipped_reports:
            text += f"; {_count(self.skipped_reports, 'report')} without recipients skipped"
        return text + "."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


@dataclass(frozen=True)
class Item:
    """One report in an e-mail."""

    report_id: int
    kind: str
    code: str
    title: str
    plan: str
    round: str
    holders: str
    due: str
    when: str
    link: str


def reminders_send(*, today: dt.date, dry_run: bool = False) -> ReminderSummary:
    """Send (or with `dry_run` only count) the reminders due on `today`."""
    summary = ReminderSummary(day=today, dry_run=dry_run)
    reports = _candidates(today)
    selection = select_reminders(_report_dues(reports, today), today=today)
    summary.skipped_reports = selection.skipped_reports
    due = selection.reminders if dry_run else _claim(selection.reminders, today)
    by_recipient: dict[int, list[ReminderDue]] = defaultdict(list)
    for reminder in due:
        for user_id in reminder.recipients:
            by_recipient[user_id].append(reminder)
    if dry_run:
        summary.emails = len(by_recipient)
        summary.reminders.update(reminder.kind for reminder in due)
    else:
        delivered = _send(by_recipient, {report.pk: report for report in reports}, summary)
        _release([r for r in due if (r.report_id, r.kind) not in delivered], today)
        summary.reminders.update(reminder.kind for reminder in due if (reminder.report_id, reminder.kind) in delivered)
    logger.log(logging.DEBUG if summary.nothing_to_do else logging.INFO, "Reminders: %s", summary.line())
    return summary


# --- gathering ----------------------------------------------------------------------------------------------


def _candidates(today: dt.date) -> list[Report]:
    """Reports still to fill in, in open rounds due within the reminder window (or already past due)."""
    horizon = today + dt.timedelta(days=calendar.DUE_SOON_DAYS)
    return list(
        Report.objects.filter(
            status__in=REMINDED_STATUSES, round__status=Round.Status.OPEN, round__due_date__lte=horizon
        ).select_related("round__plan", "measure__parent")
    )


def _report_dues(reports: list[Report], today: dt.date) -> Iterable[ReportDue]:
    holders = {report.pk: access.holder_ids(report) for report in reports}
    reporters = _reporters({org for ids in holders.values() for org in ids})
    coordinators = _coordinators({report.round.plan_id for report in reports})
    sent: dict[int, list[tuple[str, dt.date]]] = defaultdict(list)
    for report_id, kind, sent_on in Reminder.objects.filter(report__in=reports).values_list(
        "report_id", "kind", "sent_on"
    ):
        sent[report_id].append((kind, sent_on))
    for report in reports:
        yield ReportDue(
            report_id=report.pk,
            status=report.status,
            round_open=report.round.is_open,
            due_date=report.round.due_date,
            reporters=tuple(sorted({u for org in holders[report.pk] for u in reporters.get(org, ())})),
            coordinators=coordinators.get(report.round.plan_id, coordinators.get(0, ())),
            sent=tuple(sent[report.pk]),
        )


def _reachable() -> Q:
    return Q(user__is_active=True) & ~Q(user__email="")


def _reporters(organisations: set[int]) -> dict[int, set[int]]:
    """Reporters who can be e-mailed, by organisation."""
    found: dict[int, set[int]] = defaultdict(set)
    rows = RoleAssignment.objects.filter(_reachable(), role=Role.REPORTER, organisation_id__in=organisations)
    for organisation_id, user_id in rows.values_list("organisation_id", "user_id"):
        found[organisation_id].add(user_id)
    return found


def _coordinators(plans: set[int]) -> dict[int, tuple[int, ...]]:
    """Coordinators who can be e-mailed, by plan; key 0 holds the administrators (for plans without any)."""
    found: dict[int, set[int]] = defaultdict(set)
    rows = RoleAssignment.objects.filter(_reachable(), role=Role.COORDINATOR, plan_id__in=plans)
    for plan_id, user_id in rows.values_list("plan_id", "user_id"):
        found[plan_id].add(user_id)
    admins = set(RoleAssignment.objects.filter(_reachable(), role=Role.ADMINISTRATOR).values_list("user_id", flat=True))
    admins |= set(User.objects.filter(is_superuser=True, is_active=True).exclude(email="").values_list("pk", flat=True))
    found[0] = admins
    return {plan_id: tuple(sorted(users)) for plan_id, users in found.items() if users}


# --- claiming, sending, releasing ---------------------------------------------------------------------------


def _claim(reminders: list[ReminderDue], today: dt.date) -> list[ReminderDue]:
    """Record each reminder for today; those already recorded (by an earlier or concurrent run) are dropped."""
    claimed = []
    for reminder in reminders:
        try:
            with transaction.atomic():
                Reminder.objects.create(
                    report_id=reminder.report_id,
                    kind=reminder.kind,
                    sent_on=today,
                    recipients=len(reminder.recipients),
                )
        except IntegrityError:
            continue
        claimed.append(reminder)
    return claimed


def _release(reminders: list[ReminderDue], today: dt.date) -> None:
    """Forget today's reminders nobody received, so that the next run sends them."""
    for reminder in reminders:
        Reminder.objects.filter(report_id=reminder.report_id, kind=reminder.kind, sent_on=today).delete()


def _send(
    by_recipient: dict[int, list[ReminderDue]], reports: dict[int, Report], summary: ReminderSummary
) -> set[tuple[int, str]]:
    """Send one e-mail per recipient; returns the (report, kind) pairs at least one recipient received."""
    delivered: set[tuple[int, str]] = set()
    if not by_recipient:
        return delivered
    users = User.objects.in_bulk(list(by_recipient))
    connection = get_connection()
    for user_id, reminders in by_recipient.items():
        user = users.get(user_id)
        if user is None or not user.email:
            continue
        message = _message(user, reminders, reports, summary.day)
        try:
            connection.send_messages([message])
        except Exception:  # SMTP and network errors: count, keep going, retry tomorrow
            summary.failed_emails += 1
            logger.exception("A reminder e-mail could not be sent")
            continue
        summary.emails += 1
        delivered |= {(r.report_id, r.kind) for r in reminders}
    return delivered


# --- the e-mail ---------------------------------------------------------------------------------------------


def _message(user: User, reminders: list[ReminderDue], reports: dict[int, Report], today: dt.date) -> EmailMessage:
    with override("sl"):
        items = [_item(reports[r.report_id], r, today) for r in reminders]
        reminded = [item for item in items if item.kind != Kind.ESCALATION]
        escalated = [item for item in items if item.kind == Kind.ESCALATION]
        parts = []
        if reminded:
            parts.append(render_to_string("monitoring/email/reminder.txt", {"items": reminded}))
        if escalated:
            parts.append(render_to_string("monitoring/email/escalation.txt", {"items": escalated}))
        subject = _("Late reports on measures to follow up") if escalated else _("Reports on measures to fill in")
        body = "\n\n".join(part.strip() for part in parts) + "\n"
    return EmailMessage(subject=subject, body=body, to=[user.email])


def _item(report: Report, reminder: ReminderDue, today: dt.date) -> Item:
    measure, round = report.measure, report.round
    return Item(
        report_id=report.pk,
        kind=reminder.kind,
        code=f"{measure.code}/{measure.sub_index}" if measure.parent_id else measure.code,
        title=measure.title,
        plan=round.plan.title,
        round=round.label,
        holders=", ".join(_holder_names(report)),
        due=format_date(calendar.effective_due_date(round.due_date), "sl"),
        when=_when(reminder.days_left),
        link=_link(report),
    )


def _holder_names(report: Report) -> list[str]:
    from izvedba.organisations.models import Organisation

    organisations = Organisation.objects.filter(pk__in=access.holder_ids(report)).order_by("name")
    return [o.acronym or o.name for o in organisations]


def _when(days_left: int) -> str:
    if days_left == 0:
        return _("due today")
    if days_left > 0:
        return ngettext("due in %(count)s day", "due in %(count)s days", days_left) % {"count": days_left}
    late = -days_left
    return ngettext("%(count)s day late", "%(count)s days late", late) % {"count": late}


def _link(report: Report) -> str:
    return f"{settings.IZVEDBA_BASE_URL}{reverse('monitoring:report', args=[report.pk])}"
