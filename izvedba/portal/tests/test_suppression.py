"""Small-count suppression on hand-made tables and on the providers' table engine."""

from __future__ import annotations

from decimal import Decimal

from django.test import SimpleTestCase

from izvedba.portal.suppression import Relation, derivable_cells, suppress, suppress_table
from izvedba.providers.tables.engine import Column, Row, Table

Cell = tuple[int, int] | tuple[str, int]


def grid(matrix: list[list[int]]) -> tuple[dict[Cell, int], list[Relation[Cell]]]:
    """Cells (r, c) with row totals in column `n`, column totals in row `m`, the grand total at (m, n)."""
    m, n = len(matrix), len(matrix[0])
    values: dict[Cell, int] = {(r, c): matrix[r][c] for r in range(m) for c in range(n)}
    for r in range(m):
        values[(r, n)] = sum(matrix[r])
    for c in range(n + 1):
        values[(m, c)] = sum(values[(r, c)] for r in range(m))
    relations: list[Relation[Cell]] = [Relation((r, n), tuple((r, c) for c in range(n))) for r in range(m + 1)]
    relations += [Relation((m, c), tuple((r, c) for r in range(m))) for c in range(n + 1)]
    return values, relations


def d(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


class PrimarySuppressionTests(SimpleTestCase):
    def test_it_hides_small_non_zero_counts_and_shows_zeros(self) -> None:
        values, relations = grid([[0, 20], [30, 40]])
        self.assertEqual(suppress(values, relations, 5), set())

    def test_it_hides_a_small_total_too(self) -> None:
        values = {"a": 2, "b": 1, "t": 3}
        hidden = suppress(values, [Relation("t", ("a", "b"))], 5)
        self.assertEqual(hidden, {"a", "b", "t"})


class SecondarySuppressionTests(SimpleTestCase):
    def test_it_hides_a_second_cell_in_the_row_and_the_column(self) -> None:
        values, relations = grid([[3, 20, 30], [40, 50, 60]])
        hidden = suppress(values, relations, 5)
        self.assertEqual(hidden, {(0, 0), (0, 1), (1, 0), (1, 1)})
        self.assertEqual(derivable_cells(values, relations, hidden), set())

    def test_it_hides_the_total_when_a_row_has_no_other_cell(self) -> None:
        values = {"a": 3, "t": 3}
        self.assertEqual(suppress(values, [Relation("t", ("a",))], 5), {"a", "t"})

    def test_it_protects_a_cell_joining_two_hidden_blocks(self) -> None:
        # Two 2×2 hidden blocks joined by one hidden cell: every row and column has two hidden cells, yet the joining
        # cell could be worked out from the totals; the audit hides more.
        values, relations = grid(
            [
                [3, 3, 4, 9],
                [3, 3, 9, 9],
                [9, 9, 3, 3],
                [9, 9, 3, 3],
            ]
        )
        hidden = suppress(values, relations, 5)
        self.assertEqual(derivable_cells(values, relations, hidden), set())
        self.assertTrue({(0, 0), (0, 2), (2, 2)} <= hidden)

    def test_derivable_cells_finds_the_joining_cell(self) -> None:
        values, relations = grid([[1, 1, 1, 9], [1, 1, 9, 9], [9, 9, 1, 1], [9, 9, 1, 1]])
        hidden: set[Cell] = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (0, 2)}
        self.assertEqual(derivable_cells(values, relations, hidden), {(0, 2)})


def violence_table(counts: dict[str, int | None]) -> Table:
    """The shape of the demo's violence tables: one count column and its share of the total."""
    columns = [Column("count", "Count"), Column("share", "Share (%)", "share", of="count", decimals=1)]
    total = sum(v for v in counts.values() if v)
    rows = [
        Row(key, key, "data", [d(v), Decimal(v) * 100 / total if v is not None else None]) for key, v in counts.items()
    ]
    return Table("violence_victims", "Victims", columns, rows, Row("total", "Total", "total", [d(total), d(100)]))


class TableSuppressionTests(SimpleTestCase):
    def test_it_hides_a_small_victims_count_its_share_and_the_next_smallest(self) -> None:
        table = violence_table({"women": 41, "men": 3, "children": 12, "elderly": 0})
        hidden = suppress_table(table, threshold=5)
        self.assertEqual(hidden, {("men", 0), ("men", 1), ("children", 0), ("children", 1)})

    def test_it_hides_nothing_in_a_table_of_large_counts(self) -> None:
        table = violence_table({"women": 41, "men": 13, "children": 12})
        self.assertEqual(suppress_table(table, threshold=5), set())

    def test_it_hides_every_share_when_the_total_is_hidden(self) -> None:
        table = violence_table({"women": 2, "men": 1})
        hidden = suppress_table(table, threshold=5)
        self.assertIn(("total", 0), hidden)
        self.assertTrue({("women", 1), ("men", 1)} <= hidden)

    def test_it_follows_row_sum_columns_and_subtotal_rows(self) -> None:
        columns = [Column("a", "A"), Column("b", "B"), Column("sum", "Σ", "sum")]
        rows = [
            Row("x", "x", "data", [d(2), d(30), d(32)]),
            Row("y", "y", "data", [d(40), d(50), d(90)]),
            Row("z", "z", "data", [d(60), d(70), d(130)]),
            Row("xy", "x+y", "subtotal", [d(42), d(80), d(122)]),
        ]
        table = Table("t", "T", columns, rows, Row("total", "Total", "total", [d(102), d(150), d(252)]))
        hidden = suppress_table(table, threshold=5, members={"xy": ["x", "y"]})
        self.assertIn(("x", 0), hidden)
        self.assertIn(("x", 1), hidden)
        self.assertNotIn(("z", 0), hidden)
        self.assertTrue(hidden & {("y", 0), ("xy", 0)})
