from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from izvedba.accounts.models import RoleAssignment
from izvedba.monitoring.models import Reminder, Report, Round
from izvedba.monitoring.reminders import ReportDue, kinds_due, select_reminders
from izvedba.monitoring.services.reminders import reminders_send
from izvedba.monitoring.services.reports import ReportChanges, report_submit, report_update
from izvedba.monitoring.tests.cast import Cast, make_cast, open_round

D = dt.date
Sent = tuple[tuple[str, dt.date], ...]
DUE = D(2026, 3, 2)  # a Monday: the effective due date is the due date


def report(**overrides: Any) -> ReportDue:
    values: dict[str, Any] = {
        "report_id": 1,
        "status": "draft",
        "round_open": True,
        "due_date": DUE,
        "reporters": (10,),
        "coordinators": (20,),
    }
    return ReportDue(**{**values, **overrides})


class SelectionTests(SimpleTestCase):
    def test_it_reminds_once_within_14_days(self) -> None:
        self.assertEqual(kinds_due(report(), today=D(2026, 2, 15)), [])  # 15 days left
        self.assertEqual(kinds_due(report(), today=D(2026, 2, 16)), ["due_14"])  # 14 days left
        self.assertEqual(kinds_due(report(), today=D(2026, 2, 25)), ["due_14"])  # 5 days left, not yet sent
        sent = report(sent=(("due_14", D(2026, 2, 16)),))
        self.assertEqual(kinds_due(sent, today=D(2026, 2, 20)), [])

    def test_it_reminds_once_within_3_days(self) -> None:
        sent: Sent = (("due_14", D(2026, 2, 16)),)
        self.assertEqual(kinds_due(report(sent=sent), today=D(2026, 2, 26)), [])  # 4 days left
        self.assertEqual(kinds_due(report(sent=sent), today=D(2026, 2, 27)), ["due_3"])  # 3 days left
        self.assertEqual(kinds_due(report(), today=DUE), ["due_3"])  # due today
        sent += (("due_3", D(2026, 2, 27)),)
        self.assertEqual(kinds_due(report(sent=sent), today=DUE), [])

    def test_it_reminds_late_reports_on_the_first_late_day_and_then_weekly(self) -> None:
        self.assertEqual(kinds_due(report(), today=D(2026, 3, 3)), ["late"])
        sent = (("late", D(2026, 3, 3)),)
        for day in range(4, 10):
            with self.subTest(day=day):
                self.assertEqual(kinds_due(report(sent=sent), today=D(2026, 3, day)), ["escalation"] * (day == 9))
        self.assertEqual(kinds_due(report(sent=sent), today=D(2026, 3, 10)), ["late", "escalation"])

    def test_it_escalates_once_from_7_days_late(self) -> None:
        sent: Sent = (("late", D(2026, 3, 3)),)
        self.assertEqual(kinds_due(report(sent=sent), today=D(2026, 3, 8)), [])  # 6 days late
        self.assertEqual(kinds_due(report(sent=sent), today=D(2026, 3, 9)), ["escalation"])
        sent += (("escalation", D(2026, 3, 9)),)
        self.assertEqual(kinds_due(report(sent=sent), today=D(2026, 3, 10)), ["late"])
        self.assertEqual(kinds_due(report(sent=(*sent, ("late", D(2026, 3, 10)))), today=D(2026, 3, 16)), [])

    def test_it_counts_days_to_the_next_working_day(self) -> None:
        christmas = report(due_date=D(2025, 12, 25))  # effectively Monday 29 December
        self.assertEqual(kinds_due(christmas, today=D(2025, 12, 26)), ["due_3"])
        self.assertEqual(kinds_due(christmas, today=D(2025, 12, 29)), ["due_3"])
        self.assertEqual(kinds_due(christmas, today=D(2025, 12, 30)), ["late"])

    def test_it_does_not_remind_submitted_approved_or_closed_reports(self) -> None:
        for status in ("submitted", "approved"):
            with self.subTest(status=status):
                self.assertEqual(kinds_due(report(status=status), today=D(2026, 3, 20)), [])
        self.assertEqual(kinds_due(report(round_open=False), today=D(2026, 3, 20)), [])
        self.assertEqual(kinds_due(report(status="returned"), today=D(2026, 3, 3)), ["late"])

    def test_it_sends_escalations_to_coordinators_and_skips_reports_without_recipients(self) -> None:
        reports = [report(report_id=1), report(report_id=2, reporters=()), report(report_id=3, coordinators=())]
        selection = select_reminders(reports, today=D(2026, 3, 9))
        sent = {(r.report_id, r.kind): r.recipients for r in selection.reminders}
        self.assertEqual(
            sent, {(1, "late"): (10,), (1, "escalation"): (20,), (2, "escalation"): (20,), (3, "late"): (10,)}
        )
        self.assertEqual(selection.skipped, [(2, "late"), (3, "escalation")])
        self.assertEqual(selection.skipped_reports, 2)


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError("no SMTP server")


