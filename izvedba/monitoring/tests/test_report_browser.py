"""The report workflow through the pages in a real Chromium (Debian's): open a round, fill in and submit,
return with a comment, fix and resubmit, approve.

As in izvedba/documents/tests/test_browser.py, Playwright's sync API runs an event loop in this thread and
Django refuses ORM calls from it: the database is set up before the browser opens and checked after it closes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from izvedba.core.tests.browser import TIMEOUT_MS, chromium
from izvedba.history.models import Change
from izvedba.monitoring.models import IndicatorValue, Report, Round

from .cast import PASSWORD, make_cast

pytestmark = pytest.mark.browser

COMMENT = "Manjka število vključenih oseb za drugo polletje."


class Site:
    """One browser tab on the live server, signing in and out through the pages as people do."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.base_url = base_url
        self.page: Page = browser.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)

    def path(self) -> str:
        return urlsplit(self.page.url).path

    def log_in(self, username: str, next_path: str) -> None:
        self.page.goto(f"{self.base_url}{reverse('login')}?next={next_path}")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        with self.page.expect_navigation():
            self.page.locator('main form button[type="submit"]').click()
        assert self.path() == next_path, f"{username} landed on {self.page.url}"

    def log_out(self) -> None:
        with self.page.expect_navigation():
            self.page.locator("form.account button[type='submit']").click()

    def submit(self, selector: str) -> None:
        with self.page.expect_navigation():
            self.page.locator(selector).click()

    def status(self) -> str:
        return self.page.locator("main [data-status]").first.get_attribute("data-status") or ""


@pytest.mark.django_db(transaction=True)
def test_a_report_goes_from_draft_to_approved_through_the_pages(live_server: Any) -> None:
    cast = make_cast()
    plan_id, home = cast.plan.pk, reverse("monitoring:home")
    indicator = f'input[name="indicator_{cast.ind_num.pk}"]'

    with chromium() as browser:
        site = Site(browser, live_server.url)
        page = site.page

        # The coordinator opens the 2026 round on the plan's rounds page.
        site.log_in("coordinator", reverse("monitoring:rounds", args=[plan_id]))
        page.check('input[name="period"][value="year"]')
        page.fill("#id_year", "2026")
        page.fill("#id_due_date", "2027-02-26")
        site.submit("form[data-round-form] button[type='submit']")
        round_path = site.path()
        expect(page.locator("table[data-reports] tbody tr")).to_have_count(4)
        site.log_out()

        # MSP's reporter finds the report on "My work", fills it in and submits it.
        site.log_in("reporter_msp", home)
        site.submit("[data-section='to-fill'] a:has-text('Razvoj skupnostnih storitev')")
        report_path = site.path()
        page.check('input[name="implementation_status"][value="in_progress"]')
        page.fill("#id_narrative", "Vzpostavili smo mobilni tim v Kopru.")
        page.fill(indicator, "40")
        site.submit("form[data-report-form] button[name='submit']")
        assert site.status() == "submitted"
        site.log_out()

        # The coordinator returns it with a comment.
        site.log_in("coordinator", report_path)
        page.fill("#id_return-comment", COMMENT)
        site.submit("button[data-action='return']")
        assert site.status() == "returned"
        site.log_out()

        # The reporter sees the comment, fixes the figure and submits again.
        site.log_in("reporter_msp", report_path)
        expect(page.locator("[data-review-comment]")).to_contain_text(COMMENT)
        expect(page.locator(indicator)).to_have_value("40")
        page.fill(indicator, "1.234,5")
        page.fill("#id_narrative", "Vzpostavili smo mobilni tim v Kopru; vključenih je 1.234 oseb.")
        site.submit("form[data-report-form] button[name='submit']")
        assert site.status() == "submitted"
        site.log_out()

        # The coordinator approves it; the page shows it approved, read-only, with the values.
        site.log_in("coordinator", report_path)
        site.submit("button[data-action='approve']")
        assert site.status() == "approved"
        expect(page.locator("form[data-report-form]")).to_have_count(0)
        expect(page.locator("[data-narrative]")).to_contain_text("vključenih je 1.234 oseb")
        expect(page.locator("table[data-indicator-values]")).to_contain_text("1.234,5 oseb")
        page.goto(live_server.url + round_path)
        approved_in_round = page.locator("table[data-reports] [data-status='approved']").count()

    report = Report.objects.get(round=Round.objects.get(plan=cast.plan, label="2026"), measure=cast.m1)
    assert report.status == Report.Status.APPROVED
    assert report.approved_by == cast.coordinator
    assert IndicatorValue.objects.get(report=report, indicator=cast.ind_num).value == Decimal("1234.5")
    transitions = Change.objects.for_object(report).filter(action=Change.Action.TRANSITION).order_by("at", "pk")
    assert [c.changes["status"]["new"] for c in transitions] == ["submitted", "returned", "submitted", "approved"]
    assert transitions[1].comment == COMMENT
    assert approved_in_round == 1
