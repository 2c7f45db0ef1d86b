from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.test import TestCase
from django.utils import translation

from izvedba.core.versioning import content_version
from izvedba.history.models import Change
from izvedba.monitoring.models import Contribution, IndicatorValue, Report, Round, Spending
from izvedba.monitoring.services.reports import (
    IndicatorEntry,
    ReportChanges,
    ReportConflict,
    ReportInvalid,
    ReportLocked,
    SpendingEntry,
    contribution_add,
    report_approve,
    report_check,
    report_reopen,
    report_return,
    report_state,
    report_submit,
    report_update,
)
from izvedba.monitoring.services.rounds import round_close
from izvedba.monitoring.tests.cast import Cast, make_cast, open_round


class ReportTestCase(TestCase):
    cast: Cast
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.round = open_round(cls.cast)

    def setUp(self) -> None:
        translation.activate("en")
        self.addCleanup(translation.deactivate)
        self.report = Report.objects.get(round=self.round, measure=self.cast.m1)

    def update(self, report: Report | None = None, **changes: Any) -> Report:
        report = report or self.report
        return report_update(
            report=report, user=self.cast.reporter_msp, changes=ReportChanges(**changes), version=report.version
        )

    def invalid(self, **changes: Any) -> dict[str, str]:
        before = report_state(self.report)
        with self.assertRaises(ReportInvalid) as caught:
            self.update(**changes)
        self.report.refresh_from_db()
        self.assertEqual(report_state(self.report), before, "nothing may be stored")
        self.assertEqual(self.report.version, 1)
        return {e.field: e.message for e in caught.exception.errors}

    def fill(self, report: Report | None = None) -> Report:
        return self.update(report, implementation_status="in_progress", narrative="Teče po načrtu.")

    def submitted(self) -> Report:
        return report_submit(report=self.fill(), user=self.cast.reporter_msp)


class UpdateTests(ReportTestCase):
    def test_it_stores_every_part_of_a_report_and_moves_the_version_on(self) -> None:
        cast = self.cast
        report = self.update(
            implementation_status="completed",
            narrative="Izvedeno.",
            completed_on=dt.date(2026, 6, 30),
            indicator_values={
                cast.ind_num.pk: IndicatorEntry(value=Decimal(120)),
                cast.ind_text.pk: IndicatorEntry(statement="Mreža deluje v vseh občinah."),
            },
            spending={cast.line_a.pk: SpendingEntry(Decimal("9500.50")), cast.line_b.pk: SpendingEntry(Decimal(0))},
            risk_ids=[cast.risk_a.pk],
            risks_other="Poplave",
        )
        self.assertEqual(report.version, 2)
        self.assertEqual((report.implementation_status, report.completed_on), ("completed", dt.date(2026, 6, 30)))
        self.assertEqual(report.updated_by, cast.reporter_msp)
        self.assertEqual(IndicatorValue.objects.get(report=report, indicator=cast.ind_num).value, Decimal(120))
        self.assertEqual(IndicatorValue.objects.get(report=report, indicator=cast.ind_text).statement[:5], "Mreža")
        self.assertEqual(Spending.objects.get(report=report, funding_line=cast.line_a).amount_eur, Decimal("9500.50"))
        self.assertEqual(list(report.risks.all()), [cast.risk_a])
        self.assertEqual(report.risks_other, "Poplave")

    def test_it_merges_values_and_replaces_the_risks(self) -> None:
        cast = self.cast
        report = self.update(
            indicator_values={cast.ind_num.pk: IndicatorEntry(Decimal(10))}, risk_ids=[cast.risk_a.pk, cast.risk_b.pk]
        )
        report = self.update(report, indicator_values={cast.ind_text.pk: IndicatorEntry(statement="V pripravi")})
        self.assertEqual(report.indicator_values.count(), 2)
        report = self.update(report, indicator_values={cast.ind_num.pk: IndicatorEntry()}, risk_ids=[cast.risk_b.pk])
        self.assertEqual(list(report.indicator_values.values_list("indicator_id", flat=True)), [cast.ind_text.pk])
        self.assertEqual(list(report.risks.all()), [cast.risk_b])
        self.assertEqual(report.version, 4)

    def test_it_records_who_changed_what_with_old_and_new_values(self) -> None:
        cast = self.cast
        report = self.update(narrative="Prvič", indicator_values={cast.ind_num.pk: IndicatorEntry(Decimal(5))})
        self.update(report, narrative="Drugič", indicator_values={cast.ind_num.pk: IndicatorEntry(Decimal("7.5"))})
        change = Change.objects.for_object(report).filter(action=Change.Action.UPDATE).first()
        assert change is not None
        self.assertEqual(change.user, cast.reporter_msp)
        self.assertEqual(change.changes["narrative"], {"old": "Prvič", "new": "Drugič"})
        self.assertEqual(
            change.changes[f"indicator:{cast.ind_num.pk}"],
            {"old": {"value": "5", "statement": ""}, "new": {"value": "7.5", "statement": ""}},
        )

    def test_it_changes_and_records_nothing_when_nothing_changed(self) -> None:
        report = self.update(narrative="Enako")
        report = self.update(report, narrative="Enako")
        self.assertEqual(report.version, 2)
        self.assertEqual(Change.objects.for_object(report).filter(action=Change.Action.UPDATE).count(), 1)

    def test_it_accepts_spending_over_the_estimate_with_a_note(self) -> None:
        line = self.cast.line_a
        report = self.update(spending={line.pk: SpendingEntry(Decimal(12_000), note="Dražje storitve")})
        self.assertEqual(Spending.objects.get(report=report, funding_line=line).note, "Dražje storitve")

    def test_it_lets_a_sub_row_report_on_its_own_indicator(self) -> None:
        sub = Report.objects.get(round=self.round, measure=self.cast.m1_sub)
        sub = self.update(sub, indicator_values={self.cast.ind_sub.pk: IndicatorEntry(Decimal("12.5"))})
        self.assertEqual(sub.indicator_values.get().value, Decimal("12.5"))


