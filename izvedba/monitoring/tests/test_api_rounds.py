"""The round endpoints: opening with good and bad input, listing, closing, publishing and freezing."""

from __future__ import annotations

from typing import Any

from izvedba.history.models import Change
from izvedba.monitoring.models import Report, Round, Snapshot
from izvedba.monitoring.tests.api_client import ApiCase

GOOD = {"label": "2027", "period_start": "2027-01-01", "period_end": "2027-12-31", "due_date": "2028-02-28"}


class OpenRoundTests(ApiCase):
    def post(self, body: dict[str, Any], who: str = "coordinator") -> Any:
        return self.call("POST", f"/api/plans/{self.cast.plan.pk}/rounds", who, body)

    def refused(self, body: dict[str, Any]) -> dict[str, str]:
        rounds = Round.objects.count()
        response = self.post(body)
        self.assertEqual(response.status_code, 422, response.content)
        self.assertEqual(response.json()["detail"], "The round was not opened.")
        self.assertEqual(Round.objects.count(), rounds)
        return {e["field"]: e["message"] for e in response.json()["errors"]}

    def test_it_opens_a_round_with_a_draft_report_per_measure(self) -> None:
        response = self.post(GOOD)
        self.assertEqual(response.status_code, 201, response.content)
        data = response.json()
        round = Round.objects.get(pk=data["id"])
        self.assertEqual((data["label"], data["period_start"], data["due_date"]), ("2027", "2027-01-01", "2028-02-28"))
        self.assertEqual((data["status"], data["published"]), ("open", False))
        self.assertEqual(data["plan"]["id"], self.cast.plan.pk)
        self.assertEqual(round.reports.count(), 4)
        self.assertEqual(round.opened_by, self.cast.coordinator)

    def test_a_year_or_half_year_label_stands_for_the_period(self) -> None:
        data = self.ok(
            "POST",
            f"/api/plans/{self.cast.plan.pk}/rounds",
            "coordinator",
            {"label": "2027-H2", "due_date": "15. 1. 2028"},
            status=201,
        )
        self.assertEqual((data["period_start"], data["period_end"]), ("2027-07-01", "2027-12-31"))
        self.assertEqual(data["due_date"], "2028-01-15")

    def test_it_refuses_a_period_ending_before_it_starts(self) -> None:
        errors = self.refused({**GOOD, "period_start": "2027-12-31", "period_end": "2027-01-01"})
        self.assertIn("before it starts", errors["period_end"])

    def test_it_refuses_a_due_date_before_the_period(self) -> None:
        self.assertIn("before the period starts", self.refused({**GOOD, "due_date": "2026-12-01"})["due_date"])

    def test_it_refuses_a_label_the_plan_already_has(self) -> None:
        self.assertIn("already has a round labelled “2026”", self.refused({**GOOD, "label": "2026"})["label"])

    def test_it_refuses_dates_that_are_not_dates(self) -> None:
        errors = self.refused({**GOOD, "period_start": "31. 2. 2027", "due_date": "kmalu"})
        self.assertIn("not a real date", errors["period_start"])
        self.assertIn("is not a date", errors["due_date"])

    def test_it_asks_for_the_period_when_the_label_does_not_name_one(self) -> None:
        errors = self.refused({"label": "Prvo poročanje", "due_date": "2028-01-01"})
        self.assertIn("first and last day", errors["period_start"])

    def test_an_unknown_plan_answers_404(self) -> None:
        response = self.call("POST", "/api/plans/999999/rounds", "admin", GOOD)
        self.assertEqual(response.status_code, 404)


