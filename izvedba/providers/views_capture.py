"""Capture pages: a provider's figures for a year, per section, entered in form grids or through the section's XLSX
template. Reporters of the provider (and administrators) only; a provider one may not read is not there (404), one
may read but not edit is refused (403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from izvedba.accounts import access
from izvedba.accounts.models import User
from izvedba.providers.forms import GridForm, SectionUploadForm
from izvedba.providers.models import Provider
from izvedba.providers.selectors import provider_by_slug
from izvedba.providers.xlsx.data import section_grids
from izvedba.providers.xlsx.export import workbook_bytes
from izvedba.providers.xlsx.grid import CaptureError, SectionGrids
from izvedba.providers.xlsx.sections import Section, all_sections, section_by_code
from izvedba.providers.xlsx.services import CaptureRejected, CaptureResult, section_cells_save, section_xlsx_import

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIRST_YEAR, LAST_YEAR = 1990, 2100


class AuthenticatedHttpRequest(HttpRequest):
    user: User


def editable_provider(user: Any, slug: str, year: int) -> Provider:
    provider = provider_by_slug(slug)
    if provider is None or not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    access.require_view_provider_report(user, provider)
    access.require_edit_provider_report(user, provider)
    return provider


def section_or_404(code: str) -> Section:
    section = section_by_code(code)
    if section is None:
        raise Http404
    return section


@require_GET
@login_required
def capture_index(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    provider = editable_provider(request.user, slug, year)
    context = {"provider": provider, "year": year, "sections": all_sections()}
    return render(request, "providers/capture/index.html", context)


@login_required
def capture_section(request: AuthenticatedHttpRequest, slug: str, year: int, section: str) -> HttpResponse:
    """The section's grids; a POST saves one of them (named by `indicator`), all its cells or none."""
    provider = editable_provider(request.user, slug, year)
    chosen = section_or_404(section)
    grids = section_grids(provider=provider, year=year, section=chosen)
    bound: GridForm | None = None
    if request.method == "POST":
        grid = grids.grid(request.POST.get("indicator", ""))
        if grid is None:
            return HttpResponseBadRequest(_("The form does not say which figure it saves."))
        bound = GridForm(grid, data=request.POST)
        if bound.is_valid():
            try:
                result = section_cells_save(
                    provider=provider, year=year, section=chosen, cells=bound.cell_inputs(), user=request.user
                )
            except CaptureRejected as rejected:
                bound.add_capture_errors(rejected.errors)
            else:
                messages.success(request, saved_message(result))
                return redirect(section_url(provider, year, chosen) + f"#grid-{grid.indicator}")
    return render_section(request, provider, grids, bound=bound)


@require_GET
@login_required
def xlsx_export(request: AuthenticatedHttpRequest, slug: str, year: int, section: str) -> HttpResponse:
    provider = editable_provider(request.user, slug, year)
    grids = section_grids(provider=provider, year=year, section=section_or_404(section))
    response = HttpResponse(workbook_bytes(grids, generated_at=timezone.localtime()), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{provider.slug}-{year}-{grids.section}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def xlsx_import(request: AuthenticatedHttpRequest, slug: str, year: int, section: str) -> HttpResponse:
    provider = editable_provider(request.user, slug, year)
    chosen = section_or_404(section)
    form = SectionUploadForm(request.POST, request.FILES)
    errors: list[CaptureError] = []
    if form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            result = section_xlsx_import(
                provider=provider, year=year, section=chosen.code, data=data, user=request.user
            )
        except CaptureRejected as rejected:
            errors = rejected.errors
        else:
            messages.success(request, saved_message(result))
            return redirect(section_url(provider, year, chosen))
    grids = section_grids(provider=provider, year=year, section=chosen)
    return render_section(request, provider, grids, upload=form, upload_errors=errors)


def render_section(
    request: AuthenticatedHttpRequest,
    provider: Provider,
    grids: SectionGrids,
    *,
    bound: GridForm | None = None,
    upload: SectionUploadForm | None = None,
    upload_errors: list[CaptureError] | None = None,
) -> HttpResponse:
    forms = [bound if bound is not None and bound.grid.indicator == g.indicator else GridForm(g) for g in grids.grids]
    errors = upload_errors or []
    context = {
        "provider": provider,
        "year": grids.year,
        "grids": grids,
        "section": section_by_code(grids.section),
        "sections": all_sections(),
        "forms": forms,
        "upload": upload or SectionUploadForm(),
        "file_errors": [e for e in errors if not e.cell],
        "cell_errors": [e for e in errors if e.cell],
    }
    return render(request, "providers/capture/section.html", context)


def section_url(provider: Provider, year: int, section: Section) -> str:
    return reverse("providers:capture_section", args=[provider.slug, year, section.code])


def saved_message(result: CaptureResult) -> str:
    if not result.changed:
        return _("Nothing changed: the figures are the same as those stored.")
    return _("Saved: %(created)d new, %(updated)d changed and %(removed)d removed figures.") % {
        "created": result.created,
        "updated": result.updated,
        "removed": result.removed,
    }
