"""Forms for a coordinator's edits: they check the shape of values; izvedba.plans.services.edit checks the rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from izvedba.monitoring.values import parse_date, parse_decimal
from izvedba.plans.models import Deadline, Indicator, Measure, Plan

MAX_NUMBER = Decimal(10) ** 14  # Indicator.target/baseline_value: 18 digits, 4 decimals


class DateField(forms.Field):
    """A date typed as 31. 12. 2026 or 2026-12-31 (what the browser's date picker sends)."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def to_python(self, value: Any) -> dt.date | None:
        try:
            return parse_date(value)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None


class NumberField(forms.Field):
    """A number typed the Slovenian way ("4.320", "12,5") or with a decimal point; at most 4 decimal places."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:
        try:
            number = parse_decimal(value)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None
        if number is None:
            return None
        if abs(number) >= MAX_NUMBER:
            raise ValidationError(_("This number is too large."), code="too_large")
        exponent = number.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -4:
            raise ValidationError(_("Give at most 4 decimal places."), code="decimals")
        return number

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return format(value.normalize(), "f").replace(".", ",")
        return value


def _year(label: Any, help_text: Any = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class PlanEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), widget=forms.Textarea(attrs={"rows": 3}))
    confirmed_on = DateField(label=_("Confirmed on"), required=False, help_text=_("e.g. 15. 3. 2025"))
    coordinator_appointed_by = forms.CharField(
        label=_("Coordinator appointed by"), max_length=200, required=False, help_text=_("e.g. the ministry (MSP)")
    )

    @classmethod
    def initial_for(cls, plan: Plan) -> dict[str, Any]:
        return {name: getattr(plan, name) for name in cls.base_fields}


class MeasureEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), widget=forms.Textarea(attrs={"rows": 3}))
    purpose = forms.CharField(label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 6}))

    @classmethod
    def initial_for(cls, measure: Measure) -> dict[str, Any]:
        return {name: getattr(measure, name) for name in cls.base_fields}


class IndicatorEditForm(forms.Form):
    target = NumberField(
        label=_("Target value"),
        required=False,
        help_text=_("With a target, reports give a number for this indicator; without one, a statement."),
    )
    unit = forms.CharField(label=_("Unit"), max_length=100, required=False, help_text=_("e.g. persons, %, EUR"))
    baseline_year = _year(_("Baseline year"), _("The year the target is compared with."))
    baseline_value = NumberField(label=_("Baseline value"), required=False)
    direction = forms.ChoiceField(label=_("Direction"), choices=Indicator.Direction.choices, widget=forms.RadioSelect)
    cumulative = forms.BooleanField(
        label=_("Cumulative"),
        required=False,
        help_text=_("Values reported in each round add up towards the target (e.g. persons included per year)."),
    )
    target_year = _year(_("Target year"), _("Empty: the last year of the plan."))

    @classmethod
    def initial_for(cls, indicator: Indicator) -> dict[str, Any]:
        return {name: getattr(indicator, name) for name in cls.base_fields}


class DeadlineEditForm(forms.Form):
    due_on = DateField(
        label=_("Due on"), error_messages={"required": _("Give the deadline's date, e.g. 31. 12. 2026.")}
    )
    label = forms.CharField(label=_("Label"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    @classmethod
    def initial_for(cls, deadline: Deadline) -> dict[str, Any]:
        return {name: getattr(deadline, name) for name in cls.base_fields}
