"""The public portal: no login, only published monitoring (see izvedba.portal.selectors)."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from izvedba.core.templatetags.sl_format import num
from izvedba.geo.svg import load_regions_geojson
from izvedba.monitoring import charts
from izvedba.monitoring.progress import STATUS_LABELS, STATUSES
from izvedba.plans.models import Measure, Plan, Resolution
from izvedba.portal import catalogue as dcat
from izvedba.portal import datasets as registry
from izvedba.portal import downloads, selectors
from izvedba.portal.choropleth import NO_DATA, choropleth_svg


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"plan_count": Plan.objects.count()})


def resolution(request: HttpRequest) -> HttpResponse:
    resolutions = Resolution.objects.prefetch_related("goals").order_by("-period_start")
    return render(request, "portal/resolution.html", {"resolutions": resolutions})


def plan_list(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/plan_list.html", {"plans": selectors.public_plans()})


def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.select_related("region", "resolution"), slug=slug)
    progress = selectors.public_progress(plan)
    statuses = [(STATUS_LABELS[s], progress.by_status.get(s, 0)) for s in STATUSES]
    chart = charts.bar_chart(
        [charts.Bar(str(label), count, num(count)) for label, count in statuses],
        title=pgettext("public", "Measures by implementation status"),
        desc=pgettext("public", "Number of the plan's measures in each status by the latest published round."),
        chart_id="status-chart",
    )
    context = {"plan": plan, "progress": progress, "statuses": statuses, "status_chart": mark_safe(chart)}
    return render(request, "portal/plan_detail.html", context)


def measure_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, slug=slug)
    measure = get_object_or_404(Measure.objects.select_related("goal"), plan=plan, pk=pk)
    progress = selectors.public_progress(plan)
    row = next((m for m in progress.measures if m.id == measure.pk), None)
    if row is None:
        raise Http404
    chart = ""
    if row.indicators:
        chart = charts.progress_chart(
            [
                charts.ProgressBar(i.text, i.progress.share, _share_text(i.progress.share), warn=False)
                for i in row.indicators
            ],
            title=pgettext("public", "Indicators: share of the way to the target"),
            desc=pgettext("public", "For each indicator, how far the latest published value is towards its target."),
            chart_id="indicator-chart",
        )
    context = {"plan": plan, "measure": measure, "row": row, "progress": progress, "chart": mark_safe(chart)}
    return render(request, "portal/measure_detail.html", context)


def _share_text(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def figure_labels() -> dict[str, str]:
    return {
        "plans": pgettext("public", "Number of regional plans"),
        "measures": pgettext("public", "Number of measures"),
        "late_measures": pgettext("public", "Number of late measures"),
    }


def region_map(request: HttpRequest) -> HttpResponse:
    labels = figure_labels()
    figure = request.GET.get("figure", "plans")
    if figure not in labels:
        figure = "plans"
    rows = selectors.region_figures()
    values = {r.code: r.value(figure) for r in rows}
    svg, legend = choropleth_svg(
        load_regions_geojson(),
        values,
        title=pgettext("public", "Map of statistical regions: %(figure)s") % {"figure": labels[figure]},
        desc=pgettext("public", "Darker regions have more. The table below the map gives each region's figure."),
        label=labels[figure],
    )
    context = {
        "figure": figure,
        "figures": labels.items(),
        "figure_label": labels[figure],
        "rows": [(r, r.value(figure)) for r in rows],
        "map_svg": mark_safe(svg),
        "legend": legend,
        "no_data_colour": NO_DATA,
    }
    return render(request, "portal/region_map.html", context)


def open_data(request: HttpRequest) -> HttpResponse:
    context = {"datasets": registry.datasets(), "formats": list(downloads.FORMATS)}
    return render(request, "portal/open_data.html", context)


def download(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    dataset = registry.get_dataset(key)
    if dataset is None or fmt not in downloads.FORMATS:
        raise Http404
    response = HttpResponse(downloads.render(dataset, fmt), content_type=downloads.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{dataset.key}.{fmt}"'
    return response


def catalogue(request: HttpRequest) -> HttpResponse:
    base = request.build_absolute_uri("/").rstrip("/")

    def download_url(key: str, fmt: str) -> str:
        return request.build_absolute_uri(reverse("portal:download", args=[key, fmt]))

    document = dcat.catalogue(
        registry.datasets(),
        base_url=base,
        portal_url=request.build_absolute_uri(reverse("portal:open-data")),
        download_url=download_url,
        period=selectors.data_period(),
        modified=selectors.data_modified(),
    )
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/ld+json; charset=utf-8")
