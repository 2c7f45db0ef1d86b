from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import translation

from izvedba.demo.services import demo_load
from izvedba.monitoring.models import Round
from izvedba.plans.models import Plan
from izvedba.publications.tests.helpers import docx_text, pdf_text
from izvedba.rendering import kinds


class GenerateDocumentCommandTests(TestCase):
    national: Plan
    regional: Plan
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)
        cls.national = Plan.objects.get(slug="nin-2025-2026")
        cls.regional = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")
        cls.round = Round.objects.get(plan=cls.national, label="2025")

    def setUp(self) -> None:
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)
        self.folder = Path(tempfile.mkdtemp(prefix="izvedba-test-"))

    def _run(self, *args: str) -> None:
        call_command("generate_document", *args, stdout=io.StringIO())

    def _fails(self, message: str, *args: str) -> None:
        with self.assertRaises(CommandError) as caught:
            self._run(*args)
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn(message, str(caught.exception))

    def test_it_writes_a_regional_summary_as_docx(self) -> None:
        out = self.folder / "povzetek.docx"
        self._run("regional-summary", "--plan", str(self.regional.pk), "--output", str(out))
        self.assertIn("Hrpelje-Kozina", docx_text(out.read_bytes()))

    def test_it_writes_a_monitoring_report_as_pdf_for_a_plan_given_by_slug(self) -> None:
        out = self.folder / "porocilo.PDF"
        self._run(
            "monitoring-report", "--plan", self.national.slug, "--round", str(self.round.pk), "--output", str(out)
        )
        self.assertIn("2025", pdf_text(out.read_bytes()))

    def test_it_refuses_an_unknown_plan(self) -> None:
        self._fails(
            "No plan with id '999'", "regional-summary", "--plan", "999", "--output", str(self.folder / "a.docx")
        )

    def test_it_refuses_a_regional_summary_of_the_national_plan(self) -> None:
        self._fails(
            "is a national plan",
            "regional-summary",
            "--plan",
            str(self.national.pk),
            "--output",
            str(self.folder / "a.docx"),
        )

    def test_it_refuses_a_monitoring_report_without_a_round_or_with_another_plans_round(self) -> None:
        out = str(self.folder / "a.docx")
        self._fails("needs --round ID", "monitoring-report", "--plan", str(self.national.pk), "--output", out)
        self._fails(
            f"belongs to plan {self.national.pk}, not to plan {self.regional.pk}",
            "monitoring-report",
            "--plan",
            str(self.regional.pk),
            "--round",
            str(self.round.pk),
            "--output",
            out,
        )
        self._fails(
            "No reporting round with id 999",
            "monitoring-report",
            "--plan",
            str(self.national.pk),
            "--round",
            "999",
            "--output",
            out,
        )

    def test_it_refuses_an_unknown_extension_kind_or_language(self) -> None:
        plan = str(self.regional.pk)
        self._fails(
            "end it in .docx or .pdf", "regional-summary", "--plan", plan, "--output", str(self.folder / "a.odt")
        )
        self._fails("Unknown document kind 'annual'", "annual", "--plan", plan, "--output", str(self.folder / "a.docx"))
        self._fails(
            "Unknown language 'de'",
            "regional-summary",
            "--plan",
            plan,
            "--language",
            "de",
            "--output",
            str(self.folder / "a.docx"),
        )

    def test_it_refuses_italian_for_a_document_with_only_slovenian_and_english_listing_what_is_missing(self) -> None:
        out = self.folder / "a.docx"
        args = ("regional-summary", "--plan", str(self.regional.pk), "--language", "it", "--output", str(out))
        self._fails("missing the Italian translation of its fixed text", *args)
        self.assertFalse(out.exists())

    def test_it_says_when_a_kind_is_not_available_yet(self) -> None:
        without: dict[str, Any] = {k: v for k, v in kinds.KINDS.items() if k != "council-material"}
        with mock.patch.dict(kinds.KINDS, without, clear=True):
            self._fails(
                "'council-material' is not available",
                "council-material",
                "--plan",
                str(self.regional.pk),
                "--municipality",
                "050",
                "--output",
                str(self.folder / "a.docx"),
            )

    def test_it_refuses_a_missing_output_folder(self) -> None:
        self._fails(
            "does not exist",
            "regional-summary",
            "--plan",
            str(self.regional.pk),
            "--output",
            str(self.folder / "nowhere" / "a.docx"),
        )
