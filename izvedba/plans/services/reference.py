"""Plan reference data: resolutions and funding-source groups (data files in plans/data)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from izvedba.core.versioning import content_changed
from izvedba.geo.services import LoadCounts, read_rows, upsert
from izvedba.plans.models import FundingSource, Resolution

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@transaction.atomic
def plan_reference_load(*, data_dir: Path | None = None) -> dict[str, LoadCounts]:
    """Upsert resolutions and funding-source groups; running it again changes nothing."""
    data_dir = data_dir or DATA_DIR
    counts = {"resolutions": LoadCounts(), "funding_sources": LoadCounts()}
    for row in read_rows(data_dir / "resolutions.csv"):
        values = {
            "title": row["title"],
            "period_start": int(row["period_start"]),
            "period_end": int(row["period_end"]),
            "gazette": row["gazette"],
        }
        upsert(Resolution, {"code": row["code"]}, values, counts["resolutions"])
    for row in read_rows(data_dir / "funding_sources.csv"):
        upsert(FundingSource, {"name": row["name"]}, {"slug": slugify(row["name"])}, counts["funding_sources"])
    if any(c.created or c.updated for c in counts.values()):
        content_changed()
    return counts


@cache
def _patterns(path: Path) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["name"], re.compile(row["patterns"], re.IGNORECASE)) for row in read_rows(path))


def funding_source_group(written: str, *, data_dir: Path | None = None) -> str | None:
    """The group a written funding source belongs to ('Proračun RS – …' → 'Proračun RS'), or None."""
    text = " ".join(written.split())
    path = (data_dir or DATA_DIR) / "funding_sources.csv"
    return next((name for name, pattern in _patterns(path) if pattern.search(text)), None)


def funding_source_resolve(written: str) -> FundingSource:
    """The funding source a plan means; an unknown one is kept as written and flagged for review."""
    group = funding_source_group(written)
    name = group or " ".join(written.split())[:200]
    source, _created = FundingSource.objects.get_or_create(
        name=name, defaults={"slug": _unique_slug(name), "needs_review": group is None}
    )
    return source


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "vir"
    slug, n = base, 2
    while FundingSource.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def resolution_for_period(start: int, end: int) -> Resolution | None:
    """The resolution whose programme period contains the plan's period."""
    return Resolution.objects.filter(period_start__lte=start, period_end__gte=end).first()
