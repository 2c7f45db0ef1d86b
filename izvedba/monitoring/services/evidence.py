"""Evidence files on reports: checked by size, extension and content; kept under a safe name, shown by the original.

Refused: files above settings.IZVEDBA_EVIDENCE_MAX_BYTES, extensions not in settings.IZVEDBA_EVIDENCE_EXTENSIONS,
empty files, and anything that starts like a program (Windows "MZ", Linux "\\x7fELF", scripts "#!", macOS Mach-O),
whatever its name says.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath, PureWindowsPath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from izvedba.accounts.models import User
from izvedba.core.formatting import format_number
from izvedba.history.models import Change
from izvedba.history.services import change_record
from izvedba.monitoring.models import Evidence, Report
from izvedba.monitoring.services.report_checks import check_editable
from izvedba.monitoring.services.report_types import FieldError, ReportInvalid

EXECUTABLE_MAGIC = (
    b"MZ",  # Windows PE / DOS
    b"\x7fELF",  # Linux and most Unix
    b"#!",  # scripts
    b"\xfe\xed\xfa\xce",  # Mach-O 32-bit
    b"\xfe\xed\xfa\xcf",  # Mach-O 64-bit
    b"\xce\xfa\xed\xfe",  # Mach-O 32-bit, little-endian
    b"\xcf\xfa\xed\xfe",  # Mach-O 64-bit, little-endian
    b"\xca\xfe\xba\xbe",  # Mach-O universal (fat) binary
)
MB = 1024 * 1024


def original_name(upload: UploadedFile[bytes]) -> str:
    """The file's own name, without any folders a browser or client sent along."""
    raw = upload.name or ""
    name = PureWindowsPath(PurePosixPath(raw).name).name.strip().replace("\x00", "")
    return name[:255] or "file"


def _extension(name: str) -> str:
    suffix = PurePosixPath(name).suffix
    return suffix[1:].lower() if suffix else ""


def _megabytes(size: int) -> str:
    return format_number(round(size / MB, 1), None, get_language() or "sl") + " MB"


def evidence_check(upload: UploadedFile[bytes]) -> list[FieldError]:
    """What is wrong with `upload` as evidence (empty list: nothing); reads only its first bytes."""
    name = original_name(upload)
    limit: int = settings.IZVEDBA_EVIDENCE_MAX_BYTES
    allowed: list[str] = settings.IZVEDBA_EVIDENCE_EXTENSIONS
    size = upload.size or 0
    extension = _extension(name)
    if extension not in allowed:
        message = _("Files like “%(name)s” cannot be attached; attach a file of one of these types: %(types)s.")
        return [FieldError("evidence", message % {"name": name, "types": ", ".join(allowed)})]
    if size > limit:
        message = _("The file “%(name)s” is %(size)s; files up to %(limit)s can be attached. Attach a smaller file.")
        values = {"name": name, "size": _megabytes(size), "limit": _megabytes(limit)}
        return [FieldError("evidence", message % values)]
    if size == 0:
        return [FieldError("evidence", _("The file “%(name)s” is empty.") % {"name": name})]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(EXECUTABLE_MAGIC):
        message = _("The file “%(name)s” is a program, not a document, and cannot be attached.")
        return [FieldError("evidence", message % {"name": name})]
    return []


def evidence_add(*, report: Report, user: User, upload: UploadedFile[bytes]) -> Evidence:
    """Attach `upload` to a report that may still change; ReportInvalid (field "evidence") when it is refused."""
    errors = evidence_check(upload)
    if errors:
        raise ReportInvalid(errors)
    name = original_name(upload)
    with transaction.atomic():
        current = Report.objects.select_for_update().select_related("round", "measure").get(pk=report.pk)
        check_editable(current)
        evidence = Evidence(
            report=current,
            original_name=name,
            size=upload.size or 0,
            uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        evidence.file.save(f"{uuid.uuid4().hex}.{_extension(name)}", upload, save=False)
        evidence.save()
        change_record(
            obj=current, user=user, action=Change.Action.UPDATE, changes={"evidence": {"old": None, "new": name}}
        )
    return evidence
