"""The providers' list and a provider's page (units, the municipalities they cover, programmes, cost carriers).
Signed-in users only: a provider whose reports one may not read is not there (404)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from izvedba.providers.views.provider_page import (
    AuthenticatedHttpRequest,
    provider_for,
    provider_rows,
    unit_rows,
    years_by_provider,
)


@require_GET
@login_required
def provider_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "providers/provider_list.html", {"rows": provider_rows(request.user)})


@require_GET
@login_required
def provider_detail(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    provider = provider_for(request.user, slug)
    context = {
        "provider": provider,
        "years": years_by_provider([provider.pk]).get(provider.pk, []),
        "units": unit_rows(provider),
        "programmes": provider.programmes.select_related("unit", "cost_carrier").order_by("kind", "name"),
        "cost_carriers": provider.cost_carriers.order_by("position", "code"),
    }
    return render(request, "providers/provider_detail.html", context)
