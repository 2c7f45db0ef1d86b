"""A real Chromium for browser tests: Debian's (/usr/bin/chromium), driven by Playwright, never a downloaded one.

Playwright's sync API runs an event loop in the test's thread, and Django refuses ORM calls from a thread with a
running loop; so a browser test does its database work before opening the browser and checks the database after
closing it. The live server answers requests in its own thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

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


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless; the test is skipped with the apt command when it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's Chromium is not installed ({CHROMIUM}); apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser: Browser) -> Page:
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page
