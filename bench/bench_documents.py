#!/usr/bin/env python
"""Seconds to generate issue 5's documents: the regional summary of the Obalno-kraška plan and the monitoring
report of NIN 2025–2026's demo round as DOCX (target ≤ 2 s) and PDF (target ≤ 10 s), and the monitoring report
of a synthetic 600-measure plan (izvedba.monitoring.synthetic) as DOCX (target ≤ 10 s).

    .venv/bin/python bench/bench_documents.py

Uses a temporary SQLite database with the demo loaded. Each figure is the median of three runs with the chart
cache cleared (reading, building, drawing and writing all count); the first run in the process is printed too.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["IZVEDBA_VAR_DIR"] = tempfile.mkdtemp(prefix="izvedba-bench-")
Path(os.environ["IZVEDBA_VAR_DIR"], "staticfiles").mkdir()
os.environ["DJANGO_SETTINGS_MODULE"] = "izvedba.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from izvedba.demo.services import demo_load  # noqa: E402
from izvedba.monitoring.models import Round  # noqa: E402
from izvedba.monitoring.synthetic import synthetic_load  # noqa: E402
from izvedba.plans.models import Plan  # noqa: E402
from izvedba.publications.services import monitoring_report_render, regional_summary_render  # noqa: E402
from izvedba.rendering import charts  # noqa: E402

TARGETS = {"docx": 2.0, "pdf": 10.0}
SYNTHETIC_TARGET = 10.0


def once(render: Callable[[], bytes]) -> tuple[float, int]:
    charts._png.cache_clear()
    charts._svg.cache_clear()
    start = time.perf_counter()
    data = render()
    return time.perf_counter() - start, len(data)


def seconds(render: Callable[[], bytes], runs: int = 3) -> tuple[float, int]:
    results = [once(render) for _ in range(runs)]
    return statistics.median(r[0] for r in results), results[-1][1]


def main() -> None:
    call_command("migrate", verbosity=0)
    demo_load(progress=lambda line: None)
    regional = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")
    demo_round = Round.objects.get(plan__slug="nin-2025-2026", label="2025")
    cold, _size = once(lambda: regional_summary_render(plan=regional, fmt="pdf"))
    print(f"first run in this process (imports, fonts), regional summary PDF: {cold:.2f} s")
    documents: dict[str, Callable[[str], Callable[[], bytes]]] = {
        "regional summary (Obalno-kraška 2014–2016)": lambda fmt: (
            lambda: regional_summary_render(plan=regional, fmt=fmt)
        ),
        "monitoring report (NIN 2025–2026, round 2025)": lambda fmt: (
            lambda: monitoring_report_render(round=demo_round, fmt=fmt)
        ),
    }
    for name, make in documents.items():
        for fmt in ("docx", "pdf"):
            value, size = seconds(make(fmt))
            verdict = "ok" if value <= TARGETS[fmt] else "OVER TARGET"
            print(f"{name} as {fmt.upper()}: {value:.2f} s, {size:,} bytes (target ≤ {TARGETS[fmt]:g} s) {verdict}")
    load = synthetic_load(plans=1, measures=600, indicators=1500, years=5, first_year=2020)
    plan = load.plans[0]
    latest = Round.objects.filter(plan=plan).order_by("-period_end").first()
    assert latest is not None
    value, size = seconds(lambda: monitoring_report_render(round=latest, fmt="docx"))
    verdict = "ok" if value <= SYNTHETIC_TARGET else "OVER TARGET"
    print(
        f"monitoring report, synthetic plan ({plan.measures.count()} measures, {load.indicators} indicators, "
        f"{load.rounds} rounds), round {latest.label} as DOCX: {value:.2f} s, {size:,} bytes "
        f"(target ≤ {SYNTHETIC_TARGET:g} s) {verdict}"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(os.environ["IZVEDBA_VAR_DIR"], ignore_errors=True)
