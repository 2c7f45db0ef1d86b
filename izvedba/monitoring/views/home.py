"""My work (/spremljanje/): what is waiting for the signed-in person, by the roles they hold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from izvedba.accounts import access
from izvedba.monitoring import calendar
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.views.report_page import AuthenticatedHttpRequest
from izvedba.plans.models import Plan, Responsibility

Status = Report.Status


@dataclass
class Task:
    """A report on someone's list, with how much time is left."""

    report: Report
    days_left: int
    days_late: int


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    roles = access.roles_of(request.user)
    today = timezone.localdate()
    context: dict[str, Any] = {"has_roles": roles.any, "today": today}
    if roles.organisations:
        fillable = _held_reports(roles.organisations)
        to_fill = fillable.filter(round__status=Round.Status.OPEN, status__in=[Status.DRAFT, Status.RETURNED])
        context["to_fill"] = [_task(report, today) for report in _for_list(to_fill).order_by("round__due_date")]
        context["submitted"] = list(_for_list(fillable.filter(status=Status.SUBMITTED)).order_by("-submitted_at"))
    coordinated = _coordinated_plans(roles)
    if coordinated is not None:
        context["coordinated_plans"] = list(coordinated)
        context["open_rounds"] = _open_rounds(coordinated)
        awaiting = Report.objects.filter(round__plan__in=coordinated, status=Status.SUBMITTED)
        context["to_review"] = list(_for_list(awaiting).order_by("submitted_at"))
    viewed = Plan.objects.filter(Q(pk__in=roles.viewed_plans) | Q(region_id__in=roles.viewed_regions))
    context["viewed_plans"] = list(viewed.exclude(pk__in=roles.coordinated_plans).order_by("-period_start", "title"))
    return render(request, "monitoring/home.html", context)


def _held_reports(organisations: frozenset[int]) -> QuerySet[Report]:
    """Reports of measures the organisations hold (a sub-row without holders of its own: through its measure)."""
    holders = Responsibility.objects.filter(role=Responsibility.Role.HOLDER)
    ours = holders.filter(organisation_id__in=organisations)
    own = Exists(ours.filter(measure=OuterRef("measure")))
    through_parent = Exists(ours.filter(measure=OuterRef("measure__parent"))) & ~Exists(
        holders.filter(measure=OuterRef("measure"))
    )
    return Report.objects.filter(own | through_parent)


def _for_list(reports: QuerySet[Report]) -> QuerySet[Report]:
    return reports.select_related("round__plan", "measure__parent", "updated_by")


def _task(report: Report, today: dt.date) -> Task:
    due = report.round.due_date
    return Task(report, calendar.days_left(due, today), calendar.days_late(due, today))


def _coordinated_plans(roles: access.Roles) -> QuerySet[Plan] | None:
    if roles.admin:
        return Plan.objects.order_by("-period_start", "title")
    if roles.coordinated_plans:
        return Plan.objects.filter(pk__in=roles.coordinated_plans).order_by("-period_start", "title")
    return None


def _open_rounds(plans: QuerySet[Plan]) -> list[Round]:
    counts = {value: Count("reports", filter=Q(reports__status=value)) for value in Status.values}
    rounds = (
        Round.objects.filter(plan__in=plans, status=Round.Status.OPEN)
        .select_related("plan")
        .annotate(**{f"n_{value}": count for value, count in counts.items()})
        .order_by("due_date", "pk")
    )
    listed = list(rounds)
    for round in listed:
        round.counts = [  # type: ignore[attr-defined]
            (str(value), str(label), getattr(round, f"n_{value}")) for value, label in Status.choices
        ]
    return listed
