"""`{% council_acknowledgements plan %}`: the plan page's list of councils informed, and the form to record one
for those who may (asked of izvedba.accounts.access)."""

from __future__ import annotations

from typing import Any

from django import template

from izvedba.accounts import access
from izvedba.plans.models import Plan
from izvedba.publications.council_acknowledgements import AcknowledgementForm, council_rows

register = template.Library()


@register.inclusion_tag("publications/_council_acknowledgements.html", takes_context=True)
def council_acknowledgements(context: dict[str, Any], plan: Plan) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    can_record = access.can_coordinate(user, plan)
    return {
        "plan": plan,
        "rows": council_rows(plan),
        "can_record": can_record,
        "form": AcknowledgementForm(plan=plan) if can_record else None,
        "csrf_token": context.get("csrf_token"),
    }
