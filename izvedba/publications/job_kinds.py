"""Background job kinds of the publications app (found by izvedba.jobs.registry): `document`, any document kind
of the rendering registry (regional summary, monitoring report, council material) as DOCX or PDF."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from izvedba.geo.models import Municipality
from izvedba.jobs.registry import JobError, JobResult, Progress, job_kind
from izvedba.monitoring.models import Round
from izvedba.plans.models import Plan
from izvedba.rendering.kinds import KINDS
from izvedba.rendering.output import CONTENT_TYPES, FORMATS


@job_kind("document")
def document(params: dict[str, Any], progress: Progress) -> JobResult:
    """params: kind (a document kind's key), plan, round, municipality (ids, as the kind needs), fmt (docx or
    pdf), language, published_only (monitoring report: count only published earlier rounds)."""
    key, fmt = str(params.get("kind", "")), str(params.get("fmt", ""))
    kind = KINDS.get(key)
    if kind is None:
        raise JobError(_("Documents of the kind “%(kind)s” cannot be made here.") % {"kind": key})
    if fmt not in FORMATS:
        raise JobError(_("Unknown document format “%(format)s”.") % {"format": fmt})
    plan = Plan.objects.filter(pk=int(params.get("plan") or 0)).first()
    if plan is None:
        raise JobError(_("The plan of this document no longer exists."))
    values: dict[str, Any] = {}
    name = plan.slug
    for parameter in kind.parameters:
        if parameter == "plan":
            values["plan"] = plan
        elif parameter == "round":
            round_ = Round.objects.filter(pk=int(params.get("round") or 0), plan=plan).first()
            if round_ is None:
                raise JobError(_("The reporting round of this document no longer exists."))
            values["round"] = round_
            name = f"{plan.slug}-{round_.label}"
        elif parameter == "municipality":
            municipality = Municipality.objects.filter(pk=int(params.get("municipality") or 0)).first()
            if municipality is None:
                raise JobError(_("The municipality of this document no longer exists."))
            values["municipality"] = municipality
            name = f"{plan.slug}-{municipality.code}"
        else:
            raise JobError(_("Documents of the kind “%(kind)s” cannot be made here.") % {"kind": key})
    if key == "monitoring-report" and params.get("published_only"):
        values["published_only"] = True
    try:
        data = kind.render_service()(fmt=fmt, language=str(params.get("language", "sl")), progress=progress, **values)
    except ValueError as error:
        raise JobError(str(error)) from error
    return data, f"{key}-{name}.{fmt}"[:200], CONTENT_TYPES[fmt]
