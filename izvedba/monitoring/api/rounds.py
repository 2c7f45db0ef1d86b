"""Round endpoints: open, list, get, close, publish, freeze."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from ninja import Query
from ninja import Status as Answer

from izvedba.accounts import access
from izvedba.core.api import PageParams, get_or_404, page_window
from izvedba.monitoring.api import serializers
from izvedba.monitoring.api.common import (
    AUTH_ERRORS,
    ROUND_RESPONSES,
    invalid,
    refused,
    router,
    visible_round,
)
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.schemas import (
    InvalidError,
    RoundIn,
    RoundOut,
    RoundPage,
    SnapshotOut,
)
from izvedba.monitoring.services import rounds as round_services
from izvedba.monitoring.services.reports import FieldError
from izvedba.monitoring.services.rounds import RoundInvalid, RoundLocked
from izvedba.monitoring.values import parse_date
from izvedba.plans.models import Plan

# --- rounds -----------------------------------------------------------------------------------------------------


def _round_counts(request: HttpRequest, rounds: list[Round]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {r.pk: {} for r in rounds}
    reports = access.visible_reports(request.user, Report.objects.filter(round__in=[r.pk for r in rounds]))
    for row in reports.order_by().values("round_id", "status").annotate(n=Count("pk")):
        counts[row["round_id"]][row["status"]] = row["n"]
    return counts


def _round_out(request: HttpRequest, round: Round) -> RoundOut:
    return serializers.round_out(round, _round_counts(request, [round])[round.pk])


def _coordinated_round(request: HttpRequest, round_id: int) -> Round:
    round = visible_round(request, round_id)
    refused(
        access.can_coordinate(request.user, round.plan),
        "Only the plan's coordinators may close, publish or freeze its rounds.",
    )
    return round


@router.post(
    "/plans/{plan_id}/rounds",
    response={201: RoundOut, **AUTH_ERRORS, 422: InvalidError},
    summary="Open a reporting round",
)
def open_round(request: HttpRequest, plan_id: int, body: RoundIn) -> Any:
    """Open a round for the plan: a period and a due date. Every measure of the plan (sub-rows included) gets a
    draft report for its holder. Coordinators of the plan only. A label that names a year ("2026") or a
    half-year ("2026-H1") may stand for the period."""
    plan = get_or_404(lambda pk: Plan.objects.get(pk=pk), plan_id, "plan")
    refused(access.can_coordinate(request.user, plan), "Only the plan's coordinators may open rounds.")
    errors: list[FieldError] = []
    dates: dict[str, Any] = {}
    for field in ("period_start", "period_end", "due_date"):
        try:
            dates[field] = parse_date(getattr(body, field))
        except ValueError as e:
            errors.append(FieldError(field, str(e)))
    if not errors and (dates["period_start"] is None or dates["period_end"] is None):
        period = round_services.period_of(body.label)
        if period is None:
            message = "Give the period's first and last day, or label the round by its year or half-year (2026-H1)."
            errors.append(FieldError("period_start" if dates["period_start"] is None else "period_end", message))
        else:
            dates["period_start"] = dates["period_start"] or period[0]
            dates["period_end"] = dates["period_end"] or period[1]
    if not errors and dates["due_date"] is None:
        errors.append(FieldError("due_date", "Give the date reports are due."))
    if errors:
        return invalid("The round was not opened.", errors)
    try:
        round = round_services.round_open(plan=plan, user=request.user, label=body.label, **dates)  # type: ignore[arg-type]
    except RoundInvalid as e:
        return invalid("The round was not opened.", e.errors)
    return Answer(201, _round_out(request, Round.objects.select_related("plan").get(pk=round.pk)))


@router.get("/plans/{plan_id}/rounds", response={200: RoundPage, **AUTH_ERRORS}, summary="List a plan's rounds")
def list_rounds(request: HttpRequest, plan_id: int, page: Query[PageParams]) -> RoundPage:
    """The plan's rounds, latest period first: all of them for those with a role on the plan, the published
    ones for everybody else. Report counts cover the reports the caller may read."""
    plan = get_or_404(lambda pk: Plan.objects.get(pk=pk), plan_id, "plan")
    rounds = access.visible_rounds(request.user, plan).select_related("plan")
    window = page_window(request, rounds, page)
    counts = _round_counts(request, window.items)
    return RoundPage.of(window, lambda r: serializers.round_out(r, counts[r.pk]))


@router.get("/rounds/{round_id}", response={200: RoundOut, **AUTH_ERRORS}, summary="Get a round")
def get_round(request: HttpRequest, round_id: int) -> RoundOut:
    """One round with the number of reports in each workflow status."""
    return _round_out(request, visible_round(request, round_id))


@router.post("/rounds/{round_id}/close", response=ROUND_RESPONSES, summary="Close a round")
def close_round(request: HttpRequest, round_id: int) -> Any:
    """No more changes or submissions; submitted reports can still be approved. Coordinators only."""
    round = _coordinated_round(request, round_id)
    try:
        round = round_services.round_close(round=round, user=request.user)  # type: ignore[arg-type]
    except RoundLocked as e:
        return Answer(409, {"detail": e.errors[0].message})
    return Answer(200, _round_out(request, round))


@router.post("/rounds/{round_id}/publish", response=ROUND_RESPONSES, summary="Publish a round")
def publish_round(request: HttpRequest, round_id: int) -> Any:
    """Make the round's approved figures public. Coordinators only."""
    round = _coordinated_round(request, round_id)
    try:
        round = round_services.round_publish(round=round, user=request.user)  # type: ignore[arg-type]
    except RoundLocked as e:
        return Answer(409, {"detail": e.errors[0].message})
    return Answer(200, _round_out(request, round))


@router.post(
    "/rounds/{round_id}/freeze", response={201: SnapshotOut, **AUTH_ERRORS}, summary="Freeze a round into a snapshot"
)
def freeze_round(request: HttpRequest, round_id: int) -> Any:
    """Keep every report of the round as it stands now; later changes do not alter the snapshot."""
    round = _coordinated_round(request, round_id)
    snapshot = round_services.round_freeze(round=round, user=request.user)  # type: ignore[arg-type]
    data = snapshot.data
    out = SnapshotOut(
        id=snapshot.pk, round=round.pk, created_at=snapshot.created_at, reports=len(data["reports"]), data=data
    )
    return Answer(201, out)
