"""Jobs in the admin: administrators look them up and queue failed ones again."""

from __future__ import annotations

from django.test import TestCase, override_settings
from django.urls import reverse

from izvedba.jobs.models import Job
from izvedba.jobs.services import job_enqueue
from izvedba.jobs.tests import kinds
from izvedba.jobs.tests.support import PASSWORD, make_user

assert kinds  # registers the test job kinds


@override_settings(IZVEDBA_JOBS_BACKEND="worker")
class JobAdminTests(TestCase):
    def setUp(self) -> None:
        self.admin = make_user("admin", admin=True)
        self.admin.is_staff = True
        self.admin.save()
        self.client.login(username="admin", password=PASSWORD)

    def test_it_lists_the_jobs(self) -> None:
        job_enqueue(kind="test-echo", params={"text": "x"}, user=self.admin, title="Echo for the admin")
        response = self.client.get(reverse("admin:jobs_job_changelist"))
        self.assertContains(response, "Echo for the admin")

    def test_it_queues_failed_jobs_again(self) -> None:
        failed = Job.objects.create(kind="test-echo", params={"text": "x"}, status=Job.Status.FAILED, error="boom")
        done = Job.objects.create(kind="test-echo", params={"text": "x"}, status=Job.Status.DONE)
        self.client.post(
            reverse("admin:jobs_job_changelist"),
            {"action": "queue_again", "_selected_action": [failed.pk, done.pk]},
        )
        failed.refresh_from_db()
        done.refresh_from_db()
        self.assertEqual((failed.status, failed.error, done.status), (Job.Status.QUEUED, "", Job.Status.DONE))
