"""Claiming and running jobs. The database is the queue (healthchecks style): a runner takes a queued row with
`UPDATE … SET status='running' WHERE id=… AND status='queued'`; of two runners that saw the same row, only one
UPDATE changes it. Every later write of a run is guarded by the attempt it belongs to, so a runner that was given up
for dead (see `jobs_recover_stale`) cannot overwrite the work of the one that took over."""

from __future__ import annotations

import contextlib
import logging
import time
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext, gettext_noop

from izvedba.jobs.models import Job
from izvedba.jobs.registry import JobError, Progress, UnknownJobKind, kind_function

logger = logging.getLogger(__name__)

Status = Job.Status
PROGRESS_INTERVAL = 0.25  # seconds between progress writes (the last step is always written)
FAILED = gettext_noop("The job failed because of an error on our side. It has been logged; please try again later.")
UNKNOWN = gettext_noop("This kind of job is not known to this version of the site.")
STOPPED = gettext_noop("The job stopped without finishing (its worker was interrupted). Please start it again.")


def job_claim(*, job_id: int | None = None) -> Job | None:
    """Take the oldest queued job (or the given one) for this runner; None when there is none to take."""
    for pk in queued_ids(job_id):
        if take(pk):
            return Job.objects.get(pk=pk)
    return None


def queued_ids(job_id: int | None = None) -> list[int]:
    jobs = Job.objects.filter(status=Status.QUEUED)
    if job_id is not None:
        jobs = jobs.filter(pk=job_id)
    return list(jobs.order_by("created_at", "pk").values_list("pk", flat=True)[:20])


def take(pk: int) -> bool:
    """Mark a queued job running; False when another runner got it first."""
    now = timezone.now()
    changed = Job.objects.filter(pk=pk, status=Status.QUEUED).update(
        status=Status.RUNNING,
        started_at=now,
        heartbeat_at=now,
        attempts=F("attempts") + 1,
        progress_done=0,
        progress_total=0,
        progress_label="",
        error="",
    )
    return changed == 1


def job_run(job: Job) -> Job:
    """Do a claimed job's work in the requester's language, and store its file or a message saying why not."""
    with translation.override(job.language or settings.LANGUAGE_CODE):
        started = time.monotonic()
        try:
            function = kind_function(job.kind)
            with _savepoint():
                data, filename, content_type = function(dict(job.params), reporter(job))
        except JobError as error:
            logger.info("Job %s (%s) refused: %s", job.pk, job.kind, error.message)
            _fail(job, error.message)
        except UnknownJobKind:
            logger.error("Job %s has an unknown kind %r.", job.pk, job.kind)
            _fail(job, gettext(UNKNOWN))
        except Exception:
            logger.exception("Job %s (%s) failed.", job.pk, job.kind)
            _fail(job, gettext(FAILED))
        else:
            _finish(job, data, filename, content_type)
            logger.info("Job %s (%s) done in %.1f s.", job.pk, job.kind, time.monotonic() - started)
    job.refresh_from_db()
    return job


def jobs_run_pending(*, limit: int | None = None) -> list[Job]:
    """Give up on dead runs, then run queued jobs one after another until none is left (or `limit` ran)."""
    jobs_recover_stale()
    done: list[Job] = []
    while limit is None or len(done) < limit:
        job = job_claim()
        if job is None:
            break
        done.append(job_run(job))
    return done


def jobs_recover_stale(*, now: datetime | None = None) -> list[Job]:
    """Running jobs with no sign of life for `IZVEDBA_JOBS_STALE_SECONDS` (their runner died): queued again while
    they have attempts left (`IZVEDBA_JOBS_MAX_ATTEMPTS`), failed otherwise. Returns the jobs changed."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.IZVEDBA_JOBS_STALE_SECONDS)
    changed = []
    for job in Job.objects.filter(status=Status.RUNNING, heartbeat_at__lt=cutoff):
        same_run = Job.objects.filter(pk=job.pk, status=Status.RUNNING, attempts=job.attempts, heartbeat_at__lt=cutoff)
        if job.attempts < settings.IZVEDBA_JOBS_MAX_ATTEMPTS:
            values: dict[str, Any] = {"status": Status.QUEUED, "started_at": None, "heartbeat_at": None}
            logger.warning("Job %s (%s) stopped answering; queued again.", job.pk, job.kind)
        else:
            with translation.override(job.language or settings.LANGUAGE_CODE):
                values = {"status": Status.FAILED, "error": gettext(STOPPED), "finished_at": now}
            logger.warning("Job %s (%s) stopped answering %d times; failed.", job.pk, job.kind, job.attempts)
        if same_run.update(**values):
            job.refresh_from_db()
            changed.append(job)
    return changed


def reporter(job: Job) -> Progress:
    """The `progress(done, total, label)` a job kind calls: written to the row at most every PROGRESS_INTERVAL."""
    last = [0.0]

    def progress(done: int, total: int, label: str) -> None:
        moment = time.monotonic()
        if done < total and moment - last[0] < PROGRESS_INTERVAL:
            return
        last[0] = moment
        _this_run(job).update(
            progress_done=max(0, int(done)),
            progress_total=max(0, int(total)),
            progress_label=str(label)[:300],
            heartbeat_at=timezone.now(),
        )

    return progress


def _this_run(job: Job) -> Any:
    return Job.objects.filter(pk=job.pk, status=Status.RUNNING, attempts=job.attempts)


def _finish(job: Job, data: bytes, filename: str, content_type: str) -> None:
    name = get_valid_filename(filename) or "result"
    field = Job._meta.get_field("result")
    stored = field.storage.save(field.generate_filename(job, name), ContentFile(data))
    now = timezone.now()
    finished = _this_run(job).update(
        status=Status.DONE,
        result=stored,
        filename=name,
        content_type=content_type or "application/octet-stream",
        finished_at=now,
        heartbeat_at=now,
        progress_done=F("progress_total"),
        progress_label="",
    )
    if not finished:
        field.storage.delete(stored)
        logger.warning("Job %s finished after it was given up for dead; its result was dropped.", job.pk)


def _fail(job: Job, message: str) -> None:
    _this_run(job).update(status=Status.FAILED, error=message[:2000], finished_at=timezone.now())


def _savepoint() -> contextlib.AbstractContextManager[Any]:
    """Inside a caller's transaction (the sync backend) a failing job rolls back its own writes only; otherwise
    the job runs in autocommit, so that its progress is visible to others while it runs."""
    if connection.in_atomic_block:
        return transaction.atomic()
    return contextlib.nullcontext()
