"""manage.py import_plan: the seed texts, the DOCX and PDF fixtures, dry runs, re-imports and replacing."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import translation

from izvedba.documents.services import sha256
from izvedba.history.models import Change
from izvedba.monitoring.models import Report
from izvedba.monitoring.services.rounds import round_open
from izvedba.plans.models import Measure, Plan

from .support import NIN_TEXT, RIN_TEXT, reference_data_load, stored_counts


def import_plan(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_plan", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


class ImportCommandTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        reference_data_load()

    def assert_national(self, plan: Plan) -> None:
        self.assertEqual(plan.kind, Plan.Kind.NATIONAL)
        self.assertEqual((plan.period_start, plan.period_end), (2025, 2026))
        self.assertEqual(Measure.objects.filter(plan=plan, parent__isnull=True).count(), 38)
        sub_rows = Measure.objects.filter(plan=plan, code="2.12", parent__isnull=False)
        self.assertEqual(list(sub_rows.values_list("sub_index", flat=True)), [1, 2, 3, 4, 5])

    def assert_regional(self, plan: Plan) -> None:
        self.assertEqual(plan.kind, Plan.Kind.REGIONAL)
        self.assertEqual(plan.region.name, "Obalno-kraška")  # type: ignore[union-attr]
        self.assertEqual(Measure.objects.filter(plan=plan, parent__isnull=True).count(), 14)
        self.assertEqual(plan.municipalities.count(), 7)
        self.assertEqual([s.count for s in plan.group_seats.order_by("order")], [7, 10, 2, 2])
        self.assertEqual(plan.context_indicators.count(), 4)
        self.assertEqual(plan.priorities.count(), 5)
        self.assertEqual(plan.risks.count(), 4)


class ImportTextTests(ImportCommandTestCase):
    def test_it_imports_the_national_plan(self) -> None:
        output = import_plan(NIN_TEXT)
        plan = Plan.objects.get()
        self.assertIn(f"Imported plan {plan.pk}", output)
        self.assertIn("38 measures (5 sub-rows)", output)
        self.assert_national(plan)
        self.assertEqual(plan.source_document.sha256, sha256(NIN_TEXT.read_bytes()))  # type: ignore[union-attr]

    def test_it_imports_the_regional_plan(self) -> None:
        output = import_plan(RIN_TEXT)
        self.assertIn("14 measures", output)
        self.assertIn("7 municipalities", output)
        self.assert_regional(Plan.objects.get())

    def test_it_reports_unchanged_on_a_second_import(self) -> None:
        import_plan(NIN_TEXT)
        plan = Plan.objects.get()
        before = stored_counts()
        output = import_plan(NIN_TEXT)
        self.assertTrue(output.startswith(f"Unchanged: this file was already imported as plan {plan.pk}"))
        self.assertEqual(stored_counts(), before)
        self.assertEqual(Plan.objects.get().pk, plan.pk)


class DryRunTests(ImportCommandTestCase):
    def dry_run_json(self, path: Path) -> dict[str, Any]:
        output = import_plan(path, "--dry-run", "--format", "json")
        self.assertEqual(stored_counts(), {"source documents": 0, "imports": 0, "plans": 0, "measures": 0})
        data: dict[str, Any] = json.loads(output)
        return data

    def test_it_prints_the_national_plan_as_json_and_stores_nothing(self) -> None:
        data = self.dry_run_json(NIN_TEXT)
        self.assertEqual(data["kind"], "national")
        self.assertEqual(len(data["measures"]), 38)
        sub_rows = {m["code"]: len(m["sub_rows"]) for m in data["measures"] if m["sub_rows"]}
        self.assertEqual(sub_rows, {"2.12": 5})

    def test_it_prints_the_regional_plan_as_json_and_stores_nothing(self) -> None:
        data = self.dry_run_json(RIN_TEXT)
        self.assertEqual(data["kind"], "regional")
        self.assertEqual(len(data["measures"]), 14)
        self.assertEqual(len(data["municipalities"]), 7)
        self.assertEqual([s["count"] for s in data["coordination_group"]], [7, 10, 2, 2])
        self.assertEqual(len(data["context_indicators"]), 4)
        self.assertEqual(len(data["priorities"]), 5)
        self.assertEqual(len(data["risks"]), 4)

    def test_it_prints_a_text_summary(self) -> None:
        output = import_plan(NIN_TEXT, "--dry-run")
        self.assertIn("38 measures (5 sub-rows)", output)
        self.assertIn("Dry run: nothing was stored.", output)
        self.assertEqual(stored_counts()["plans"], 0)


@pytest.mark.slow
class ImportDocumentTests(ImportCommandTestCase):
    fixtures_path: Path

    @pytest.fixture(autouse=True)
    def _fixtures(self, fixtures_dir: Path) -> None:
        self.fixtures_path = fixtures_dir

    def test_it_imports_the_national_docx(self) -> None:
        import_plan(self.fixtures_path / "nin-2025-2026.docx")
        self.assert_national(Plan.objects.get())

    def test_it_imports_the_national_pdf(self) -> None:
        import_plan(self.fixtures_path / "nin-2025-2026.pdf")
        self.assert_national(Plan.objects.get())

    def test_it_imports_the_regional_docx(self) -> None:
        import_plan(self.fixtures_path / "rin-obalno-kraska-2014-2016.docx")
        self.assert_regional(Plan.objects.get())

    def test_it_imports_the_regional_pdf(self) -> None:
        import_plan(self.fixtures_path / "rin-obalno-kraska-2014-2016.pdf")
        self.assert_regional(Plan.objects.get())

    def test_it_refuses_the_docx_after_the_text_unless_replace(self) -> None:
        import_plan(NIN_TEXT)
        old = Plan.objects.get()
        before = stored_counts()
        docx = self.fixtures_path / "nin-2025-2026.docx"
        with translation.override("en"), self.assertRaises(CommandError) as caught:
            import_plan(docx)
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn(f"already exists (id {old.pk}). Use --replace to replace it.", str(caught.exception))
        self.assertEqual(stored_counts(), before)
        self.assertEqual(Plan.objects.get().pk, old.pk)

        import_plan(docx, "--replace")
        new = Plan.objects.get()
        self.assertNotEqual(new.pk, old.pk)
        self.assertEqual(new.source_document.sha256, sha256(docx.read_bytes()))  # type: ignore[union-attr]
        self.assert_national(new)
        self.assertEqual(
            list(Change.objects.for_object(new).values_list("action", "comment")), [("import", "nin-2025-2026.docx")]
        )

    def test_it_refuses_to_replace_a_plan_that_is_being_monitored(self) -> None:
        import_plan(NIN_TEXT)
        plan = Plan.objects.get()
        round_open(
            plan=plan,
            user=None,
            label="2025",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
            due_date=dt.date(2026, 2, 27),
        )
        before = (stored_counts(), Report.objects.count())
        with translation.override("en"), self.assertRaises(CommandError) as caught:
            import_plan(self.fixtures_path / "nin-2025-2026.docx", "--replace")
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn("is being monitored (1 reporting round)", str(caught.exception))
        self.assertEqual((stored_counts(), Report.objects.count()), before)
        self.assertEqual(Plan.objects.get().pk, plan.pk)
