#!/usr/bin/env python
"""How long parsing NIN 2025–2026 takes as text, DOCX and PDF (median of 5 runs, in-process, no Django).

    .venv/bin/python bench/bench_parse.py

Targets (issue 2): text ≤ 0.3 s, DOCX ≤ 1 s, PDF ≤ 5 s. The DOCX and PDF come from scripts/build_fixtures.py.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from izvedba.documents.importers import parse_plan  # noqa: E402
from izvedba.geo.reference import region_names  # noqa: E402

FIXTURES = Path(os.environ.get("IZVEDBA_FIXTURES_DIR", ROOT / ".cache" / "fixtures"))
TARGETS = {"text": 0.3, "docx": 1.0, "pdf": 5.0}


def median_seconds(data: bytes, name: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        parse_plan(data, name, regions=region_names())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    if not (FIXTURES / "nin-2025-2026.pdf").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_fixtures.py"), str(FIXTURES)], check=True)
    files = {
        "text": ROOT / "izvedba" / "demo" / "data" / "nin-2025-2026.txt",
        "docx": FIXTURES / "nin-2025-2026.docx",
        "pdf": FIXTURES / "nin-2025-2026.pdf",
    }
    print("parse NIN 2025–2026 (median of 5 runs)")
    for kind, path in files.items():
        seconds = median_seconds(path.read_bytes(), path.name)
        verdict = "ok" if seconds <= TARGETS[kind] else "OVER TARGET"
        print(f"  {kind:5} {seconds:7.3f} s   target ≤ {TARGETS[kind]:.1f} s   {verdict}")


if __name__ == "__main__":
    main()
