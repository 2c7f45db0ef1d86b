"""Background job kinds of the providers' app (found by izvedba.jobs.registry): the annual report document."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from izvedba.jobs.registry import JobError, JobResult, Progress, job_kind
from izvedba.providers.models import Provider
from izvedba.providers.services.annual_report import AnnualReportError, annual_report_render
from izvedba.rendering.output import CONTENT_TYPES


@job_kind("annual-report")
def annual_report(params: dict[str, Any], progress: Progress) -> JobResult:
    """params: provider (id), year, fmt (docx or pdf), language (sl or en)."""
    provider_id = params.get("provider")
    provider = Provider.objects.select_related("organisation").filter(pk=int(provider_id or 0)).first()
    if provider is None:
        raise JobError(_("The provider of this report no longer exists."))
    fmt, year = str(params.get("fmt", "")), int(params.get("year", 0))
    try:
        data = annual_report_render(
            provider=provider, year=year, fmt=fmt, language=str(params.get("language", "sl")), progress=progress
        )
    except AnnualReportError as error:
        raise JobError(str(error)) from error
    return data, f"letno-porocilo-{provider.slug}-{year}.{fmt}", CONTENT_TYPES[fmt]
