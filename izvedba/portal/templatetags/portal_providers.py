"""`{% provider_publication provider year as publication %}`: a provider's report publication on the portal, or None."""

from __future__ import annotations

from django import template

from izvedba.portal.models import PublishedProviderReport
from izvedba.portal.provider_datasets import published_report
from izvedba.providers.models import Provider

register = template.Library()


@register.simple_tag
def provider_publication(provider: Provider, year: int) -> PublishedProviderReport | None:
    return published_report(provider=provider, year=year)
