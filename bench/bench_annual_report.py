#!/usr/bin/env python
"""Seconds to generate the full 2021 annual report of CSD Južna Primorska as DOCX and as PDF, alone and beside a
synthetic load.

    .venv/bin/python bench/bench_annual_report.py

Uses a temporary SQLite database: loads the demo (CSD Južna Primorska 2020–2021), times `annual_report_render`
for 2021 (every table and chart; targets: DOCX ≤ 5 s, PDF ≤ 15 s), then adds synthetic observations for 16
providers × 10 years (copies of the demo's 2021 figures, as bench_report_tables.py does) and times it again
(target: within 1.5× of the first figures; the cost follows the report, not the database). Charts are drawn anew
in every run (their cache is cleared). The first run in a fresh process, with its imports, is printed too.
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
from izvedba.providers.services.annual_report import annual_report_render  # noqa: E402
from izvedba.providers.services.demo import DEMO_PROVIDER, demo_load  # noqa: E402
from izvedba.providers.synthetic import synthetic_load  # noqa: E402
from izvedba.rendering import charts  # noqa: E402

TARGETS = {"docx": 5.0, "pdf": 15.0}


def once(provider: Provider, fmt: str) -> tuple[float, int]:
    charts._png.cache_clear()
    charts._svg.cache_clear()
    start = time.perf_counter()
    data = annual_report_render(provider=provider, year=2021, fmt=fmt)
    return time.perf_counter() - start, len(data)


def seconds(provider: Provider, fmt: str, runs: int = 3) -> float:
    """The median time to read, build, draw and write the 2021 report."""
    return statistics.median(once(provider, fmt)[0] for _ in range(runs))


def main() -> None:
    call_command("migrate", verbosity=0)
    demo_load(progress=lambda line: None)
    demo = Provider.objects.get(organisation__slug=DEMO_PROVIDER)
    for fmt in ("docx", "pdf"):
        cold, size = once(demo, fmt)
        print(f"{fmt.upper()}, first run in this process (imports, fonts): {cold:.2f} s, {size:,} bytes")
    single = {fmt: seconds(demo, fmt) for fmt in ("docx", "pdf")}
    for fmt, value in single.items():
        print(f"annual report {DEMO_PROVIDER} 2021 as {fmt.upper()}: {value:.2f} s (target ≤ {TARGETS[fmt]:g} s)")
    added = synthetic_load(demo)
    total = Observation.objects.count()
    print(f"with {added} synthetic observations ({total} in all, 16 providers × 10 years):")
    for fmt in ("docx", "pdf"):
        loaded = seconds(demo, fmt)
        print(f"  {fmt.upper()}: {loaded:.2f} s, ratio {loaded / single[fmt]:.2f}× (target ≤ 1.5×)")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(os.environ["IZVEDBA_VAR_DIR"], ignore_errors=True)
