"""Claiming jobs (the database is the queue) and giving up on runs whose runner died."""

from __future__ import annotations

import datetime as dt
from unittest import mock

from django.test import TestCase, override_settings
from django.utils import timezone, translation

from izvedba.accounts.models import User
from izvedba.jobs import runner
from izvedba.jobs.models import Job
from izvedba.jobs.tests import kinds
from izvedba.jobs.tests.support import make_user

assert kinds  # registers the test job kinds

Status = Job.Status


def queued(**values: object) -> Job:
    return Job.objects.create(kind="test-echo", params={"text": "hello"}, **values)


class ClaimTests(TestCase):
    def test_it_gives_a_queued_job_to_one_runner_only(self) -> None:
        job = queued()
        # Two runners both saw the job queued; only the first UPDATE … WHERE status='queued' changes it.
        seen_by_both = runner.queued_ids()
        self.assertEqual(seen_by_both, [job.pk])
        self.assertTrue(runner.take(job.pk))
        self.assertFalse(runner.take(job.pk))
        job.refresh_from_db()
        self.assertEqual((job.status, job.attempts), (Status.RUNNING, 1))

    def test_it_moves_on_when_another_runner_took_the_job_it_saw(self) -> None:
        first, second = queued(), queued()
        with mock.patch.object(runner, "queued_ids", return_value=[first.pk, second.pk]):
            self.assertTrue(runner.take(first.pk))  # the other runner, between looking and taking
            claimed = runner.job_claim()
        self.assertEqual(claimed, second)

    def test_it_takes_the_oldest_queued_job_first(self) -> None:
        first, second = queued(), queued()
        Job.objects.filter(pk=second.pk).update(created_at=first.created_at - dt.timedelta(minutes=1))
        self.assertEqual(runner.job_claim(), second)
        self.assertEqual(runner.job_claim(), first)
        self.assertIsNone(runner.job_claim())

    def test_it_claims_no_finished_or_running_job(self) -> None:
        queued(status=Status.DONE)
        queued(status=Status.FAILED)
        queued(status=Status.RUNNING)
        self.assertIsNone(runner.job_claim())

    def test_it_runs_every_queued_job_once(self) -> None:
        jobs = [queued(), queued()]
        done = runner.jobs_run_pending()
        self.assertEqual([job.pk for job in done], [job.pk for job in jobs])
        self.assertEqual(set(Job.objects.values_list("status", "attempts")), {(Status.DONE, 1)})
        self.assertEqual(runner.jobs_run_pending(), [])


@override_settings(IZVEDBA_JOBS_STALE_SECONDS=600, IZVEDBA_JOBS_MAX_ATTEMPTS=2)
class StaleTests(TestCase):
    user: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.user = make_user("ana")

    def running(self, *, silent_for: int, attempts: int = 1) -> Job:
        moment = timezone.now() - dt.timedelta(seconds=silent_for)
        return queued(status=Status.RUNNING, attempts=attempts, started_at=moment, heartbeat_at=moment)

    def test_it_queues_again_a_job_whose_runner_stopped_answering(self) -> None:
        job = self.running(silent_for=601)
        with self.assertLogs("izvedba.jobs.runner", level="WARNING"):
            self.assertEqual(runner.jobs_recover_stale(), [job])
        job.refresh_from_db()
        self.assertEqual((job.status, job.started_at), (Status.QUEUED, None))

    def test_it_fails_a_job_that_died_on_its_last_attempt(self) -> None:
        job = self.running(silent_for=601, attempts=2)
        with self.assertLogs("izvedba.jobs.runner", level="WARNING"):
            runner.jobs_recover_stale()
        job.refresh_from_db()
        self.assertEqual(job.status, Status.FAILED)
        with translation.override(job.language or "sl"):
            self.assertEqual(job.error, translation.gettext(runner.STOPPED))
        self.assertIsNotNone(job.finished_at)

    def test_it_leaves_a_job_that_reported_progress_recently(self) -> None:
        job = self.running(silent_for=30)
        self.assertEqual(runner.jobs_recover_stale(), [])
        job.refresh_from_db()
        self.assertEqual(job.status, Status.RUNNING)

    def test_it_runs_a_recovered_job_again_and_finishes_it(self) -> None:
        job = self.running(silent_for=601)
        with self.assertLogs("izvedba.jobs.runner", level="WARNING"):
            runner.jobs_run_pending()
        job.refresh_from_db()
        self.assertEqual((job.status, job.attempts), (Status.DONE, 2))

    def test_it_drops_the_result_of_a_runner_given_up_for_dead(self) -> None:
        job = self.running(silent_for=601)
        old_run = Job.objects.get(pk=job.pk)
        with self.assertLogs("izvedba.jobs.runner", level="WARNING"):
            runner.jobs_recover_stale()
        taken_over = runner.job_claim()
        assert taken_over is not None
        with self.assertLogs("izvedba.jobs.runner", level="WARNING"):
            runner._finish(old_run, b"late", "late.txt", "text/plain")  # the old runner finishes after all
        job.refresh_from_db()
        self.assertEqual((job.status, job.attempts, job.filename), (Status.RUNNING, 2, ""))
        runner.job_run(taken_over)
        job.refresh_from_db()
        self.assertEqual((job.status, job.filename), (Status.DONE, "echo_result.txt"))
