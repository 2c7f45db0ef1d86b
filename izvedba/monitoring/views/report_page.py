"""What the report page shows: the report as stored, what the user may do with it, and its forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from izvedba.accounts import access
from izvedba.accounts.models import User
from izvedba.history.selectors import changes_for
from izvedba.history.templatetags.history_tags import HistoryRow, history_rows
from izvedba.monitoring import calendar
from izvedba.monitoring.forms import CommentForm, ContributionForm, EvidenceForm, ReportForm
from izvedba.monitoring.models import Contribution, Evidence, IndicatorValue, Report, Spending
from izvedba.organisations.models import Organisation
from izvedba.plans.models import FundingLine, Indicator, PlanRisk, Responsibility


class AuthenticatedHttpRequest(HttpRequest):
    user: User


EDITABLE = (Report.Status.DRAFT, Report.Status.RETURNED)


def report_for(user: Any, report_id: int) -> Report:
    """The report if the user may read it; otherwise it does not exist for them (404)."""
    reports = Report.objects.select_related(
        "round__plan", "measure__parent", "measure__plan", "updated_by", "approved_by"
    )
    return get_object_or_404(access.visible_reports(user, reports), pk=report_id)


def is_editable(report: Report) -> bool:
    return report.status in EDITABLE and report.round.is_open


@dataclass
class StoredReport:
    """The report's content as stored, for reading (and for showing what someone else saved)."""

    report: Report
    indicators: list[tuple[Indicator, IndicatorValue | None]]
    spending: list[tuple[FundingLine, Spending | None]]
    risks: list[PlanRisk]
    all_indicators: list[Indicator] = field(default_factory=list)
    all_lines: list[FundingLine] = field(default_factory=list)
    plan_risks: list[PlanRisk] = field(default_factory=list)


def stored_report(report: Report) -> StoredReport:
    indicators = list(report.measure.indicators.all())
    lines = list(report.measure.funding_lines.select_related("source").order_by("order"))
    values = {value.indicator_id: value for value in report.indicator_values.all()}
    spent = {item.funding_line_id: item for item in report.spending.all()}
    return StoredReport(
        report=report,
        indicators=[(indicator, values.get(indicator.pk)) for indicator in indicators],
        spending=[(line, spent.get(line.pk)) for line in lines],
        risks=list(report.risks.all()),
        all_indicators=indicators,
        all_lines=lines,
        plan_risks=list(report.round.plan.risks.all()),
    )


def report_form(report: Report, stored: StoredReport, data: Any = None) -> ReportForm:
    return ReportForm(
        data, report=report, indicators=stored.all_indicators, funding_lines=stored.all_lines, risks=stored.plan_risks
    )


def report_history(report: Report, stored: StoredReport) -> list[HistoryRow]:
    labels = {f"indicator:{indicator.pk}": indicator.text for indicator in stored.all_indicators}
    spent_label = _("Spent (EUR)")
    labels |= {f"spending:{line.pk}": f"{spent_label}: {line.period_label}" for line in stored.all_lines}
    labels |= {"status": _("Workflow status"), "contribution": _("Contribution"), "evidence": _("Evidence")}
    names: dict[str, dict[Any, str]] = {
        "risks": {risk.pk: risk.text for risk in stored.plan_risks},
        "status": {str(value): str(label) for value, label in Report.Status.choices},
    }
    return history_rows(changes_for(report), labels=labels, names=names)


def holders(report: Report) -> list[Organisation]:
    return list(Organisation.objects.filter(pk__in=access.holder_ids(report)).order_by("acronym", "name"))


def contributing_organisations(user: Any, report: Report) -> list[Organisation]:
    """The organisations on whose behalf the user may add a contribution to this report."""
    mine = access.roles_of(user).organisations
    ids = access.participant_ids(report) | access.holder_ids(report)
    if not access.roles_of(user).admin:
        ids &= mine
    return list(Organisation.objects.filter(pk__in=ids).order_by("acronym", "name"))


def page_context(
    request: AuthenticatedHttpRequest,
    report: Report,
    *,
    form: ReportForm | None = None,
    conflict: str = "",
    forms: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything report.html shows. `form`, `conflict` and `forms` carry a re-rendered POST's state."""
    user = request.user
    stored = stored_report(report)
    can_fill = access.can_fill_report(user, report)
    editable = can_fill and is_editable(report)
    can_review = access.can_review_report(user, report)
    can_contribute = (
        access.can_contribute(user, report) and report.status != Report.Status.APPROVED and report.round.is_open
    )
    forms = forms or {}
    if editable and form is None:
        form = report_form(report, stored)
    organisations = contributing_organisations(user, report) if can_contribute else []
    today = timezone.localdate()
    return {
        "report": report,
        "round": report.round,
        "plan": report.round.plan,
        "measure": report.measure,
        "stored": stored,
        "holders": holders(report),
        "form": form if editable or conflict else None,
        "can_save": editable,
        "conflict": conflict,
        "can_fill": can_fill,
        "editable": editable,
        "can_review": can_review,
        "can_contribute": can_contribute and bool(organisations),
        "return_form": forms.get("return") or CommentForm(prefix="return"),
        "reopen_form": forms.get("reopen") or CommentForm(prefix="reopen"),
        "evidence_form": forms.get("evidence") or EvidenceForm(),
        "contribution_form": forms.get("contribution") or ContributionForm(organisations=organisations),
        "evidence": list(Evidence.objects.filter(report=report).select_related("uploaded_by")),
        "contributions": list(
            Contribution.objects.filter(report=report).select_related("organisation", "author").order_by("created_at")
        ),
        "history": report_history(report, stored),
        "awaiting_holder": is_editable(report),
        "days_left": calendar.days_left(report.round.due_date, today),
        "days_late": calendar.days_late(report.round.due_date, today),
        "effective_due_date": calendar.effective_due_date(report.round.due_date),
    }


def responsibilities_prefetch() -> Prefetch[Any]:
    return Prefetch(
        "measure__responsibilities",
        queryset=Responsibility.objects.filter(role=Responsibility.Role.HOLDER).select_related("organisation"),
        to_attr="holder_rows",
    )
