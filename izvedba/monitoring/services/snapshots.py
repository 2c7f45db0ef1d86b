"""A round as JSON, the way a snapshot keeps it: later edits change the reports, never a snapshot's data."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from izvedba.history.services import json_value
from izvedba.monitoring.models import IndicatorValue, Report, Round, Spending


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(json_value(value.normalize()))


def report_data(report: Report) -> dict[str, Any]:
    """One report as JSON (expects indicator_values, spending and risks prefetched)."""
    measure = report.measure
    return {
        "id": report.pk,
        "measure": {"id": measure.pk, "code": measure.code, "sub_index": measure.sub_index, "title": measure.title},
        "status": report.status,
        "version": report.version,
        "implementation_status": report.implementation_status,
        "status_reason": report.status_reason,
        "completed_on": json_value(report.completed_on),
        "narrative": report.narrative,
        "indicator_values": [
            {
                "indicator": v.indicator_id,
                "text": v.indicator.text,
                "unit": v.indicator.unit,
                "value": _number(v.value),
                "statement": v.statement,
            }
            for v in report.indicator_values.all()
        ],
        "spending": [
            {"funding_line": s.funding_line_id, "amount_eur": _number(s.amount_eur), "note": s.note}
            for s in report.spending.all()
        ],
        "risks": [{"id": r.pk, "text": r.text} for r in report.risks.all()],
        "risks_other": report.risks_other,
        "approved_at": json_value(report.approved_at),
    }


def round_data(round: Round) -> dict[str, Any]:
    """The round and all its reports as JSON values, with counts by workflow and implementation status."""
    reports = list(
        Report.objects.filter(round=round)
        .select_related("measure")
        .prefetch_related(
            Prefetch(
                "indicator_values",
                IndicatorValue.objects.select_related("indicator").order_by("indicator__order", "indicator_id"),
            ),
            Prefetch("spending", Spending.objects.order_by("funding_line__order", "funding_line_id")),
            "risks",
        )
    )
    return {
        "frozen_at": timezone.now().isoformat(),
        "round": {
            "id": round.pk,
            "plan": round.plan_id,
            "label": round.label,
            "period_start": json_value(round.period_start),
            "period_end": json_value(round.period_end),
            "due_date": json_value(round.due_date),
            "status": round.status,
            "published_at": json_value(round.published_at),
        },
        "by_status": dict(Counter(r.status for r in reports)),
        "by_implementation_status": dict(
            Counter(r.implementation_status for r in reports if r.status == Report.Status.APPROVED)
        ),
        "reports": [report_data(r) for r in reports],
    }
