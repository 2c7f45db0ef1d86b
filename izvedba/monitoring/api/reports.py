"""Report endpoints: list, get, change, the workflow steps, contributions and evidence."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File
from ninja import Status as Answer
from ninja.files import UploadedFile

from izvedba.accounts import access
from izvedba.monitoring.api import serializers
from izvedba.monitoring.api.common import (
    AUTH_ERRORS,
    REPORT_RESPONSES,
    conflict,
    detail,
    invalid,
    readable_report,
    refused,
    report_queryset,
    router,
    visible_round,
)
from izvedba.monitoring.api.parsing import report_changes, version_of
from izvedba.monitoring.models import Report
from izvedba.monitoring.schemas import (
    CommentIn,
    ConflictError,
    ContributionIn,
    ContributionOut,
    EvidenceOut,
    InvalidError,
    ReportDetail,
    ReportItem,
    ReportPatch,
    VersionIn,
)
from izvedba.monitoring.services import evidence as evidence_services
from izvedba.monitoring.services import reports as report_services
from izvedba.monitoring.services.report_checks import check_editable, check_version
from izvedba.monitoring.services.reports import FieldError, ReportConflict, ReportInvalid, ReportLocked
from izvedba.organisations.models import Organisation


@router.get(
    "/rounds/{round_id}/reports", response={200: list[ReportItem], **AUTH_ERRORS}, summary="List a round's reports"
)
def list_reports(request: HttpRequest, round_id: int, response: HttpResponse) -> list[ReportItem]:
    """Every report of the round the caller may read, in the plan's order, with each measure's holders.

    One list, not pages: a round has one report per measure. `X-Total-Count` says how many there are."""
    round = visible_round(request, round_id)
    reports = access.visible_reports(request.user, report_queryset().filter(round=round))
    items = [serializers.report_item(report) for report in reports]
    response["X-Total-Count"] = str(len(items))
    return items


@router.get("/reports/{report_id}", response={200: ReportDetail, **AUTH_ERRORS}, summary="Get a report")
def get_report(request: HttpRequest, report_id: int) -> ReportDetail:
    """The report with every indicator and funding line of its measure, the risks met, evidence, contributions
    and what the caller may do with it now."""
    return detail(request, readable_report(request, report_id))


@router.patch("/reports/{report_id}", response=REPORT_RESPONSES, summary="Change a report")
def patch_report(request: HttpRequest, report_id: int, body: ReportPatch) -> Any:
    """Change a draft or returned report; send the `version` you edited. Only the fields sent change;
    indicator values and spending are merged by id, `risks` replaces the set. A stale version answers 409 with
    the current one; an approved, submitted or closed report answers 409; bad values answer 422 naming each
    field. Reporters of the measure's holders only."""
    report = readable_report(request, report_id)
    refused(
        access.can_fill_report(request.user, report),
        "You may read this report but not change it: only reporters of the measure's holders fill it in.",
    )
    version, errors = version_of(body.version, required=True)
    changes, parse_errors = report_changes(body)
    errors += parse_errors
    try:
        if errors or version is None:
            if version is not None:
                check_version(report, version)
            check_editable(report)
            raise ReportInvalid(errors + report_services.report_check(report=report, changes=changes))
        report = report_services.report_update(report=report, user=request.user, changes=changes, version=version)  # type: ignore[arg-type]
    except (ReportConflict, ReportLocked) as e:
        return conflict(e)
    except ReportInvalid as e:
        return invalid("The report was not changed.", e.errors)
    return Answer(200, detail(request, report))


def _fill_action(request: HttpRequest, report_id: int) -> Report:
    report = readable_report(request, report_id)
    refused(
        access.can_fill_report(request.user, report),
        "You may read this report but not submit it: only reporters of the measure's holders do.",
    )
    return report


def _review_action(request: HttpRequest, report_id: int) -> Report:
    report = readable_report(request, report_id)
    refused(
        access.can_review_report(request.user, report),
        "Only the plan's coordinators review reports (return, approve, reopen).",
    )
    return report


def _optional_version(request: HttpRequest) -> tuple[Any, list[FieldError]]:
    """The "version" of an optional JSON body ({}, nothing, or a body that is not JSON: none)."""
    if request.content_type != "application/json" or not request.body.strip():
        return None, []
    try:
        data = json.loads(request.body)
    except ValueError:
        return None, [FieldError("version", 'The body is not JSON; send {"version": n} or nothing.')]
    return (data.get("version") if isinstance(data, dict) else None), []


@router.post(
    "/reports/{report_id}/submit",
    response=REPORT_RESPONSES,
    summary="Submit a report",
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": VersionIn.model_json_schema()}},
        }
    },
)
def submit_report(request: HttpRequest, report_id: int) -> Any:
    """draft or returned → submitted, for the coordinator to review. The report must say its implementation
    status (and why, when late or abandoned); the round must be open. The body is optional:
    `{"version": n}` makes a stale version answer 409."""
    report = _fill_action(request, report_id)
    raw, errors = _optional_version(request)
    version, version_errors = version_of(raw, required=False)
    errors += version_errors
    if errors:
        return invalid("The report was not submitted.", errors)
    try:
        report = report_services.report_submit(report=report, user=request.user, version=version)  # type: ignore[arg-type]
    except (ReportConflict, ReportLocked) as e:
        return conflict(e)
    except ReportInvalid as e:
        return invalid("The report was not submitted: it is incomplete.", e.errors)
    return Answer(200, detail(request, report))


