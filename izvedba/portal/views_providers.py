"""Providers' published annual-report tables on the public portal (/javno/izvajalci/…): no login, small counts
hidden (izvedba.portal.provider_datasets); and the internal button that publishes or withdraws a report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_POST

from izvedba.accounts import access
from izvedba.core.templatetags.sl_format import num
from izvedba.monitoring import charts
from izvedba.portal import downloads
from izvedba.portal import provider_datasets as data
from izvedba.providers.models import Provider
from izvedba.providers.views.provider_page import AuthenticatedHttpRequest, provider_for
from izvedba.providers.views.report import FIRST_YEAR

DOWNLOAD_FORMATS = ("csv", "json")


def _published_provider(slug: str, year: int) -> Provider:
    provider = Provider.objects.select_related("organisation").filter(organisation__slug=slug).first()
    if provider is None or data.published_report(provider=provider, year=year) is None:
        raise Http404
    return provider


@require_GET
def provider_list(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/providers/list.html", {"publications": data.published_reports()})


@require_GET
def provider_report(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    provider = _published_provider(slug, year)
    tables = data.public_tables(provider=provider, year=year)
    context = {
        "provider": provider,
        "year": year,
        "tables": [(table, _chart(table)) for table in tables],
        "threshold": data.threshold(),
        "formats": DOWNLOAD_FORMATS,
    }
    return render(request, "portal/providers/report.html", context)


def _chart(table: data.PublicTable) -> str:
    """Bars of the first column's data rows; a suppressed figure is drawn as an empty bar marked "x"."""
    rows = [row for row in table.rows if row.kind == "data" and row.cells]
    if not rows or not table.columns or len(rows) > 40:
        return ""
    bars = [
        charts.Bar(row.label, 0.0, data.SUPPRESSED)
        if row.cells[0].hidden
        else charts.Bar(row.label, float(row.cells[0].value or 0), str(num(row.cells[0].value)))
        for row in rows
    ]
    svg = charts.bar_chart(
        bars,
        title=f"{table.title}: {table.columns[0]}",
        desc=pgettext("public", "Bars of the table's first column; x marks a figure hidden to protect persons."),
        chart_id=f"chart-{table.key}",
    )
    return mark_safe(svg)


@require_GET
def provider_report_download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    if fmt not in DOWNLOAD_FORMATS:
        raise Http404
    provider = _published_provider(slug, year)
    dataset = data.provider_dataset(provider=provider, year=year)
    response = HttpResponse(downloads.render(dataset, fmt), content_type=downloads.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{dataset.key}.{fmt}"'
    return response


@require_POST
@login_required
def provider_report_publish(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    provider = provider_for(request.user, slug)
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404
    access.require_edit_provider_report(request.user, provider)
    publish = request.POST.get("action") != "withdraw"
    data.provider_report_publish(provider=provider, year=year, user=request.user, publish=publish)
    if publish:
        messages.success(
            request, _("The report's tables are published on the public portal, with small counts hidden.")
        )
    else:
        messages.success(request, _("The report is withdrawn from the public portal."))
    return redirect(reverse("providers:report", args=[provider.slug, year]))
