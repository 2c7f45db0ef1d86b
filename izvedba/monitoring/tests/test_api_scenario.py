"""A round of monitoring from start to finish, through the API with bearer keys, as the people involved do it."""

from __future__ import annotations

import importlib.util
from typing import Any

from izvedba.history.models import Change
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.services.reports import report_state
from izvedba.monitoring.tests.api_client import ApiCase
from izvedba.monitoring.tests.cast import make_cast, token_for


class MonitoringScenarioTests(ApiCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.keys = {name: token_for(user) for name, user in cls.cast.users.items()}

    def test_a_round_from_opening_to_approval(self) -> None:
        self.run_round()

    def test_the_plans_progress_shows_the_approved_status(self) -> None:
        if importlib.util.find_spec("izvedba.monitoring.api_progress") is None:
            self.skipTest("GET /api/plans/{id}/progress is not there yet")
        round_id, report_id = self.run_round()
        self.check_progress(round_id, report_id)

    def run_round(self) -> tuple[int, int]:
        """Everything the scenario does; returns the round's and MSP's report's ids (the report ends reopened)."""
        cast = self.cast

        # The coordinator opens the 2026 round.
        opened = self.ok(
            "POST",
            f"/api/plans/{cast.plan.pk}/rounds",
            "coordinator",
            {"label": "2026", "period_start": "2026-01-01", "period_end": "2026-12-31", "due_date": "2027-02-28"},
            status=201,
        )
        round_id = opened["id"]
        self.assertEqual((opened["label"], opened["status"]), ("2026", "open"))
        self.assertEqual(opened["reports_by_status"], {"draft": 4})

        # MSP's reporter finds the measure MSP holds.
        listed = self.ok("GET", f"/api/rounds/{round_id}/reports", "reporter_msp")
        by_code = {(r["measure"]["code"], r["measure"]["sub_index"]): r for r in listed}
        self.assertEqual(set(by_code), {("1", 0), ("1", 1), ("3", 0)})
        item = by_code["1", 0]
        self.assertEqual(item["measure"]["holders"], ["MSP"])
        self.assertEqual((item["status"], item["version"]), ("draft", 1))
        url = f"/api/reports/{item['id']}"

        # ... fills it in and submits it.
        filled = self.ok(
            "PATCH",
            url,
            "reporter_msp",
            {
                "implementation_status": "in_progress",
                "narrative": "Storitve tečejo v dveh občinah.",
                "version": 1,
                "indicator_values": [
                    {"indicator": cast.ind_num.pk, "value": "45"},
                    {"indicator": cast.ind_text.pk, "statement": "Mreža je v pripravi."},
                ],
                "spending": [{"funding_line": cast.line_a.pk, "amount_eur": 4200.5}],
                "risks": [cast.risk_a.pk],
            },
        )
        self.assertEqual(filled["version"], 2)
        submitted = self.ok("POST", f"{url}/submit", "reporter_msp", {"version": 2})
        self.assertEqual(submitted["status"], "submitted")

        # The coordinator returns it with a comment.
        returned = self.ok("POST", f"{url}/return", "coordinator", {"comment": "Dopišite, v katerih občinah."})
        self.assertEqual((returned["status"], returned["review_comment"]), ("returned", "Dopišite, v katerih občinah."))

        # The reporter fixes it and submits it again.
        fixed = self.ok(
            "PATCH",
            url,
            "reporter_msp",
            {
                "implementation_status": "in_progress",
                "narrative": "Storitve tečejo v Kopru in Izoli.",
                "version": returned["version"],
            },
        )
        self.ok("POST", f"{url}/submit", "reporter_msp", {"version": fixed["version"]})

        # The coordinator approves it; the report is now read-only.
        approved = self.ok("POST", f"{url}/approve", "coordinator")
        self.assertEqual(approved["status"], "approved")
        self.assertFalse(approved["actions"]["edit"])
        self.assertTrue(approved["actions"]["reopen"])
        values = {v["indicator"]: v for v in approved["indicator_values"]}
        self.assertEqual(values[cast.ind_num.pk]["value"], 45.0)
        self.assertEqual(values[cast.ind_text.pk]["statement"], "Mreža je v pripravi.")
        self.assertEqual(approved["spending"][0]["amount_eur"], 4200.5)
        self.assertEqual([r["id"] for r in approved["risks"]], [cast.risk_a.pk])
        refused = self.call("PATCH", url, "reporter_msp", {"narrative": "Še to", "version": approved["version"]})
        self.assertEqual(refused.status_code, 409)
        self.assertIn("approved and read-only", refused.json()["detail"])

        # The history has every step.
        report = Report.objects.get(pk=item["id"])
        steps = Change.objects.for_object(report).filter(action=Change.Action.TRANSITION).order_by("pk")
        self.assertEqual(
            [(c.user.username if c.user else None, c.changes["status"]["new"]) for c in steps],
            [
                ("reporter_msp", "submitted"),
                ("coordinator", "returned"),
                ("reporter_msp", "submitted"),
                ("coordinator", "approved"),
            ],
        )

        # A viewer reads but cannot write.
        for viewer in ("viewer_plan", "viewer_region"):
            seen = self.ok("GET", url, viewer)
            self.assertEqual(seen["narrative"], "Storitve tečejo v Kopru in Izoli.")
            self.assertFalse(any(seen["actions"].values()))
            self.assertEqual(self.call("POST", f"{url}/reopen", viewer, {"comment": "x"}).status_code, 403)

        # An outsider gets nothing.
        self.assertEqual(self.call("GET", url, "outsider").status_code, 404)
        self.assertEqual(self.call("GET", f"/api/rounds/{round_id}", "outsider").status_code, 404)
        self.assertEqual(self.ok("GET", f"/api/plans/{cast.plan.pk}/rounds", "outsider")["count"], 0)

        # A reporter of another organisation cannot change MSP's report, even a returned one.
        self.ok("POST", f"{url}/reopen", "coordinator", {"comment": "Popravite znesek."})
        before = report_state(Report.objects.get(pk=item["id"]))
        version = Report.objects.get(pk=item["id"]).version
        attempt = self.call("PATCH", url, "reporter_other", {"narrative": "Tuje", "version": version})
        self.assertEqual(attempt.status_code, 404)
        self.assertEqual(self.call("POST", f"{url}/submit", "reporter_other").status_code, 404)
        self.assertEqual(report_state(Report.objects.get(pk=item["id"])), before)
        self.assertEqual(Report.objects.get(pk=item["id"]).version, version)
        return round_id, item["id"]

    def check_progress(self, round_id: int, report_id: int) -> None:
        """The plan's progress shows the approved status for the measure (when the progress endpoint exists)."""
        report = Report.objects.get(pk=report_id)
        # Reopened above: approve again so that the approved figures count.
        self.ok("PATCH", f"/api/reports/{report_id}", "reporter_msp", {"version": report.version, "narrative": "OK"})
        self.ok("POST", f"/api/reports/{report_id}/submit", "reporter_msp")
        self.ok("POST", f"/api/reports/{report_id}/approve", "coordinator")
        progress: dict[str, Any] = self.ok("GET", f"/api/plans/{self.cast.plan.pk}/progress", "coordinator")
        self.assertEqual(progress["by_status"].get("in_progress"), 1)
        measures = {m["id"]: m for m in progress["measures"]}
        self.assertEqual(measures[self.cast.m1.pk]["implementation_status"], "in_progress")
        self.assertTrue(Round.objects.filter(pk=round_id).exists())
