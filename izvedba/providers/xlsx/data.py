"""What a capture page or template holds: the section's grids for a provider and a year, read from the database
(the year's category sets, the provider's units, the figures already stored)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Q
from django.utils.dates import MONTHS

from izvedba.providers.models import Category, CategorySet, Dimension, Indicator, Observation, Provider, Unit
from izvedba.providers.xlsx.grid import MONTH, Axis, Choice, Coordinates, GridIndicator, SectionGrids, build_grid
from izvedba.providers.xlsx.sections import Section, SectionIndicator


def section_grids(*, provider: Provider, year: int, section: Section) -> SectionGrids:
    """The section's grids, in the order of the section file, with the figures already stored filled in."""
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=section.indicator_codes)}
    units = list(provider.units.order_by("position", "code"))
    base_targets = {
        "programme": tuple(Choice(p.code, p.name) for p in provider.programmes.order_by("name")),
        "cost_carrier": tuple(Choice(c.code, c.name) for c in provider.cost_carriers.order_by("position", "code")),
    }
    months = tuple(Choice(str(number), str(name)) for number, name in MONTHS.items())
    dimensions, versions = year_dimensions(year)
    values = stored_values(provider=provider, year=year, indicators=indicators.values())
    grids, notes = [], []
    used: set[str] = set()
    for item in section.indicators:
        indicator = indicators.get(item.code)
        if indicator is None:
            continue
        targets = {**base_targets, "unit": tuple(Choice(u.code, str(u)) for u in units_for(units, item))}
        built = build_grid(
            GridIndicator(
                indicator.code,
                indicator.display_label,
                indicator.unit,
                indicator.target,
                indicator.period,
                tuple(indicator.dimensions),
            ),
            year=year,
            targets=targets,
            months=months,
            dimensions=dimensions,
            values=values.get(indicator.code, {}),
        )
        if isinstance(built, str):
            notes.append(built)
            continue
        grids.append(built)
        used.update(indicator.dimensions)
    return SectionGrids(
        provider=provider.slug,
        provider_name=provider.organisation.name,
        year=year,
        section=section.code,
        section_label=section.display_label,
        category_sets={code: versions[code] for code in sorted(used)},
        grids=tuple(grids),
        notes=tuple(notes),
    )


def units_for(units: list[Unit], item: SectionIndicator) -> list[Unit]:
    """The provider's units of the kinds or codes the section names for the indicator (all, when none match)."""
    chosen = [unit for unit in units if unit.kind in item.units or unit.code in item.units]
    return chosen or units


def year_dimensions(year: int) -> tuple[dict[str, Axis], dict[str, int]]:
    """Each dimension with a category set covering `year`: its axis, and the first year of that set."""
    sets = CategorySet.objects.filter(valid_from__lte=year).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))
    versions = dict(sets.values_list("dimension__code", "valid_from"))
    choices: dict[str, list[Choice]] = {}
    categories = Category.objects.filter(category_set__in=sets).select_related("category_set__dimension")
    for category in categories.order_by("category_set", "position"):
        choices.setdefault(category.category_set.dimension.code, []).append(
            Choice(category.code, category.display_label)
        )
    labels = {d.code: d.display_label for d in Dimension.objects.filter(code__in=choices)}
    axes = {code: Axis(code, labels.get(code, code), tuple(items)) for code, items in choices.items()}
    return axes, versions


def stored_values(
    *, provider: Provider, year: int, indicators: Iterable[Indicator]
) -> dict[str, dict[Coordinates, Decimal]]:
    """The stored figures of those indicators in `year` (not those for date ranges), by indicator and cell."""
    rows = Observation.objects.filter(
        provider=provider, year=year, indicator__in=list(indicators), period_start__isnull=True
    ).values_list(
        "indicator__code", "month", "unit__code", "programme__code", "cost_carrier__code", "categories", "value"
    )
    values: dict[str, dict[Coordinates, Decimal]] = {}
    for code, month, unit, programme, carrier, categories, value in rows:
        values.setdefault(code, {})[observation_coordinates(month, unit, programme, carrier, categories)] = value
    return values


def observation_coordinates(
    month: int | None, unit: str | None, programme: str | None, carrier: str | None, categories: dict[str, str]
) -> Coordinates:
    pairs = [(MONTH, str(month))] if month else []
    pairs += [
        (key, code) for key, code in (("unit", unit), ("programme", programme), ("cost_carrier", carrier)) if code
    ]
    pairs += [(key, str(code)) for key, code in categories.items()]
    return tuple(sorted(pairs))
