"""The plan's progress dashboard and the CSV/JSON exports of its progress and its measures.

Anyone may open them; the figures come from `counted_rounds` (monitors: every round; everyone else: the
published ones), and only approved reports count.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from izvedba.accounts.access import can_view_monitoring, counted_rounds, require_read_plans
from izvedba.core.formatting import format_eur, format_number
from izvedba.monitoring import charts
from izvedba.monitoring import progress as p
from izvedba.monitoring.selectors import Progress, plan_progress
from izvedba.plans.models import Measure, Plan
from izvedba.plans.selectors import plan_get, plan_measures

# --- the dashboard -------------------------------------------------------------------------------------------


def plan_progress_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    progress = _progress(request, plan)
    context = {
        "plan": plan,
        "progress": progress,
        "charts": _charts(progress),
        "monitor": can_view_monitoring(request.user, plan),
        "status_rows": [(key, p.STATUS_LABELS[key], n) for key, n in progress.by_status.items()],
        "measure_url": reverse("plans:measure", args=[0]).removesuffix("0/"),  # + id + "/": one reverse, not 200
    }
    return render(request, "monitoring/progress.html", context)


def _plan(request: HttpRequest, plan_id: int) -> Plan:
    require_read_plans(request.user)
    try:
        return plan_get(plan_id)
    except Plan.DoesNotExist:
        raise Http404 from None


def _progress(request: HttpRequest, plan: Plan) -> Progress:
    return plan_progress(plan, counted_rounds(request.user, plan), today=timezone.localdate())


def _charts(progress: Progress) -> dict[str, SafeString]:
    """The dashboard's charts as inline SVG (charts.py escapes every text it writes)."""
    lang = get_language() or "sl"
    money = progress.money
    see_table = _("The table below gives the same figures.")
    status = charts.bar_chart(
        [charts.Bar(str(p.STATUS_LABELS[k]), n, format_number(n, None, lang)) for k, n in progress.by_status.items()],
        title=_("Measures by implementation status"),
        desc=_("Number of measures (sub-rows counted on their own) in each status.") + " " + see_table,
        chart_id="chart-status",
    )
    years = charts.grouped_bar_chart(
        [str(y.year) for y in money.years],
        _money_series([(y.planned, y.spent) for y in money.years], lang),
        title=_("Planned and spent money by year"),
        desc=_("For each year, the money planned and the money approved reports say was spent.") + " " + see_table,
        chart_id="chart-money-years",
    )
    sources = charts.grouped_bar_chart(
        [s.source or _("Several sources (not split in the document)") for s in money.sources],
        _money_series([(s.planned, s.spent) for s in money.sources], lang),
        title=_("Planned and spent money by funding source"),
        desc=_("For each funding source, the money planned in all and the money spent.") + " " + see_table,
        chart_id="chart-money-sources",
    )
    off_track = charts.progress_chart(
        [
            charts.ProgressBar(f"{m.label} {i.text}", i.progress.share, _share_text(i.progress), warn=True)
            for m, i in progress.indicators_off_track
        ],
        title=_("Indicators off track"),
        desc=_("How much of the way from the baseline to the target each indicator has covered.") + " " + see_table,
        chart_id="chart-off-track",
    )
    svgs = {"status": status, "money_years": years, "money_sources": sources, "off_track": off_track}
    return {key: mark_safe(svg) for key, svg in svgs.items()}  # charts.py escapes every text


def _money_series(pairs: list[tuple[int, Decimal]], lang: str) -> list[charts.Series]:
    planned = [amount for amount, _spent in pairs]
    spent = [amount for _planned, amount in pairs]
    return [
        charts.Series(_("planned"), charts.COLOUR_PLANNED, planned, [format_eur(a, lang) for a in planned]),
        charts.Series(_("spent"), charts.COLOUR_SPENT, [float(a) for a in spent], [format_eur(a, lang) for a in spent]),
    ]


def _share_text(progress: p.IndicatorProgress) -> str:
    if progress.share_percent is None:
        return "–"
    return f"{format_number(progress.share_percent, 1, get_language() or 'sl')} %"


