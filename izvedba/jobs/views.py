"""A job's page (status and progress, refreshing itself), its JSON status and its file. Only the user who started
a job, or an administrator, sees it; for anyone else it does not exist."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from izvedba.jobs import backends
from izvedba.jobs.models import Job
from izvedba.jobs.selectors import job_for, job_status_json

REFRESH_SECONDS = 2


@require_GET
@never_cache
@login_required
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = job_for(request.user, job_id)
    if not job.is_finished:
        backends.ensure_running()
    return render(request, "jobs/job.html", {"job": job, "refresh_seconds": REFRESH_SECONDS})


@require_GET
@never_cache
@login_required
def job_status(request: HttpRequest, job_id: int) -> JsonResponse:
    return JsonResponse(job_status_json(job_for(request.user, job_id)))


@require_GET
@login_required
def job_download(request: HttpRequest, job_id: int) -> FileResponse:
    job = job_for(request.user, job_id)
    if job.status != Job.Status.DONE or not job.result:
        raise Http404
    response = FileResponse(
        job.result.open("rb"), as_attachment=True, filename=job.filename, content_type=job.content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response
