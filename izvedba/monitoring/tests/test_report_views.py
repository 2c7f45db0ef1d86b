"""The report page: who sees and changes what, filling in, the version check, review, evidence, contributions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from izvedba.accounts.models import User
from izvedba.history.models import Change
from izvedba.monitoring.models import Evidence, IndicatorValue, Report, Spending
from izvedba.monitoring.services.reports import ReportChanges, report_approve, report_submit, report_update

from .cast import Cast, make_cast, open_round


class ReportViewTestCase(TestCase):
    cast: Cast
    report: Report

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        round = open_round(cls.cast)
        cls.report = round.reports.get(measure=cls.cast.m1)

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.url = reverse("monitoring:report", args=[self.report.pk])

    def login(self, user: User) -> None:
        self.client.force_login(user)

    def fresh(self) -> Report:
        return Report.objects.get(pk=self.report.pk)

    def form_data(self, **overrides: Any) -> dict[str, Any]:
        c = self.cast
        data = {
            "version": str(self.fresh().version),
            "implementation_status": "in_progress",
            "status_reason": "",
            "completed_on": "",
            "narrative": "Vzpostavili smo dve novi storitvi.",
            f"indicator_{c.ind_num.pk}": "1.234,5",
            f"statement_{c.ind_text.pk}": "Mreža deluje v treh občinah.",
            f"spent_{c.line_a.pk}": "2.500",
            f"spent_note_{c.line_a.pk}": "",
            f"spent_{c.line_b.pk}": "",
            f"spent_note_{c.line_b.pk}": "",
            "risks": [str(c.risk_a.pk)],
            "risks_other": "",
            "save": "1",
        }
        data.update(overrides)
        return data

    def fill(self, user: User | None = None, **overrides: Any) -> Report:
        """Save a valid draft through the service (as the MSP reporter)."""
        report = self.fresh()
        changes = ReportChanges(implementation_status="in_progress", narrative="Prvo poročilo.")
        for name, value in overrides.items():
            setattr(changes, name, value)
        return report_update(
            report=report, user=user or self.cast.reporter_msp, changes=changes, version=report.version
        )


class ReportAccessTests(ReportViewTestCase):
    def test_it_sends_visitors_to_the_login_page(self) -> None:
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("login"), response["Location"])

    def test_it_hides_the_report_from_outsiders(self) -> None:
        self.login(self.cast.outsider)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_it_hides_another_organisations_report(self) -> None:
        self.login(self.cast.reporter_other)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, self.form_data()).status_code, 404)

    def test_it_shows_the_holder_a_form(self) -> None:
        self.login(self.cast.reporter_msp)
        response = self.client.get(self.url)
        self.assertContains(response, "data-report-form")
        self.assertContains(response, f'name="indicator_{self.cast.ind_num.pk}"')
        self.assertContains(response, 'inputmode="decimal"')
        self.assertContains(response, f'name="statement_{self.cast.ind_text.pk}"')
        self.assertContains(response, f'name="spent_{self.cast.line_a.pk}"')
        self.assertContains(response, self.cast.risk_a.text)
        self.assertContains(response, 'name="version"')
        self.assertContains(response, "Submit for review")

    def test_it_shows_a_viewer_the_report_read_only(self) -> None:
        self.login(self.cast.viewer_plan)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "data-report-form")
        self.assertContains(response, "data-report-values")

    def test_it_forbids_a_viewer_to_save(self) -> None:
        self.login(self.cast.viewer_plan)
        response = self.client.post(self.url, self.form_data())
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.fresh().narrative, "")

    def test_it_forbids_a_participant_to_fill_in_the_holders_report(self) -> None:
        self.login(self.cast.reporter_participant)
        self.assertEqual(self.client.get(self.url).status_code, 200)
        self.assertEqual(self.client.post(self.url, self.form_data()).status_code, 403)

    def test_it_forbids_the_reporter_to_review(self) -> None:
        report_submit(report=self.fill(), user=self.cast.reporter_msp)
        self.login(self.cast.reporter_msp)
        approve = reverse("monitoring:report_approve", args=[self.report.pk])
        self.assertEqual(self.client.post(approve).status_code, 403)
        self.assertEqual(self.fresh().status, Report.Status.SUBMITTED)

    def test_it_lets_a_holder_fill_a_sub_row_of_their_measure(self) -> None:
        sub = self.report.round.reports.get(measure=self.cast.m1_sub)
        self.login(self.cast.reporter_msp)
        response = self.client.get(reverse("monitoring:report", args=[sub.pk]))
        self.assertContains(response, f'name="indicator_{self.cast.ind_sub.pk}"')


class ReportFillTests(ReportViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.login(self.cast.reporter_msp)

    def test_it_saves_a_draft_with_slovenian_numbers(self) -> None:
        response = self.client.post(self.url, self.form_data(), follow=True)
        self.assertRedirects(response, self.url)
        self.assertContains(response, "Draft saved.")
        report = self.fresh()
        self.assertEqual(report.status, Report.Status.DRAFT)
        self.assertEqual(report.implementation_status, "in_progress")
        self.assertEqual(
            IndicatorValue.objects.get(report=report, indicator=self.cast.ind_num).value, Decimal("1234.5")
        )
        statement = IndicatorValue.objects.get(report=report, indicator=self.cast.ind_text).statement
        self.assertEqual(statement, "Mreža deluje v treh občinah.")
        self.assertEqual(Spending.objects.get(report=report, funding_line=self.cast.line_a).amount_eur, Decimal(2500))
        self.assertEqual(list(report.risks.all()), [self.cast.risk_a])

    def test_it_shows_the_saved_values_in_the_form_again(self) -> None:
        self.client.post(self.url, self.form_data())
        response = self.client.get(self.url)
        self.assertContains(response, 'value="1234,5"')
        self.assertContains(response, 'value="2500"')

    def test_it_refuses_n_a_in_a_number_field(self) -> None:
        field = f"indicator_{self.cast.ind_num.pk}"
        response = self.client.post(self.url, self.form_data(**{field: "N/A"}))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "“N/A” is not a number")
        self.assertContains(response, 'value="N/A"')  # what was typed stays in the field
        self.assertFalse(IndicatorValue.objects.filter(report=self.report).exists())
        self.assertEqual(self.fresh().narrative, "")

    def test_it_shows_a_service_error_next_to_the_reason(self) -> None:
        response = self.client.post(self.url, self.form_data(implementation_status="late"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("status_reason", response.context["form"].errors)
        self.assertContains(response, "needs a reason")
        self.assertEqual(self.fresh().implementation_status, "")

    def test_it_shows_an_overspending_error_next_to_its_funding_line(self) -> None:
        field = f"spent_{self.cast.line_a.pk}"
        response = self.client.post(self.url, self.form_data(**{field: "20.000"}))
        self.assertIn(field, response.context["form"].errors)
        self.assertContains(response, "explain the difference in the note")
        self.assertFalse(Spending.objects.filter(report=self.report).exists())

    def test_it_asks_for_0_rather_than_an_empty_amount_once_one_was_reported(self) -> None:
        self.client.post(self.url, self.form_data())
        field = f"spent_{self.cast.line_a.pk}"
        response = self.client.post(self.url, self.form_data(**{field: ""}))
        self.assertIn(field, response.context["form"].errors)
        self.assertContains(response, "enter 0 if nothing was spent")
        self.client.post(self.url, self.form_data(**{field: "0"}))
        self.assertEqual(Spending.objects.get(report=self.report, funding_line=self.cast.line_a).amount_eur, 0)

    def test_it_submits_for_review(self) -> None:
        response = self.client.post(self.url, self.form_data(save="", submit="1"), follow=True)
        self.assertContains(response, "Report submitted for review.")
        report = self.fresh()
        self.assertEqual(report.status, Report.Status.SUBMITTED)
        self.assertEqual(report.narrative, "Vzpostavili smo dve novi storitvi.")
        self.assertNotContains(response, "data-report-form")

    def test_it_keeps_an_incomplete_report_as_a_draft_and_says_what_is_missing(self) -> None:
        response = self.client.post(self.url, self.form_data(implementation_status="", submit="1"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("implementation_status", response.context["form"].errors)
        self.assertContains(response, "Choose the implementation status before submitting.")
        report = self.fresh()
        self.assertEqual(report.status, Report.Status.DRAFT)
        self.assertEqual(report.narrative, "Vzpostavili smo dve novi storitvi.")
        self.assertEqual(response.context["form"]["version"].value(), str(report.version))

    def test_it_records_the_change_in_the_history_shown_on_the_page(self) -> None:
        self.client.post(self.url, self.form_data())
        response = self.client.get(self.url)
        self.assertContains(response, "data-history")
        self.assertContains(response, "Implementation status")  # the field's verbose name, not its code
        self.assertContains(response, "in progress")
        self.assertContains(response, self.cast.ind_num.text)

    def test_it_refuses_changes_to_an_approved_report(self) -> None:
        report = self.fill()
        report = report_submit(report=report, user=self.cast.reporter_msp)
        report_approve(report=report, user=self.cast.coordinator)
        response = self.client.get(self.url)
        self.assertNotContains(response, "data-report-form")
        self.assertContains(response, "approved and read-only")
        response = self.client.post(self.url, self.form_data(narrative="Popravek"), follow=True)
        self.assertContains(response, "approved and read-only")
        self.assertEqual(self.fresh().narrative, "Prvo poročilo.")


class ReportConflictTests(ReportViewTestCase):
    def test_it_keeps_the_second_persons_input_and_shows_the_first_ones(self) -> None:
        self.login(self.cast.reporter_msp)
        stale = self.fresh().version
        self.fill(narrative="Shranila kolegica.")  # someone else saved in between
        response = self.client.post(self.url, self.form_data(version=str(stale), narrative="Moje besedilo."))
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "data-conflict", status_code=409)
        self.assertContains(response, "Someone else saved this report", status_code=409)
        self.assertContains(response, "Moje besedilo.", status_code=409)  # their input, still in the form
        self.assertContains(response, "Shranila kolegica.", status_code=409)  # what the other person saved
        self.assertEqual(self.fresh().narrative, "Shranila kolegica.")

    def test_it_lets_the_second_person_save_deliberately_after_the_conflict(self) -> None:
        self.login(self.cast.reporter_msp)
        stale = self.fresh().version
        self.fill(narrative="Shranila kolegica.")
        response = self.client.post(self.url, self.form_data(version=str(stale), narrative="Moje besedilo."))
        version = response.context["form"]["version"].value()
        self.client.post(self.url, self.form_data(version=version, narrative="Moje besedilo."))
        self.assertEqual(self.fresh().narrative, "Moje besedilo.")

    def test_it_keeps_the_input_when_the_report_was_approved_meanwhile(self) -> None:
        self.login(self.cast.reporter_msp)
        stale = self.fresh().version
        report = report_submit(report=self.fill(), user=self.cast.reporter_msp)
        report_approve(report=report, user=self.cast.coordinator)
        response = self.client.post(self.url, self.form_data(version=str(stale), narrative="Moje besedilo."))
        self.assertContains(response, "Moje besedilo.", status_code=409)
        self.assertContains(response, "data-cannot-save", status_code=409)
        self.assertNotContains(response, "Submit for review", status_code=409)
        self.assertEqual(self.fresh().narrative, "Prvo poročilo.")


class ReviewTests(ReportViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        report_submit(report=self.fill(), user=self.cast.reporter_msp)
        self.login(self.cast.coordinator)

    def test_it_offers_the_coordinator_return_and_approve(self) -> None:
        response = self.client.get(self.url)
        self.assertContains(response, 'data-action="approve"')
        self.assertContains(response, 'data-action="return"')
        self.assertNotContains(response, "data-report-form")

    def test_it_returns_with_a_comment_the_reporter_then_sees(self) -> None:
        url = reverse("monitoring:report_return", args=[self.report.pk])
        response = self.client.post(url, {"return-comment": "Manjka število oseb."}, follow=True)
        self.assertContains(response, "Report returned to the reporter with your comment.")
        self.assertEqual(self.fresh().status, Report.Status.RETURNED)
        self.login(self.cast.reporter_msp)
        response = self.client.get(self.url)
        self.assertContains(response, "data-review-comment")
        self.assertContains(response, "Manjka število oseb.")
        self.assertContains(response, "data-report-form")

    def test_it_needs_a_comment_to_return(self) -> None:
        url = reverse("monitoring:report_return", args=[self.report.pk])
        response = self.client.post(url, {"return-comment": "  "})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Write what needs to change")
        self.assertEqual(self.fresh().status, Report.Status.SUBMITTED)

    def test_it_approves(self) -> None:
        url = reverse("monitoring:report_approve", args=[self.report.pk])
        response = self.client.post(url, follow=True)
        self.assertContains(response, "Report approved.")
        self.assertContains(response, 'data-status="approved"')
        self.assertEqual(self.fresh().approved_by, self.cast.coordinator)

    def test_it_reopens_an_approved_report_with_a_recorded_reason(self) -> None:
        self.client.post(reverse("monitoring:report_approve", args=[self.report.pk]))
        url = reverse("monitoring:report_reopen", args=[self.report.pk])
        self.assertContains(self.client.post(url, {"reopen-comment": ""}), "Write what needs to change")
        self.assertEqual(self.fresh().status, Report.Status.APPROVED)
        response = self.client.post(url, {"reopen-comment": "Napaka v številu oseb."}, follow=True)
        self.assertContains(response, "Report reopened")
        self.assertEqual(self.fresh().status, Report.Status.RETURNED)
        change = Change.objects.for_object(self.report).first()
        assert change is not None
        self.assertEqual(change.comment, "Napaka v številu oseb.")
        self.assertContains(response, "Napaka v številu oseb.")

    def test_it_says_when_a_step_is_not_possible_now(self) -> None:
        url = reverse("monitoring:report_reopen", args=[self.report.pk])
        response = self.client.post(url, {"reopen-comment": "Zakaj ne"}, follow=True)
        self.assertContains(response, "cannot be")
        self.assertEqual(self.fresh().status, Report.Status.SUBMITTED)

    def test_it_rejects_get_on_review_steps(self) -> None:
        self.assertEqual(self.client.get(reverse("monitoring:report_approve", args=[self.report.pk])).status_code, 405)


class EvidenceTests(ReportViewTestCase):
    def upload(self, name: str, content: bytes) -> Any:
        url = reverse("monitoring:report_evidence", args=[self.report.pk])
        return self.client.post(url, {"file": SimpleUploadedFile(name, content)}, follow=True)

    def test_it_attaches_a_file_and_lets_readers_download_it(self) -> None:
        self.login(self.cast.reporter_msp)
        response = self.upload("porocilo.pdf", b"%PDF-1.4 evidence")
        self.assertContains(response, "File “porocilo.pdf” attached.")
        evidence = Evidence.objects.get(report=self.report)
        download = reverse("monitoring:report_evidence_file", args=[evidence.pk])
        self.assertContains(response, download)
        self.login(self.cast.viewer_plan)
        response = self.client.get(download)
        self.assertEqual(response.status_code, 200)
        self.assertIn("porocilo.pdf", response["Content-Disposition"])
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 evidence")  # type: ignore[attr-defined]

    def test_it_hides_evidence_from_those_who_may_not_read_the_report(self) -> None:
        self.login(self.cast.reporter_msp)
        self.upload("porocilo.pdf", b"%PDF-1.4 evidence")
        download = reverse("monitoring:report_evidence_file", args=[Evidence.objects.get().pk])
        self.login(self.cast.reporter_other)
        self.assertEqual(self.client.get(download).status_code, 404)

    def test_it_refuses_a_program(self) -> None:
        self.login(self.cast.reporter_msp)
        response = self.upload("navodila.pdf", b"MZ\x90\x00 not a pdf")
        self.assertContains(response, "is a program")
        self.assertFalse(Evidence.objects.exists())

    def test_it_forbids_a_viewer_to_attach(self) -> None:
        self.login(self.cast.viewer_plan)
        url = reverse("monitoring:report_evidence", args=[self.report.pk])
        response = self.client.post(url, {"file": SimpleUploadedFile("a.pdf", b"%PDF")})
        self.assertEqual(response.status_code, 403)


class ContributionTests(ReportViewTestCase):
    def test_it_lets_a_participant_add_a_contribution(self) -> None:
        self.login(self.cast.reporter_participant)
        url = reverse("monitoring:report_contribute", args=[self.report.pk])
        data = {"organisation": self.cast.zrsz.pk, "text": "Vključili smo 12 brezposelnih."}
        response = self.client.post(url, data, follow=True)
        self.assertContains(response, "Contribution added")
        self.assertContains(response, "Vključili smo 12 brezposelnih.")
        self.assertEqual(self.report.contributions.get().organisation, self.cast.zrsz)

    def test_it_refuses_a_contribution_on_behalf_of_another_organisation(self) -> None:
        self.login(self.cast.reporter_participant)
        url = reverse("monitoring:report_contribute", args=[self.report.pk])
        response = self.client.post(url, {"organisation": self.cast.msp.pk, "text": "Ne moje."})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.report.contributions.exists())

    def test_it_forbids_viewers_to_contribute(self) -> None:
        self.login(self.cast.viewer_plan)
        url = reverse("monitoring:report_contribute", args=[self.report.pk])
        self.assertEqual(self.client.post(url, {"organisation": self.cast.zrsz.pk, "text": "x"}).status_code, 403)
