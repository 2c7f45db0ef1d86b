"""What the annual report page shows: the document itself, as `build_document` makes it for the DOCX and the PDF
(so the page, the document and `report_tables` agree: the same tables, numbers, captions and order), with the
checks before it, a narrative editor under each section's and area's heading for those who may edit, and a bar
chart drawn here (inline SVG, no JavaScript) for each figure of the document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from izvedba.accounts import access
from izvedba.core.formatting import format_number
from izvedba.jobs.models import Job
from izvedba.monitoring import charts as svg
from izvedba.providers.models import NarrativeBlock, Provider
from izvedba.providers.report.build import build_document
from izvedba.providers.report.context import annual_report_context
from izvedba.providers.selectors import report_tables
from izvedba.providers.services.annual_report import LANGUAGES
from izvedba.providers.tables.checks import Check
from izvedba.providers.views.forms import DocumentForm, NarrativeForm, narrative_anchor
from izvedba.providers.views.provider_page import AuthenticatedHttpRequest, years_by_provider
from izvedba.rendering import model
from izvedba.rendering.charts import ChartSpec
from izvedba.rendering.numbering import caption_text, numbered

RECENT_JOBS = 5
SECTION_KEY = re.compile(r"^section-(\d+)(?:-([a-z0-9_]+))?$")
COLOURS = ("#2a6cb0", "#b76e00", "#0f6a37", "#7b3fa0", "#b3261e", "#4d5d6c")


@dataclass
class TableView:
    """A document table as the page shows it: numbered caption, header, rows of (text, is figure) cells."""

    block: model.Table
    caption: str
    header: list[list[tuple[str, int]]]
    rows: list[tuple[str, list[tuple[str, bool]]]]
    mismatches: int = 0

    @property
    def anchor(self) -> str:
        return f"table-{self.block.key}" if self.block.key else ""


@dataclass
class Editor:
    """The narrative of one section (area "") or area, as stored, and the form to change it."""

    section: int
    area: str
    block: NarrativeBlock | None
    form: NarrativeForm

    @property
    def anchor(self) -> str:
        return narrative_anchor(self.section, self.area)


@dataclass
class Item:
    """One block of the document on the page (`kind` picks the template part)."""

    kind: str
    block: Any = None
    table: TableView | None = None
    chart: SafeString | None = None
    caption: str = ""
    editor: Editor | None = None
    level: int = 2


@dataclass(frozen=True)
class MismatchView:
    check: Check
    table: TableView | None
    title: str
    cell: str
    detail: str


@dataclass
class ChecksView:
    total: int
    ok: int
    mismatches: list[MismatchView] = field(default_factory=list)


def report_page_context(
    request: AuthenticatedHttpRequest,
    provider: Provider,
    year: int,
    *,
    narrative_form: NarrativeForm | None = None,
    document_form: DocumentForm | None = None,
) -> dict[str, Any]:
    language = page_language()
    can_edit = access.can_edit_provider_report(request.user, provider)
    with translation.override(language):
        document = numbered(build_document(annual_report_context(provider=provider, year=year, language=language)))
    report = report_tables(provider=provider, year=year)
    editors = narrative_editors(provider, year, narrative_form) if can_edit else {}
    items = page_items(document, editors)
    tables = {item.table.block.key: item.table for item in items if item.table is not None}
    years = years_by_provider([provider.pk]).get(provider.pk, [])
    return {
        "provider": provider,
        "year": year,
        "years": years,
        "has_data": year in years,
        "document": document,
        "items": items,
        "contents": [item for item in items if item.kind == "heading"],
        "checks": checks_view(report.checks, tables, {key: t.title for key, t in report.tables.items()}),
        "can_edit": can_edit,
        "narrative_form": narrative_form,
        "document_form": document_form or DocumentForm(initial={"language": language}),
        "jobs": recent_jobs(request.user, provider, year),
    }


def page_language() -> str:
    language = (translation.get_language() or "sl").split("-")[0]
    return language if language in LANGUAGES else "sl"


# --- the document's blocks as page items -------------------------------------------------------------------


def page_items(document: model.Document, editors: dict[tuple[int, str], Editor]) -> list[Item]:
    language = document.language
    items = []
    for block in document.blocks:
        if isinstance(block, model.Heading):
            match = SECTION_KEY.match(block.key)
            editor = editors.get((int(match[1]), match[2] or "")) if match else None
            items.append(Item("heading", block, editor=editor, level=min(block.level + 1, 4)))
        elif isinstance(block, model.Table):
            items.append(Item("table", block, table=table_view(block, language)))
        elif isinstance(block, model.Figure):
            caption = caption_text("figure", block.number, block.caption, language)
            data = table_view(block.table, language) if block.table is not None else None
            items.append(Item("figure", block, table=data, chart=chart_svg(block, caption), caption=caption))
        elif isinstance(block, model.Paragraph | model.BulletList | model.KeyFigures):
            items.append(Item(type(block).__name__.lower(), block))
    return items


def table_view(block: model.Table, language: str) -> TableView:
    header = [[(cell.text, cell.span) for cell in row] for row in block.header]
    rows: list[tuple[str, list[tuple[str, bool]]]] = []
    for row in (*block.rows, *([block.total] if block.total else [])):
        cells = [(text, block.alignment(i) == "right") for i, text in enumerate(row.cells)]
        rows.append((row.kind, cells))
    return TableView(block, caption_text("table", block.number, block.caption, language), header, rows)


def chart_svg(figure: model.Figure, caption: str) -> SafeString | None:
    """The figure's chart as the monitoring pages draw theirs: horizontal bars, grouped when there are several
    series (a line chart's series too), each bar with its value; the data table follows it on the page."""
    spec = figure.chart
    if not spec.categories or not spec.series:
        return None
    chart_id = f"chart-{figure.key or figure.number}"
    desc = _chart_desc(spec)
    if len(spec.series) == 1:
        values = spec.series[0].values
        bars = [
            svg.Bar(label, float(value or 0), _text(value, spec))
            for label, value in zip(spec.categories, values, strict=True)
        ]
        return mark_safe(svg.bar_chart(bars, title=caption, desc=desc, chart_id=chart_id))
    series = [
        svg.Series(s.name, COLOURS[i % len(COLOURS)], [v or 0.0 for v in s.values], [_text(v, spec) for v in s.values])
        for i, s in enumerate(spec.series)
    ]
    chart = svg.grouped_bar_chart(list(spec.categories), series, title=caption, desc=desc, chart_id=chart_id)
    return mark_safe(chart)  # the chart module escapes every text


def _text(value: float | None, spec: ChartSpec) -> str:
    return format_number(value, spec.decimals, spec.language)


def _chart_desc(spec: ChartSpec) -> str:
    parts = []
    for series in spec.series:
        values = ", ".join(
            f"{label} {_text(value, spec)}" for label, value in zip(spec.categories, series.values, strict=True)
        )
        parts.append(f"{series.name}: {values}" if len(spec.series) > 1 else values)
    return "; ".join(parts)


# --- narrative -----------------------------------------------------------------------------------------------


def narrative_editors(
    provider: Provider, year: int, bound: NarrativeForm | None = None
) -> dict[tuple[int, str], Editor]:
    """An editor for every section and area of the report, with what is stored (a rejected form keeps its input)."""
    from izvedba.providers.report.sections import sections

    stored = {
        (block.section, block.area): block
        for block in NarrativeBlock.objects.filter(provider=provider, year=year).select_related("updated_by")
    }
    bound_key = _form_key(bound)
    editors = {}
    for section in sections():
        for area in ("", *(a.key for a in section.areas)):
            key = (section.number, area)
            block = stored.get(key)
            if bound is not None and key == bound_key:
                form = bound
            else:
                initial = {"section": section.number, "area": area, "text": block.text if block else ""}
                form = NarrativeForm(initial=initial, year=year)
            editors[key] = Editor(section.number, area, block, form)
    return editors


def _form_key(form: NarrativeForm | None) -> tuple[int, str] | None:
    if form is None:
        return None
    try:
        return int(form.data.get("section", "")), form.data.get("area", "")
    except ValueError:
        return None


# --- checks and the user's documents -------------------------------------------------------------------------


def checks_view(checks: list[Check], tables: dict[str, TableView], titles: dict[str, str]) -> ChecksView:
    mismatches = []
    for check in checks:
        if check.status == "ok":
            continue
        view = tables.get(check.table)
        if view is not None:
            view.mismatches += 1
        title = view.caption if view is not None else titles.get(check.table, check.table)
        cell, detail = split_detail(check)
        mismatches.append(MismatchView(check, view, title, cell, detail))
    return ChecksView(len(checks), len(checks) - len(mismatches), mismatches)


def split_detail(check: Check) -> tuple[str, str]:
    """A check's detail as (the cell, what was compared): 'Koper / Vloge: printed at 003 L2758' → both halves."""
    if check.rule.startswith("cross-table"):
        cell, _sep, _rest = check.detail.partition(" = ")
        return cell, check.detail
    cell, sep, rest = check.detail.partition(": ")
    return (cell, rest) if sep else ("", check.detail)


def recent_jobs(user: Any, provider: Provider, year: int) -> list[Job]:
    """The user's latest documents of this report (to download again, or to follow while they are made)."""
    jobs = Job.objects.filter(
        kind="annual-report", requested_by=user, params__provider=provider.pk, params__year=year
    ).order_by("-created_at", "-pk")
    return list(jobs[:RECENT_JOBS])
