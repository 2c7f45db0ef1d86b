"""Where queued jobs run, chosen by `IZVEDBA_JOBS_BACKEND`:

- `thread` (default): in a background thread of the web process, started when the request's transaction commits
  (good for `make run`; a restart leaves running jobs behind, which the stale-job rule picks up again);
- `worker`: nowhere here; `manage.py run_jobs --loop` (or a cron job / systemd timer running `run_jobs`) does them;
- `sync`: at once, inside the caller (the test suite).
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction

from izvedba.jobs import runner
from izvedba.jobs.models import Job

logger = logging.getLogger(__name__)

BACKENDS = ("thread", "worker", "sync")


def backend_name() -> str:
    name = str(getattr(settings, "IZVEDBA_JOBS_BACKEND", "thread"))
    if name not in BACKENDS:
        raise ImproperlyConfigured(f"IZVEDBA_JOBS_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}.")
    return name


def dispatch(job: Job) -> None:
    """Hand a just-queued job to the backend."""
    name = backend_name()
    if name == "sync":
        claimed = runner.job_claim(job_id=job.pk)
        if claimed is not None:
            runner.job_run(claimed)
    elif name == "thread":
        transaction.on_commit(wake)


def ensure_running() -> None:
    """Make sure queued jobs will be picked up (a page waiting for a job calls this; cheap when all is well)."""
    if backend_name() == "thread":
        wake()


# --- the thread backend: one drainer thread per process -----------------------------------------------------

_lock = threading.Lock()
_wanted = threading.Event()
_thread: threading.Thread | None = None


def wake() -> None:
    """Ask the drainer thread to look at the queue, starting it if it is not running."""
    global _thread
    with _lock:
        _wanted.set()
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_drain, name="izvedba-jobs", daemon=True)
            _thread.start()


def _drain() -> None:
    """The drainer thread: run queued jobs until there are none and nobody asked again meanwhile."""
    try:
        drain_until_quiet()
    except Exception:
        logger.exception("The background job thread stopped; queued jobs wait for the next request.")
        _forget_thread()
    finally:
        connections.close_all()


def drain_until_quiet() -> None:
    global _thread
    while True:
        _wanted.clear()
        runner.jobs_run_pending()
        with _lock:
            if not _wanted.is_set():
                _thread = None
                return


def _forget_thread() -> None:
    global _thread
    with _lock:
        _thread = None
