"""The public pages about organisations: who holds and joins which measures."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from izvedba.organisations.models import Organisation
from izvedba.organisations.selectors import organisation_get, organisation_list, organisation_page


def organisations(request: HttpRequest) -> HttpResponse:
    return render(request, "organisations/organisation_list.html", {"organisations": organisation_list()})


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        organisation = organisation_get(slug)
    except Organisation.DoesNotExist:
        raise Http404 from None
    return render(request, "organisations/organisation_detail.html", {"page": organisation_page(organisation)})
