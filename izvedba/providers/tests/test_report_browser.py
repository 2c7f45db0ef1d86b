"""The annual report page in a real Chromium (Debian's): the provider's reporter opens the 2021 report, sees the
checks, generates the DOCX, watches the job's progress page finish and downloads the file.

As in izvedba/monitoring/tests/test_report_browser.py, Playwright's sync API runs an event loop in this thread
and Django refuses ORM calls from it: the database is set up before the browser opens and checked after it
closes. Jobs run in a background thread of the live server here (the `thread` backend `make run` uses), so the
progress page really waits for them.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import docx
import pytest
from django.urls import reverse
from playwright.sync_api import expect

from izvedba.core.tests.browser import TIMEOUT_MS, chromium
from izvedba.jobs.models import Job
from izvedba.providers.selectors import report_tables
from izvedba.providers.tests.views_cast import PASSWORD, make_providers_cast

pytestmark = pytest.mark.browser

JOB_TIMEOUT_MS = 90_000


@pytest.mark.django_db(transaction=True)
def test_the_reporter_checks_the_report_generates_the_docx_and_downloads_it(live_server: Any, settings: Any) -> None:
    settings.IZVEDBA_JOBS_BACKEND = "thread"
    cast = make_providers_cast()
    mismatches = len(report_tables(provider=cast.provider, year=2021).mismatches)
    report_path = reverse("providers:report", args=["csd-juzna-primorska", 2021])

    with chromium() as browser:
        page = browser.new_page(accept_downloads=True)
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{live_server.url}{reverse('login')}?next={report_path}")
        page.fill("#id_username", "reporter")
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.locator('main form button[type="submit"]').click()
        assert urlsplit(page.url).path == report_path

        # The checks come first: the summary and every mismatch, each linking to its table.
        checks = page.locator("[data-checks]")
        expect(checks).to_be_visible()
        expect(checks).to_have_attribute("data-checks-mismatch", str(mismatches))
        expect(page.locator("[data-mismatches] tbody tr")).to_have_count(mismatches)
        expect(page.locator("[data-mismatch='rights_by_month_unit'] a").first).to_have_attribute(
            "href", "#table-rights_by_month_unit"
        )

        # Generate the DOCX: the job's page shows its progress and offers the file when it is done.
        with page.expect_navigation():
            page.locator("[data-generate-docx]").click()
        job_path = urlsplit(page.url).path
        assert job_path.startswith("/jobs/"), page.url
        expect(page.locator("[data-job-status]")).to_be_visible()
        download_link = page.locator("[data-job-download]")
        expect(download_link).to_be_visible(timeout=JOB_TIMEOUT_MS)
        with page.expect_download() as download_info:
            download_link.click()
        download = download_info.value
        filename = download.suggested_filename
        data = Path(download.path()).read_bytes()

    assert filename == "letno-porocilo-csd-juzna-primorska-2021.docx"
    document = docx.Document(io.BytesIO(data))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "26.930" in cells
    job = Job.objects.get()
    assert (job.status, job.requested_by, job.kind) == ("done", cast.users["reporter"], "annual-report")
    assert job_path == reverse("jobs:detail", args=[job.pk])
