"""Planned against spent money, by year and by funding source (pure: plain values in, dataclasses out)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

# --- money ---------------------------------------------------------------------------------------------------

PER_YEAR, YEAR, SPAN, UNDATED = "per_year", "year", "span", "undated"


def line_total(basis: str, amount: int, plan_years: int) -> int:
    """A funding line's planned amount in all: 'each year' amounts count once per year of the plan."""
    return amount * plan_years if basis == PER_YEAR else amount


@dataclass(frozen=True)
class PlannedLine:
    """A funding line as read for the dashboard: its source's name ("" for several sources) and plan's years."""

    measure_id: int
    source: str
    basis: str  # "year", "span", "per_year", "total" (izvedba.plans.models.FundingLine.Basis)
    year: int | None
    amount: int
    years: range


def planned_table(lines: Iterable[PlannedLine]) -> dict[str, dict[str, int]]:
    """Planned EUR by source and column, as izvedba.plans.selectors.money_table counts them: an amount for a year
    in that year, an amount 'each year' in every year of its plan, amounts for several years together ("span")
    and without a year ("undated") in columns of their own."""
    table: dict[str, dict[str, int]] = {}
    for line in lines:
        row = table.setdefault(line.source, {})
        if line.basis == YEAR and line.year:
            columns = [str(line.year)]
        elif line.basis == PER_YEAR:
            columns = [str(year) for year in line.years]
        else:
            columns = [SPAN if line.basis == SPAN else UNDATED]
        for column in columns:
            row[column] = row.get(column, 0) + line.amount
    return table


@dataclass(frozen=True)
class YearMoney:
    year: int
    planned: int
    spent: Decimal


@dataclass(frozen=True)
class SourceMoney:
    """Planned and spent money of one funding source ("" when a measure does not split its sources)."""

    source: str
    years: list[YearMoney]
    planned_not_by_year: int  # planned for several years together, or without a year
    planned: int
    spent: Decimal


@dataclass(frozen=True)
class MoneyComparison:
    years: list[YearMoney]
    sources: list[SourceMoney]
    planned_not_by_year: int
    planned: int
    spent: Decimal

    @property
    def largest(self) -> Decimal:
        """The largest planned or spent amount in a year (the scale of a chart)."""
        return max([Decimal(0), *(Decimal(y.planned) for y in self.years), *(y.spent for y in self.years)])


def compare_money(
    planned: Mapping[str, Mapping[str, int]], spent: Mapping[str, Mapping[int, Decimal]]
) -> MoneyComparison:
    """Planned (source → column → EUR, columns being years as text, "span" or "undated") against spent
    (source → year → EUR), by year and by source. Sources sort by planned money, largest first."""
    planned_years = {int(column) for row in planned.values() for column in row if column.isdigit()}
    years = sorted(planned_years | {year for row in spent.values() for year in row})
    sources = []
    for source in set(planned) | set(spent):
        p, s = planned.get(source, {}), spent.get(source, {})
        rows = [YearMoney(y, p.get(str(y), 0), s.get(y, Decimal(0))) for y in years]
        other = sum(amount for column, amount in p.items() if not column.isdigit())
        sources.append(
            SourceMoney(source, rows, other, sum(p.values()), sum(s.values(), Decimal(0))),
        )
    sources.sort(key=lambda row: (row.source == "", -row.planned, -row.spent, row.source))
    by_year = [
        YearMoney(y, sum(r.years[i].planned for r in sources), sum((r.years[i].spent for r in sources), Decimal(0)))
        for i, y in enumerate(years)
    ]
    return MoneyComparison(
        years=by_year,
        sources=sources,
        planned_not_by_year=sum(r.planned_not_by_year for r in sources),
        planned=sum(r.planned for r in sources),
        spent=sum((r.spent for r in sources), Decimal(0)),
    )
