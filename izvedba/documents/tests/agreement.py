"""Field-by-field agreement between two parses of the same plan (for tests and the benchmark)."""

from __future__ import annotations

import unicodedata
from typing import Any

MEASURE_FIELDS = (
    "goal", "area", "title", "purpose", "holders", "participants", "funding_sources",
    "amounts_eur", "no_additional_funds", "deadlines", "indicators",
)  # fmt: skip
PLAN_FIELDS = (
    "kind", "title", "document_number", "document_date", "period_start", "period_end", "region",
    "coordinator", "confirmed_on", "municipalities", "coordination_group", "context_indicators",
    "priorities", "risks", "goals",
)  # fmt: skip


def normalise(value: Any) -> Any:
    """Compare texts regardless of spacing, line breaks and Unicode form."""
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split())
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    return value


def field_agreement(expected: dict[str, Any], actual: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(agreeing fields, compared fields, descriptions of the differences)."""
    diffs: list[str] = []
    total = 0
    for name in PLAN_FIELDS:
        total += 1
        if normalise(expected.get(name)) != normalise(actual.get(name)):
            diffs.append(f"plan.{name}: {expected.get(name)!r} != {actual.get(name)!r}")
    by_code = {m["code"]: m for m in actual.get("measures", [])}
    for measure in expected.get("measures", []):
        other = by_code.get(measure["code"], {})
        rows = [(measure, other, measure["code"])]
        rows += [(s, (other.get("sub_rows") or [{}] * 99)[i] if i < len(other.get("sub_rows", [])) else {},
                  f"{measure['code']}/{i + 1}") for i, s in enumerate(measure["sub_rows"])]  # fmt: skip
        for mine, theirs, label in rows:
            for name in MEASURE_FIELDS:
                if name not in mine:
                    continue
                total += 1
                if normalise(mine.get(name)) != normalise(theirs.get(name)):
                    diffs.append(f"{label}.{name}: {mine.get(name)!r} != {theirs.get(name)!r}")
    return total - len(diffs), total, diffs
