"""The parsed plan: plain dataclasses, and their JSON form (the shape `import_plan --format json` prints)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .values.dates import ParsedDeadline
from .values.indicators import ParsedIndicator
from .values.names import WrittenName
from .values.numbers import as_json_number
from .warnings import ImportWarning


@dataclass
class MeasureFields:
    """What a measure row and each of its sub-rows carry."""

    purpose: str = ""
    holders: list[WrittenName] = field(default_factory=list)
    participants: list[WrittenName] = field(default_factory=list)
    funding_sources: list[str] = field(default_factory=list)
    amounts_eur: dict[str, int] = field(default_factory=dict)
    no_additional_funds: bool = False
    deadlines: list[ParsedDeadline] = field(default_factory=list)
    indicators: list[ParsedIndicator] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)
    warnings: list[ImportWarning] = field(default_factory=list)

    def fields_dict(self) -> dict[str, Any]:
        return {
            "purpose": self.purpose,
            "holders": [h.name for h in self.holders],
            "participants": [p.name for p in self.participants],
            "funding_sources": list(self.funding_sources),
            "amounts_eur": dict(self.amounts_eur),
            "no_additional_funds": self.no_additional_funds,
            "deadlines": [{"date": d.date.isoformat(), "label": d.label} for d in self.deadlines],
            "indicators": [_indicator_dict(i) for i in self.indicators],
        }


@dataclass
class ParsedMeasure(MeasureFields):
    code: str = ""
    goal: int = 0
    area: str | None = None
    title: str = ""
    sub_rows: list[MeasureFields] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "goal": self.goal,
            "area": self.area,
            "title": self.title,
            **self.fields_dict(),
            "sub_rows": [{**s.fields_dict(), "raw": s.raw, "warnings": _texts(s.warnings)} for s in self.sub_rows],
            "raw": self.raw,
            "warnings": _texts(self.warnings),
        }


@dataclass(frozen=True)
class ParsedArea:
    code: str
    title: str


@dataclass
class ParsedGoal:
    number: int
    title: str
    areas: list[ParsedArea] = field(default_factory=list)


@dataclass(frozen=True)
class ParsedGroupSeat:
    category: str
    count: int


@dataclass(frozen=True)
class ParsedContextIndicator:
    name: str
    value: Decimal
    unit: str | None
    year: int | None
    source_text: str = ""


@dataclass
class ParsedPlan:
    kind: str = "national"
    title: str = ""
    document_number: str | None = None
    document_date: dt.date | None = None
    period_start: int = 0
    period_end: int = 0
    region: str | None = None
    coordinator: str | None = None
    coordinator_appointed_by: str | None = None
    confirmed_on: dt.date | None = None
    municipalities: list[str] = field(default_factory=list)
    centres: list[str] = field(default_factory=list)
    coordination_group: list[ParsedGroupSeat] = field(default_factory=list)
    context_indicators: list[ParsedContextIndicator] = field(default_factory=list)
    priorities: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    goals: list[ParsedGoal] = field(default_factory=list)
    measures: list[ParsedMeasure] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    source_format: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "document_number": self.document_number,
            "document_date": _iso(self.document_date),
            "period_start": self.period_start,
            "period_end": self.period_end,
            "region": self.region,
            "coordinator": self.coordinator,
            "coordinator_appointed_by": self.coordinator_appointed_by,
            "confirmed_on": _iso(self.confirmed_on),
            "municipalities": list(self.municipalities),
            "centres": list(self.centres),
            "coordination_group": [{"category": s.category, "count": s.count} for s in self.coordination_group],
            "context_indicators": [_context_dict(c) for c in self.context_indicators],
            "priorities": list(self.priorities),
            "risks": list(self.risks),
            "goals": [_goal_dict(g) for g in self.goals],
            "measures": [m.to_dict() for m in self.measures],
            "warnings": _texts(self.warnings),
            "source_format": self.source_format,
        }


def _texts(warnings: list[ImportWarning]) -> list[str]:
    """Warnings as text in the active language (the JSON output and the upload preview show text)."""
    return [str(w) for w in warnings]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _indicator_dict(indicator: ParsedIndicator) -> dict[str, Any]:
    target = as_json_number(indicator.target) if indicator.target is not None else None
    return {
        "text": indicator.text,
        "target": target,
        "unit": indicator.unit,
        "baseline_year": indicator.baseline_year,
    }


def _context_dict(c: ParsedContextIndicator) -> dict[str, Any]:
    return {"name": c.name, "value": as_json_number(c.value), "unit": c.unit, "year": c.year}


def _goal_dict(goal: ParsedGoal) -> dict[str, Any]:
    return {
        "number": goal.number,
        "title": goal.title,
        "areas": [{"code": a.code, "title": a.title} for a in goal.areas],
    }
