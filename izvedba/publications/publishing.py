"""Publishing a generated document on the public portal, and withdrawing it.

Only a finished `document` job may be published, by someone who coordinates the plan its parameters name. A
monitoring report is published only when its round is published (and, unless the report counts published rounds
only, no earlier round of the plan is unpublished): unpublished figures never go public. The portal serves a
stored copy of the job's file, because job results may be pruned.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from izvedba.accounts import access
from izvedba.core.versioning import content_changed
from izvedba.geo.models import Municipality
from izvedba.history.models import Change
from izvedba.history.services import change_record
from izvedba.jobs.models import Job
from izvedba.monitoring.models import Round
from izvedba.plans.models import Plan
from izvedba.publications.models import PublishedDocument
from izvedba.rendering.kinds import KINDS


class PublishError(Exception):
    """The document cannot be published (or withdrawn); the message says why, for the user."""


def publishable_plan(job: Job) -> Plan | None:
    """The plan a finished `document` job's parameters name, or None when the job is no such document."""
    if job.kind != "document" or job.status != Job.Status.DONE or not job.result:
        return None
    try:
        plan_id = int(job.params.get("plan") or 0)
    except (TypeError, ValueError):
        return None
    return Plan.objects.filter(pk=plan_id).first()


def can_publish(user: Any, job: Job) -> bool:
    plan = publishable_plan(job)
    return plan is not None and access.can_coordinate(user, plan)


def _param_id(params: dict[str, Any], name: str) -> int:
    try:
        return int(params.get(name) or 0)
    except (TypeError, ValueError):
        return 0


def document_publish(*, job: Job, user: Any) -> PublishedDocument:
    """Copy a finished document job's file to the portal. PermissionDenied if the user does not coordinate the
    job's plan; PublishError for a job that is not a finished document, or a report of unpublished figures."""
    if job.kind != "document":
        raise PublishError(_("Only generated documents can be published on the public portal."))
    if job.status != Job.Status.DONE or not job.result:
        raise PublishError(_("Only a finished document can be published on the public portal."))
    plan = publishable_plan(job)
    if plan is None:
        raise PublishError(_("The plan of this document no longer exists."))
    if not access.can_coordinate(user, plan):
        raise PermissionDenied
    params = job.params
    kind = str(params.get("kind", ""))
    if kind not in KINDS or kind == "annual-report":
        raise PublishError(_("Documents of this kind are not published on the plan's public page."))
    round_ = None
    if "round" in KINDS[kind].parameters:
        round_ = Round.objects.filter(pk=_param_id(params, "round"), plan=plan).first()
        if round_ is None:
            raise PublishError(_("The reporting round of this document no longer exists."))
        if round_.published_at is None:
            raise PublishError(_("The report of an unpublished round cannot be published: publish the round first."))
        earlier_unpublished = Round.objects.filter(
            plan=plan, published_at__isnull=True, period_end__lt=round_.period_start
        ).exists()
        if earlier_unpublished and not params.get("published_only"):
            raise PublishError(
                _(
                    "This report counts earlier rounds that are not published: generate it counting published"
                    " rounds only, or publish those rounds first."
                )
            )
    municipality = None
    if "municipality" in KINDS[kind].parameters:
        municipality = Municipality.objects.filter(pk=_param_id(params, "municipality")).first()
        if municipality is None:
            raise PublishError(_("The municipality of this document no longer exists."))
    with job.result.open("rb") as source:
        data = source.read()
    with transaction.atomic():
        document = PublishedDocument(
            plan=plan,
            kind=kind,
            language=str(params.get("language", "sl"))[:10],
            title=(job.title or str(KINDS[kind].label))[:300],
            filename=job.filename,
            content_type=job.content_type or "application/octet-stream",
            size=len(data),
            round=round_,
            municipality=municipality,
            published_at=timezone.now(),
            published_by=user,
        )
        document.file.save(job.filename or "document", ContentFile(data), save=False)
        document.save()
        change_record(
            obj=document,
            user=user,
            action=Change.Action.CREATE,
            comment=_("Published on the public portal (from background job #%(job)s).") % {"job": job.pk},
        )
        content_changed()
    return document


def document_withdraw(*, document: PublishedDocument, user: Any) -> PublishedDocument:
    """Take a published document off the portal: it stays on record, withdrawn; its download is gone."""
    if not access.can_coordinate(user, document.plan):
        raise PermissionDenied
    if document.withdrawn_at is not None:
        raise PublishError(_("This document has already been withdrawn from the public portal."))
    with transaction.atomic():
        document.withdrawn_at = timezone.now()
        document.withdrawn_by = user
        document.save(update_fields=["withdrawn_at", "withdrawn_by"])
        change_record(
            obj=document,
            user=user,
            action=Change.Action.UPDATE,
            changes={"withdrawn_at": {"old": None, "new": document.withdrawn_at.isoformat()}},
            comment=_("Withdrawn from the public portal."),
        )
        content_changed()
    return document


def documents_public(plan: Plan) -> list[PublishedDocument]:
    """The plan's published documents the portal shows, newest first."""
    return list(PublishedDocument.objects.filter(plan=plan, withdrawn_at__isnull=True).order_by("-published_at", "-pk"))
