"""Reads for providers' reports: the context and observations a report year needs, and the built tables with
their checks (also as the JSON `manage.py report_tables` prints)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from izvedba.organisations.models import UnitCoverage
from izvedba.providers.models import (
    Category,
    CategorySet,
    Indicator,
    Observation,
    PopulationSnapshot,
    PrintedFigure,
    Provider,
)
from izvedba.providers.tables.checks import Check, Printed, run_checks
from izvedba.providers.tables.context import Context, Item
from izvedba.providers.tables.cube import Cube, Fact
from izvedba.providers.tables.engine import Table, build
from izvedba.providers.tables.registry import CROSS_RULES, TABLES

POPULATION = "population"


@dataclass(frozen=True)
class ReportTables:
    provider: Provider
    year: int
    tables: dict[str, Table]
    checks: list[Check]

    @property
    def mismatches(self) -> list[Check]:
        return [check for check in self.checks if check.status != "ok"]


def provider_by_slug(slug: str) -> Provider | None:
    return Provider.objects.select_related("organisation").filter(organisation__slug=slug).first()


def report_tables(*, provider: Provider, year: int) -> ReportTables:
    """Every report table for the provider's year, built from the finest-grain data, and every check."""
    ctx = report_context(provider=provider, year=year)
    cube = report_cube(provider=provider, years=(year - 1, year), ctx=ctx)
    tables = {spec.key: build(spec, ctx, cube) for spec in TABLES}
    checks = run_checks(tables, printed_figures(provider=provider, year=year), CROSS_RULES, ctx)
    return ReportTables(provider, year, tables, checks)


def report_context(*, provider: Provider, year: int) -> Context:
    units = tuple(Item(u.code, u.short_name or u.name, u.kind) for u in provider.units.order_by("position", "code"))
    carriers = tuple(
        Item(c.code, c.name, "market" if c.is_market else "") for c in provider.cost_carriers.order_by("position")
    )
    labels = {(label.table, label.item): label.label for label in provider.table_labels.all()}
    indicator_labels = {i.code: i.display_label for i in Indicator.objects.all()}
    indicator_labels[POPULATION] = _("Population")
    return Context(
        provider=provider.organisation.name,
        year=year,
        units=units,
        categories=categories_for_year(year),
        cost_carriers=carriers,
        municipalities=covered_municipalities(provider),
        indicator_labels=indicator_labels,
        labels=labels,
    )


def categories_for_year(year: int) -> dict[str, tuple[Item, ...]]:
    """Each dimension's categories in the set that covers `year`."""
    sets = CategorySet.objects.filter(valid_from__lte=year).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))
    categories = Category.objects.filter(category_set__in=sets).select_related("category_set__dimension")
    result: dict[str, list[Item]] = {}
    for category in categories.order_by("category_set", "position"):
        item = Item(category.code, category.display_label, parent=category.parent)
        result.setdefault(category.category_set.dimension.code, []).append(item)
    return {dimension: tuple(items) for dimension, items in result.items()}


def covered_municipalities(provider: Provider) -> tuple[Item, ...]:
    """The municipalities the provider's units cover: by unit, the administrative unit's seat first."""
    positions = dict(provider.units.filter(centre_unit__isnull=False).values_list("centre_unit_id", "position"))
    coverage = UnitCoverage.objects.filter(unit_id__in=positions).select_related("municipality")
    rows = sorted(
        coverage,
        key=lambda c: (
            positions[c.unit_id],
            c.municipality.name.split("/")[0] != c.municipality.administrative_unit,
            c.municipality.name,
        ),
    )
    return tuple(
        Item(
            c.municipality.code,
            c.municipality.official_title or c.municipality.name,
            group=c.municipality.administrative_unit,
        )
        for c in rows
    )


def report_cube(*, provider: Provider, years: tuple[int, ...], ctx: Context) -> Cube:
    rows = Observation.objects.filter(provider=provider, year__in=years).values_list(
        "indicator__code", "year", "month", "unit__code", "programme__code", "cost_carrier__code", "categories", "value"
    )
    facts = [_fact(*row) for row in rows]
    facts += population_facts(ctx.municipalities, years)
    parents: dict[str, dict[str, str]] = {}
    for dimension, items in ctx.categories.items():
        with_parents = {item.code: item.parent for item in items if item.parent}
        if with_parents:
            parents[dimension] = with_parents
    return Cube(facts, parents)


def _fact(
    indicator: str,
    year: int,
    month: int | None,
    unit: str | None,
    programme: str | None,
    carrier: str | None,
    categories: dict[str, str],
    value: Decimal,
) -> Fact:
    coords: list[tuple[str, str | int]] = [("month", month)] if month else []
    coords += [
        (name, code) for name, code in (("unit", unit), ("programme", programme), ("cost_carrier", carrier)) if code
    ]
    coords += sorted(categories.items())
    return Fact(indicator, year, tuple(coords), value)


def population_facts(municipalities: tuple[Item, ...], years: tuple[int, ...]) -> list[Fact]:
    """Each municipality's latest population on or before the end of each year."""
    codes = [m.code for m in municipalities]
    snapshots = PopulationSnapshot.objects.filter(municipality__code__in=codes).select_related("municipality")
    facts = []
    for year in years:
        latest: dict[str, PopulationSnapshot] = {}
        for snapshot in snapshots.filter(date__lte=datetime.date(year, 12, 31)).order_by("date"):
            latest[snapshot.municipality.code] = snapshot
        facts += [
            Fact(POPULATION, year, (("municipality", code),), Decimal(s.population)) for code, s in latest.items()
        ]
    return facts


def printed_figures(*, provider: Provider, year: int) -> list[Printed]:
    figures = PrintedFigure.objects.filter(provider=provider, year=year).order_by("pk")
    return [Printed(f.table, f.row, f.column, f.value, f.decimals, f.source, f.note) for f in figures]


# JSON


def number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def report_tables_json(report: ReportTables) -> dict[str, Any]:
    """The shape `manage.py report_tables --format json` prints."""
    return {
        "tables": [table_json(table) for table in report.tables.values()],
        "checks": [
            {
                "table": check.table,
                "rule": check.rule,
                "status": check.status,
                "printed": number(check.printed),
                "computed": number(check.computed),
                "detail": check.detail,
            }
            for check in report.checks
        ],
    }


def table_json(table: Table) -> dict[str, Any]:
    total = table.total
    return {
        "key": table.key,
        "title": table.title,
        "columns": [column.label for column in table.columns],
        "rows": [{"label": row.label, "cells": [number(c) for c in row.cells]} for row in table.rows],
        "total": {"label": total.label, "cells": [number(c) for c in total.cells]} if total else None,
    }
