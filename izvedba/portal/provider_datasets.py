"""Providers' annual-report tables as the public sees them: only published reports, with small counts hidden.

Which tables are suppressed (the rule, as data): a table is *about persons or cases* when any indicator it reads has
one of the units in ``PERSON_UNITS`` (``count``: cases, applications, interventions, placements; ``persons``:
distinct persons). Money, minutes, nights, days, FTE and percentages say nothing about how few people are involved
and are published as they are. Peak-month tables (their cells are month numbers) are not counts either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from izvedba.accounts.models import User
from izvedba.core.versioning import content_changed
from izvedba.portal.datasets import Column, Dataset, register_dataset
from izvedba.portal.models import PublishedProviderReport
from izvedba.portal.suppression import DEFAULT_THRESHOLD, suppress_table
from izvedba.providers.models import Indicator, Provider
from izvedba.providers.selectors import report_context, report_tables
from izvedba.providers.tables.context import Context
from izvedba.providers.tables.engine import Table
from izvedba.providers.tables.registry import TABLES
from izvedba.providers.tables.spec import Col, ColsFrom, TableSpec, YearCols

PERSON_UNITS = (Indicator.Unit.COUNT, Indicator.Unit.PERSONS)
SUPPRESSED = "x"


def threshold() -> int:
    return int(getattr(settings, "IZVEDBA_SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD))


@dataclass(frozen=True)
class PublicCell:
    value: Decimal | None
    hidden: bool


@dataclass(frozen=True)
class PublicRow:
    key: str
    label: str
    kind: str
    cells: list[PublicCell]


@dataclass(frozen=True)
class PublicTable:
    key: str
    title: str
    columns: list[str]
    rows: list[PublicRow]
    suppressed: bool  # the table is about persons and went through suppression

    @property
    def any_hidden(self) -> bool:
        return any(cell.hidden for row in self.rows for cell in row.cells)


def published_report(*, provider: Provider, year: int) -> PublishedProviderReport | None:
    return PublishedProviderReport.objects.filter(provider=provider, year=year).first()


def published_reports() -> list[PublishedProviderReport]:
    return list(
        PublishedProviderReport.objects.select_related("provider__organisation").order_by(
            "provider__organisation__name", "year"
        )
    )


def spec_indicators(spec: TableSpec, lines_indicators: list[str | None]) -> set[str]:
    codes = {spec.indicator, *lines_indicators}
    for column in spec.columns:
        if isinstance(column, Col | ColsFrom | YearCols):
            codes.add(column.indicator)
    return {code for code in codes if code}


def is_person_table(spec: TableSpec, ctx: Context, units: dict[str, str]) -> bool:
    """The rule of the module: any indicator the table reads counts persons or cases."""
    codes = spec_indicators(spec, [line.indicator for line in spec.rows.lines(ctx, spec.key)])
    return any(units.get(code) in PERSON_UNITS for code in codes)


def public_tables(*, provider: Provider, year: int) -> list[PublicTable]:
    """Every report table of the provider's year as published: suppressed cells are marked hidden, values kept
    only for shown cells (a hidden cell's value is never handed on)."""
    report = report_tables(provider=provider, year=year)
    ctx = report_context(provider=provider, year=year)
    units = dict(Indicator.objects.values_list("code", "unit"))
    limit = threshold()
    result = []
    for spec in TABLES:
        table = report.tables[spec.key]
        if not table.rows:
            continue
        hidden: set[tuple[str, int]] = set()
        persons = isinstance(spec, TableSpec) and is_person_table(spec, ctx, units)
        if persons and isinstance(spec, TableSpec):
            members = {line.key: list(line.members) for line in spec.rows.lines(ctx, spec.key) if line.members}
            hidden = suppress_table(table, threshold=limit, members=members)
        result.append(_public(table, hidden, persons))
    return result


def _public(table: Table, hidden: set[tuple[str, int]], suppressed: bool) -> PublicTable:
    rows = [*table.rows, *([table.total] if table.total else [])]
    public_rows = [
        PublicRow(
            row.key,
            row.label,
            row.kind,
            [
                PublicCell(None, True) if (row.key, i) in hidden else PublicCell(value, False)
                for i, value in enumerate(row.cells)
            ],
        )
        for row in rows
    ]
    return PublicTable(table.key, table.title, [c.label for c in table.columns], public_rows, suppressed)


def flat_rows(
    tables: list[PublicTable], *, provider: str, year: int
) -> Iterator[dict[str, str | int | Decimal | None]]:
    """One row per cell, for CSV/JSON downloads: a hidden cell has no value and `suppressed` = 1."""
    for table in tables:
        for row in table.rows:
            for label, cell in zip(table.columns, row.cells, strict=False):
                yield {
                    "provider": provider,
                    "year": year,
                    "table": table.key,
                    "row": row.label,
                    "column": label,
                    "value": None if cell.hidden else cell.value,
                    "suppressed": int(cell.hidden),
                }


@transaction.atomic
def provider_report_publish(*, provider: Provider, year: int, user: User, publish: bool = True) -> None:
    """Publish (or withdraw) a provider's annual report on the public portal."""
    if publish:
        PublishedProviderReport.objects.update_or_create(
            provider=provider, year=year, defaults={"published_at": timezone.now(), "published_by": user}
        )
    else:
        PublishedProviderReport.objects.filter(provider=provider, year=year).delete()
    content_changed()


def all_published_rows() -> Iterator[dict[str, str | int | Decimal | None]]:
    for publication in published_reports():
        provider = publication.provider
        tables = public_tables(provider=provider, year=publication.year)
        yield from flat_rows(tables, provider=provider.organisation.slug, year=publication.year)


def _c(name: str, type_: str, description: str) -> Column:
    return Column(name, type_, pgettext_lazy("public", description))


CELL_COLUMNS = (
    _c("provider", "string", "The provider's identifier (slug)"),
    _c("year", "integer", "The report year"),
    _c("table", "string", "The table's key"),
    _c("row", "string", "The row's label"),
    _c("column", "string", "The column's label"),
    _c("value", "decimal", "The figure; empty when it is suppressed"),
    _c("suppressed", "integer", "1 when the figure is hidden to protect persons in small counts (under 5), else 0"),
)


def provider_dataset(*, provider: Provider, year: int) -> Dataset:
    """One published report's tables as a downloadable dataset (cells of small counts suppressed)."""
    slug = provider.organisation.slug
    return Dataset(
        key=f"izvajalec-{slug}-{year}",
        title_sl=f"Letno poročilo {year}: {provider.organisation.name}",
        title_en=f"Annual report {year}: {provider.organisation.name}",
        description_sl="Tabele letnega poročila izvajalca; majhna števila oseb so prikrita.",
        description_en="The provider's annual report tables; small counts of persons are suppressed.",
        columns=CELL_COLUMNS,
        rows=lambda: flat_rows(public_tables(provider=provider, year=year), provider=slug, year=year),
    )


PROVIDER_TABLES = register_dataset(
    Dataset(
        key="izvajalci-tabele",
        title_sl="Tabele objavljenih letnih poročil izvajalcev",
        title_en="Tables of providers' published annual reports",
        description_sl="Vse celice tabel objavljenih letnih poročil; majhna števila oseb so prikrita.",
        description_en="Every cell of the published providers' report tables; small counts of persons are suppressed.",
        columns=CELL_COLUMNS,
        rows=all_published_rows,
    )
)
