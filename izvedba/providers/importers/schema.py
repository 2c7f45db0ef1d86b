"""What a provider's files may say: its units, programmes and cost carriers, the indicators, and each dimension's
categories per year. Built from the database by the service, then handed to the pure parsers."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    dimensions: tuple[str, ...]
    target: str  # unit, programme, cost_carrier or provider
    period: str  # month, year or range
    unit: str  # count, persons, minutes, eur …


@dataclass(frozen=True)
class CategoryInfo:
    code: str
    label: str
    parent: str = ""
    age_min: int | None = None
    age_max: int | None = None


@dataclass(frozen=True)
class CategorySetInfo:
    valid_from: int
    valid_to: int | None
    categories: tuple[CategoryInfo, ...]

    def covers(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)


@dataclass(frozen=True)
class Schema:
    provider: str
    indicators: dict[str, IndicatorInfo]
    dimension_labels: dict[str, str]
    category_sets: dict[str, tuple[CategorySetInfo, ...]]
    units: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    cost_carriers: tuple[str, ...] = ()
    tables: frozenset[str] = frozenset()

    def categories(self, dimension: str, year: int) -> tuple[CategoryInfo, ...] | None:
        """The categories of `dimension` in `year`, or None when no set covers that year."""
        for category_set in self.category_sets.get(dimension, ()):
            if category_set.covers(year):
                return category_set.categories
        return None

    def category_error(self, dimension: str, year: int, code: str) -> str | None:
        categories = self.categories(dimension, year)
        label = self.dimension_labels.get(dimension, dimension)
        if categories is None:
            return _("“%(dimension)s” has no categories for %(year)d; add that year's category set first.") % {
                "dimension": label,
                "year": year,
            }
        if code in {c.code for c in categories}:
            return None
        return _("“%(code)s” is not a category of “%(dimension)s” in %(year)d; the categories are: %(codes)s.") % {
            "code": code,
            "dimension": label,
            "year": year,
            "codes": ", ".join(c.code for c in categories),
        }
