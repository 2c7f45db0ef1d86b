"""Forms of the monitoring pages. They check the shape of what people type (numbers, dates, required fields);
the services check the rules of the domain and their errors are shown next to the same fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from izvedba.core.formatting import format_date
from izvedba.monitoring.models import Report
from izvedba.monitoring.services.reports import FieldError, IndicatorEntry, ReportChanges, SpendingEntry
from izvedba.monitoring.values import parse_date, parse_decimal
from izvedba.organisations.models import Organisation
from izvedba.plans.models import FundingLine, Indicator, PlanRisk


def decimal_text(value: Decimal | None) -> str:
    """A stored number as a form shows it: no grouping, a decimal comma (parse_decimal reads it back exactly)."""
    if value is None:
        return ""
    return format(value.normalize(), "f").replace(".", ",")


# A number field is as wide as a number, so that its unit can follow it on the same line.
NUMBER_STYLE = "display: inline-block; width: 14rem"


class TypedDateField(forms.Field):
    """A date typed as 31. 12. 2026 or 2026-12-31 (the browser's date picker sends the latter)."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def to_python(self, value: Any) -> dt.date | None:
        try:
            return parse_date(value)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None


class TypedDecimalField(forms.Field):
    """A number as people type it in Slovenia ("1.234,5") or elsewhere ("1234.5"); never "N/A"."""

    def __init__(self, **kwargs: Any) -> None:
        attrs = {"inputmode": "decimal", "autocomplete": "off", "style": NUMBER_STYLE}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:
        try:
            return parse_decimal(value)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None

    def prepare_value(self, value: Any) -> Any:
        return decimal_text(value) if isinstance(value, Decimal) else value


# --- rounds ---------------------------------------------------------------------------------------------------


class RoundOpenForm(forms.Form):
    """A round for a year, a half-year or explicit dates, with a due date."""

    YEAR, HALF, RANGE = "year", "half", "range"

    label = forms.CharField(
        label=_("Label"),
        max_length=100,
        required=False,
        help_text=_("Leave empty to name the round after its period, e.g. “2026” or “2026-H1”."),
    )
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[(YEAR, _("a year")), (HALF, _("a half-year")), (RANGE, _("from one date to another"))],
        initial=YEAR,
        widget=forms.RadioSelect,
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=2000, max_value=2100, help_text=_("For a year or a half-year.")
    )
    half = forms.ChoiceField(
        label=_("Half-year"),
        required=False,
        choices=[("", "—"), ("1", _("H1: January to June")), ("2", _("H2: July to December"))],
    )
    start = TypedDateField(label=_("From"), required=False, help_text=_("For dates: the first day of the period."))
    end = TypedDateField(label=_("To"), required=False, help_text=_("For dates: the last day of the period."))
    due_date = TypedDateField(
        label=_("Due date"),
        help_text=_("Reports are due on this day (on the next working day if it is a weekend or a holiday)."),
        error_messages={"required": _("Give the day the reports are due, e.g. 28. 2. 2027.")},
    )

    # Where a service error about a period field is shown, for each kind of period.
    SERVICE_FIELDS = {"period_start": "start", "period_end": "end"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, year = data.get("period"), data.get("year")
        if kind in (self.YEAR, self.HALF) and year is None and "year" not in self.errors:
            self.add_error("year", _("Give the year of the period, e.g. 2026."))
        if kind == self.HALF and not data.get("half"):
            self.add_error("half", _("Choose the first (H1) or the second (H2) half of the year."))
        if kind == self.RANGE:
            if data.get("start") is None and "start" not in self.errors:
                self.add_error("start", _("Give the first day of the period, e.g. 1. 1. 2026."))
            if data.get("end") is None and "end" not in self.errors:
                self.add_error("end", _("Give the last day of the period, e.g. 30. 6. 2026."))
            start, end = data.get("start"), data.get("end")
            if start and end and end < start:
                message = _("The period ends before it starts; the last day must be on or after the first.")
                self.add_error("end", message)
        if not self.errors:
            data["period_start"], data["period_end"], default_label = self._period(data)
            data["label"] = (data.get("label") or "").strip() or default_label
        return data

    def _period(self, data: dict[str, Any]) -> tuple[dt.date, dt.date, str]:
        kind, year = data["period"], data.get("year") or 0
        if kind == self.YEAR:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)
        if kind == self.HALF:
            if data["half"] == "1":
                return dt.date(year, 1, 1), dt.date(year, 6, 30), f"{year}-H1"
            return dt.date(year, 7, 1), dt.date(year, 12, 31), f"{year}-H2"
        start, end = data["start"], data["end"]
        return start, end, f"{format_date(start)} – {format_date(end)}"

    def add_service_errors(self, errors: Iterable[FieldError]) -> None:
        kind = self.cleaned_data.get("period")
        for error in errors:
            name = self.SERVICE_FIELDS.get(error.field, error.field)
            if name in ("start", "end") and kind in (self.YEAR, self.HALF):
                name = "year"
            self.add_error(name if name in self.fields else None, error.message)


