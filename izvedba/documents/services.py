"""Importing plan documents: parse (pure), keep the original file, and store the plan atomically."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from izvedba.documents.importers import ParsedPlan, detect_format, parse_plan
from izvedba.documents.models import ImportRun, SourceDocument
from izvedba.geo.reference import region_names
from izvedba.history.models import Change
from izvedba.history.services import change_record
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Plan
from izvedba.plans.services import plan_create_from_parsed


@dataclass
class ImportOutcome:
    plan: Plan
    unchanged: bool
    parsed: ParsedPlan | None = None
    flagged: list[str] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_parse(*, data: bytes, filename: str) -> ParsedPlan:
    """Parse a plan document (no database writes). Raises DocumentError with a specific message."""
    return parse_plan(data, filename, regions=region_names(), max_bytes=settings.IZVEDBA_IMPORT_MAX_BYTES)


def already_imported(data: bytes) -> Plan | None:
    return Plan.objects.filter(source_document__sha256=sha256(data)).first()


@transaction.atomic
def plan_import(*, data: bytes, filename: str, user: Any = None, replace: bool = False) -> ImportOutcome:
    """Store the plan a document holds. The same file again changes nothing; a bad file stores nothing."""
    existing = already_imported(data)
    if existing is not None:
        return ImportOutcome(plan=existing, unchanged=True)
    parsed = document_parse(data=data, filename=filename)
    before = set(Organisation.objects.filter(needs_review=True).values_list("pk", flat=True))
    source = _source_document(data, filename, user)
    plan = plan_create_from_parsed(parsed=parsed, source=source, replace=replace)
    change_record(obj=plan, user=user, action=Change.Action.IMPORT, comment=filename)
    flagged = Organisation.objects.filter(needs_review=True).exclude(pk__in=before)
    return ImportOutcome(plan=plan, unchanged=False, parsed=parsed, flagged=sorted(o.name for o in flagged))


def _source_document(data: bytes, filename: str, user: Any) -> SourceDocument:
    digest = sha256(data)
    source = SourceDocument.objects.filter(sha256=digest).first()
    if source is not None:
        return source
    name = filename.rsplit("/", 1)[-1] or "plan"
    return SourceDocument.objects.create(
        file=ContentFile(data, name=name),
        original_name=name[:255],
        sha256=digest,
        size=len(data),
        file_format=detect_format(data, filename),
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )


@transaction.atomic
def import_run_create(*, data: bytes, filename: str, user: Any) -> ImportRun:
    """Parse an upload and keep it, with its preview, until a person saves or discards it."""
    parsed = document_parse(data=data, filename=filename)
    return ImportRun.objects.create(
        created_by=user,
        original_name=filename.rsplit("/", 1)[-1][:255],
        file=ContentFile(data, name=filename.rsplit("/", 1)[-1] or "plan"),
        sha256=sha256(data),
        preview=parsed.to_dict(),
    )


@transaction.atomic
def import_run_apply(*, run: ImportRun, user: Any, replace: bool = False) -> ImportOutcome:
    """Save the plan of a previewed upload."""
    with run.file.open("rb") as handle:
        data = handle.read()
    outcome = plan_import(data=data, filename=run.original_name, user=user, replace=replace)
    run.status, run.plan = ImportRun.Status.APPLIED, outcome.plan
    run.save(update_fields=["status", "plan"])
    return outcome


def import_run_discard(*, run: ImportRun) -> None:
    run.status = ImportRun.Status.DISCARDED
    run.save(update_fields=["status"])
    run.file.delete(save=False)