# --- exports -------------------------------------------------------------------------------------------------


def progress_csv(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    rows = p.progress_rows(_progress(request, plan).measures)
    return _csv(p.PROGRESS_FIELDS, rows, f"napredek-{plan.pk}.csv")


def progress_json(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    progress = _progress(request, plan)
    body = {
        "plan": {"id": plan.pk, "slug": plan.slug, "title": plan.title},
        "today": progress.today,
        "rounds_counted": [{"id": r.id, "label": r.label, "period_end": r.period_end} for r in progress.rounds],
        "rows": p.progress_rows(progress.measures),
    }
    return _json(body, f"napredek-{plan.pk}.json")


MEASURE_FIELDS = (
    "id",
    "code",
    "sub_index",
    "parent_code",
    "title",
    "purpose",
    "goal",
    "area",
    "holders",
    "participants",
    "deadlines",
    "funding_sources",
    "funding",
    "planned_eur",
    "no_additional_funds",
    "indicators",
)


def measures_csv(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    return _csv(MEASURE_FIELDS, measure_rows(plan_measures(plan)), f"ukrepi-{plan.pk}.csv")


def measures_json(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    body = {"plan": {"id": plan.pk, "slug": plan.slug, "title": plan.title}, "rows": measure_rows(plan_measures(plan))}
    return _json(body, f"ukrepi-{plan.pk}.json")


def measure_rows(measures: Iterable[Measure]) -> list[dict[str, Any]]:
    """Measures from `plan_measures` (details prefetched), each followed by its sub-rows: one row each."""
    rows = []
    for measure in measures:
        rows.append(_measure_row(measure, measure))
        rows.extend(_measure_row(sub, measure) for sub in measure.sub_rows.all())
    return rows


def _measure_row(row: Measure, top: Measure) -> dict[str, Any]:
    years = len(top.plan.years)
    lines = row.funding_lines.all()
    goal = row.goal or top.goal
    return {
        "id": row.pk,
        "code": row.code,
        "sub_index": row.sub_index,
        "parent_code": top.code if row is not top else None,
        "title": row.title,
        "purpose": row.purpose,
        "goal": goal.number if goal else None,
        "area": row.area.code if row.area else (top.area.code if top.area else None),
        "holders": [r.organisation.label for r in row.responsibilities.all() if r.role == "holder"],
        "participants": [r.organisation.label for r in row.responsibilities.all() if r.role == "participant"],
        "deadlines": [f"{d.due_on.isoformat()} {d.label}".strip() for d in row.deadlines.all()],
        "funding_sources": [s.source.name for s in row.measurefundingsource_set.all()],
        "funding": [_line_text(line) for line in lines],
        "planned_eur": sum(p.line_total(line.basis, line.amount_eur, years) for line in lines),
        "no_additional_funds": row.no_additional_funds,
        "indicators": [_indicator_text(i.text, i.target, i.unit) for i in row.indicators.all()],
    }


def _line_text(line: Any) -> str:
    source = f" ({line.source.name})" if line.source else ""
    return f"{line.period_label}: {line.amount_eur} EUR{source}"


def _indicator_text(text: str, target: Decimal | None, unit: str) -> str:
    if target is None:
        return text
    return f"{text} ({_('target')} {_plain(target)}{' ' + unit if unit else ''})"


# --- CSV and JSON responses ----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A value as it goes into CSV and JSON: decimals without trailing zeros, dates in ISO 8601."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _csv(fields: Sequence[str], rows: list[dict[str, Any]], filename: str) -> HttpResponse:
    """UTF-8 with a BOM (so spreadsheets read the č, š, ž), comma-separated, quoted where needed; lists as "a; b"."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([_csv_cell(row[f]) for f in fields])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return _plain(value)


def _json(body: dict[str, Any], filename: str) -> HttpResponse:
    text = json.dumps(body, default=_json_default, ensure_ascii=False, indent=1)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
