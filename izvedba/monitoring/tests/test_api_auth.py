"""How API callers are recognised: bearer keys, the browser session (with CSRF on changes), or nobody."""

from __future__ import annotations

import datetime as dt
import json

from django.test import Client
from django.utils import timezone

from izvedba.accounts.models import ApiToken
from izvedba.monitoring.models import Report
from izvedba.monitoring.tests.api_client import ApiCase
from izvedba.monitoring.tests.cast import bearer

CSRF_SECRET = "k" * 32


class BearerTests(ApiCase):
    def test_a_valid_key_signs_the_caller_in(self) -> None:
        data = self.ok("GET", f"/api/rounds/{self.round.pk}/reports", "coordinator")
        self.assertEqual(len(data), 4)

    def test_a_missing_key_on_a_monitoring_endpoint_answers_401(self) -> None:
        for url in (
            f"/api/rounds/{self.round.pk}",
            f"/api/reports/{self.report().pk}",
            f"/api/plans/{self.cast.plan.pk}/rounds",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 401)
        response = self.client.post(
            f"/api/plans/{self.cast.plan.pk}/rounds", data="{}", content_type="application/json"
        )
        self.assertEqual(response.status_code, 401)

    def test_a_wrong_key_answers_401_even_on_public_endpoints(self) -> None:
        for url in ("/api/plans", f"/api/plans/{self.cast.plan.pk}", f"/api/rounds/{self.round.pk}"):
            with self.subTest(url=url):
                response = self.client.get(url, headers=bearer("izv_not-a-key"))
                self.assertEqual(response.status_code, 401)
                self.assertIn("API key is not valid", response.json()["detail"])
        self.assertEqual(self.client.get("/api/plans", headers={"Authorization": "Bearer "}).status_code, 401)
        self.assertEqual(self.client.get("/api/plans", headers=bearer("no-prefix")).status_code, 401)

    def test_the_public_reads_public_endpoints_without_a_key_and_with_a_good_one(self) -> None:
        self.assertEqual(self.client.get("/api/plans").status_code, 200)
        self.assertEqual(self.client.get("/api/plans", headers=bearer(self.key("outsider"))).status_code, 200)

    def test_the_key_of_an_inactive_user_answers_401(self) -> None:
        self.cast.coordinator.is_active = False
        self.cast.coordinator.save()
        response = self.call("GET", f"/api/rounds/{self.round.pk}", "coordinator")
        self.assertEqual(response.status_code, 401)

    def test_a_deleted_token_no_longer_works(self) -> None:
        key = self.key("coordinator")
        ApiToken.objects.filter(digest=ApiToken.digest_of(key)).delete()
        self.assertEqual(self.call("GET", f"/api/rounds/{self.round.pk}", "coordinator").status_code, 401)

    def test_it_notes_when_a_key_was_last_used_at_most_once_a_minute(self) -> None:
        token = ApiToken.objects.get(digest=ApiToken.digest_of(self.key("coordinator")))
        self.assertIsNone(token.last_used_at)
        self.ok("GET", f"/api/rounds/{self.round.pk}", "coordinator")
        token.refresh_from_db()
        first = token.last_used_at
        assert first is not None
        self.ok("GET", f"/api/rounds/{self.round.pk}", "coordinator")
        token.refresh_from_db()
        self.assertEqual(token.last_used_at, first)
        earlier = timezone.now() - dt.timedelta(minutes=2)
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=earlier)
        self.ok("GET", f"/api/rounds/{self.round.pk}", "coordinator")
        token.refresh_from_db()
        assert token.last_used_at is not None
        self.assertGreater(token.last_used_at, earlier + dt.timedelta(minutes=1))

    def test_a_bearer_call_needs_no_csrf_token(self) -> None:
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            f"/api/reports/{self.report().pk}/contributions",
            data=json.dumps({"text": "Sodelujemo."}),
            content_type="application/json",
            headers=bearer(self.key("reporter_participant")),
        )
        self.assertEqual(response.status_code, 201, response.content)


class SessionTests(ApiCase):
    def setUp(self) -> None:
        super().setUp()
        self.browser = Client(enforce_csrf_checks=True)
        self.browser.force_login(self.cast.reporter_msp)

    def patch(self, headers: dict[str, str]) -> int:
        report = self.report()
        response = self.browser.patch(
            f"/api/reports/{report.pk}",
            data=json.dumps({"narrative": "Iz brskalnika", "version": report.version}),
            content_type="application/json",
            headers=headers,
        )
        return response.status_code

    def test_a_signed_in_browser_reads_without_a_csrf_token(self) -> None:
        response = self.browser.get(f"/api/reports/{self.report().pk}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["measure"]["holders"], ["MSP"])

    def test_a_change_from_the_browser_without_the_csrf_token_is_refused(self) -> None:
        self.assertEqual(self.patch({}), 403)
        self.assertEqual(self.report().narrative, "")
        self.assertEqual(self.report().version, 1)

    def test_a_change_from_the_browser_with_the_csrf_token_goes_through(self) -> None:
        self.browser.cookies["csrftoken"] = CSRF_SECRET
        self.assertEqual(self.patch({"X-CSRFToken": CSRF_SECRET}), 200)
        self.assertEqual(self.report().narrative, "Iz brskalnika")

    def test_a_browser_that_is_not_signed_in_gets_401_not_a_csrf_error(self) -> None:
        browser = Client(enforce_csrf_checks=True)
        response = browser.post(f"/api/reports/{self.report().pk}/submit")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(Report.objects.get(pk=self.report().pk).status, "draft")


class OpenApiTests(ApiCase):
    def test_the_openapi_document_describes_monitoring_with_its_errors_and_security(self) -> None:
        schema = self.client.get("/api/openapi.json").json()
        patch = schema["paths"]["/api/reports/{report_id}"]["patch"]
        self.assertEqual(patch["summary"], "Change a report")
        self.assertTrue({"200", "401", "403", "404", "409", "422"} <= set(patch["responses"]))
        self.assertIn("version", patch["description"])
        self.assertEqual({"BearerToken", "Session"}, {next(iter(s)) for s in patch["security"]})
        opened = schema["paths"]["/api/plans/{plan_id}/rounds"]["post"]
        self.assertIn("201", opened["responses"])
        self.assertIn("Authorization: Bearer", schema["info"]["description"])
        self.assertIn("/api/rounds/{round_id}/freeze", schema["paths"])
