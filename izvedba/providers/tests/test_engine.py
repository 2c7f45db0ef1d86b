"""The table engine on small, hand-made data (no database): shares and their rounding rule, subtotals, hidden
rows, broader categories, differences and indices, peak months, and the checks."""

from __future__ import annotations

from decimal import Decimal

from django.test import SimpleTestCase

from izvedba.providers.tables.checks import Printed, printed_parts, printed_shares, reconcile
from izvedba.providers.tables.context import Context, Item
from izvedba.providers.tables.cube import Cube, Fact
from izvedba.providers.tables.engine import build
from izvedba.providers.tables.spec import (
    Categories,
    Col,
    ColsFrom,
    Diff,
    Index,
    Months,
    Nested,
    PeakSpec,
    RowSum,
    Share,
    TableSpec,
    Units,
    YearCols,
)

CTX = Context(
    provider="CSD Test",
    year=2021,
    units=(Item("a", "A", "unit"), Item("b", "B", "unit"), Item("c", "C", "unit")),
    categories={
        "sex": (Item("m", "M"), Item("f", "Ž")),
        "task": (
            Item("dv", "Violence"),
            Item("dv_order", "Order", parent="dv"),
            Item("dv_other", "Other", parent="dv"),
            Item("info", "Info"),
        ),
    },
    labels={("people", "total"): "SKUPAJ {year}"},
)


def fact(indicator: str, value: int, year: int = 2021, **coords: str | int) -> Fact:
    return Fact(indicator, year, tuple(sorted(coords.items())), Decimal(value))


class EngineTests(SimpleTestCase):
    def test_shares_are_rounded_half_up_one_by_one_and_the_total_shows_100(self) -> None:
        cube = Cube([fact("n", 4, unit="a"), fact("n", 141, unit="b"), fact("n", 138, unit="c")])
        spec = TableSpec("people", "People", Units(), (Col("n", "N", "n"), Share("share", "%", of="n")))
        table = build(spec, CTX, cube)
        self.assertEqual([row.cells[1] for row in table.rows], [Decimal(1), Decimal(50), Decimal(49)])
        self.assertEqual(table.total.cells if table.total else None, [Decimal(283), Decimal(100)])
        self.assertEqual(table.total.label if table.total else None, "SKUPAJ 2021")

    def test_a_cell_without_observations_is_zero_when_the_indicator_has_data_that_year_and_empty_otherwise(
        self,
    ) -> None:
        cube = Cube([fact("n", 4, unit="a")])
        spec = TableSpec("t", "T", Units(), (Col("n", "N", "n"), Col("p", "P", "n", year_offset=-1)))
        table = build(spec, CTX, cube)
        self.assertEqual(table.rows[1].cells, [Decimal(0), None])

    def test_nested_rows_get_subtotals_and_empty_rows_can_be_hidden(self) -> None:
        cube = Cube([fact("n", 2, unit="a", sex="f"), fact("n", 3, unit="b", sex="m"), fact("n", 1, unit="b", sex="f")])
        rows = Nested(Units(), Categories("sex"), subtotals="before", hide_empty=True)
        table = build(TableSpec("t", "T", rows, (Col("n", "N", "n"),)), CTX, cube)
        self.assertEqual(
            [(row.key, row.cells[0]) for row in table.rows],
            [("a", 2), ("a:f", 2), ("b", 4), ("b:m", 3), ("b:f", 1)],
        )
        self.assertEqual(table.total.cells if table.total else None, [Decimal(6)])

    def test_a_broader_category_counts_its_narrower_ones(self) -> None:
        cube = Cube(
            [fact("n", 17, task="dv_other"), fact("n", 30, task="dv_order"), fact("n", 14, task="info")],
            {"task": {"dv_order": "dv", "dv_other": "dv"}},
        )
        table = build(TableSpec("t", "T", Categories("task"), (Col("n", "N", "n"),)), CTX, cube)
        self.assertEqual([(row.key, row.cells[0]) for row in table.rows], [("dv", 47), ("info", 14)])
        under = build(TableSpec("t", "T", Categories("task", under="dv"), (Col("n", "N", "n"),)), CTX, cube)
        self.assertEqual([row.cells[0] for row in under.rows], [30, 17])

    def test_year_columns_a_difference_and_an_index(self) -> None:
        cube = Cube([fact("n", 3876, 2020, unit="a"), fact("n", 4104, 2021, unit="a")])
        columns = (
            YearCols("n"),
            Diff("d", "Razlika", "{year}", "{previous}"),
            Index("i", "Indeks", "{year}", "{previous}"),
        )
        table = build(TableSpec("t", "T", Units(codes=("a",), kinds=()), columns, total=None), CTX, cube)
        self.assertEqual([c.label for c in table.columns], ["2020", "2021", "Razlika", "Indeks"])
        self.assertEqual(table.rows[0].cells, [3876, 4104, 228, Decimal("105.9")])

    def test_a_row_sum_of_a_group_of_columns(self) -> None:
        cube = Cube([fact("n", 5, unit="a", sex="m"), fact("n", 7, unit="a", sex="f"), fact("k", 9, unit="a")])
        columns = (Col("k", "K", "k"), RowSum("sum", "Σ", group="g"), ColsFrom(Categories("sex"), "n", group="g"))
        table = build(TableSpec("t", "T", Units(codes=("a",), kinds=()), columns), CTX, cube)
        self.assertEqual(table.rows[0].cells, [9, 12, 5, 7])
        self.assertEqual(table.cell("a", "*"), 21)  # all figure columns

    def test_peak_months_are_the_busiest_in_calendar_order(self) -> None:
        cube = Cube([fact("n", v, unit="a", month=m) for m, v in enumerate([5, 9, 1, 1, 1, 1, 1, 9, 1, 1, 1, 8], 1)])
        table = build(PeakSpec("p", "P", "n", Units(codes=("a",), kinds=()), offsets=(0,)), CTX, cube)
        self.assertEqual(table.rows[0].cells, [2, 8])

    def test_months_are_named_in_the_active_language(self) -> None:
        table = build(TableSpec("t", "T", Months(), (Col("n", "N", "n"),)), CTX, Cube([]))
        self.assertEqual(len(table.rows), 12)
        self.assertEqual(table.rows[0].key, "01")


