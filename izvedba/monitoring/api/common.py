"""What the monitoring endpoints share: the router (callers must be signed in), error answers, report loading."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja import Status as Answer
from ninja.errors import HttpError

from izvedba.accounts import access
from izvedba.accounts.api_auth import api_auth
from izvedba.core.api import Error
from izvedba.monitoring.api import serializers
from izvedba.monitoring.models import Contribution, Report, Round
from izvedba.monitoring.schemas import (
    ConflictError,
    InvalidError,
    ReportDetail,
    RoundOut,
)
from izvedba.monitoring.services.reports import FieldError, ReportConflict, ReportLocked
from izvedba.plans.models import FundingLine

router = Router(tags=["monitoring"], auth=api_auth)

Status = Report.Status
AUTH_ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error}
REPORT_RESPONSES: dict[int, Any] = {200: ReportDetail, **AUTH_ERRORS, 409: ConflictError, 422: InvalidError}
ROUND_RESPONSES: dict[int, Any] = {200: RoundOut, **AUTH_ERRORS, 409: Error}


def invalid(summary: str, errors: list[FieldError]) -> Answer[dict[str, Any]]:
    return Answer(422, {"detail": summary, "errors": [{"field": e.field, "message": e.message} for e in errors]})


def refused(allowed: bool, message: str) -> None:
    """403 with `message` unless `allowed` (for callers who may see the object but not do this with it)."""
    if not allowed:
        raise HttpError(403, message)


def report_queryset() -> QuerySet[Report]:
    return Report.objects.select_related("round__plan", "measure__parent").prefetch_related(
        "measure__responsibilities__organisation",
        "measure__parent__responsibilities__organisation",
    )


def detail_queryset() -> QuerySet[Report]:
    return report_queryset().prefetch_related(
        "measure__indicators",
        Prefetch("measure__funding_lines", FundingLine.objects.select_related("source")),
        "indicator_values",
        "spending",
        "risks",
        "round__plan__risks",
        "evidence",
        Prefetch("contributions", Contribution.objects.select_related("organisation")),
    )


def readable_report(request: HttpRequest, report_id: int) -> Report:
    report = access.visible_reports(request.user, report_queryset().filter(pk=report_id)).first()
    if report is None:
        raise HttpError(404, f"There is no report with id {report_id}.")
    return report


def actions(request: HttpRequest, report: Report) -> dict[str, bool]:
    user = request.user
    is_open = report.round.is_open
    fill = access.can_fill_report(user, report) and is_open and report.status in (Status.DRAFT, Status.RETURNED)
    review = access.can_review_report(user, report)
    return {
        "edit": fill,
        "submit": fill,
        "attach": fill,
        "return": review and is_open and report.status == Status.SUBMITTED,
        "approve": review and report.status == Status.SUBMITTED,
        "reopen": review and is_open and report.status == Status.APPROVED,
        "contribute": access.can_contribute(user, report) and is_open and report.status != Status.APPROVED,
    }


def detail(request: HttpRequest, report: Report) -> ReportDetail:
    fresh = detail_queryset().get(pk=report.pk)
    return serializers.report_detail(fresh, actions(request, fresh))


def conflict(e: ReportConflict | ReportLocked) -> Answer[dict[str, Any]]:
    if isinstance(e, ReportConflict):
        return Answer(409, {"detail": e.message, "current_version": e.current_version})
    return Answer(409, {"detail": e.message, "current_version": None})


def visible_round(request: HttpRequest, round_id: int) -> Round:
    round = Round.objects.select_related("plan").filter(pk=round_id).first()
    if round is None or not access.visible_rounds(request.user, round.plan).filter(pk=round.pk).exists():
        raise HttpError(404, f"There is no round with id {round_id}.")
    return round
