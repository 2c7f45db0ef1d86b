from __future__ import annotations

from django.test import SimpleTestCase

from izvedba.rendering.kinds import KINDS, document_kind
from izvedba.rendering.output import Steps, format_for_path, render, render_steps
from izvedba.rendering.tests.samples import sample_document


class OutputTests(SimpleTestCase):
    def test_the_format_follows_the_extension(self) -> None:
        self.assertEqual(format_for_path("report.docx"), "docx")
        self.assertEqual(format_for_path("/tmp/Poročilo.PDF"), "pdf")
        self.assertIsNone(format_for_path("report.odt"))
        self.assertIsNone(format_for_path("report"))

    def test_render_reports_a_step_per_chart_and_one_for_the_file(self) -> None:
        document = sample_document()
        calls: list[tuple[int, int, str]] = []
        steps = Steps(
            total=render_steps(document), report=lambda done, total, label: calls.append((done, total, label))
        )
        data = render(document, "docx", steps=steps)
        self.assertTrue(data.startswith(b"PK"))
        self.assertEqual([(done, total) for done, total, _label in calls], [(0, 2), (1, 2)])

    def test_an_unknown_format_is_refused(self) -> None:
        with self.assertRaisesMessage(ValueError, "Unknown document format 'odt'"):
            render(sample_document(), "odt")

    def test_skipped_steps_keep_the_total_and_finish_reports_it(self) -> None:
        calls: list[tuple[int, int]] = []
        steps = Steps(total=5, report=lambda done, total, label: calls.append((done, total)))
        steps.step("a")
        steps.skip(3)
        steps.step("b")
        steps.finish("done")
        self.assertEqual(calls, [(0, 5), (4, 5), (5, 5)])

    def test_the_annual_report_is_a_document_kind(self) -> None:
        kind = document_kind("annual-report")
        self.assertEqual(kind.parameters, ("provider", "year"))
        self.assertTrue(callable(kind.render_service()))
        with self.assertRaisesMessage(KeyError, "known kinds: annual-report"):
            document_kind("council-material-x")
        self.assertIn("annual-report", KINDS)
