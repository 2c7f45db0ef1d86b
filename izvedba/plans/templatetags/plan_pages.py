"""What the plan and measure pages add for signed-in people: edit links for coordinators, and a measure's reports.

    {% load plan_pages %}
    {% can_edit_plan plan as can_edit %}
    {% measure_reports measure as reports %}

Both ask izvedba.accounts.access. The pages are cached only for visitors who are not signed in, who get
neither.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Q

from izvedba.accounts import access
from izvedba.monitoring.models import Report
from izvedba.plans.models import Measure, Plan

register = template.Library()


def _user(context: template.Context) -> Any:
    request = context.get("request")
    return getattr(request, "user", None)


@register.simple_tag(takes_context=True)
def can_edit_plan(context: template.Context, plan: Plan) -> bool:
    return access.can_edit_plan(_user(context), plan)


@register.simple_tag(takes_context=True)
def measure_reports(context: template.Context, measure: Measure) -> list[Report]:
    """The reports on the measure (and its sub-rows) the user may read, the latest round first."""
    user = _user(context)
    if not getattr(user, "is_authenticated", False):
        return []
    reports = Report.objects.filter(Q(measure=measure) | Q(measure__parent=measure))
    return list(
        access.visible_reports(user, reports)
        .select_related("round", "measure")
        .order_by("-round__period_end", "-round__pk", "measure__sub_index")
    )
