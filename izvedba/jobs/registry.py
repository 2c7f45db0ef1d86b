"""The kinds of background job: a name and the function that does the work.

An app declares its kinds in a `job_kinds.py` module, which is imported the first time a kind is looked up:

    @job_kind("annual-report")
    def annual_report(params: dict[str, Any], progress: Progress) -> JobResult:
        ...
        return data, "report.docx", DOCX

The function gets the job's JSON parameters and a `progress(done, total, label)` callable, and returns the file
as bytes with its name and content type. It raises `JobError` with a message for the requester when the input
cannot be used; any other exception is logged with its traceback and shown as a general failure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.module_loading import autodiscover_modules

Progress = Callable[[int, int, str], None]
JobResult = tuple[bytes, str, str]
JobFunction = Callable[[dict[str, Any], Progress], JobResult]

_KINDS: dict[str, JobFunction] = {}
_discovered = False


class JobError(Exception):
    """The job cannot be done for a reason the requester may read (no personal data, no internals)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownJobKind(LookupError):
    pass


def job_kind(name: str) -> Callable[[JobFunction], JobFunction]:
    """Register the decorated function as the job kind `name`."""

    def register(function: JobFunction) -> JobFunction:
        existing = _KINDS.get(name)
        if existing is not None and _path(existing) != _path(function):
            raise ValueError(f"Job kind {name!r} is already registered by {_path(existing)}.")
        _KINDS[name] = function
        return function

    return register


def _path(function: JobFunction) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def discover() -> None:
    """Import every installed app's `job_kinds` module (once)."""
    global _discovered
    if not _discovered:
        autodiscover_modules("job_kinds")
        _discovered = True


def kind_function(name: str) -> JobFunction:
    discover()
    try:
        return _KINDS[name]
    except KeyError:
        raise UnknownJobKind(name) from None


def is_known(name: str) -> bool:
    discover()
    return name in _KINDS
