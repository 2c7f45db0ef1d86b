"""The demo: reference data and the plans in demo/data, imported through the same path users use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from izvedba.documents.services import plan_import
from izvedba.geo.services import reference_load
from izvedba.plans.services import plan_reference_load

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_PLANS = ("nin-2025-2026.txt", "rin-obalno-kraska-2014-2016.txt")


def demo_load(*, progress: Callable[[str], object] = print) -> list[str]:
    """Load everything the demo needs; a second run changes nothing. Returns one line per step."""
    lines = []
    result = reference_load()
    lines.append(f"Reference data: {result.created} created, {result.updated} updated.")
    plan_reference_load()
    for name in DEMO_PLANS:
        progress(f"Importing {name} …")
        outcome = plan_import(data=(DATA_DIR / name).read_bytes(), filename=name)
        state = "unchanged" if outcome.unchanged else "imported"
        lines.append(f"Plan {outcome.plan.pk} “{outcome.plan.title}”: {state}.")
    return lines
