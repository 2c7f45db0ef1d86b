from __future__ import annotations

import json
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from izvedba.providers.tests.support import load_demo


class ReportTablesCommandTests(TestCase):
    output: dict[str, Any]

    @classmethod
    def setUpTestData(cls) -> None:
        load_demo()
        out = StringIO()
        call_command("report_tables", provider="csd-juzna-primorska", year=2021, format="json", stdout=out)
        cls.output = json.loads(out.getvalue())

    def test_it_prints_tables_and_checks_only(self) -> None:
        self.assertEqual(set(self.output), {"tables", "checks"})

    def test_each_table_has_the_documented_shape(self) -> None:
        for table in self.output["tables"]:
            self.assertEqual(set(table), {"key", "title", "columns", "rows", "total"})
            self.assertIsInstance(table["key"], str)
            self.assertIsInstance(table["title"], str)
            self.assertTrue(all(isinstance(c, str) for c in table["columns"]))
            rows = table["rows"] + ([table["total"]] if table["total"] is not None else [])
            for row in rows:
                self.assertEqual(set(row), {"label", "cells"})
                self.assertIsInstance(row["label"], str)
                self.assertEqual(len(row["cells"]), len(table["columns"]), table["key"])
                self.assertTrue(all(c is None or isinstance(c, int | float) for c in row["cells"]))

    def test_each_check_has_the_documented_shape(self) -> None:
        self.assertTrue(self.output["checks"])
        for check in self.output["checks"]:
            self.assertEqual(set(check), {"table", "rule", "status", "printed", "computed", "detail"})
            self.assertIn(check["status"], {"ok", "mismatch"})
            self.assertTrue(check["printed"] is None or isinstance(check["printed"], int | float))
            self.assertTrue(check["computed"] is None or isinstance(check["computed"], int | float))

    def test_it_prints_whole_numbers_as_integers_and_hours_in_minutes(self) -> None:
        tables = {table["key"]: table for table in self.output["tables"]}
        interventions = tables["interventions_by_month"]
        self.assertEqual(interventions["total"]["cells"][:2], [189, 27885])
        self.assertEqual(tables["kczn_nights_by_month"]["rows"][-1]["cells"], [47, 51.33])

    def test_it_lists_the_rights_tables_grand_total_as_a_mismatch(self) -> None:
        self.assertIn(
            ("rights_by_month_unit", "mismatch", 26931, 26930),
            [(c["table"], c["status"], c["printed"], c["computed"]) for c in self.output["checks"]],
        )

    def test_it_refuses_an_unknown_provider(self) -> None:
        with self.assertRaisesMessage(CommandError, "No provider “csd-nowhere”"):
            call_command("report_tables", provider="csd-nowhere", year=2021, stdout=StringIO())
