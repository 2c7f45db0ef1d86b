"""Template tags for capture links and plan indicators fed from providers' reports.

{% load provider_capture %}
{% can_capture provider as may_capture %}
{% indicator_feed indicator report.round as feed %}   {# [(year, FeedValue)], [] without a feed #}
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from izvedba.accounts import access
from izvedba.providers.feeds import FeedValue, feed_values

register = template.Library()


@register.simple_tag(takes_context=True)
def can_capture(context: template.Context, provider: Any) -> bool:
    request = context.get("request")
    return request is not None and access.can_edit_provider_report(request.user, provider)


@register.simple_tag
def capture_years() -> list[int]:
    """The years one usually enters: last year (reports are written in February) and this one."""
    this_year = timezone.localdate().year
    return [this_year - 1, this_year]


@register.simple_tag
def indicator_feed(indicator: Any, period: Any) -> list[tuple[int, FeedValue]]:
    """The indicator's figures from providers' reports for each year of `period` (anything with period_start and
    period_end dates, e.g. a monitoring round), newest first; [] for an indicator without a feed or a statement."""
    if indicator is None or not getattr(indicator, "is_numeric", False) or period is None:
        return []
    years = range(period.period_start.year, period.period_end.year + 1)
    return sorted(feed_values(indicator, years).items(), reverse=True)
