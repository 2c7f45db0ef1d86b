"""Starting background jobs. The work itself is done by a runner (`izvedba.jobs.runner`), in the web process or a
worker as `IZVEDBA_JOBS_BACKEND` says (`izvedba.jobs.backends`)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone, translation

from izvedba.accounts.models import User
from izvedba.jobs import backends
from izvedba.jobs.models import Job
from izvedba.jobs.registry import UnknownJobKind, is_known


def job_enqueue(*, kind: str, params: dict[str, Any], user: User | None, title: str = "", link: str = "") -> Job:
    """Queue a job of a registered kind for `user` and hand it to the configured backend.

    `params` must be JSON (ids and plain values, never objects); `title` and `link` say on the job's page what it
    is and where it was started from. Messages and progress labels use the language active now."""
    if not is_known(kind):
        raise UnknownJobKind(kind)
    if link and not link.startswith("/"):
        raise ValueError(f"A job's link is a path on this site (starting with /), not {link!r}.")
    json.dumps(params)  # TypeError here rather than a half-saved row
    job = Job.objects.create(
        kind=kind,
        params=params,
        title=title[:300],
        link=link[:300],
        language=translation.get_language() or settings.LANGUAGE_CODE,
        requested_by=user if user is not None and user.is_authenticated else None,
    )
    backends.dispatch(job)
    job.refresh_from_db()
    return job


def jobs_prune(*, days: int) -> int:
    """Delete finished jobs older than `days` days, with their files; returns how many."""
    cutoff = timezone.now() - timedelta(days=days)
    old = Job.objects.filter(status__in=(Job.Status.DONE, Job.Status.FAILED), finished_at__lt=cutoff)
    count = 0
    for job in old.iterator():
        if job.result:
            job.result.delete(save=False)
        job.delete()
        count += 1
    return count
