#!/usr/bin/env python
"""Seconds to build every report table and check for one provider-year, alone and beside a synthetic load.

    .venv/bin/python bench/bench_report_tables.py

Uses a temporary SQLite database: loads the demo (CSD Južna Primorska 2020–2021), times `report_tables` for 2021
(target ≤ 1 s), then adds synthetic observations for 16 providers × 10 years (copies of the demo's 2021 figures)
and times it again (target: within 1.5× of the first figure; the cost follows the report, not the database).
"""

from __future__ import annotations

import os
import shutil
import statistics
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

from izvedba.providers.models import Observation, Provider  # noqa: E402
from izvedba.providers.selectors import report_tables, report_tables_json  # noqa: E402
from izvedba.providers.services.demo import DEMO_PROVIDER, demo_load  # noqa: E402
from izvedba.providers.synthetic import synthetic_load  # noqa: E402


def seconds(provider: Provider, runs: int = 7) -> float:
    """The median time to build and serialise the 2021 tables with their checks."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        report_tables_json(report_tables(provider=provider, year=2021))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    call_command("migrate", verbosity=0)
    demo_load(progress=lambda line: None)
    demo = Provider.objects.get(organisation__slug=DEMO_PROVIDER)
    single = seconds(demo)
    print(f"report_tables, {DEMO_PROVIDER} 2021: {single:.3f} s (target ≤ 1 s)")
    added = synthetic_load(demo)
    loaded = seconds(demo)
    total = Observation.objects.count()
    print(f"with {added} synthetic observations ({total} in all, 16 providers × 10 years): {loaded:.3f} s")
    print(f"ratio: {loaded / single:.2f}× (target ≤ 1.5×)")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(os.environ["IZVEDBA_VAR_DIR"], ignore_errors=True)
