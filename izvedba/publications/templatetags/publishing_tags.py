"""`{% document_publishing job %}`: on a finished document job's page, the button to publish it on the public
portal and the plan's published documents (with a withdraw button), for those who coordinate its plan.
`{% published_documents plan %}`: the portal plan page's list of published documents, the same for everyone."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import pgettext_lazy

from izvedba.accounts import access
from izvedba.jobs.models import Job
from izvedba.plans.models import Plan
from izvedba.publications.publishing import documents_public, publishable_plan

register = template.Library()

KIND_LABELS = {
    "regional-summary": pgettext_lazy("public", "Regional plan summary"),
    "council-material": pgettext_lazy("public", "Material for a municipal council"),
    "monitoring-report": pgettext_lazy("public", "Monitoring report"),
}
LANGUAGE_LABELS = {
    "sl": pgettext_lazy("public", "Slovenian"),
    "en": pgettext_lazy("public", "English"),
    "it": pgettext_lazy("public", "Italian"),
    "hu": pgettext_lazy("public", "Hungarian"),
}


@register.inclusion_tag("publications/_document_publishing.html", takes_context=True)
def document_publishing(context: dict[str, Any], job: Job) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    plan = publishable_plan(job)
    allowed = plan is not None and access.can_coordinate(user, plan)
    return {
        "job": job,
        "plan": plan,
        "can_publish": allowed,
        "documents": documents_public(plan) if allowed and plan is not None else [],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("publications/_published_documents.html")
def published_documents(plan: Plan) -> dict[str, Any]:
    rows = [
        {
            "document": document,
            "kind": KIND_LABELS.get(document.kind, document.kind),
            "language": LANGUAGE_LABELS.get(document.language, document.language),
        }
        for document in documents_public(plan)
    ]
    return {"plan": plan, "rows": rows}
