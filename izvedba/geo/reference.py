"""Reference names read straight from the data files (for pure code that must not query the database)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def region_names() -> tuple[str, ...]:
    with (DATA_DIR / "statistical_regions.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(row["name_sl"] for row in csv.DictReader(handle))
