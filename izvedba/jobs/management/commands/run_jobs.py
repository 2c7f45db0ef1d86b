"""Run queued background jobs: `manage.py run_jobs` does every queued job and exits (for cron or a systemd timer),
`--once` does at most one, `--loop` keeps waiting for new ones (a systemd service; stops cleanly on SIGTERM).
`--prune-days N` first deletes finished jobs older than N days with their files."""

from __future__ import annotations

import signal
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from izvedba.jobs.models import Job
from izvedba.jobs.runner import jobs_run_pending
from izvedba.jobs.services import jobs_prune


class Command(BaseCommand):
    help = "Run queued background jobs (documents). With IZVEDBA_JOBS_BACKEND=worker this is what runs them."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--once", action="store_true", help="Run at most one job, then exit.")
        group.add_argument("--loop", action="store_true", help="Keep running, waiting for new jobs.")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="With --loop: seconds to wait when the queue is empty."
        )
        parser.add_argument(
            "--prune-days",
            type=int,
            metavar="DAYS",
            help="First delete finished jobs (and their files) older than DAYS days.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interval"] <= 0:
            self.stderr.write("--interval must be a positive number of seconds.")
            raise SystemExit(2)
        if options["prune_days"] is not None:
            if options["prune_days"] < 0:
                self.stderr.write("--prune-days must be 0 or more days.")
                raise SystemExit(2)
            self.stdout.write(f"Deleted {jobs_prune(days=options['prune_days'])} finished jobs and their files.")
        if not options["loop"]:
            self._report(jobs_run_pending(limit=1 if options["once"] else None), quiet_when_none=False)
            return
        self._stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        self.stdout.write(f"Waiting for jobs (every {options['interval']:g} s; Ctrl+C or SIGTERM stops).")
        while not self._stopping:
            close_old_connections()
            ran = jobs_run_pending(limit=1)
            self._report(ran, quiet_when_none=True)
            if not ran:
                self._sleep(options["interval"])
        self.stdout.write("Stopped.")

    def _report(self, jobs: list[Job], *, quiet_when_none: bool) -> None:
        if not jobs and not quiet_when_none:
            self.stdout.write("No queued jobs.")
        for job in jobs:
            seconds = (job.finished_at - job.started_at).total_seconds() if job.finished_at and job.started_at else 0
            line = f"Job #{job.pk} ({job.kind}): {job.status} in {seconds:.1f} s"
            self.stdout.write(line + (f" – {job.error}" if job.error else ""))

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self._stopping and time.monotonic() < end:
            time.sleep(min(0.2, seconds))
