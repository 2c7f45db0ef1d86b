"""The public pages about statistical regions: the map, municipalities, centres and plans."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from izvedba.geo.models import Region
from izvedba.geo.selectors import region_get, region_list, region_map, region_page


def regions(request: HttpRequest) -> HttpResponse:
    context = {"regions": region_list(), "map": region_map(title=_("Map of Slovenia's statistical regions"))}
    return render(request, "geo/region_list.html", context)


def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        region = region_get(code)
    except Region.DoesNotExist:
        raise Http404 from None
    title = _("Map of Slovenia's statistical regions with the %(region)s region highlighted") % {"region": region.name}
    context = {"page": region_page(region), "map": region_map(title=title, highlight=region.code)}
    return render(request, "geo/region_detail.html", context)
