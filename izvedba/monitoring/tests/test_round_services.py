from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import TestCase
from django.utils import translation

from izvedba.core.versioning import content_version
from izvedba.history.models import Change
from izvedba.monitoring.models import Report, Round, Snapshot
from izvedba.monitoring.services.reports import (
    IndicatorEntry,
    ReportChanges,
    report_approve,
    report_submit,
    report_update,
)
from izvedba.monitoring.services.rounds import (
    RoundInvalid,
    RoundLocked,
    period_of,
    round_close,
    round_freeze,
    round_open,
    round_publish,
)
from izvedba.monitoring.tests.cast import Cast, make_cast, open_round
from izvedba.plans.models import Plan


class RoundTestCase(TestCase):
    cast: Cast

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()

    def setUp(self) -> None:
        translation.activate("en")
        self.addCleanup(translation.deactivate)

    def open_invalid(self, **kwargs: object) -> dict[str, str]:
        values: dict[str, object] = {
            "plan": self.cast.plan,
            "user": self.cast.coordinator,
            "label": "2026",
            "period_start": dt.date(2026, 1, 1),
            "period_end": dt.date(2026, 12, 31),
            "due_date": dt.date(2027, 2, 28),
            **kwargs,
        }
        with self.assertRaises(RoundInvalid) as caught:
            round_open(**values)  # type: ignore[arg-type]
        return {e.field: e.message for e in caught.exception.errors}


class OpenRoundTests(RoundTestCase):
    def test_it_creates_a_draft_report_for_every_measure_including_sub_rows(self) -> None:
        round = open_round(self.cast)
        reports = Report.objects.filter(round=round)
        self.assertEqual(
            set(reports.values_list("measure_id", flat=True)),
            {self.cast.m1.pk, self.cast.m1_sub.pk, self.cast.m2.pk, self.cast.m3.pk},
        )
        self.assertEqual(set(reports.values_list("status", flat=True)), {Report.Status.DRAFT})
        self.assertEqual(set(reports.values_list("version", flat=True)), {1})
        self.assertFalse(reports.filter(measure__plan=self.cast.other_plan).exists())
        self.assertEqual((round.status, round.opened_by), (Round.Status.OPEN, self.cast.coordinator))

    def test_it_records_the_round_and_its_reports_in_the_history(self) -> None:
        round = open_round(self.cast)
        change = Change.objects.for_object(round).get()
        self.assertEqual((change.action, change.user), (Change.Action.CREATE, self.cast.coordinator))
        self.assertEqual(change.changes["label"], {"old": None, "new": "2026"})
        report = round.reports.get(measure=self.cast.m1)
        self.assertEqual(Change.objects.for_object(report).get().action, Change.Action.CREATE)

    def test_it_refuses_a_period_that_ends_before_it_starts(self) -> None:
        errors = self.open_invalid(period_start=dt.date(2026, 12, 31), period_end=dt.date(2026, 1, 1))
        self.assertIn("ends (1 Jan 2026) before it starts (31 Dec 2026)", errors["period_end"])
        self.assertFalse(Round.objects.exists())

    def test_it_refuses_a_due_date_before_the_period_starts(self) -> None:
        errors = self.open_invalid(due_date=dt.date(2025, 12, 1))
        self.assertIn("due date (1 Dec 2025) is before the period starts", errors["due_date"])
        self.assertFalse(Report.objects.exists())

    def test_it_refuses_a_label_the_plan_already_uses(self) -> None:
        open_round(self.cast)
        errors = self.open_invalid(label=" 2026 ")
        self.assertIn("already has a round labelled “2026”", errors["label"])
        self.assertEqual(Round.objects.count(), 1)

    def test_it_allows_the_same_label_in_another_plan(self) -> None:
        open_round(self.cast)
        round_open(
            plan=self.cast.other_plan,
            user=None,
            label="2026",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 12, 31),
            due_date=dt.date(2027, 1, 31),
        )
        self.assertEqual(Round.objects.filter(label="2026").count(), 2)

    def test_it_refuses_an_empty_label_and_a_plan_without_measures(self) -> None:
        empty = Plan.objects.create(
            kind=Plan.Kind.NATIONAL, title="Prazen", slug="prazen", period_start=1, period_end=2
        )
        errors = self.open_invalid(plan=empty, label="  ")
        self.assertEqual(set(errors), {"label", "plan"})
        self.assertIn("has no measures", errors["plan"])

    def test_it_reads_years_and_half_years_as_periods(self) -> None:
        self.assertEqual(period_of("2026"), (dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
        self.assertEqual(period_of("2026-H1"), (dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
        self.assertEqual(period_of("2026-h2"), (dt.date(2026, 7, 1), dt.date(2026, 12, 31)))
        self.assertIsNone(period_of("prvo leto"))


class CloseAndPublishTests(RoundTestCase):
    def test_it_closes_a_round_once_and_records_it(self) -> None:
        round = open_round(self.cast)
        round_close(round=round, user=self.cast.coordinator)
        round.refresh_from_db()
        self.assertEqual(round.status, Round.Status.CLOSED)
        self.assertIsNotNone(round.closed_at)
        change = Change.objects.for_object(round).filter(action=Change.Action.TRANSITION).get()
        self.assertEqual(change.changes["status"], {"old": "open", "new": "closed"})
        with self.assertRaisesMessage(RoundLocked, "already closed"):
            round_close(round=round, user=self.cast.coordinator)

    def test_it_publishes_a_round_once_and_moves_the_content_version(self) -> None:
        round = open_round(self.cast)
        before = content_version()
        round_publish(round=round, user=self.cast.coordinator)
        self.assertIsNotNone(round.published_at)
        self.assertGreater(content_version(), before)
        with self.assertRaisesMessage(RoundLocked, "already published"):
            round_publish(round=round, user=self.cast.coordinator)


class FreezeTests(RoundTestCase):
    def test_it_keeps_the_round_as_it_stood_whatever_changes_later(self) -> None:
        cast = self.cast
        round = open_round(cast)
        report = round.reports.get(measure=cast.m1)
        changes = ReportChanges(
            implementation_status="in_progress",
            narrative="Prvi del",
            indicator_values={cast.ind_num.pk: IndicatorEntry(value=Decimal(40))},
        )
        report = report_update(report=report, user=cast.reporter_msp, changes=changes, version=1)
        snapshot = round_freeze(round=round, user=cast.coordinator)

        report = report_update(
            report=report,
            user=cast.reporter_msp,
            changes=ReportChanges(
                narrative="Drugi del", indicator_values={cast.ind_num.pk: IndicatorEntry(Decimal(90))}
            ),
            version=report.version,
        )
        report_approve(report=report_submit(report=report, user=cast.reporter_msp), user=cast.coordinator)

        frozen = Snapshot.objects.get(pk=snapshot.pk).data
        entry = next(r for r in frozen["reports"] if r["measure"]["id"] == cast.m1.pk)
        self.assertEqual((entry["status"], entry["narrative"]), ("draft", "Prvi del"))
        self.assertEqual(entry["indicator_values"][0]["value"], "40")
        self.assertEqual(entry["implementation_status"], "in_progress")
        self.assertEqual(frozen["round"]["label"], "2026")
        self.assertEqual(frozen["by_status"], {"draft": 4})
        self.assertEqual(len(frozen["reports"]), 4)
        later = round_freeze(round=round, user=cast.coordinator).data
        self.assertEqual(later["by_status"], {"draft": 3, "approved": 1})
        self.assertTrue(Change.objects.for_object(round).filter(changes__has_key="snapshot").exists())