class InvalidValueTests(ReportTestCase):
    def test_it_refuses_a_number_for_an_indicator_without_a_numeric_target(self) -> None:
        errors = self.invalid(indicator_values={self.cast.ind_text.pk: IndicatorEntry(Decimal(3))})
        self.assertIn("takes no number", errors[f"indicator:{self.cast.ind_text.pk}"])

    def test_it_refuses_an_indicator_of_another_measure(self) -> None:
        pk = self.cast.ind_m2.pk
        errors = self.invalid(indicator_values={pk: IndicatorEntry(Decimal(3))})
        self.assertIn(f"Indicator {pk} belongs to another measure", errors[f"indicator:{pk}"])

    def test_it_refuses_an_unknown_indicator(self) -> None:
        errors = self.invalid(indicator_values={999999: IndicatorEntry(Decimal(3))})
        self.assertEqual(errors["indicator:999999"], "There is no indicator with id 999999.")

    def test_it_refuses_negative_money(self) -> None:
        pk = self.cast.line_a.pk
        errors = self.invalid(spending={pk: SpendingEntry(Decimal(-5))})
        self.assertIn("cannot be negative", errors[f"spending:{pk}"])

    def test_it_refuses_spending_over_the_estimate_without_a_note(self) -> None:
        pk = self.cast.line_a.pk
        errors = self.invalid(spending={pk: SpendingEntry(Decimal(12_000), note="  ")})
        self.assertIn("12,000 EUR is more than the 10,000 EUR estimated", errors[f"spending:{pk}"])
        self.assertIn("explain the difference in the note", errors[f"spending:{pk}"])

    def test_it_refuses_fractions_of_a_cent(self) -> None:
        pk = self.cast.line_a.pk
        errors = self.invalid(spending={pk: SpendingEntry(Decimal("1.005"))})
        self.assertIn("at most 2 decimal places", errors[f"spending:{pk}"])

    def test_it_refuses_a_funding_line_of_another_measure(self) -> None:
        pk = self.cast.line_m2.pk
        errors = self.invalid(spending={pk: SpendingEntry(Decimal(5))})
        self.assertIn(f"Funding line {pk} belongs to another measure", errors[f"spending:{pk}"])

    def test_it_refuses_a_risk_of_another_plan(self) -> None:
        errors = self.invalid(risk_ids=[self.cast.risk_a.pk, self.cast.other_risk.pk])
        self.assertIn("is a risk of another plan", errors["risks"])

    def test_it_refuses_a_completion_date_outside_the_round(self) -> None:
        errors = self.invalid(implementation_status="completed", completed_on=dt.date(2027, 1, 15))
        self.assertIn("15 Jan 2027 lies outside the round's period (1 Jan 2026 – 31 Dec 2026)", errors["completed_on"])

    def test_it_requires_a_reason_for_a_late_or_abandoned_measure(self) -> None:
        for status in ("late", "abandoned"):
            with self.subTest(status=status):
                errors = self.invalid(implementation_status=status, status_reason=" ")
                self.assertIn("needs a reason", errors["status_reason"])

    def test_it_refuses_an_unknown_implementation_status(self) -> None:
        errors = self.invalid(implementation_status="done")
        self.assertIn("“done” is not an implementation status", errors["implementation_status"])

    def test_it_reports_every_problem_at_once(self) -> None:
        cast = self.cast
        errors = report_check(
            report=self.report,
            changes=ReportChanges(
                implementation_status="late",
                spending={cast.line_a.pk: SpendingEntry(Decimal(-1))},
                risk_ids=[cast.other_risk.pk],
            ),
        )
        self.assertEqual({e.field for e in errors}, {"status_reason", f"spending:{cast.line_a.pk}", "risks"})


