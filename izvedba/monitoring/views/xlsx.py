"""A round as a spreadsheet: download it (the reports the user may read), fill it in, upload it back."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from izvedba.accounts import access
from izvedba.monitoring.models import Round
from izvedba.monitoring.services.xlsx_import import round_xlsx_import
from izvedba.monitoring.views.report_page import AuthenticatedHttpRequest
from izvedba.monitoring.xlsx import layout
from izvedba.monitoring.xlsx.data import export_reports, round_export_data
from izvedba.monitoring.xlsx.export import workbook_bytes
from izvedba.monitoring.xlsx.forms import XlsxUploadForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def round_for(user: Any, round_id: int) -> Round:
    """The round if the user may read (some of) its reports; otherwise it does not exist for them (404)."""
    round = get_object_or_404(Round.objects.select_related("plan"), pk=round_id)
    if access.can_view_monitoring(user, round.plan) or export_reports(round=round, user=user).exists():
        return round
    raise Http404


@login_required
def export_view(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    round = round_for(request.user, round_id)
    data = workbook_bytes(round_export_data(round=round, user=request.user))
    name = slugify(f"{round.plan.slug}-{round.label}") or f"krog-{round.pk}"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def import_view(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    round = round_for(request.user, round_id)
    form = XlsxUploadForm(request.POST, request.FILES) if request.method == "POST" else XlsxUploadForm()
    errors = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = round_xlsx_import(round=round, user=request.user, data=upload.read(), filename=upload.name or "")
        if outcome.applied:
            messages.success(request, _changed_message(outcome.changed_reports))
            return redirect("monitoring:round", round.pk)
        errors = outcome.errors
    # Problems with the file as a whole (or its hidden _meta sheet) are sentences; the rest are listed by cell.
    whole_file = [e for e in errors if not e.cell or e.sheet == layout.META_SHEET]
    context = {
        "round": round,
        "plan": round.plan,
        "form": form,
        "errors": errors,
        "file_errors": whole_file,
        "cell_errors": [e for e in errors if e not in whole_file],
    }
    return render(request, "monitoring/round_import.html", context)


def _changed_message(count: int) -> str:
    if not count:
        return _("Nothing changed: the workbook holds the same values as the reports.")
    text = ngettext(
        "Workbook imported: %(count)s report changed.", "Workbook imported: %(count)s reports changed.", count
    )
    return text % {"count": count}