class SendRemindersTests(TestCase):
    """The round is due on Sunday 28 February 2027, so effectively on Monday 1 March."""

    cast: Cast
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.round = open_round(cls.cast)

    def run_command(self, day: str, *args: str) -> str:
        out = StringIO()
        call_command("send_reminders", "--date", day, *args, stdout=out)
        return out.getvalue()

    def mail_to(self, username: str) -> list[mail.EmailMessage]:
        return [m for m in mail.outbox if m.to == [f"{username}@example.org"]]

    def report(self, measure: Any) -> Report:
        return Report.objects.get(round=self.round, measure=measure)

    def test_it_sends_one_email_per_reporter_listing_their_reports(self) -> None:
        output = self.run_command("2027-02-20")  # 9 days left
        self.assertEqual(output, "2027-02-20: due_14 4, due_3 0, late 0, escalation 0; 2 e-mails sent.\n")
        self.assertEqual(len(mail.outbox), 2)
        (msp,) = self.mail_to("reporter_msp")
        for measure in (self.cast.m1, self.cast.m1_sub, self.cast.m3):
            self.assertIn(
                f"http://127.0.0.1:8000{reverse('monitoring:report', args=[self.report(measure).pk])}", msp.body
            )
        self.assertIn("1/1 Pilotni projekt v Kopru", msp.body)
        self.assertIn("1. 3. 2027", msp.body)  # the effective due date, in Slovenian
        self.assertNotIn("Krepitev centrov", msp.body)  # MDDSZ's measure goes to MDDSZ's reporter
        (mddsz,) = self.mail_to("reporter_other")
        self.assertIn("2 Krepitev centrov za socialno delo", mddsz.body)
        self.assertEqual(Reminder.objects.filter(kind="due_14", sent_on=D(2027, 2, 20)).count(), 4)

    def test_it_writes_the_email_in_slovenian(self) -> None:
        translation.activate("en")
        self.addCleanup(translation.deactivate)
        self.run_command("2027-02-20")
        with translation.override("sl"):
            subject = translation.gettext("Reports on measures to fill in")
            when = translation.ngettext("due in %(count)s day", "due in %(count)s days", 9) % {"count": 9}
        self.assertEqual(mail.outbox[0].subject, subject)
        self.assertIn(f"({when})", mail.outbox[0].body)

    def test_it_sends_nothing_twice_on_the_same_day(self) -> None:
        self.run_command("2027-02-20")
        mail.outbox.clear()
        self.assertEqual(self.run_command("2027-02-20"), "2027-02-20: nothing to send.\n")
        self.assertEqual(mail.outbox, [])
        self.assertEqual(self.run_command("2027-02-22"), "2027-02-22: nothing to send.\n")  # due_14 only once

    def test_it_does_not_remind_submitted_reports(self) -> None:
        r2 = self.report(self.cast.m2)
        r2 = report_update(
            report=r2,
            user=self.cast.reporter_other,
            changes=ReportChanges(implementation_status="in_progress"),
            version=1,
        )
        report_submit(report=r2, user=self.cast.reporter_other)
        self.run_command("2027-02-26")
        self.assertEqual(self.mail_to("reporter_other"), [])
        self.assertEqual(len(self.mail_to("reporter_msp")), 1)
        self.assertFalse(Reminder.objects.filter(report=r2).exists())

    def test_it_escalates_to_the_coordinator_after_7_days_late(self) -> None:
        self.run_command("2027-03-02")  # 1 day late: reporters only
        self.assertEqual(self.mail_to("coordinator"), [])
        mail.outbox.clear()
        self.assertEqual(self.run_command("2027-03-05"), "2027-03-05: nothing to send.\n")
        output = self.run_command("2027-03-08")  # 7 days late
        self.assertEqual(output, "2027-03-08: due_14 0, due_3 0, late 0, escalation 4; 1 e-mail sent.\n")
        (escalation,) = self.mail_to("coordinator")
        self.assertIn("7 ", escalation.body)
        self.assertIn("MSP", escalation.body)  # the holders
        self.assertIn("MDDSZ", escalation.body)
        output = self.run_command("2027-03-09")  # 8 days late: the weekly reminder, no second escalation
        self.assertEqual(output, "2027-03-09: due_14 0, due_3 0, late 4, escalation 0; 2 e-mails sent.\n")

    def test_it_escalates_to_administrators_when_the_plan_has_no_coordinator(self) -> None:
        RoleAssignment.objects.filter(role="coordinator").delete()
        self.run_command("2027-03-08")
        self.assertEqual(len(self.mail_to("admin")), 1)
        self.assertEqual(self.mail_to("coordinator"), [])

    def test_it_counts_reports_nobody_can_be_reminded_about(self) -> None:
        self.cast.reporter_other.email = ""
        self.cast.reporter_other.save()
        output = self.run_command("2027-02-20")
        counts = "due_14 3, due_3 0, late 0, escalation 0"
        self.assertEqual(output, f"2027-02-20: {counts}; 1 e-mail sent; 1 report without recipients skipped.\n")
        self.assertFalse(Reminder.objects.filter(report=self.report(self.cast.m2)).exists())

    def test_it_sends_and_stores_nothing_in_a_dry_run(self) -> None:
        output = self.run_command("2027-02-20", "--dry-run")
        self.assertIn("2 e-mails would be sent (dry run: nothing sent or recorded)", output)
        self.assertEqual(mail.outbox, [])
        self.assertFalse(Reminder.objects.exists())

    def test_it_logs_counts_but_no_addresses(self) -> None:
        with self.assertLogs("izvedba.monitoring.services.reminders", "INFO") as logs:
            reminders_send(today=D(2027, 2, 20))
        self.assertNotIn("@", "\n".join(logs.output))
        self.assertNotIn("reporter_msp", "\n".join(logs.output))

    @override_settings(EMAIL_BACKEND="izvedba.monitoring.tests.test_reminders.FailingBackend")
    def test_it_retries_reminders_whose_emails_failed(self) -> None:
        with self.assertLogs("izvedba.monitoring.services.reminders", "INFO"):
            summary = reminders_send(today=D(2027, 2, 20))
        self.assertEqual((summary.emails, summary.failed_emails), (0, 2))
        self.assertFalse(Reminder.objects.exists())