class ConflictAndLockTests(ReportTestCase):
    def test_the_second_of_two_people_saving_the_same_version_gets_a_conflict_and_the_first_save_stays(self) -> None:
        first = Report.objects.get(pk=self.report.pk)
        second = Report.objects.get(pk=self.report.pk)
        report_update(report=first, user=self.cast.reporter_msp, changes=ReportChanges(narrative="A"), version=1)
        with self.assertRaises(ReportConflict) as caught:
            report_update(report=second, user=self.cast.admin, changes=ReportChanges(narrative="B"), version=1)
        self.assertEqual(caught.exception.current_version, 2)
        self.assertIn("Someone else saved this report", caught.exception.message)
        self.report.refresh_from_db()
        self.assertEqual((self.report.narrative, self.report.version), ("A", 2))

    def test_it_refuses_to_change_an_approved_report(self) -> None:
        report = report_approve(report=self.submitted(), user=self.cast.coordinator)
        with self.assertRaisesMessage(ReportLocked, "approved and read-only"):
            self.update(report, narrative="Popravek")
        report.refresh_from_db()
        self.assertEqual(report.narrative, "Teče po načrtu.")

    def test_it_refuses_to_change_a_submitted_report_until_it_is_returned(self) -> None:
        report = self.submitted()
        with self.assertRaisesMessage(ReportLocked, "awaits review"):
            self.update(report, narrative="Popravek")

    def test_it_refuses_changes_and_submissions_once_the_round_is_closed(self) -> None:
        report = self.fill()
        round_close(round=self.round, user=self.cast.coordinator)
        with self.assertRaisesMessage(ReportLocked, "“2026” is closed"):
            self.update(report, narrative="Prepozno")
        with self.assertRaisesMessage(ReportLocked, "is closed"):
            report_submit(report=report, user=self.cast.reporter_msp)
        report.refresh_from_db()
        self.assertEqual(report.status, Report.Status.DRAFT)

    def test_it_refuses_a_submission_at_a_stale_version(self) -> None:
        report = self.fill()
        with self.assertRaises(ReportConflict):
            report_submit(report=report, user=self.cast.reporter_msp, version=1)
        self.assertEqual(Report.objects.get(pk=report.pk).status, Report.Status.DRAFT)


