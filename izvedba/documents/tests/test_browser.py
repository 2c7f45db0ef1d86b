"""A real Chromium (Debian's, never a downloaded one) against the live server.

Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls from a thread with a
running loop; so each test does its database work before opening the browser and checks the database after
closing it. The live server answers requests in its own thread.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import resolve, reverse
from playwright.sync_api import Page, expect

from izvedba.core.tests.browser import chromium, new_page
from izvedba.demo.services import demo_load
from izvedba.documents.models import ImportRun
from izvedba.plans.models import Measure, Plan, Responsibility

from .support import make_importer, reference_data_load, stored_counts

pytestmark = pytest.mark.browser


def links_in_main(page: Page) -> list[str]:
    hrefs: list[str] = page.locator("main a[href]").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return [urlsplit(href).path for href in hrefs]


def holder_option(page: Page, acronym: str) -> str:
    """The value of the holder filter's option for an organisation, by its acronym."""
    value: Any = page.locator('select[name="holder"]').evaluate(
        """(select, acronym) => {
            const option = [...select.options].find(
                o => o.value === acronym || o.text.trim() === acronym || o.text.includes(`(${acronym})`));
            return option ? option.value : null;
        }""",
        acronym,
    )
    assert value, f"no holder option for {acronym}"
    return str(value)


@pytest.mark.django_db(transaction=True)
def test_a_visitor_filters_a_plan_by_holder_and_opens_a_measure(live_server: Any) -> None:
    demo_load(progress=lambda line: None)
    plan = Plan.objects.get(slug="nin-2025-2026")
    msp_rows = Responsibility.objects.filter(
        measure__plan=plan, role=Responsibility.Role.HOLDER, organisation__acronym="MSP"
    )
    expected = set(msp_rows.values_list("measure__code", flat=True))  # a sub-row carries its measure's code
    measures = {reverse("plans:measure", args=[m.pk]): m for m in Measure.objects.filter(plan=plan)}
    assert len(expected) >= 10

    with chromium() as browser:
        page = new_page(browser)
        page.goto(live_server.url + reverse("plans:detail", args=[plan.pk]))
        all_links = links_in_main(page)
        page.locator('select[name="holder"]').select_option(holder_option(page, "MSP"))
        with page.expect_navigation():
            page.locator('form:has(select[name="holder"]) button[type="submit"]').click()
        query = urlsplit(page.url).query
        listed = [path for path in links_in_main(page) if path in measures]
        first = listed[0]
        page.locator(f'main a[href="{first}"]').first.click()
        page.wait_for_url(f"**{first}")
        heading = " ".join(page.locator("h1").inner_text().split())
        main_text = " ".join(page.locator("main").inner_text().split())

    assert "holder=MSP" in query
    assert {measures[path].code for path in listed} == expected
    assert {measures[path].code for path in all_links if path in measures} > expected  # the filter did filter
    measure = measures[first]
    assert measure.code in main_text
    assert " ".join(measure.title.split()) in heading


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_an_importer_uploads_a_docx_and_saves_the_plan(live_server: Any, fixtures_dir: Path) -> None:
    reference_data_load()
    make_importer("bojan")
    assert stored_counts() == {"source documents": 0, "imports": 0, "plans": 0, "measures": 0}

    with chromium() as browser:
        page = new_page(browser)
        page.goto(live_server.url + reverse("documents:upload"))
        page.fill("#id_username", "bojan")
        page.fill("#id_password", "geslo-za-test")
        with page.expect_navigation():
            page.locator('main form button[type="submit"]').click()
        assert urlsplit(page.url).path == reverse("documents:upload")

        page.set_input_files('input[name="file"]', str(fixtures_dir / "nin-2025-2026.docx"))
        form = page.locator("form[data-busy-message]")
        button = form.locator('button[type="submit"]')
        # Hold the first submit back to see the progress state the script sets while the server parses.
        form.evaluate("f => f.addEventListener('submit', e => e.preventDefault(), {once: true})")
        button.click()
        expect(button).to_have_attribute("aria-busy", "true")
        expect(page.locator("[data-busy-status]")).to_have_text(form.get_attribute("data-busy-message") or "")
        with page.expect_navigation():  # now let it through (the button is aria-disabled: submit the form)
            form.evaluate("f => { f.removeAttribute('data-busy'); f.requestSubmit(); }")

        match = resolve(urlsplit(page.url).path)
        assert match.view_name == "documents:preview"
        expect(page.locator('[data-count="measures"]')).to_have_text("38")
        expect(page.locator('[data-count="sub-rows"]')).to_have_text("5")
        assert page.locator("table[data-measures] tbody tr").count() == 43
        with page.expect_navigation():
            page.locator(f'form[action="{reverse("documents:apply", args=[match.kwargs["pk"]])}"] button').click()
        landed = resolve(urlsplit(page.url).path)
        heading = " ".join(page.locator("h1").inner_text().split())

    plan = Plan.objects.get()
    assert landed.view_name == "plans:detail"
    assert landed.kwargs["pk"] == plan.pk
    assert heading == " ".join(plan.title.split())
    assert re.fullmatch(r"NACIONALNI IZVEDBENI NAČRT .* 2025 – 2026", heading)
    assert Measure.objects.filter(plan=plan, parent__isnull=True).count() == 38
    run = ImportRun.objects.get()
    assert (run.status, run.plan_id, run.created_by.username) == (ImportRun.Status.APPLIED, plan.pk, "bojan")  # type: ignore[union-attr]
