"""The report page: fill in and submit (holders), return, approve and reopen (coordinators), evidence and
contributions. Access is asked of izvedba.accounts.access before any service is called: a report the user may
not read is not found (404); one they may read but not change is forbidden (403)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from izvedba.accounts import access
from izvedba.monitoring.forms import CommentForm, ContributionForm, EvidenceForm
from izvedba.monitoring.models import Evidence, Report
from izvedba.monitoring.services import reports as services
from izvedba.monitoring.services.evidence import evidence_add
from izvedba.monitoring.services.reports import ReportConflict, ReportInvalid, ReportLocked
from izvedba.monitoring.views.report_page import (
    AuthenticatedHttpRequest,
    contributing_organisations,
    page_context,
    report_for,
    report_form,
    stored_report,
)

TEMPLATE = "monitoring/report.html"


@login_required
def report(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    report = report_for(request.user, report_id)
    if request.method != "POST":
        return render(request, TEMPLATE, page_context(request, report))
    access.require_fill_report(request.user, report)
    form = report_form(report, stored_report(report), request.POST)
    if not form.is_valid():
        return render(request, TEMPLATE, page_context(request, report, form=form))
    submit = "submit" in request.POST
    try:
        report = services.report_update(
            report=report, user=request.user, changes=form.changes(), version=form.cleaned_data["version"]
        )
    except ReportInvalid as exc:
        form.add_service_errors(exc.errors)
        return render(request, TEMPLATE, page_context(request, report, form=form))
    except ReportConflict as exc:
        return _conflict(request, report, exc)
    except ReportLocked as exc:
        messages.error(request, exc.message)
        return redirect("monitoring:report", report.pk)
    if not submit:
        messages.success(request, _("Draft saved."))
        return redirect("monitoring:report", report.pk)
    return _submit(request, report)


def _submit(request: AuthenticatedHttpRequest, report: Report) -> HttpResponse:
    """Submit a report whose draft was just saved; if it is not complete, say what is missing."""
    try:
        services.report_submit(report=report, user=request.user, version=report.version)
    except ReportInvalid as exc:
        data = request.POST.copy()
        data["version"] = str(report.version)
        form = report_form(report, stored_report(report), data)
        form.is_valid()
        form.add_service_errors(exc.errors)
        messages.warning(request, _("Your changes are saved as a draft, but the report is not submitted yet."))
        return render(request, TEMPLATE, page_context(request, report, form=form))
    except (ReportLocked, ReportConflict) as exc:
        messages.error(request, exc.message)
        return redirect("monitoring:report", report.pk)
    messages.success(request, _("Report submitted for review."))
    return redirect("monitoring:report", report.pk)


def _conflict(request: AuthenticatedHttpRequest, report: Report, exc: ReportConflict) -> HttpResponse:
    """Keep what the person typed, show what the other person saved; saving again is a deliberate overwrite."""
    report.refresh_from_db()
    data = request.POST.copy()
    data["version"] = str(exc.current_version)
    form = report_form(report, stored_report(report), data)
    form.is_valid()
    context = page_context(request, report, form=form, conflict=exc.message)
    return render(request, TEMPLATE, context, status=409)


def _review_with_comment(
    request: AuthenticatedHttpRequest, report_id: int, step: str, act: Callable[..., object], done: str
) -> HttpResponse:
    """Return or reopen: a step a coordinator takes with a required comment."""
    report = report_for(request.user, report_id)
    access.require_review_report(request.user, report)
    form = CommentForm(request.POST, prefix=step)
    if form.is_valid():
        try:
            act(report=report, user=request.user, comment=form.cleaned_data["comment"])
        except ReportInvalid as exc:
            _add_errors(form, exc, "comment")
        except ReportLocked as exc:
            messages.error(request, exc.message)
            return redirect("monitoring:report", report.pk)
        else:
            messages.success(request, done)
            return redirect("monitoring:report", report.pk)
    return render(request, TEMPLATE, page_context(request, report, forms={step: form}))


@require_POST
@login_required
def report_return(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    done = _("Report returned to the reporter with your comment.")
    return _review_with_comment(request, report_id, "return", services.report_return, done)


@require_POST
@login_required
def report_approve(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    report = report_for(request.user, report_id)
    access.require_review_report(request.user, report)
    try:
        services.report_approve(report=report, user=request.user)
    except (ReportLocked, ReportConflict) as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Report approved. Its figures now count in the dashboards."))
    return redirect("monitoring:report", report.pk)


@require_POST
@login_required
def report_reopen(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    done = _("Report reopened: the reporter can change it again.")
    return _review_with_comment(request, report_id, "reopen", services.report_reopen, done)


@require_POST
@login_required
def report_evidence(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    report = report_for(request.user, report_id)
    access.require_fill_report(request.user, report)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            evidence = evidence_add(report=report, user=request.user, upload=form.cleaned_data["file"])
        except ReportInvalid as exc:
            _add_errors(form, exc, "file")
        except ReportLocked as exc:
            messages.error(request, exc.message)
            return redirect("monitoring:report", report.pk)
        else:
            messages.success(request, _("File “%(name)s” attached.") % {"name": evidence.original_name})
            return redirect("monitoring:report", report.pk)
    return render(request, TEMPLATE, page_context(request, report, forms={"evidence": form}))


@login_required
def report_evidence_file(request: AuthenticatedHttpRequest, evidence_id: int) -> FileResponse:
    evidence = get_object_or_404(Evidence.objects.select_related("report"), pk=evidence_id)
    if not access.can_view_report(request.user, evidence.report):
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=evidence.original_name)


@require_POST
@login_required
def report_contribute(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    report = report_for(request.user, report_id)
    access.require_contribute(request.user, report)
    form = ContributionForm(request.POST, organisations=contributing_organisations(request.user, report))
    if form.is_valid():
        try:
            services.contribution_add(
                report=report,
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                text=form.cleaned_data["text"],
            )
        except ReportInvalid as exc:
            _add_errors(form, exc, "text")
        except ReportLocked as exc:
            messages.error(request, exc.message)
            return redirect("monitoring:report", report.pk)
        else:
            messages.success(request, _("Contribution added to the report."))
            return redirect("monitoring:report", report.pk)
    return render(request, TEMPLATE, page_context(request, report, forms={"contribution": form}))


def _add_errors(form: CommentForm | EvidenceForm | ContributionForm, exc: ReportInvalid, default: str) -> None:
    for error in exc.errors:
        form.add_error(error.field if error.field in form.fields else default, error.message)