class CheckTests(SimpleTestCase):
    def setUp(self) -> None:
        cube = Cube([fact("n", 4, unit="a"), fact("n", 141, unit="b"), fact("n", 138, unit="c")])
        spec = TableSpec("t", "T", Units(), (Col("n", "N", "n"), Share("share", "%", of="n")))
        self.tables = {"t": build(spec, CTX, cube)}

    def test_a_printed_figure_is_compared_at_the_decimals_it_was_printed_with(self) -> None:
        printed = [
            Printed("t", "b", "share", Decimal("49.8"), 1, "p. 1"),
            Printed("t", "total", "n", Decimal(284), 0, "p. 1"),
        ]
        checks = reconcile(self.tables, printed)
        self.assertEqual(
            [(c.status, c.printed, c.computed) for c in checks],
            [("ok", Decimal("49.8"), Decimal(50)), ("mismatch", 284, 283)],
        )

    def test_a_printed_total_is_compared_with_its_printed_parts(self) -> None:
        printed = [
            Printed("t", key, "n", Decimal(v), 0, "p. 1")
            for key, v in (("a", 4), ("b", 141), ("c", 138), ("total", 284))
        ]
        checks = printed_parts(self.tables, printed)
        self.assertEqual([(c.status, c.printed, c.computed) for c in checks], [("mismatch", 284, 283)])

    def test_printed_shares_that_do_not_add_up_to_100_are_listed(self) -> None:
        printed = [Printed("t", key, "share", Decimal(v), 0, "p. 1") for key, v in (("a", 1), ("b", 50), ("c", 48))]
        checks = printed_shares(self.tables, printed)
        self.assertEqual([(c.status, c.printed, c.computed) for c in checks], [("mismatch", 99, 100)])

    def test_a_printed_figure_for_a_cell_the_table_lacks_is_a_mismatch(self) -> None:
        checks = reconcile(self.tables, [Printed("t", "zz", "n", Decimal(1), 0, "p. 1")])
        self.assertEqual((checks[0].status, checks[0].computed), ("mismatch", None))
