"""The generated DOCX opens in LibreOffice and converts to PDF (slow: starts LibreOffice)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.test import TestCase

from izvedba.providers.services.annual_report import annual_report_render
from izvedba.providers.tests.support import load_demo
from izvedba.rendering.tests.pdf_reading import fonts, page_texts

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None, reason="LibreOffice (soffice) is not installed: Debian libreoffice-writer-nogui"
    ),
]


class AnnualReportLibreOfficeTests(TestCase):
    data: bytes

    @classmethod
    def setUpTestData(cls) -> None:
        provider = load_demo()
        cls.data = annual_report_render(provider=provider, year=2021, fmt="docx", today=dt.date(2022, 2, 17))

    def test_the_docx_opens_in_libreoffice_and_converts_to_pdf(self) -> None:
        assert SOFFICE is not None
        with tempfile.TemporaryDirectory(prefix="izvedba-lo-") as folder:
            work = Path(folder)
            source = work / "porocilo-2021.docx"
            source.write_bytes(self.data)
            profile = (work / "profile").as_uri()
            result = subprocess.run(
                [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                 "--outdir", str(work), str(source)],
                capture_output=True, text=True, timeout=240, check=False,
            )  # fmt: skip
            converted = work / "porocilo-2021.pdf"
            self.assertTrue(converted.exists(), f"{result.stdout}\n{result.stderr}")
            data = converted.read_bytes()
        pages = page_texts(data)
        self.assertGreater(len(pages), 8)
        text = "\n".join(pages)
        self.assertIn("Tabela 2: Število vlog in odločenih pravic", text)
        self.assertIn("Južna Primorska", text)
        self.assertTrue(all(fonts(data).values()))
