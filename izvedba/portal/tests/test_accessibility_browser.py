"""WCAG 2.1 AA on every public page type, checked by axe-core (vendored: vendor/axe.min.js) in a real Chromium.

As in izvedba/monitoring/tests/test_report_browser.py, the database is set up before the browser opens
(Playwright's sync API runs an event loop in this thread and Django refuses ORM calls from it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, sync_playwright

from izvedba.demo.services import demo_load
from izvedba.plans.models import Measure, Plan
from izvedba.portal.tests.data import make_public_data

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 20_000
NIN, RIN = "nin-2025-2026", "rin-obalno-kraska-2014-2016"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@contextmanager
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's Chromium is not installed ({CHROMIUM}); apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def readable(path: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{path}: {len(violations)} axe violation(s)"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].replace(chr(10), ' ')}")
    return "\n".join(lines)


def page_paths(plan: Plan, measure: Measure) -> list[str]:
    """One page of every public page type."""
    return [
        reverse("portal:home"),
        reverse("portal:resolution"),
        reverse("portal:plans"),
        reverse("portal:plan", args=[plan.slug]),
        reverse("portal:measure", args=[plan.slug, measure.pk]),
        reverse("portal:map") + "?figure=late_measures",
        reverse("portal:open-data"),
    ]


def test_every_public_page_type_has_no_wcag_21_aa_violations(live_server: Any) -> None:
    cast, _history = make_public_data()
    assert_no_violations(live_server.url, page_paths(cast.plan, cast.m1))


def test_the_demo_plans_public_pages_have_no_wcag_21_aa_violations(live_server: Any) -> None:
    """The demo's real plans (NIN 2025–2026 with its published round, the Obalno-kraška regional plan)."""
    demo_load(progress=lambda line: None)
    paths = []
    for slug in (NIN, RIN):
        plan = Plan.objects.get(slug=slug)
        measures = Measure.objects.filter(plan=plan).order_by("order")
        measure = measures.filter(indicators__isnull=False).first() or measures.first()
        assert measure is not None, slug
        paths.extend(page_paths(plan, measure))
    assert_no_violations(live_server.url, list(dict.fromkeys(paths)))


def assert_no_violations(base_url: str, paths: list[str]) -> None:
    axe = AXE.read_text(encoding="utf-8")
    failures = []
    with chromium() as browser:
        page = browser.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        for language in ("sl", "en"):
            page.context.add_cookies([{"name": "django_language", "value": language, "url": base_url}])
            for path in paths:
                response = page.goto(base_url + path)
                assert response is not None and response.status == 200, path
                page.add_script_tag(content=axe)
                result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
                assert result["passes"], f"axe checked nothing on {path}"
                if result["violations"]:
                    failures.append(readable(f"[{language}] {path}", result["violations"]))
    assert not failures, "\n\n".join(failures)


def test_the_axe_check_finds_a_violation_when_there_is_one(live_server: Any) -> None:
    """The check itself works: an image without a text alternative on a public page is reported."""
    axe = AXE.read_text(encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page()
        page.goto(live_server.url + reverse("portal:home"))
        page.evaluate("() => document.querySelector('main').append(document.createElement('img'))")
        page.add_script_tag(content=axe)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    assert "image-alt" in {v["id"] for v in result["violations"]}, readable("home", result["violations"])
