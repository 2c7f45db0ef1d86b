"""The property: after suppression no hidden cell can be worked out from what is published, and nothing small shows."""

from __future__ import annotations

from fractions import Fraction

from django.test import SimpleTestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from izvedba.portal.suppression import Relation, suppress
from izvedba.portal.tests.test_suppression import Cell, grid

THRESHOLD = 5
small_heavy = st.one_of(st.integers(0, 6), st.integers(0, 6), st.integers(0, 60))


@st.composite
def tables(draw: st.DrawFn) -> list[list[int]]:
    m = draw(st.integers(1, 6))
    n = draw(st.integers(1, 6))
    return [[draw(small_heavy) for _ in range(n)] for _ in range(m)]


@st.composite
def tables_with_subtotals(draw: st.DrawFn) -> tuple[dict[Cell, int], list[Relation[Cell]]]:
    """A grid whose first `k` rows also add up to a subtotal row (an extra total level)."""
    matrix = draw(tables())
    values, relations = grid(matrix)
    m, n = len(matrix), len(matrix[0])
    k = draw(st.integers(1, m))
    for c in range(n + 1):
        values[("sub", c)] = sum(values[(r, c)] for r in range(k))
        relations.append(Relation(("sub", c), tuple((r, c) for r in range(k))))
    relations.append(Relation(("sub", n), tuple(("sub", c) for c in range(n))))
    return values, relations


def rank(rows: list[list[Fraction]]) -> int:
    """Rank by Gaussian elimination over the rationals (independent of the module's own elimination)."""
    work = [list(r) for r in rows if any(r)]
    result = 0
    width = len(work[0]) if work else 0
    for column in range(width):
        pivot = next((i for i in range(result, len(work)) if work[i][column] != 0), None)
        if pivot is None:
            continue
        work[result], work[pivot] = work[pivot], work[result]
        for i in range(len(work)):
            if i != result and work[i][column] != 0:
                f = work[i][column] / work[result][column]
                work[i] = [a - f * b for a, b in zip(work[i], work[result], strict=True)]
        result += 1
    return result


def determined(values: dict[Cell, int], relations: list[Relation[Cell]], hidden: set[Cell]) -> list[Cell]:
    """The hidden cells whose unit vector lies in the row space of the constraints restricted to hidden cells."""
    unknowns = sorted(hidden, key=repr)
    index = {k: i for i, k in enumerate(unknowns)}
    matrix = []
    for relation in relations:
        row = [Fraction(0)] * len(unknowns)
        for member in relation.members:
            if member in index:
                row[index[member]] += 1
        if relation.total in index:
            row[index[relation.total]] -= 1
        matrix.append(row)
    base = rank(matrix)
    found = []
    for key, i in index.items():
        unit = [Fraction(int(j == i)) for j in range(len(unknowns))]
        if rank([*matrix, unit]) == base:
            found.append(key)
    return found


class SuppressionPropertyTests(SimpleTestCase):
    def check(self, values: dict[Cell, int], relations: list[Relation[Cell]]) -> None:
        hidden = suppress(values, relations, THRESHOLD)
        shown_small = [k for k, v in values.items() if k not in hidden and 0 < v < THRESHOLD]
        self.assertEqual(shown_small, [], "a small count is published")
        self.assertEqual(determined(values, relations, hidden), [], f"derivable from the totals; hidden={hidden}")

    @settings(max_examples=200, deadline=None)
    @given(tables())
    def test_it_leaves_no_hidden_cell_derivable_in_a_table_with_totals(self, matrix: list[list[int]]) -> None:
        self.check(*grid(matrix))

    @settings(max_examples=100, deadline=None)
    @given(tables_with_subtotals())
    def test_it_leaves_no_hidden_cell_derivable_with_a_subtotal_level(
        self, table: tuple[dict[Cell, int], list[Relation[Cell]]]
    ) -> None:
        self.check(*table)
