"""Importing a plan from the web: upload and parse, review the preview, then save or discard it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from izvedba.accounts.access import require_import_plans
from izvedba.accounts.models import User
from izvedba.documents.forms import UploadForm
from izvedba.documents.importers import DocumentError
from izvedba.documents.models import ImportRun
from izvedba.documents.services import import_run_apply, import_run_create, import_run_discard
from izvedba.plans.models import Plan
from izvedba.plans.services import PlanExistsError


class AuthenticatedHttpRequest(HttpRequest):
    user: User


AMOUNT_KEYS = {"per_year": gettext_lazy("per year"), "total": gettext_lazy("in total")}


@login_required
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_import_plans(request.user)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_valid():
        document = form.cleaned_data["file"]
        try:
            run = import_run_create(data=document.read(), filename=document.name or "plan", user=request.user)
        except DocumentError as exc:
            form.add_error("file", str(exc.message))
        else:
            return redirect("documents:preview", run.pk)
    pending = ImportRun.objects.filter(created_by=request.user, status=ImportRun.Status.PREVIEW)[:10]
    context = {"form": form, "pending": pending, "max_bytes": settings.IZVEDBA_IMPORT_MAX_BYTES}
    return render(request, "documents/upload.html", context)


@login_required
def preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _render_preview(request, _run_for_user(request, pk))


@require_POST
@login_required
def apply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    run = _run_for_user(request, pk)
    if run.status == ImportRun.Status.APPLIED:
        messages.info(request, _("This upload has already been saved."))
        return redirect("plans:detail", run.plan_id) if run.plan_id else redirect("documents:upload")
    if run.status == ImportRun.Status.DISCARDED:
        messages.error(request, _("This upload was discarded. Upload the file again to import it."))
        return redirect("documents:upload")
    try:
        outcome = import_run_apply(run=run, user=request.user, replace=request.POST.get("replace") == "1")
    except PlanExistsError as exc:
        return _render_preview(request, run, conflict=exc.plan)
    names = {"title": outcome.plan.title}
    if outcome.unchanged:
        messages.info(request, _("Unchanged: this file was already imported as plan “%(title)s”.") % names)
    else:
        messages.success(request, _("Plan “%(title)s” saved.") % names)
    return redirect("plans:detail", outcome.plan.pk)


@require_POST
@login_required
def discard(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    run = _run_for_user(request, pk)
    if run.status == ImportRun.Status.PREVIEW:
        import_run_discard(run=run)
        name = {"name": run.original_name}
        messages.info(request, _("Discarded: nothing from “%(name)s” was saved.") % name)
    return redirect("documents:upload")


def _run_for_user(request: AuthenticatedHttpRequest, pk: int) -> ImportRun:
    """An upload its author (or an administrator) may review; someone else's is not found."""
    require_import_plans(request.user)
    runs = ImportRun.objects.select_related("plan")
    if not request.user.is_superuser:
        runs = runs.filter(created_by=request.user)
    return get_object_or_404(runs, pk=pk)


def _render_preview(request: AuthenticatedHttpRequest, run: ImportRun, conflict: Plan | None = None) -> HttpResponse:
    already = Plan.objects.filter(source_document__sha256=run.sha256).first()
    context = {"run": run, "parsed": preview_of(run.preview), "already": already, "conflict": conflict}
    return render(request, "documents/preview.html", context)


@dataclass
class PreviewRow:
    code: str
    title: str
    holders: list[str]
    deadlines: list[dict[str, Any]]
    amounts: list[tuple[str, int]]
    no_additional_funds: bool
    warnings: int
    sub_row: bool = False


@dataclass
class Preview:
    """What the preview page shows of a parsed plan (ImportRun.preview, ParsedPlan.to_dict())."""

    data: dict[str, Any]
    rows: list[PreviewRow] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    measure_count: int = 0
    sub_row_count: int = 0

    @property
    def kind_label(self) -> str:
        kind = self.data.get("kind", "")
        return str(Plan.Kind(kind).label) if kind in Plan.Kind.values else str(kind)

    @property
    def period(self) -> str:
        start, end = self.data.get("period_start"), self.data.get("period_end")
        return f"{start}–{end}" if start and end and start != end else str(start or "")


def preview_of(data: dict[str, Any]) -> Preview:
    result = Preview(data=data, warnings=[("", w) for w in data.get("warnings", [])])
    for measure in data.get("measures", []):
        code = measure.get("code", "")
        result.measure_count += 1
        result.rows.append(_row(measure, code, measure.get("title", "")))
        result.warnings += [(code, w) for w in measure.get("warnings", [])]
        for index, sub in enumerate(measure.get("sub_rows", []), start=1):
            result.sub_row_count += 1
            label = f"{code}/{index}"
            title = (sub.get("purpose") or "").split("\n")[0]
            result.rows.append(_row(sub, label, title, sub_row=True))
            result.warnings += [(label, w) for w in sub.get("warnings", [])]
    return result


def _row(fields: dict[str, Any], code: str, title: str, *, sub_row: bool = False) -> PreviewRow:
    amounts = [(_amount_label(key), value) for key, value in fields.get("amounts_eur", {}).items()]
    return PreviewRow(
        code=code,
        title=title,
        holders=list(fields.get("holders", [])),
        deadlines=list(fields.get("deadlines", [])),
        amounts=amounts,
        no_additional_funds=bool(fields.get("no_additional_funds")),
        warnings=len(fields.get("warnings", [])),
        sub_row=sub_row,
    )


def _amount_label(key: str) -> str:
    if key in AMOUNT_KEYS:
        return str(AMOUNT_KEYS[key])
    return key.replace("-", "–")
