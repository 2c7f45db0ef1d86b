"""`make run` loads this demo: every role has an account, and the 2025 round shows real states."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.test import TestCase

from izvedba.accounts.access import roles_of
from izvedba.demo.monitoring import DEMO_ACCOUNTS
from izvedba.demo.services import DEMO_PASSWORD, demo_load
from izvedba.monitoring.models import Report, Round


class DemoLoadTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda line: None)

    def test_it_has_an_account_for_every_role(self) -> None:
        roles = set()
        for account in DEMO_ACCOUNTS:
            user = authenticate(username=account.username, password=DEMO_PASSWORD)
            self.assertIsNotNone(user, account.username)
            roles.add(account.role)
        self.assertEqual(roles, {"coordinator", "reporter", "viewer"})
        admin = authenticate(username="admin", password=DEMO_PASSWORD)
        self.assertTrue(roles_of(admin).admin)

    def test_it_has_a_completed_published_2025_round_with_late_measures(self) -> None:
        round_ = Round.objects.get(plan__slug="nin-2025-2026", label="2025")
        self.assertEqual(round_.status, Round.Status.CLOSED)
        self.assertIsNotNone(round_.published_at)
        reports = round_.reports.all()
        self.assertEqual(reports.count(), round_.plan.measures.count())
        self.assertFalse(reports.exclude(status=Report.Status.APPROVED).exists())
        self.assertTrue(
            reports.filter(implementation_status=Report.Implementation.LATE).exclude(status_reason="").exists()
        )

    def test_the_public_progress_shows_the_round(self) -> None:
        plan = Round.objects.get(label="2025").plan
        body = self.client.get(f"/api/plans/{plan.pk}/progress").json()
        self.assertGreater(body["by_status"]["late"], 0)
        self.assertGreater(body["by_status"]["completed"], 0)
        self.assertTrue(any(m["deadline_state"] == "overdue" for m in body["measures"]))

    def test_loading_it_again_changes_nothing(self) -> None:
        before = (Round.objects.count(), Report.objects.count())
        lines = demo_load(progress=lambda line: None)
        self.assertEqual((Round.objects.count(), Report.objects.count()), before)
        self.assertIn("Demo round 2025: unchanged.", lines)
