#!/usr/bin/env python
"""Requests per second for the plan page and the measures endpoint, against a baseline in the same run.

    .venv/bin/python bench/bench_pages.py

Serves, through Django's full request stack in this process and a temporary SQLite database: NIN 2025–2026's
plan page, a synthetic 400-measure plan's page, and a baseline view that returns the same bytes from memory.
Prints each page's rate as a ratio of its baseline (target ≥ 10 % for NIN) and what the 400-measure page
costs relative to NIN's (target ≤ 10×). Ratios, not seconds, because these machines are noisy.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["IZVEDBA_VAR_DIR"] = tempfile.mkdtemp(prefix="izvedba-bench-")
Path(os.environ["IZVEDBA_VAR_DIR"], "staticfiles").mkdir()
os.environ["DJANGO_SETTINGS_MODULE"] = "izvedba.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402

from izvedba.demo.services import demo_load  # noqa: E402
from izvedba.demo.synthetic import synthetic_plan_text  # noqa: E402
from izvedba.documents.services import plan_import  # noqa: E402

PAGES: dict[str, bytes] = {}


def baseline(request: HttpRequest, key: str) -> HttpResponse:
    return HttpResponse(PAGES[key], content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/baseline/<str:key>/", baseline), path("", include("izvedba.urls"))]


def rate(client: Client, url: str, seconds: float = 2.0) -> float:
    client.get(url)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        count += 1
    return count / (time.perf_counter() - start)


def report(client: Client, pages: dict[str, str], label: str) -> None:
    print(f"{label}:")
    results = {}
    for key, url in pages.items():
        results[key] = (rate(client, url), rate(client, f"/bench/baseline/{key}/"))
        page, base = results[key]
        print(f"  {key:4} page {page:8.1f} req/s   baseline {base:8.1f} req/s   ratio {page / base:6.1%}")
    nin_cost, big_cost = 1 / results["nin"][0], 1 / results["big"][0]
    print(f"  400-measure page costs {big_cost / nin_cost:.1f}× the NIN page (target ≤ 10×)")
    print(f"  NIN page at {results['nin'][0] / results['nin'][1]:.1%} of its baseline (target ≥ 10 %)")


def main() -> None:
    call_command("migrate", verbosity=0)
    demo_load(progress=lambda _line: None)
    nin = plan_import(data=(ROOT / "izvedba/demo/data/nin-2025-2026.txt").read_bytes(), filename="nin.txt").plan
    big = plan_import(data=synthetic_plan_text(400), filename="synthetic-400.txt").plan
    client = Client()
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]):
        pages = {"nin": f"/nacrti/{nin.pk}/", "big": f"/nacrti/{big.pk}/"}
        for key, url in pages.items():
            PAGES[key] = client.get(url).content
        print(f"plan pages: NIN {nin.measures.count()} rows, synthetic {big.measures.count()} rows")
        for label, seconds in (
            ("as the public gets them (page cache on)", 3600),
            ("rendered every time (cache off)", 0),
        ):
            with override_settings(IZVEDBA_PAGE_CACHE_SECONDS=seconds):
                report(client, pages, label)
        api = f"/api/plans/{nin.pk}/measures"
        PAGES["api"] = client.get(api).content
        for label, seconds in (("cache on", 3600), ("cache off", 0)):
            with override_settings(IZVEDBA_PAGE_CACHE_SECONDS=seconds):
                api_rate, api_base = rate(client, api), rate(client, "/bench/baseline/api/")
            print(f"measures endpoint ({label}) {api_rate:8.1f} req/s, {api_rate / api_base:6.1%} of its baseline")


if __name__ == "__main__":
    main()