# --- reports --------------------------------------------------------------------------------------------------


@dataclass
class IndicatorRow:
    indicator: Indicator
    field: forms.BoundField


@dataclass
class SpendingRow:
    line: FundingLine
    amount: forms.BoundField
    note: forms.BoundField


class ReportForm(forms.Form):
    """The holder's report: status, narrative, one row per indicator and per funding line, risks, and the
    version the person started from (a stale version is a conflict, not an overwrite)."""

    implementation_status = forms.ChoiceField(
        label=_("Implementation status"),
        choices=Report.Implementation.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    status_reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the measure is late or abandoned: why, and what happens next."),
    )
    completed_on = TypedDateField(
        label=_("Completed on"), required=False, help_text=_("When the measure is completed, e.g. 30. 11. 2026.")
    )
    narrative = forms.CharField(
        label=_("What was done"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What was carried out in the period, with whom, and what came of it."),
    )
    risks = forms.TypedMultipleChoiceField(
        label=_("Risks met"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    risks_other = forms.CharField(
        label=_("Other risks met"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Risks the plan does not list."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(
        self,
        data: Any = None,
        *,
        report: Report,
        indicators: Sequence[Indicator],
        funding_lines: Sequence[FundingLine],
        risks: Sequence[PlanRisk],
        **kwargs: Any,
    ) -> None:
        self.indicators = list(indicators)
        self.funding_lines = list(funding_lines)
        kwargs.setdefault("initial", report_initial(report))
        super().__init__(data, **kwargs)
        risks_field = self.fields["risks"]
        assert isinstance(risks_field, forms.TypedMultipleChoiceField)
        risks_field.choices = [(risk.pk, risk.text) for risk in risks]
        for indicator in self.indicators:
            self.fields[indicator_field(indicator)] = _indicator_form_field(indicator)
        for line in self.funding_lines:
            self.fields[f"spent_{line.pk}"] = TypedDecimalField(
                label=_("Spent (EUR)"), required=False, help_text=_("e.g. 1.234,50")
            )
            self.fields[f"spent_note_{line.pk}"] = forms.CharField(
                label=_("Note"), required=False, help_text=_("Required when more was spent than planned.")
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for line in self.funding_lines:
            name = f"spent_{line.pk}"
            amount, note = data.get(name), (data.get(f"spent_note_{line.pk}") or "").strip()
            if amount is not None or name in self.errors:
                continue
            if self.initial.get(name) is not None:
                self.add_error(name, _("An amount was already reported for this line: enter 0 if nothing was spent."))
            elif note:
                self.add_error(name, _("Give the amount spent that the note explains."))
        return data

    @property
    def indicator_rows(self) -> list[IndicatorRow]:
        return [IndicatorRow(indicator, self[indicator_field(indicator)]) for indicator in self.indicators]

    @property
    def spending_rows(self) -> list[SpendingRow]:
        return [
            SpendingRow(line, self[f"spent_{line.pk}"], self[f"spent_note_{line.pk}"]) for line in self.funding_lines
        ]

    def changes(self) -> ReportChanges:
        """What the valid form says, as the services take it."""
        data = self.cleaned_data
        values = {}
        for indicator in self.indicators:
            given = data.get(indicator_field(indicator))
            values[indicator.pk] = (
                IndicatorEntry(value=given) if indicator.is_numeric else IndicatorEntry(statement=(given or "").strip())
            )
        spending = {}
        for line in self.funding_lines:
            amount = data.get(f"spent_{line.pk}")
            note = (data.get(f"spent_note_{line.pk}") or "").strip()
            if amount is not None:
                spending[line.pk] = SpendingEntry(amount_eur=amount, note=note)
        return ReportChanges(
            implementation_status=data.get("implementation_status") or "",
            status_reason=(data.get("status_reason") or "").strip(),
            narrative=(data.get("narrative") or "").strip(),
            completed_on=data.get("completed_on"),
            clear_completed_on=data.get("completed_on") is None,
            indicator_values=values,
            spending=spending,
            risk_ids=list(data.get("risks") or []),
            risks_other=(data.get("risks_other") or "").strip(),
        )

    def add_service_errors(self, errors: Iterable[FieldError]) -> None:
        """Show the services' errors next to the fields they are about (the contract's field names)."""
        by_pk = {str(indicator.pk): indicator for indicator in self.indicators}
        for error in errors:
            kind, _sep, pk = error.field.partition(":")
            name: str | None = error.field
            if kind == "indicator" and pk in by_pk:
                name = indicator_field(by_pk[pk])
            elif kind == "spending":
                name = f"spent_{pk}"
            if name not in self.fields or name == "version":
                name = None
            self.add_error(name, error.message)


def indicator_field(indicator: Indicator) -> str:
    return f"indicator_{indicator.pk}" if indicator.is_numeric else f"statement_{indicator.pk}"


def _indicator_form_field(indicator: Indicator) -> forms.Field:
    if indicator.is_numeric:
        unit = indicator.unit or _("no unit")
        return TypedDecimalField(
            label=indicator.text,
            required=False,
            help_text=_("A number in %(unit)s, e.g. 1.234,5; leave empty if not known yet.") % {"unit": unit},
        )
    return forms.CharField(
        label=indicator.text,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("This indicator has no number: describe what was achieved."),
    )


def report_initial(report: Report) -> dict[str, Any]:
    """The stored report as initial form values."""
    initial: dict[str, Any] = {
        "implementation_status": report.implementation_status,
        "status_reason": report.status_reason,
        "completed_on": report.completed_on,
        "narrative": report.narrative,
        "risks_other": report.risks_other,
        "version": report.version,
    }
    if report.pk:
        initial["risks"] = [risk.pk for risk in report.risks.all()]
        for value in report.indicator_values.all():
            initial[f"indicator_{value.indicator_id}"] = value.value
            initial[f"statement_{value.indicator_id}"] = value.statement
        for spent in report.spending.all():
            initial[f"spent_{spent.funding_line_id}"] = spent.amount_eur
            initial[f"spent_note_{spent.funding_line_id}"] = spent.note
    return initial


class CommentForm(forms.Form):
    """A reviewer's comment: required to return or reopen a report."""

    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Write what needs to change, so that the reporter knows what to fix.")},
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Evidence file"),
        help_text=_("A document, spreadsheet, PDF or picture that shows what was done."),
        error_messages={"required": _("Choose a file to attach.")},
    )


class ContributionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("You report for none of the organisations offered; choose one of them.")},
    )
    text = forms.CharField(
        label=_("Contribution"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write what your organisation contributed.")},
    )

    def __init__(self, data: Any = None, *, organisations: Iterable[Organisation], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("name")
