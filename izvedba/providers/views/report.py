"""A provider's annual report page: key figures, the checks (before anything is generated), each section with its
narrative (editable by the provider's reporters) and its generated tables; and generating the document, which
queues a background job and sends the user to its progress page. Views never build documents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from izvedba.accounts import access
from izvedba.jobs.services import job_enqueue
from izvedba.providers.services.narrative import NarrativeInvalid, narrative_save
from izvedba.providers.views.forms import DocumentForm, NarrativeForm
from izvedba.providers.views.provider_page import AuthenticatedHttpRequest, provider_for
from izvedba.providers.views.report_page import report_page_context

FIRST_YEAR = 2000


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404


@require_GET
@login_required
def report_page(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    provider = provider_for(request.user, slug)
    _check_year(year)
    return render(request, "providers/report.html", report_page_context(request, provider, year))


@require_POST
@login_required
def narrative_edit(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    provider = provider_for(request.user, slug)
    _check_year(year)
    access.require_edit_provider_report(request.user, provider)
    form = NarrativeForm(request.POST, year=year)
    if form.is_valid():
        data = form.cleaned_data
        try:
            narrative_save(
                provider=provider,
                year=year,
                section=data["section"],
                area=data["area"],
                text=data["text"],
                user=request.user,
            )
        except NarrativeInvalid as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("The text of section %(section)s is saved.") % {"section": data["section"]})
            url = reverse("providers:report", args=[provider.slug, year])
            return redirect(f"{url}#{form.anchor}")
    problems = "; ".join(str(error) for errors in form.errors.values() for error in errors)
    messages.error(request, _("The text was not saved: %(problems)s") % {"problems": problems})
    context = report_page_context(request, provider, year, narrative_form=form)
    return render(request, "providers/report.html", context, status=400)


@require_POST
@login_required
def document_generate(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    provider = provider_for(request.user, slug)
    _check_year(year)
    form = DocumentForm(request.POST)
    if not form.is_valid():
        context = report_page_context(request, provider, year, document_form=form)
        return render(request, "providers/report.html", context, status=400)
    fmt, language = form.cleaned_data["fmt"], form.cleaned_data["language"]
    title = _("Annual report %(year)s, %(provider)s (%(format)s)") % {
        "year": year,
        "provider": provider.organisation.name,
        "format": fmt.upper(),
    }
    job = job_enqueue(
        kind="annual-report",
        params={"provider": provider.pk, "year": year, "fmt": fmt, "language": language},
        user=request.user,
        title=title,
        link=reverse("providers:report", args=[provider.slug, year]),
    )
    return redirect("jobs:detail", job.pk)
