"""What a report year's tables are built against: the provider's units, the year's categories, cost carriers,
covered municipalities, and the wording the provider's report uses (pure data, built by the selector)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class Item:
    """A unit, category, cost carrier or municipality as a row or column of a table."""

    code: str
    label: str
    kind: str = ""
    parent: str = ""
    group: str = ""


@dataclass(frozen=True)
class Context:
    provider: str
    year: int
    units: tuple[Item, ...] = ()
    categories: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    cost_carriers: tuple[Item, ...] = ()
    municipalities: tuple[Item, ...] = ()
    indicator_labels: dict[str, str] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)

    def expand(self, text: str) -> str:
        """`{year}` and `{previous}` replaced by the report year and the year before."""
        return text.replace("{year}", str(self.year)).replace("{previous}", str(self.year - 1))

    def label(self, table: str, item: str, default: str | Promise, **values: str) -> str:
        """The provider's wording for `item` of `table` (or the default), with {year}, {previous} and `values`."""
        text = self.labels.get((table, item)) or str(default)
        values = {"year": str(self.year), "previous": str(self.year - 1), **values}
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text
