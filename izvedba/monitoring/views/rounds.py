"""Rounds of a plan: the list (and opening a round), one round with its reports and the coordinator's steps
(close, publish, freeze), and a frozen snapshot."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from izvedba.accounts import access
from izvedba.history.selectors import changes_for
from izvedba.history.templatetags.history_tags import history_rows
from izvedba.monitoring import calendar
from izvedba.monitoring.forms import RoundOpenForm
from izvedba.monitoring.models import Report, Round, Snapshot
from izvedba.monitoring.services.rounds import RoundInvalid, round_close, round_freeze, round_open, round_publish
from izvedba.monitoring.views.report_page import AuthenticatedHttpRequest
from izvedba.plans.models import Plan, Responsibility

STATUSES = Report.Status


@login_required
def rounds(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=plan_id)
    can_coordinate = access.can_coordinate(request.user, plan)
    form = None
    if request.method == "POST":
        access.require_coordinate(request.user, plan)
        form = RoundOpenForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                round = round_open(
                    plan=plan,
                    user=request.user,
                    label=data["label"],
                    period_start=data["period_start"],
                    period_end=data["period_end"],
                    due_date=data["due_date"],
                )
            except RoundInvalid as exc:
                form.add_service_errors(exc.errors)
            else:
                count = round.reports.count()
                text = ngettext(
                    "Round “%(label)s” opened with %(count)s draft report.",
                    "Round “%(label)s” opened with %(count)s draft reports.",
                    count,
                )
                messages.success(request, text % {"label": round.label, "count": count})
                return redirect("monitoring:round", round.pk)
    elif can_coordinate:
        form = RoundOpenForm(initial={"period": RoundOpenForm.YEAR, "year": timezone.localdate().year})
    context = {
        "plan": plan,
        "rounds": _rounds_with_counts(access.visible_rounds(request.user, plan), request.user, plan),
        "form": form,
        "can_coordinate": can_coordinate,
    }
    return render(request, "monitoring/rounds.html", context)


def _rounds_with_counts(rounds: QuerySet[Round], user: Any, plan: Plan) -> list[Round]:
    """Rounds, each with `counts` by workflow status of the reports the user may read."""
    reports = access.visible_reports(user, Report.objects.filter(round__plan=plan))
    counts: dict[int, Counter[str]] = {}
    for round_id, status, n in reports.values_list("round_id", "status").annotate(n=Count("pk")).order_by():
        counts.setdefault(round_id, Counter())[status] = n
    listed = list(rounds.order_by("-period_end", "-pk"))
    for round in listed:
        round.counts = _status_counts(counts.get(round.pk, Counter()))  # type: ignore[attr-defined]
    return listed


def _status_counts(counter: Counter[str]) -> list[tuple[str, str, int]]:
    return [(str(value), str(label), counter.get(value, 0)) for value, label in STATUSES.choices]


def _round_for(user: Any, round_id: int) -> Round:
    """The round if the user may see it (404 otherwise)."""
    round = get_object_or_404(Round.objects.select_related("plan", "opened_by"), pk=round_id)
    if not access.visible_rounds(user, round.plan).filter(pk=round.pk).exists():
        raise Http404
    return round


@login_required
def round_detail(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    round = _round_for(request.user, round_id)
    plan = round.plan
    holders = Responsibility.objects.filter(role=Responsibility.Role.HOLDER).select_related("organisation")
    reports = list(
        access.visible_reports(request.user, round.reports.all())
        .select_related("measure__parent", "updated_by")
        .prefetch_related(
            Prefetch("measure__responsibilities", queryset=holders, to_attr="holder_rows"),
            Prefetch("measure__parent__responsibilities", queryset=holders, to_attr="holder_rows"),
        )
    )
    monitors = access.can_view_monitoring(request.user, plan)
    context = {
        "round": round,
        "plan": plan,
        "reports": reports,
        "counts": _status_counts(Counter(r.status for r in reports)),
        "can_coordinate": access.can_coordinate(request.user, plan),
        "monitors": monitors,
        "snapshots": list(round.snapshots.select_related("created_by")) if monitors else [],
        "effective_due_date": calendar.effective_due_date(round.due_date),
        "days_left": calendar.days_left(round.due_date, timezone.localdate()),
        "days_late": calendar.days_late(round.due_date, timezone.localdate()),
        "spreadsheets": bool(reports) or monitors,  # the XLSX pages hold the reports the user may read
        "history": history_rows(changes_for(round), labels={"snapshot": _("Snapshot")}) if monitors else [],
    }
    return render(request, "monitoring/round.html", context)


def _round_step(request: AuthenticatedHttpRequest, round_id: int) -> Round:
    round = _round_for(request.user, round_id)
    access.require_coordinate(request.user, round.plan)
    return round


@require_POST
@login_required
def round_close_view(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    round = _round_step(request, round_id)
    try:
        round_close(round=round, user=request.user)
    except RoundInvalid as exc:
        messages.error(request, " ".join(e.message for e in exc.errors))
    else:
        messages.success(request, _("Round closed: its reports can no longer be changed or submitted."))
    return redirect("monitoring:round", round.pk)


@require_POST
@login_required
def round_publish_view(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    round = _round_step(request, round_id)
    try:
        round_publish(round=round, user=request.user)
    except RoundInvalid as exc:
        messages.error(request, " ".join(e.message for e in exc.errors))
    else:
        messages.success(request, _("Round published: its approved figures are now public."))
    return redirect("monitoring:round", round.pk)


@require_POST
@login_required
def round_freeze_view(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    round = _round_step(request, round_id)
    snapshot = round_freeze(round=round, user=request.user)
    messages.success(request, _("Snapshot saved: later changes to the reports do not alter it."))
    return redirect("monitoring:snapshot", snapshot.pk)


@login_required
def snapshot(request: AuthenticatedHttpRequest, snapshot_id: int) -> HttpResponse:
    """A frozen round, shown from the snapshot's data alone (never from the live reports)."""
    snapshot = get_object_or_404(Snapshot.objects.select_related("round__plan", "created_by"), pk=snapshot_id)
    round = _round_for(request.user, snapshot.round_id)
    if not access.can_view_monitoring(request.user, round.plan):
        raise PermissionDenied
    return render(
        request,
        "monitoring/snapshot.html",
        {"snapshot": snapshot, "round": round, "plan": round.plan, "data": snapshot_view(snapshot.data)},
    )


def snapshot_view(data: dict[str, Any]) -> dict[str, Any]:
    """The snapshot's JSON with labels for its codes, ready for the template."""
    statuses = dict(Report.Status.choices)
    implementation = dict(Report.Implementation.choices)
    reports = []
    for item in data.get("reports", []):
        measure = item.get("measure", {})
        code = measure.get("code", "")
        reports.append(
            {
                **item,
                "code": f"{code}/{measure['sub_index']}" if measure.get("sub_index") else code,
                "title": measure.get("title", ""),
                "status_label": statuses.get(item.get("status", ""), item.get("status", "")),
                "implementation_label": implementation.get(item.get("implementation_status", ""), ""),
            }
        )
    counts = [(str(label), data.get("by_status", {}).get(value, 0)) for value, label in Report.Status.choices]
    return {
        "round": data.get("round", {}),
        "frozen_at": data.get("frozen_at", ""),
        "reports": reports,
        "counts": counts,
    }
