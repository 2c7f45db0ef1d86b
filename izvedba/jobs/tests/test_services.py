"""Queuing jobs and running them: results, progress, and failures that tell the requester only what is safe."""

from __future__ import annotations

from unittest import mock

from django.test import TestCase, override_settings

from izvedba.accounts.models import User
from izvedba.jobs import runner
from izvedba.jobs.models import Job
from izvedba.jobs.registry import UnknownJobKind
from izvedba.jobs.services import job_enqueue
from izvedba.jobs.tests import kinds
from izvedba.jobs.tests.support import make_user


class EnqueueTests(TestCase):
    user: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.user = make_user("ana")

    @override_settings(IZVEDBA_JOBS_BACKEND="worker")
    def test_it_queues_a_job_for_a_worker_with_who_asked_and_in_which_language(self) -> None:
        job = job_enqueue(kind="test-echo", params={"text": "hello"}, user=self.user, title="Echo", link="/x/")
        self.assertEqual(job.status, Job.Status.QUEUED)
        self.assertEqual((job.kind, job.params, job.requested_by), ("test-echo", {"text": "hello"}, self.user))
        self.assertEqual((job.title, job.link, job.language), ("Echo", "/x/", "sl"))
        self.assertIsNone(job.started_at)

    def test_it_refuses_an_unknown_kind_and_stores_nothing(self) -> None:
        with self.assertRaises(UnknownJobKind):
            job_enqueue(kind="no-such-kind", params={}, user=self.user)
        self.assertFalse(Job.objects.exists())

    def test_it_refuses_parameters_that_are_not_json_and_stores_nothing(self) -> None:
        with self.assertRaises(TypeError):
            job_enqueue(kind="test-echo", params={"text": object()}, user=self.user)
        self.assertFalse(Job.objects.exists())

    def test_it_runs_the_job_at_once_with_the_sync_backend_and_stores_the_file(self) -> None:
        job = job_enqueue(kind="test-echo", params={"text": "hello"}, user=self.user)
        self.assertEqual(job.status, Job.Status.DONE)
        self.assertEqual((job.filename, job.content_type), ("echo_result.txt", "text/plain"))
        with job.result.open("rb") as handle:
            self.assertEqual(handle.read(), b"hello")
        self.assertEqual(job.attempts, 1)
        self.assertIsNotNone(job.started_at)
        self.assertIsNotNone(job.finished_at)
        self.assertEqual(job.percent, 100)

    @override_settings(IZVEDBA_JOBS_BACKEND="thread")
    def test_it_waits_for_the_commit_before_the_thread_backend_starts(self) -> None:
        with mock.patch("izvedba.jobs.backends.wake") as wake, self.captureOnCommitCallbacks() as callbacks:
            job = job_enqueue(kind="test-echo", params={"text": "hello"}, user=self.user)
            self.assertEqual(job.status, Job.Status.QUEUED)
            wake.assert_not_called()
        self.assertEqual(len(callbacks), 1)
        callbacks[0]()
        wake.assert_called_once()


class ProgressTests(TestCase):
    user: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.user = make_user("ana")

    def setUp(self) -> None:
        kinds.SEEN.clear()

    def test_it_records_each_step_on_the_job_while_it_runs(self) -> None:
        with mock.patch.object(runner, "PROGRESS_INTERVAL", 0):
            job = job_enqueue(kind="test-echo", params={"text": "x", "steps": 3}, user=self.user)
        self.assertEqual(kinds.SEEN, [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")])
        self.assertEqual((job.progress_done, job.progress_total, job.progress_label), (3, 3, ""))

    def test_it_writes_progress_at_most_every_interval_but_always_the_last_step(self) -> None:
        with mock.patch.object(runner, "PROGRESS_INTERVAL", 3600):
            job_enqueue(kind="test-echo", params={"text": "x", "steps": 3}, user=self.user)
        self.assertEqual(kinds.SEEN, [(1, 3, "step 1"), (1, 3, "step 1"), (3, 3, "step 3")])


class FailureTests(TestCase):
    user: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.user = make_user("ana")

    def test_it_stores_a_refusal_with_its_own_message(self) -> None:
        job = job_enqueue(kind="test-refuse", params={}, user=self.user)
        self.assertEqual(job.status, Job.Status.FAILED)
        self.assertEqual(job.error, "There are no figures for 1999.")
        self.assertFalse(job.result)

    def test_it_stores_a_crash_as_a_general_message_and_logs_the_traceback(self) -> None:
        with self.assertLogs("izvedba.jobs.runner", level="ERROR") as logs:
            job = job_enqueue(kind="test-crash", params={}, user=self.user)
        self.assertEqual(job.status, Job.Status.FAILED)
        self.assertNotIn("secret", job.error)
        self.assertNotIn("Janez", job.error)
        self.assertNotIn("Traceback", job.error)
        self.assertIn("error on our side", runner.FAILED)
        self.assertIn("Traceback", logs.output[0])
        self.assertIn("RuntimeError: secret internals", logs.output[0])
        self.assertIsNotNone(job.finished_at)

    def test_it_gives_the_message_in_the_requesters_language(self) -> None:
        from django.utils import translation

        with translation.override("en"), self.assertLogs("izvedba.jobs.runner", level="ERROR"):
            job = job_enqueue(kind="test-crash", params={}, user=self.user)
        self.assertEqual(job.language, "en")
        self.assertEqual(job.error, runner.FAILED)

    def test_it_fails_a_job_whose_kind_this_version_does_not_know(self) -> None:
        job = Job.objects.create(kind="retired-kind", params={}, requested_by=self.user, language="en")
        with self.assertLogs("izvedba.jobs.runner", level="ERROR"):
            runner.jobs_run_pending()
        job.refresh_from_db()
        self.assertEqual(job.status, Job.Status.FAILED)
        self.assertIn("not known", job.error)
