#!/usr/bin/env python
"""Requests per second for a plan's progress page and GET /api/plans/{id}/progress, against a baseline.

    .venv/bin/python bench/bench_progress.py [--seconds 3]

Builds, in a temporary SQLite database, the synthetic national load twice — 13 plans, 600 measures, 1,500
indicators, every round approved and published — once with 10 years of yearly rounds and once with 1 year
(izvedba.monitoring.synthetic). Serves, through Django's full request stack in this process, one plan's progress
page and progress endpoint from each, and a baseline view that returns the same bytes from memory, all in the same
run (each rate the best of three runs taken in turn). Prints each rate as a ratio of its baseline (target ≥ 10 %)
and what 10 years of history cost relative to 1 year (target ≤ 1.5×: cost grows with what is shown, not with what
is stored). Ratios, not seconds, because these machines are noisy. Requests are anonymous (the public), first with
the page cache as the public gets it, then rendered every time.
"""

from __future__ import annotations

import argparse
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
from django.db import connection  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402

from izvedba.monitoring.synthetic import synthetic_load  # noqa: E402

PAGES: dict[str, tuple[bytes, str]] = {}


def baseline(request: HttpRequest, key: str) -> HttpResponse:
    content, content_type = PAGES[key]
    return HttpResponse(content, content_type=content_type)


urlpatterns = [path("bench/baseline/<str:key>/", baseline), path("", include("izvedba.urls"))]


def rate(client: Client, url: str, seconds: float) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        count += 1
    return count / (time.perf_counter() - start)


def best_rates(client: Client, urls: list[str], seconds: float, rounds: int = 3) -> list[float]:
    """Each URL's best rate over `rounds` short runs, taken in turn (so a busy moment hurts all of them alike)."""
    for url in urls:
        client.get(url)
    best = [0.0] * len(urls)
    for _ in range(rounds):
        for n, url in enumerate(urls):
            best[n] = max(best[n], rate(client, url, seconds / rounds))
    return best


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context.captured_queries)


def report(client: Client, urls: dict[str, str], label: str, seconds: float) -> None:
    print(f"{label}:")
    keys = list(urls)
    measured = best_rates(client, [urls[k] for k in keys] + [f"/bench/baseline/{k}/" for k in keys], seconds)
    rates = dict(zip(keys, measured[: len(keys)], strict=True))
    for key, base in zip(keys, measured[len(keys) :], strict=True):
        print(f"  {key:8} {rates[key]:8.1f} req/s   baseline {base:8.1f} req/s   ratio {rates[key] / base:6.1%}"
              "   (target ≥ 10 %)")  # fmt: skip
    for kind in ("page", "api"):
        cost = rates[f"{kind}-1y"] / rates[f"{kind}-10y"]  # cost = 1 / rate
        print(f"  {kind}: 10 years of history cost {cost:.2f}× 1 year (target ≤ 1.5×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to measure each rate (in 3 runs)")
    seconds = parser.parse_args().seconds
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    ten = synthetic_load(years=10, tag="y10")
    one = synthetic_load(years=1, tag="y1")
    built = time.perf_counter() - start
    print(f"built 2 × (13 plans, 600 measures, 1,500 indicators), with 10 years and with 1 year, in {built:.1f} s")
    client = Client()
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]):
        plan10, plan1 = ten.plans[1], one.plans[1]
        urls = {
            "page-10y": f"/spremljanje/nacrt/{plan10.pk}/",
            "api-10y": f"/api/plans/{plan10.pk}/progress",
            "page-1y": f"/spremljanje/nacrt/{plan1.pk}/",
            "api-1y": f"/api/plans/{plan1.pk}/progress",
        }
        with override_settings(IZVEDBA_PAGE_CACHE_SECONDS=0):
            for key, url in urls.items():
                response = client.get(url)
                PAGES[key] = (response.content, response["Content-Type"])
            counts = {key: queries(client, url) for key, url in urls.items()}
        page_kib, api_kib = len(PAGES["page-10y"][0]) // 1024, len(PAGES["api-10y"][0]) // 1024
        print(f"plan {plan10.title!r}: {plan10.measures.count()} measures, {page_kib} KiB page, {api_kib} KiB JSON")
        print("queries per request: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
        for label, cache_seconds in (
            ("as the public gets them (page cache on)", 3600),
            ("rendered every time (cache off)", 0),
        ):
            with override_settings(IZVEDBA_PAGE_CACHE_SECONDS=cache_seconds):
                report(client, urls, label, seconds)


if __name__ == "__main__":
    main()
