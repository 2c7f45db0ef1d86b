"""manage.py annual_report: writes the file the extension names; bad input exits 2 with a specific message."""

from __future__ import annotations

import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from izvedba.providers.tests.support import load_demo


class AnnualReportCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        load_demo()

    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="izvedba-annual-report-"))

    def tearDown(self) -> None:
        for path in self.folder.iterdir():
            path.unlink()
        self.folder.rmdir()

    def run_command(self, **options: object) -> str:
        out = StringIO()
        defaults: dict[str, object] = {"provider": "csd-juzna-primorska", "year": 2021}
        call_command("annual_report", stdout=out, stderr=StringIO(), **(defaults | options))
        return out.getvalue()

    def assert_refused(self, message: str, **options: object) -> None:
        with self.assertRaises(CommandError) as caught:
            self.run_command(**options)
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn(message, str(caught.exception))

    def test_it_writes_a_docx(self) -> None:
        output = self.folder / "porocilo.docx"
        printed = self.run_command(output=str(output))
        self.assertTrue(output.read_bytes().startswith(b"PK"))
        self.assertIn("DOCX", printed)

    def test_an_unknown_provider_is_refused_with_some_known_slugs(self) -> None:
        self.assert_refused("No provider “csd-nowhere”. Known providers include: csd-", provider="csd-nowhere",
                            output=str(self.folder / "x.docx"))  # fmt: skip
        self.assert_refused("and 11 more", provider="csd-nowhere", output=str(self.folder / "x.docx"))

    def test_a_year_without_figures_is_refused(self) -> None:
        self.assert_refused("nima podatkov za leto 2015", year=2015, output=str(self.folder / "x.docx"))
        self.assertEqual(list(self.folder.iterdir()), [])

    def test_an_unknown_extension_is_refused(self) -> None:
        self.assert_refused("the output must end in .docx or .pdf", output=str(self.folder / "porocilo.odt"))

    def test_a_folder_that_does_not_exist_is_refused_before_any_work(self) -> None:
        self.assert_refused("the folder", output=str(self.folder / "missing" / "porocilo.pdf"))

    def test_a_folder_given_as_the_output_is_refused(self) -> None:
        (self.folder / "a.docx").mkdir()
        try:
            self.assert_refused("it is a folder", output=str(self.folder / "a.docx"))
        finally:
            (self.folder / "a.docx").rmdir()
