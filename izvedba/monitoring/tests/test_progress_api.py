"""GET /api/plans/{id}/progress: the dashboard's figures, with the same access rules (counted rounds)."""

from __future__ import annotations

from typing import Any

from django.test import TestCase

from izvedba.monitoring.tests.cast import Cast, bearer, make_cast, token_for
from izvedba.monitoring.tests.progress_data import History, make_history


class ProgressApiTests(TestCase):
    cast: Cast
    history: History

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.history = make_history(cls.cast)

    def url(self, plan_id: int | None = None) -> str:
        return f"/api/plans/{plan_id or self.cast.plan.pk}/progress"

    def get(self, **headers: str) -> dict[str, Any]:
        response = self.client.get(self.url(), headers=headers)
        self.assertEqual(response.status_code, 200, response.content)
        body: dict[str, Any] = response.json()
        return body

    def test_it_shows_anonymous_callers_the_figures_of_published_rounds_only(self) -> None:
        body = self.get()
        self.assertEqual([r["label"] for r in body["rounds_counted"]], ["2025"])
        self.assertEqual(
            body["by_status"],
            {"not_started": 0, "in_progress": 1, "completed": 1, "late": 1, "abandoned": 0, "not_reported": 1},
        )
        self.assertEqual(body["money"]["spent_eur"], 1500)

    def test_it_shows_a_viewer_every_round(self) -> None:
        body = self.get(**bearer(token_for(self.cast.viewer_plan)))
        self.assertEqual([r["label"] for r in body["rounds_counted"]], ["2025", "2026"])
        self.assertEqual(body["latest_round"]["label"], "2026")
        self.assertEqual(body["by_status"]["not_reported"], 2)
        self.assertEqual(body["by_status"]["abandoned"], 1)

    def test_it_shows_a_signed_in_coordinator_every_round(self) -> None:
        self.client.force_login(self.cast.coordinator)
        self.assertEqual(len(self.get()["rounds_counted"]), 2)

    def test_it_shows_a_reporter_the_public_figures(self) -> None:
        body = self.get(**bearer(token_for(self.cast.reporter_msp)))
        self.assertEqual([r["label"] for r in body["rounds_counted"]], ["2025"])

    def test_it_refuses_a_bad_token(self) -> None:
        response = self.client.get(self.url(), headers=bearer("izv_not-a-key"))
        self.assertEqual(response.status_code, 401)
        self.assertIn("API key is not valid", response.json()["detail"])

    def test_it_says_which_plan_does_not_exist(self) -> None:
        response = self.client.get(self.url(999_999))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json(), {"detail": "There is no plan with id 999999."})

    def test_it_gives_each_measure_its_status_deadline_state_and_indicators(self) -> None:
        c = self.cast
        measures = {m["id"]: m for m in self.get(**bearer(token_for(c.viewer_plan)))["measures"]}
        self.assertEqual(list(measures), [c.m1.pk, c.m1_sub.pk, c.m2.pk, c.m3.pk])
        m2 = measures[c.m2.pk]
        self.assertEqual((m2["code"], m2["goal"], m2["implementation_status"]), ("2", 2, "not_reported"))
        self.assertEqual((m2["deadline_state"], m2["deadline"]["state"]), ("overdue", "overdue"))
        self.assertEqual(m2["deadline"]["due_on"], "2025-12-31")
        self.assertIsInstance(m2["deadline"]["days"], int)
        self.assertEqual(m2["reason"], "Zamuda pri javnem naročilu.")
        sub = measures[c.m1_sub.pk]
        self.assertEqual((sub["parent_code"], sub["sub_index"], sub["deadline"]["state"]), ("1", 1, "done"))
        indicator = measures[c.m1.pk]["indicators"][0]
        self.assertEqual(indicator["id"], c.ind_num.pk)
        self.assertEqual((indicator["baseline_value"], indicator["current_value"]), (40, 70))
        self.assertEqual((indicator["progress_share"], indicator["rating"]), (0.5, "on_track"))

    def test_it_sums_up_goals_money_and_the_overdue(self) -> None:
        c = self.cast
        body = self.get(**bearer(token_for(c.viewer_plan)))
        self.assertEqual([g["number"] for g in body["goals"]], [1, 2, None])
        self.assertEqual([(y["year"], y["planned_eur"], y["spent_eur"]) for y in body["money"]["years"]],
                         [(2025, 0, 1500), (2026, 12000, 2000.5)])  # fmt: skip
        (source,) = body["money"]["by_source"]
        self.assertEqual((source["source"], source["planned_eur"]), ("Proračun RS (test)", 17000))
        self.assertEqual([(o["id"], o["due_on"]) for o in body["overdue"]], [(c.m2.pk, "2025-12-31")])
        self.assertEqual(body["indicators_off_track"], [])

    def test_it_is_documented_in_the_openapi_schema(self) -> None:
        schema = self.client.get("/api/openapi.json").json()
        operation = schema["paths"]["/api/plans/{plan_id}/progress"]["get"]
        self.assertEqual(operation["summary"], "Get a plan's progress")
        self.assertEqual(set(operation["responses"]), {"200", "401", "404"})
        out = schema["components"]["schemas"]["ProgressOut"]["properties"]
        self.assertIn("the published ones for everyone else", out["rounds_counted"]["description"])
        state = schema["components"]["schemas"]["DeadlineStateOut"]["properties"]["state"]
        self.assertEqual(state["enum"], ["done", "due", "overdue", "none"])
