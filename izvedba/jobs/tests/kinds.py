"""Job kinds for the tests: one that works and reports progress, one that refuses, one that crashes."""

from __future__ import annotations

from typing import Any

from izvedba.jobs.models import Job
from izvedba.jobs.registry import JobError, JobResult, Progress, job_kind

SEEN: list[tuple[int, int, str]] = []  # progress as the job's row showed it, read back inside the job


@job_kind("test-echo")
def echo(params: dict[str, Any], progress: Progress) -> JobResult:
    steps = int(params.get("steps", 3))
    for step in range(1, steps + 1):
        progress(step, steps, f"step {step}")
        row = Job.objects.filter(status=Job.Status.RUNNING).values_list(
            "progress_done", "progress_total", "progress_label"
        )
        SEEN.extend(row)
    return str(params["text"]).encode(), "echo result.txt", "text/plain"


@job_kind("test-refuse")
def refuse(params: dict[str, Any], progress: Progress) -> JobResult:
    raise JobError("There are no figures for 1999.")


@job_kind("test-crash")
def crash(params: dict[str, Any], progress: Progress) -> JobResult:
    progress(1, 2, "half way")
    raise RuntimeError("secret internals: /srv/izvedba/var/private.txt for Janez Novak")
