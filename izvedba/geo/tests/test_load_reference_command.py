from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from izvedba.geo.models import Municipality


class LoadReferenceCommandTests(TestCase):
    def run_command(self) -> str:
        out = StringIO()
        call_command("load_reference", stdout=out)
        return out.getvalue()

    def test_it_loads_and_prints_one_line(self) -> None:
        output = self.run_command()
        self.assertEqual(Municipality.objects.count(), 212)
        self.assertEqual(len(output.strip().splitlines()), 1)
        self.assertIn("212", output)

    def test_it_reports_nothing_created_on_a_second_run(self) -> None:
        self.run_command()
        output = self.run_command()
        self.assertRegex(output, r"\(0\D+0\D+\)")
