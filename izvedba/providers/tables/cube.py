"""The observations of one provider for the years a report needs, summed on demand (pure, no ORM).

A cell asks for an indicator, a year and filters (month, unit, cost carrier, category per dimension); the cube
sums the matching observations. Filtering on a broader category also counts its narrower ones (categories may
name a parent). Sums are memoised per indicator, year and set of filtered fields, so a table of hundreds of cells
reads each observation a few times at most.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

Coordinate = str | int


@dataclass(frozen=True)
class Fact:
    indicator: str
    year: int
    coords: tuple[tuple[str, Coordinate], ...]
    value: Decimal


class Cube:
    def __init__(self, facts: Iterable[Fact], parents: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self._facts: dict[tuple[str, int], list[tuple[dict[str, Coordinate], Decimal]]] = defaultdict(list)
        for fact in facts:
            self._facts[(fact.indicator, fact.year)].append((dict(fact.coords), fact.value))
        self._parents = parents or {}
        self._memo: dict[tuple[str, int, tuple[str, ...]], dict[tuple[Coordinate | None, ...], Decimal]] = {}

    def has(self, indicator: str, year: int) -> bool:
        """Whether anything is recorded for the indicator that year (then a cell nothing matches is 0, not empty)."""
        return (indicator, year) in self._facts

    def value(self, indicator: str, year: int, filters: Mapping[str, Coordinate]) -> Decimal | None:
        """The sum of the matching observations, or None when none matches."""
        if not self.has(indicator, year):
            return None
        fields = tuple(sorted(filters))
        sums = self._memo.get((indicator, year, fields))
        if sums is None:
            sums = self._memo[(indicator, year, fields)] = self._project(indicator, year, fields)
        return sums.get(tuple(filters[name] for name in fields))

    def _project(
        self, indicator: str, year: int, fields: tuple[str, ...]
    ) -> dict[tuple[Coordinate | None, ...], Decimal]:
        sums: dict[tuple[Coordinate | None, ...], Decimal] = defaultdict(Decimal)
        for coords, value in self._facts[(indicator, year)]:
            choices = [self._with_ancestors(name, coords.get(name)) for name in fields]
            for key in itertools.product(*choices):
                sums[key] += value
        return sums

    def _with_ancestors(self, name: str, code: Coordinate | None) -> list[Coordinate | None]:
        parents = self._parents.get(name)
        if not parents or code is None:
            return [code]
        chain: list[Coordinate | None] = [code]
        while isinstance(code, str) and parents.get(code):
            code = parents[code]
            chain.append(code)
        return chain
