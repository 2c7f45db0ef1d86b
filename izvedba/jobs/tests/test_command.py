"""manage.py run_jobs: the worker backend's runner, for cron (all queued jobs, or --once) and systemd (--loop)."""

from __future__ import annotations

import io
import threading
import time

from django.core.management import call_command
from django.test import TestCase, TransactionTestCase, override_settings

from izvedba.accounts.models import User
from izvedba.jobs import backends
from izvedba.jobs.models import Job
from izvedba.jobs.services import job_enqueue
from izvedba.jobs.tests import kinds
from izvedba.jobs.tests.support import make_user

assert kinds  # registers the test job kinds


@override_settings(IZVEDBA_JOBS_BACKEND="worker")
class RunJobsCommandTests(TestCase):
    user: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.user = make_user("ana")

    def run_jobs(self, *args: str) -> str:
        out = io.StringIO()
        call_command("run_jobs", *args, stdout=out)
        return out.getvalue()

    def test_it_runs_every_queued_job_and_says_so(self) -> None:
        first = job_enqueue(kind="test-echo", params={"text": "a"}, user=self.user)
        second = job_enqueue(kind="test-echo", params={"text": "b"}, user=self.user)
        output = self.run_jobs()
        self.assertIn(f"Job #{first.pk} (test-echo): done", output)
        self.assertIn(f"Job #{second.pk} (test-echo): done", output)
        self.assertEqual(set(Job.objects.values_list("status", flat=True)), {"done"})

    def test_it_runs_one_job_with_once(self) -> None:
        job_enqueue(kind="test-echo", params={"text": "a"}, user=self.user)
        job_enqueue(kind="test-echo", params={"text": "b"}, user=self.user)
        self.run_jobs("--once")
        self.assertEqual(sorted(Job.objects.values_list("status", flat=True)), ["done", "queued"])

    def test_it_says_when_there_is_nothing_to_do(self) -> None:
        self.assertIn("No queued jobs.", self.run_jobs())

    def test_it_reports_a_failed_job_with_its_message(self) -> None:
        job = job_enqueue(kind="test-refuse", params={}, user=self.user)
        self.assertIn(f"Job #{job.pk} (test-refuse): failed in", self.run_jobs())


@override_settings(IZVEDBA_JOBS_BACKEND="thread")
class ThreadBackendTests(TransactionTestCase):
    def test_it_runs_the_job_in_a_background_thread_after_the_commit(self) -> None:
        user = make_user("ana")
        job = job_enqueue(kind="test-echo", params={"text": "from a thread"}, user=user)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.is_finished:
                break
            time.sleep(0.05)
        self.assertEqual(job.status, Job.Status.DONE)
        with job.result.open("rb") as handle:
            self.assertEqual(handle.read(), b"from a thread")
        thread = backends._thread
        if thread is not None:
            thread.join(5)
        self.assertFalse(any(t.name == "izvedba-jobs" and t.is_alive() for t in threading.enumerate()))


class PruneTests(TestCase):
    def test_it_deletes_finished_jobs_older_than_the_given_days_with_their_files(self) -> None:
        import datetime as dt

        from django.utils import timezone

        user = make_user("ana")
        old = job_enqueue(kind="test-echo", params={"text": "old"}, user=user)
        recent = job_enqueue(kind="test-echo", params={"text": "new"}, user=user)
        Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(days=31))
        storage, name = old.result.storage, old.result.name or ""
        out = io.StringIO()
        with override_settings(IZVEDBA_JOBS_BACKEND="worker"):
            call_command("run_jobs", "--prune-days", "30", stdout=out)
        self.assertIn("Deleted 1 finished jobs", out.getvalue())
        self.assertEqual(list(Job.objects.all()), [recent])
        self.assertFalse(storage.exists(name))