@router.post("/reports/{report_id}/return", response=REPORT_RESPONSES, summary="Return a report")
def return_report(request: HttpRequest, report_id: int, body: CommentIn) -> Any:
    """submitted → returned, with a comment saying what to fix. Coordinators only."""
    report = _review_action(request, report_id)
    try:
        report = report_services.report_return(report=report, user=request.user, comment=body.comment)  # type: ignore[arg-type]
    except (ReportConflict, ReportLocked) as e:
        return conflict(e)
    except ReportInvalid as e:
        return invalid("The report was not returned.", e.errors)
    return Answer(200, detail(request, report))


@router.post("/reports/{report_id}/approve", response=REPORT_RESPONSES, summary="Approve a report")
def approve_report(request: HttpRequest, report_id: int) -> Any:
    """submitted → approved: the report becomes read-only and its figures count. Coordinators only."""
    report = _review_action(request, report_id)
    try:
        report = report_services.report_approve(report=report, user=request.user)  # type: ignore[arg-type]
    except (ReportConflict, ReportLocked) as e:
        return conflict(e)
    return Answer(200, detail(request, report))


@router.post("/reports/{report_id}/reopen", response=REPORT_RESPONSES, summary="Reopen an approved report")
def reopen_report(request: HttpRequest, report_id: int, body: CommentIn) -> Any:
    """approved → returned, so the holder can correct it; the comment (why) is recorded. Coordinators only."""
    report = _review_action(request, report_id)
    try:
        report = report_services.report_reopen(report=report, user=request.user, comment=body.comment)  # type: ignore[arg-type]
    except (ReportConflict, ReportLocked) as e:
        return conflict(e)
    except ReportInvalid as e:
        return invalid("The report was not reopened.", e.errors)
    return Answer(200, detail(request, report))


def _contributor(request: HttpRequest, report: Report, wanted: int | None) -> Organisation | FieldError:
    roles = access.roles_of(request.user)
    involved = access.participant_ids(report) | access.holder_ids(report)
    candidates = involved if roles.admin else involved & roles.organisations
    if wanted is not None:
        if wanted not in candidates:
            return FieldError("organisation", f"Organisation {wanted} takes no part in this measure for you.")
        return Organisation.objects.get(pk=wanted)
    if len(candidates) != 1:
        names = ", ".join(f"{o.pk} ({o})" for o in Organisation.objects.filter(pk__in=candidates))
        return FieldError("organisation", f"Say which organisation contributes: one of {names}.")
    return Organisation.objects.get(pk=next(iter(candidates)))


@router.post(
    "/reports/{report_id}/contributions",
    response={201: ContributionOut, **AUTH_ERRORS, 409: ConflictError, 422: InvalidError},
    summary="Add a contribution",
)
def add_contribution(request: HttpRequest, report_id: int, body: ContributionIn) -> Any:
    """A participating organisation's contribution to the holder's report. Reporters of organisations that take
    part in (or hold) the measure."""
    report = readable_report(request, report_id)
    refused(
        access.can_contribute(request.user, report),
        "Only reporters of organisations that take part in the measure add contributions.",
    )
    organisation = _contributor(request, report, body.organisation)
    if isinstance(organisation, FieldError):
        return invalid("The contribution was not added.", [organisation])
    try:
        contribution = report_services.contribution_add(
            report=report,
            user=request.user,  # type: ignore[arg-type]
            organisation=organisation,
            text=body.text,
        )
    except ReportLocked as e:
        return conflict(e)
    except ReportInvalid as e:
        return invalid("The contribution was not added.", e.errors)
    out = ContributionOut(
        id=contribution.pk, organisation=str(organisation), text=contribution.text, created_at=contribution.created_at
    )
    return Answer(201, out)


@router.post(
    "/reports/{report_id}/evidence",
    response={201: EvidenceOut, **AUTH_ERRORS, 409: ConflictError, 422: InvalidError},
    summary="Attach an evidence file",
)
def add_evidence(request: HttpRequest, report_id: int, file: File[UploadedFile]) -> Any:
    """Attach a file (multipart form field `file`) to a draft or returned report. Documents, spreadsheets and
    images only, up to the size limit; programs are refused whatever their name."""
    report = readable_report(request, report_id)
    refused(
        access.can_fill_report(request.user, report),
        "You may read this report but not attach files to it: only reporters of the measure's holders do.",
    )
    try:
        evidence = evidence_services.evidence_add(report=report, user=request.user, upload=file)  # type: ignore[arg-type]
    except ReportLocked as e:
        return conflict(e)
    except ReportInvalid as e:
        return invalid("The file was not attached.", e.errors)
    return Answer(201, serializers.evidence_out(evidence))