class ListAndGetRoundTests(ApiCase):
    def test_it_lists_all_rounds_for_a_role_on_the_plan_and_published_ones_for_others(self) -> None:
        url = f"/api/plans/{self.cast.plan.pk}/rounds"
        self.assertEqual(self.ok("GET", url, "viewer_region")["count"], 1)
        self.assertEqual(self.ok("GET", url, "reporter_other")["count"], 1)
        self.assertEqual(self.ok("GET", url, "outsider")["count"], 0)
        self.ok("POST", f"/api/rounds/{self.round.pk}/publish", "coordinator")
        listed = self.ok("GET", url, "outsider")
        self.assertEqual([r["id"] for r in listed["results"]], [self.round.pk])
        self.assertEqual(listed["results"][0]["reports_by_status"], {})

    def test_it_counts_the_reports_the_caller_may_read_by_status(self) -> None:
        self.assertEqual(
            self.ok("GET", f"/api/rounds/{self.round.pk}", "coordinator")["reports_by_status"], {"draft": 4}
        )
        self.assertEqual(
            self.ok("GET", f"/api/rounds/{self.round.pk}", "reporter_other")["reports_by_status"], {"draft": 1}
        )

    def test_it_lists_reports_with_measure_codes_and_holders(self) -> None:
        data = self.ok("GET", f"/api/rounds/{self.round.pk}/reports", "coordinator")
        self.assertEqual(
            [
                (r["measure"]["code"], r["measure"]["sub_index"], r["measure"]["holders"], r["status"], r["version"])
                for r in data
            ],
            [
                ("1", 0, ["MSP"], "draft", 1),
                ("1", 1, ["MSP"], "draft", 1),
                ("2", 0, ["MDDSZ"], "draft", 1),
                ("3", 0, ["MSP"], "draft", 1),
            ],
        )
        response = self.call("GET", f"/api/rounds/{self.round.pk}/reports", "coordinator")
        self.assertEqual(response["X-Total-Count"], "4")

    def test_an_unknown_round_answers_404(self) -> None:
        self.assertEqual(self.call("GET", "/api/rounds/999999", "admin").status_code, 404)
        self.assertEqual(self.call("GET", "/api/rounds/999999/reports", "admin").status_code, 404)


class RoundStepTests(ApiCase):
    def test_the_coordinator_closes_a_round_once(self) -> None:
        url = f"/api/rounds/{self.round.pk}/close"
        self.assertEqual(self.ok("POST", url, "coordinator")["status"], "closed")
        again = self.call("POST", url, "coordinator")
        self.assertEqual((again.status_code, again.json()["detail"]), (409, "This round is already closed."))

    def test_a_closed_round_takes_no_more_submissions(self) -> None:
        report = self.report()
        self.ok(
            "PATCH", f"/api/reports/{report.pk}", "reporter_msp", {"implementation_status": "not_started", "version": 1}
        )
        self.ok("POST", f"/api/rounds/{self.round.pk}/close", "coordinator")
        response = self.call("POST", f"/api/reports/{report.pk}/submit", "reporter_msp")
        self.assertEqual(response.status_code, 409)
        self.assertIn("is closed", response.json()["detail"])
        self.assertEqual(Report.objects.get(pk=report.pk).status, "draft")

    def test_the_coordinator_publishes_a_round_once(self) -> None:
        url = f"/api/rounds/{self.round.pk}/publish"
        data = self.ok("POST", url, "coordinator")
        self.assertTrue(data["published"])
        self.assertEqual(self.call("POST", url, "coordinator").status_code, 409)

    def test_only_coordinators_take_round_steps(self) -> None:
        for step in ("close", "publish", "freeze"):
            for who, status in (("viewer_plan", 403), ("reporter_msp", 403), ("outsider", 404)):
                with self.subTest(step=step, who=who):
                    response = self.call("POST", f"/api/rounds/{self.round.pk}/{step}", who)
                    self.assertEqual(response.status_code, status)
        self.round.refresh_from_db()
        self.assertEqual((self.round.status, self.round.published_at), ("open", None))
        self.assertFalse(Snapshot.objects.exists())

    def test_a_frozen_snapshot_does_not_change_when_reports_do(self) -> None:
        report = self.report()
        self.ok("PATCH", f"/api/reports/{report.pk}", "reporter_msp", {"narrative": "Pred", "version": 1})
        frozen = self.ok("POST", f"/api/rounds/{self.round.pk}/freeze", "coordinator", status=201)
        self.assertEqual(frozen["reports"], 4)
        self.ok("PATCH", f"/api/reports/{report.pk}", "reporter_msp", {"narrative": "Po", "version": 2})
        data = Snapshot.objects.get(pk=frozen["id"]).data
        entry = next(r for r in data["reports"] if r["id"] == report.pk)
        self.assertEqual(entry["narrative"], "Pred")
        self.assertTrue(Change.objects.for_object(self.round).filter(changes__has_key="snapshot").exists())
