"""Generating a regional summary or a monitoring report: check access and input, queue a `document` job and
redirect to its progress page. Views never build documents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from izvedba.accounts import access
from izvedba.jobs.selectors import job_for
from izvedba.jobs.services import job_enqueue
from izvedba.monitoring.models import Round
from izvedba.plans.models import Plan
from izvedba.publications.models import PublishedDocument
from izvedba.publications.publishing import PublishError, document_publish, document_withdraw
from izvedba.publications.services import LANGUAGES
from izvedba.rendering.output import FORMATS


def _choice(request: HttpRequest, back: str) -> tuple[str, str] | None:
    fmt, language = request.POST.get("fmt", ""), request.POST.get("language", "sl")
    if fmt not in FORMATS or language not in LANGUAGES:
        messages.error(
            request,
            _("Choose the format (%(formats)s) and the language (%(languages)s) of the document.")
            % {"formats": ", ".join(f.upper() for f in FORMATS), "languages": ", ".join(LANGUAGES)},
        )
        return None
    return fmt, language


@require_POST
@login_required
def regional_summary_generate(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Anyone signed in may generate a regional plan's summary: plans are public documents."""
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None or not access.can_read_plans(request.user):
        raise Http404
    back = reverse("plans:detail", args=[plan.pk])
    if plan.kind != Plan.Kind.REGIONAL:
        messages.error(request, _("A regional summary is made of a regional plan only."))
        return redirect(back)
    choice = _choice(request, back)
    if choice is None:
        return redirect(back)
    fmt, language = choice
    job = job_enqueue(
        kind="document",
        params={"kind": "regional-summary", "plan": plan.pk, "fmt": fmt, "language": language},
        user=request.user,  # type: ignore[arg-type]
        title=_("Regional summary, %(plan)s (%(format)s)") % {"plan": plan.title[:200], "format": fmt.upper()},
        link=back,
    )
    return redirect("jobs:detail", job.pk)


@require_POST
@login_required
def monitoring_report_generate(request: HttpRequest, round_id: int) -> HttpResponse:
    """Those who may see the plan's monitoring, or anyone signed in once the round is published."""
    round_ = Round.objects.select_related("plan").filter(pk=round_id).first()
    if round_ is None:
        raise Http404
    monitors = access.can_view_monitoring(request.user, round_.plan)
    if not monitors and round_.published_at is None:
        raise Http404
    back = reverse("monitoring:round", args=[round_.pk])
    choice = _choice(request, back)
    if choice is None:
        return redirect(back)
    fmt, language = choice
    job = job_enqueue(
        kind="document",
        params={
            "kind": "monitoring-report",
            "plan": round_.plan_id,
            "round": round_.pk,
            "fmt": fmt,
            "language": language,
            "published_only": not monitors,
        },
        user=request.user,  # type: ignore[arg-type]
        title=_("Monitoring report %(round)s, %(plan)s (%(format)s)")
        % {"round": round_.label, "plan": round_.plan.title[:200], "format": fmt.upper()},
        link=back,
    )
    return redirect("jobs:detail", job.pk)


@require_POST
@login_required
def document_publish_view(request: HttpRequest, job_id: int) -> HttpResponse:
    """Publish a finished document job's file on the public portal (coordinators of its plan only: else 403)."""
    job = job_for(request.user, job_id)
    try:
        document = document_publish(job=job, user=request.user)
    except PublishError as error:
        messages.error(request, str(error))
        return redirect("jobs:detail", job.pk)
    messages.success(request, _("The document is published on the public portal."))
    return redirect(reverse("portal:plan", args=[document.plan.slug]) + "#documents-title")


@require_POST
@login_required
def document_withdraw_view(request: HttpRequest, document_id: int) -> HttpResponse:
    """Withdraw a published document from the public portal (coordinators of its plan only: else 403)."""
    document = get_object_or_404(PublishedDocument.objects.select_related("plan"), pk=document_id)
    try:
        document_withdraw(document=document, user=request.user)
    except PublishError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The document is withdrawn from the public portal."))
    return redirect(reverse("portal:plan", args=[document.plan.slug]) + "#documents-title")


@require_GET
def published_document_download(request: HttpRequest, document_id: int) -> FileResponse:
    """A published document's file, for anyone; withdrawn or unknown documents do not exist."""
    document = get_object_or_404(PublishedDocument, pk=document_id, withdrawn_at__isnull=True)
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename, content_type=document.content_type
    )
