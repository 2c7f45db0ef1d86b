"""A job's page, status and file: for the user who started it and for administrators; nobody else finds it."""

from __future__ import annotations

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from izvedba.accounts.models import User
from izvedba.jobs.models import Job
from izvedba.jobs.services import job_enqueue
from izvedba.jobs.tests import kinds
from izvedba.jobs.tests.support import PASSWORD, make_user

assert kinds  # registers the test job kinds


class JobViewTests(TestCase):
    owner: User
    other: User
    admin: User
    done: Job
    waiting: Job

    @classmethod
    def setUpTestData(cls) -> None:
        cls.owner = make_user("owner")
        cls.other = make_user("other")
        cls.admin = make_user("admin", admin=True)
        cls.done = job_enqueue(kind="test-echo", params={"text": "hello"}, user=cls.owner, title="Echo", link="/")
        with override_settings(IZVEDBA_JOBS_BACKEND="worker"):
            cls.waiting = job_enqueue(kind="test-echo", params={"text": "later"}, user=cls.owner, title="Later")

    def setUp(self) -> None:
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)
        self.client.cookies["django_language"] = "en"

    def log_in(self, user: User) -> None:
        self.client.login(username=user.username, password=PASSWORD)

    def url(self, name: str, job: Job) -> str:
        return reverse(f"jobs:{name}", args=[job.pk])

    def test_it_shows_a_finished_job_with_its_download(self) -> None:
        self.log_in(self.owner)
        response = self.client.get(self.url("detail", self.done))
        self.assertContains(response, "Echo")
        self.assertContains(response, 'data-job-status="done"')
        self.assertContains(response, self.url("download", self.done))
        self.assertNotContains(response, 'http-equiv="refresh"')

    def test_it_shows_a_waiting_job_with_a_progress_bar_that_refreshes_without_javascript(self) -> None:
        self.log_in(self.owner)
        with override_settings(IZVEDBA_JOBS_BACKEND="worker"):
            response = self.client.get(self.url("detail", self.waiting))
        self.assertContains(response, 'data-job-status="queued"')
        self.assertContains(response, "<progress")
        self.assertContains(response, '<noscript><meta http-equiv="refresh" content="2"></noscript>', html=False)
        self.assertContains(response, "jobs/status.js")

    def test_it_gives_the_status_as_json(self) -> None:
        self.log_in(self.owner)
        data = self.client.get(self.url("status", self.done)).json()
        self.assertEqual(data["status"], "done")
        self.assertTrue(data["finished"])
        self.assertEqual(data["percent"], 100)
        self.assertEqual(data["download_url"], self.url("download", self.done))
        waiting = self.client.get(self.url("status", self.waiting)).json()
        self.assertEqual((waiting["status"], waiting["finished"], waiting["download_url"]), ("queued", False, None))

    def test_it_downloads_the_file_as_an_attachment(self) -> None:
        self.log_in(self.owner)
        response = self.client.get(self.url("download", self.done))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"hello")  # type: ignore[attr-defined]
        self.assertEqual(response["Content-Type"], "text/plain")
        self.assertIn('attachment; filename="echo_result.txt"', response["Content-Disposition"])

    def test_it_has_nothing_to_download_before_the_job_is_done(self) -> None:
        self.log_in(self.owner)
        self.assertEqual(self.client.get(self.url("download", self.waiting)).status_code, 404)

    def test_it_lets_an_administrator_see_and_download_anyones_job(self) -> None:
        self.log_in(self.admin)
        self.assertEqual(self.client.get(self.url("detail", self.done)).status_code, 200)
        self.assertEqual(self.client.get(self.url("download", self.done)).status_code, 200)

    def test_it_hides_a_job_from_other_users(self) -> None:
        self.log_in(self.other)
        for name in ("detail", "status", "download"):
            with self.subTest(name):
                self.assertEqual(self.client.get(self.url(name, self.done)).status_code, 404)

    def test_it_sends_anonymous_visitors_to_log_in(self) -> None:
        for name in ("detail", "status", "download"):
            with self.subTest(name):
                response = self.client.get(self.url(name, self.done))
                self.assertEqual(response.status_code, 302)
                self.assertIn(reverse("login"), response["Location"])

    def test_it_does_not_find_a_job_that_does_not_exist(self) -> None:
        self.log_in(self.admin)
        self.assertEqual(self.client.get(reverse("jobs:detail", args=[999999])).status_code, 404)

    def test_it_shows_a_failure_without_internals(self) -> None:
        with self.assertLogs("izvedba.jobs.runner", level="ERROR"):
            job = job_enqueue(kind="test-crash", params={}, user=self.owner)
        self.log_in(self.owner)
        response = self.client.get(self.url("detail", job))
        self.assertContains(response, "error on our side")
        self.assertNotContains(response, "secret")