class WorkflowTests(ReportTestCase):
    def test_it_goes_from_draft_to_approved_through_a_return(self) -> None:
        cast = self.cast
        report = self.submitted()
        self.assertEqual((report.status, report.version), ("submitted", 3))
        self.assertIsNotNone(report.submitted_at)
        report = report_return(report=report, user=cast.coordinator, comment="Dodajte kazalnik.")
        self.assertEqual((report.status, report.review_comment), ("returned", "Dodajte kazalnik."))
        report = self.update(report, indicator_values={cast.ind_num.pk: IndicatorEntry(Decimal(80))})
        report = report_submit(report=report, user=cast.reporter_msp, version=report.version)
        before = content_version()
        report = report_approve(report=report, user=cast.coordinator)
        self.assertEqual((report.status, report.approved_by, report.version), ("approved", cast.coordinator, 7))
        self.assertGreater(content_version(), before)
        transitions = Change.objects.for_object(report).filter(action=Change.Action.TRANSITION).order_by("pk")
        self.assertEqual(
            [(c.changes["status"]["new"], c.comment) for c in transitions],
            [("submitted", ""), ("returned", "Dodajte kazalnik."), ("submitted", ""), ("approved", "")],
        )

    def test_it_refuses_to_submit_an_incomplete_report(self) -> None:
        with self.assertRaises(ReportInvalid) as caught:
            report_submit(report=self.report, user=self.cast.reporter_msp)
        self.assertEqual(caught.exception.errors[0].field, "implementation_status")
        self.assertEqual(Report.objects.get(pk=self.report.pk).status, "draft")

    def test_it_requires_a_comment_to_return_or_reopen(self) -> None:
        report = self.submitted()
        with self.assertRaises(ReportInvalid) as caught:
            report_return(report=report, user=self.cast.coordinator, comment=" ")
        self.assertEqual(caught.exception.errors[0].field, "comment")
        report = report_approve(report=report, user=self.cast.coordinator)
        with self.assertRaises(ReportInvalid):
            report_reopen(report=report, user=self.cast.coordinator, comment="")
        self.assertEqual(Report.objects.get(pk=report.pk).status, "approved")

    def test_it_refuses_steps_out_of_order(self) -> None:
        with self.assertRaisesMessage(ReportLocked, "A report that is “draft” cannot be approved"):
            report_approve(report=self.report, user=self.cast.coordinator)
        with self.assertRaisesMessage(ReportLocked, "cannot be returned"):
            report_return(report=self.report, user=self.cast.coordinator, comment="x")
        with self.assertRaisesMessage(ReportLocked, "cannot be reopened"):
            report_reopen(report=self.report, user=self.cast.coordinator, comment="x")
        report = self.submitted()
        with self.assertRaisesMessage(ReportLocked, "cannot be submitted"):
            report_submit(report=report, user=self.cast.reporter_msp)

    def test_a_coordinator_reopens_an_approved_report_and_it_is_recorded(self) -> None:
        report = report_approve(report=self.submitted(), user=self.cast.coordinator)
        report = report_reopen(report=report, user=self.cast.coordinator, comment="Napačen znesek.")
        self.assertEqual(
            (report.status, report.approved_at, report.review_comment), ("returned", None, "Napačen znesek.")
        )
        change = Change.objects.for_object(report).first()
        assert change is not None
        self.assertEqual((change.action, change.comment), (Change.Action.TRANSITION, "Napačen znesek."))
        self.assertEqual(change.changes["status"], {"old": "approved", "new": "returned"})
        report = self.update(report, narrative="Popravljeno")
        self.assertEqual(report.narrative, "Popravljeno")

    def test_approval_still_works_after_the_round_closed(self) -> None:
        report = self.submitted()
        round_close(round=self.round, user=self.cast.coordinator)
        report = report_approve(report=report, user=self.cast.coordinator)
        self.assertEqual(report.status, "approved")


class ContributionTests(ReportTestCase):
    def test_a_participant_adds_a_contribution_that_is_recorded(self) -> None:
        cast = self.cast
        contribution = contribution_add(
            report=self.report, user=cast.reporter_participant, organisation=cast.zrsz, text=" Vključili smo 12 oseb. "
        )
        self.assertEqual(
            (contribution.text, contribution.author), ("Vključili smo 12 oseb.", cast.reporter_participant)
        )
        self.assertTrue(Change.objects.for_object(self.report).filter(changes__has_key="contribution").exists())

    def test_it_refuses_an_empty_contribution_and_one_to_an_approved_report(self) -> None:
        cast = self.cast
        with self.assertRaises(ReportInvalid):
            contribution_add(report=self.report, user=cast.reporter_participant, organisation=cast.zrsz, text=" ")
        report = report_approve(report=self.submitted(), user=cast.coordinator)
        with self.assertRaises(ReportLocked):
            contribution_add(report=report, user=cast.reporter_participant, organisation=cast.zrsz, text="Pozno")
        self.assertFalse(Contribution.objects.exists())
