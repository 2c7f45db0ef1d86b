"""Reads for job pages: a job as its requester sees it, and the JSON its status endpoint returns."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import reverse

from izvedba.accounts import access
from izvedba.jobs.models import Job


def job_for(user: Any, job_id: int) -> Job:
    """The job if the user may see it (who started it, or an administrator); otherwise it does not exist (404)."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or not access.can_view_job(user, job):
        raise Http404
    return job


def job_status_json(job: Job) -> dict[str, Any]:
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "finished": job.is_finished,
        "done": job.progress_done,
        "total": job.progress_total,
        "percent": job.percent,
        "label": job.progress_label,
        "error": job.error if job.status == Job.Status.FAILED else "",
        "download_url": reverse("jobs:download", args=[job.pk]) if job.status == Job.Status.DONE else None,
    }
