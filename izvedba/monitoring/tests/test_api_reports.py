"""The report endpoints: who may do what (a role × action matrix), and what bad values and stale saves get."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from izvedba.monitoring.models import Contribution, Report, Round
from izvedba.monitoring.services.reports import (
    ReportChanges,
    report_approve,
    report_state,
    report_submit,
    report_update,
)
from izvedba.monitoring.tests.api_client import ApiCase

ROLES = [
    "admin",
    "coordinator",
    "reporter_msp",
    "reporter_other",
    "reporter_participant",
    "viewer_plan",
    "viewer_region",
    "outsider",
    None,  # nobody signed in
]


def row(*codes: int) -> dict[str | None, int]:
    """Expected status codes in the order of ROLES."""
    return dict(zip(ROLES, codes, strict=True))


#                      admin coord  msp  other part  v.plan v.reg outsider anon
READ = row(200, 200, 200, 404, 200, 200, 200, 404, 401)
FILL = row(200, 403, 200, 404, 403, 403, 403, 404, 401)
REVIEW = row(200, 200, 403, 404, 403, 403, 403, 404, 401)
OPEN_ROUND = row(201, 201, 403, 403, 403, 403, 403, 403, 401)
LIST = row(200, 200, 200, 200, 200, 200, 200, 404, 401)
LISTED = {
    "admin": 4,
    "coordinator": 4,
    "reporter_msp": 3,
    "reporter_other": 1,
    "reporter_participant": 2,
    "viewer_plan": 4,
    "viewer_region": 4,
}


class RoleActionMatrixTests(ApiCase):
    """For each role and action: the status code, and on refusal that nothing changed."""

    def fill(self) -> Report:
        report = self.report()
        changes = ReportChanges(implementation_status="in_progress", narrative="Poteka.")
        return report_update(report=report, user=self.cast.admin, changes=changes, version=report.version)

    def submitted(self) -> Report:
        return report_submit(report=self.fill(), user=self.cast.admin)

    def approved(self) -> Report:
        return report_approve(report=self.submitted(), user=self.cast.admin)

    def state(self) -> Any:
        report = self.report()
        return (
            report.status,
            report.version,
            report_state(report),
            Round.objects.count(),
            Contribution.objects.count(),
        )

    def check(
        self, expected: dict[str | None, int], prepare: Callable[[], object], act: Callable[[str | None], Any]
    ) -> None:
        for role, status in expected.items():
            with self.subTest(role=role), transaction.atomic():
                prepare()
                before = self.state()
                response = act(role)
                self.assertEqual(response.status_code, status, response.content[:300])
                if status >= 400:
                    self.assertEqual(self.state(), before, "a refused call must change nothing")
                transaction.set_rollback(True)

    def test_listing_a_rounds_reports(self) -> None:
        url = f"/api/rounds/{self.round.pk}/reports"
        self.check(LIST, lambda: None, lambda who: self.call("GET", url, who))
        for role, count in LISTED.items():
            with self.subTest(role=role):
                self.assertEqual(len(self.ok("GET", url, role)), count)

    def test_reading_a_report(self) -> None:
        self.check(READ, lambda: None, lambda who: self.call("GET", f"/api/reports/{self.report().pk}", who))

    def test_changing_a_report(self) -> None:
        def act(who: str | None) -> Any:
            return self.call("PATCH", f"/api/reports/{self.report().pk}", who, {"narrative": "Novo", "version": 1})

        self.check(FILL, lambda: None, act)

    def test_submitting_a_report(self) -> None:
        self.check(FILL, self.fill, lambda who: self.call("POST", f"/api/reports/{self.report().pk}/submit", who))

    def test_returning_a_report(self) -> None:
        def act(who: str | None) -> Any:
            return self.call("POST", f"/api/reports/{self.report().pk}/return", who, {"comment": "Popravite."})

        self.check(REVIEW, self.submitted, act)

    def test_approving_a_report(self) -> None:
        self.check(
            REVIEW, self.submitted, lambda who: self.call("POST", f"/api/reports/{self.report().pk}/approve", who)
        )

    def test_reopening_a_report(self) -> None:
        def act(who: str | None) -> Any:
            return self.call("POST", f"/api/reports/{self.report().pk}/reopen", who, {"comment": "Napaka."})

        self.check(REVIEW, self.approved, act)

    def test_opening_a_round(self) -> None:
        body = {"label": "2027", "period_start": "2027-01-01", "period_end": "2027-12-31", "due_date": "2028-02-28"}
        self.check(
            OPEN_ROUND, lambda: None, lambda who: self.call("POST", f"/api/plans/{self.cast.plan.pk}/rounds", who, body)
        )

    def test_a_participant_contributes_but_a_viewer_does_not(self) -> None:
        url = f"/api/reports/{self.report().pk}/contributions"
        expected = row(422, 403, 201, 404, 201, 403, 403, 404, 401)  # the administrator must say which organisation
        self.check(expected, lambda: None, lambda who: self.call("POST", url, who, {"text": "Prispevek"}))


class ReportDetailTests(ApiCase):
    def test_it_lists_every_indicator_and_funding_line_of_the_measure(self) -> None:
        cast = self.cast
        data = self.ok("GET", f"/api/reports/{self.report().pk}", "reporter_msp")
        indicators = {i["indicator"]: i for i in data["indicator_values"]}
        self.assertEqual(set(indicators), {cast.ind_num.pk, cast.ind_text.pk})
        self.assertEqual(
            (indicators[cast.ind_num.pk]["is_numeric"], indicators[cast.ind_num.pk]["unit"]), (True, "oseb")
        )
        self.assertFalse(indicators[cast.ind_text.pk]["is_numeric"])
        self.assertIsNone(indicators[cast.ind_num.pk]["value"])
        lines = {s["funding_line"]: s for s in data["spending"]}
        self.assertEqual(lines[cast.line_a.pk]["estimate_eur"], 10_000)
        self.assertEqual([r["id"] for r in data["plan_risks"]], [cast.risk_a.pk, cast.risk_b.pk])
        self.assertEqual(data["round"]["label"], "2026")
        self.assertEqual(
            data["measure"],
            {
                "id": cast.m1.pk,
                "code": "1",
                "sub_index": 0,
                "parent_id": None,
                "title": cast.m1.title,
                "holders": ["MSP"],
            },
        )
        self.assertEqual(data["actions"]["edit"], True)
        self.assertEqual(data["actions"]["approve"], False)

    def test_a_sub_row_shows_its_measure_and_its_parents_holders(self) -> None:
        data = self.ok("GET", f"/api/reports/{self.report(self.cast.m1_sub).pk}", "reporter_msp")
        measure = data["measure"]
        self.assertEqual(
            (measure["code"], measure["sub_index"], measure["parent_id"], measure["holders"]),
            ("1", 1, self.cast.m1.pk, ["MSP"]),
        )

    def test_an_unknown_report_answers_404(self) -> None:
        response = self.call("GET", "/api/reports/999999", "admin")
        self.assertEqual((response.status_code, response.json()["detail"]), (404, "There is no report with id 999999."))


class PatchValidationTests(ApiCase):
    def patch(self, body: dict[str, Any], who: str = "reporter_msp") -> Any:
        report = self.report()
        return self.call("PATCH", f"/api/reports/{report.pk}", who, {"version": report.version, **body})

    def refused(self, body: dict[str, Any]) -> dict[str, str]:
        before = report_state(self.report())
        response = self.patch(body)
        self.assertEqual(response.status_code, 422, response.content)
        data = response.json()
        self.assertEqual(data["detail"], "The report was not changed.")
        self.assertEqual(report_state(self.report()), before)
        self.assertEqual(self.report().version, 1)
        return {e["field"]: e["message"] for e in data["errors"]}

    def test_it_reads_numbers_as_people_write_them(self) -> None:
        cast = self.cast
        response = self.patch(
            {
                "indicator_values": [{"indicator": cast.ind_num.pk, "value": "1.234,5"}],
                "spending": [{"funding_line": cast.line_a.pk, "amount_eur": "9 500,25"}],
                "completed_on": "30. 6. 2026",
            }
        )
        self.assertEqual(response.status_code, 200, response.content)
        data = response.json()
        self.assertEqual(data["indicator_values"][0]["value"], 1234.5)
        self.assertEqual(data["spending"][0]["amount_eur"], 9500.25)
        self.assertEqual(data["completed_on"], "2026-06-30")

    def test_it_refuses_na_and_words_in_a_number_field(self) -> None:
        cast = self.cast
        errors = self.refused(
            {
                "indicator_values": [{"indicator": cast.ind_num.pk, "value": "N/A"}],
                "spending": [{"funding_line": cast.line_a.pk, "amount_eur": "veliko"}],
            }
        )
        self.assertIn("“N/A” is not a number", errors[f"indicator:{cast.ind_num.pk}"])
        self.assertIn("“veliko” is not a number", errors[f"spending:{cast.line_a.pk}"])

    def test_it_refuses_negative_money_and_overspending_without_a_note(self) -> None:
        cast = self.cast
        errors = self.refused(
            {
                "spending": [
                    {"funding_line": cast.line_a.pk, "amount_eur": -10},
                    {"funding_line": cast.line_b.pk, "amount_eur": 6000},
                ]
            }
        )
        self.assertIn("cannot be negative", errors[f"spending:{cast.line_a.pk}"])
        self.assertIn("explain the difference in the note", errors[f"spending:{cast.line_b.pk}"])

    def test_it_refuses_values_that_belong_elsewhere(self) -> None:
        cast = self.cast
        errors = self.refused(
            {
                "indicator_values": [{"indicator": cast.ind_m2.pk, "value": 3}],
                "spending": [{"funding_line": cast.other_line.pk, "amount_eur": 3}],
                "risks": [cast.other_risk.pk],
            }
        )
        self.assertIn("belongs to another measure", errors[f"indicator:{cast.ind_m2.pk}"])
        self.assertIn("belongs to another measure", errors[f"spending:{cast.other_line.pk}"])
        self.assertIn("risk of another plan", errors["risks"])

    def test_it_refuses_a_date_outside_the_round_and_a_date_that_is_not_one(self) -> None:
        self.assertIn("outside the round's period", self.refused({"completed_on": "2027-03-01"})["completed_on"])
        self.assertIn("is not a date", self.refused({"completed_on": "lani"})["completed_on"])

    def test_it_refuses_a_number_for_a_qualitative_indicator(self) -> None:
        pk = self.cast.ind_text.pk
        self.assertIn(
            "takes no number", self.refused({"indicator_values": [{"indicator": pk, "value": 4}]})[f"indicator:{pk}"]
        )

    def test_it_requires_a_reason_when_late(self) -> None:
        self.assertIn("needs a reason", self.refused({"implementation_status": "late"})["status_reason"])

    def test_it_requires_the_version(self) -> None:
        response = self.call("PATCH", f"/api/reports/{self.report().pk}", "reporter_msp", {"narrative": "x"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "version")

    def test_a_stale_version_answers_409_with_the_current_one_and_keeps_the_first_save(self) -> None:
        url = f"/api/reports/{self.report().pk}"
        self.ok("PATCH", url, "reporter_msp", {"narrative": "Prvi", "version": 1})
        response = self.call("PATCH", url, "admin", {"narrative": "Drugi", "version": 1})
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["current_version"], 2)
        self.assertIn("Someone else saved this report", response.json()["detail"])
        self.assertEqual(self.report().narrative, "Prvi")

    def test_a_stale_version_wins_over_bad_values(self) -> None:
        url = f"/api/reports/{self.report().pk}"
        self.ok("PATCH", url, "reporter_msp", {"narrative": "Prvi", "version": 1})
        response = self.call(
            "PATCH",
            url,
            "reporter_msp",
            {"version": 1, "indicator_values": [{"indicator": self.cast.ind_num.pk, "value": "N/A"}]},
        )
        self.assertEqual(response.status_code, 409)

    def test_a_submitted_report_answers_409_locked(self) -> None:
        url = f"/api/reports/{self.report().pk}"
        filled = self.ok("PATCH", url, "reporter_msp", {"implementation_status": "not_started", "version": 1})
        self.ok("POST", f"{url}/submit", "reporter_msp")
        response = self.call("PATCH", url, "reporter_msp", {"narrative": "x", "version": filled["version"] + 1})
        self.assertEqual(response.status_code, 409)
        self.assertIn("awaits review", response.json()["detail"])

    def test_null_clears_the_completion_date(self) -> None:
        url = f"/api/reports/{self.report().pk}"
        self.ok("PATCH", url, "reporter_msp", {"completed_on": "2026-05-01", "version": 1})
        data = self.ok("PATCH", url, "reporter_msp", {"completed_on": None, "version": 2})
        self.assertIsNone(data["completed_on"])

    def test_submitting_an_incomplete_report_names_what_is_missing(self) -> None:
        response = self.call("POST", f"/api/reports/{self.report().pk}/submit", "reporter_msp")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "implementation_status")

    def test_returning_without_a_comment_is_refused(self) -> None:
        url = f"/api/reports/{self.report().pk}"
        self.ok("PATCH", url, "reporter_msp", {"implementation_status": "not_started", "version": 1})
        self.ok("POST", f"{url}/submit", "reporter_msp")
        response = self.call("POST", f"{url}/return", "coordinator", {"comment": "  "})
        self.assertEqual((response.status_code, response.json()["errors"][0]["field"]), (422, "comment"))
        self.assertEqual(self.report().status, "submitted")

    def test_approving_a_draft_answers_409(self) -> None:
        response = self.call("POST", f"/api/reports/{self.report().pk}/approve", "coordinator")
        self.assertEqual(response.status_code, 409)
        self.assertIn("cannot be approved", response.json()["detail"])

    def test_the_administrator_names_the_contributing_organisation(self) -> None:
        url = f"/api/reports/{self.report().pk}/contributions"
        response = self.call("POST", url, "admin", {"text": "Prispevek"})
        self.assertIn("Say which organisation contributes", response.json()["errors"][0]["message"])
        data = self.ok("POST", url, "admin", {"text": "Prispevek", "organisation": self.cast.zrsz.pk}, status=201)
        self.assertEqual(data["organisation"], "Zavod RS za zaposlovanje")
        shown = self.ok("GET", f"/api/reports/{self.report().pk}", "reporter_msp")["contributions"]
        self.assertEqual([c["text"] for c in shown], ["Prispevek"])
