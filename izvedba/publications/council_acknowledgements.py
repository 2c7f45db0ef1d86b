"""Which municipal councils have taken note of a plan: the record (service), the list (selector), the form and
the view that records one (coordinators of the plan and administrators only; everyone sees the list)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from izvedba.accounts import access
from izvedba.core.versioning import content_changed
from izvedba.geo.models import Municipality
from izvedba.history.models import Change
from izvedba.history.services import change_record, diff, field_values
from izvedba.plans.models import Plan
from izvedba.publications.models import CouncilAcknowledgement

RECORDED_FIELDS = ["date", "session", "resolution_text"]


class AcknowledgementInvalid(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors.values()))


@dataclass(frozen=True)
class CouncilRow:
    municipality: Municipality
    acknowledgement: CouncilAcknowledgement | None


def council_rows(plan: Plan) -> list[CouncilRow]:
    """Each municipality the plan covers, with its council's acknowledgement if one is recorded (2 queries)."""
    found = {a.municipality_id: a for a in CouncilAcknowledgement.objects.filter(plan=plan)}
    municipalities = plan.municipalities.order_by("planmunicipality__order", "name")
    return [CouncilRow(m, found.get(m.pk)) for m in municipalities]


@transaction.atomic
def council_acknowledgement_record(
    *,
    plan: Plan,
    municipality: Municipality,
    date: dt.date,
    session: str,
    resolution_text: str = "",
    user: Any,
) -> CouncilAcknowledgement:
    """Record (or correct) that the municipality's council took note of the plan, with its history entry."""
    access.require_coordinate(user, plan)
    errors = {}
    if not plan.municipalities.filter(pk=municipality.pk).exists():
        errors["municipality"] = _("%(municipality)s is not one of the plan's municipalities.") % {
            "municipality": municipality.name
        }
    if date > timezone.localdate():
        errors["date"] = _("The session's date %(date)s is in the future: record the acknowledgement after it.") % {
            "date": date.isoformat()
        }
    if not session.strip():
        errors["session"] = _("Name the council's session, e.g. “12. redna seja”.")
    if errors:
        raise AcknowledgementInvalid(errors)
    values = {"date": date, "session": session.strip(), "resolution_text": resolution_text.strip()}
    current = CouncilAcknowledgement.objects.select_for_update().filter(plan=plan, municipality=municipality).first()
    if current is None:
        current = CouncilAcknowledgement.objects.create(
            plan=plan, municipality=municipality, recorded_by=user, **values
        )
        change_record(
            obj=current,
            user=user,
            action=Change.Action.CREATE,
            changes=diff({}, field_values(current, RECORDED_FIELDS)),
        )
    else:
        before = field_values(current, RECORDED_FIELDS)
        for name, value in values.items():
            setattr(current, name, value)
        current.recorded_by = user
        current.save()
        change_record(
            obj=current,
            user=user,
            action=Change.Action.UPDATE,
            changes=diff(before, field_values(current, RECORDED_FIELDS)),
        )
    content_changed()
    return current


class AcknowledgementForm(forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none(), label=gettext_lazy("Municipality"))
    date = forms.DateField(
        label=gettext_lazy("Date of the session"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    session = forms.CharField(label=gettext_lazy("Session"), max_length=100)
    resolution_text = forms.CharField(
        label=gettext_lazy("Resolution adopted"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = plan.municipalities.order_by("name")


@login_required
@require_POST
def record_acknowledgement(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=pk)
    access.require_coordinate(request.user, plan)
    form = AcknowledgementForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            council_acknowledgement_record(plan=plan, user=request.user, **form.cleaned_data)
        except AcknowledgementInvalid as exc:
            for field, message in exc.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("The council's acknowledgement is recorded."))
            return redirect("plans:detail", pk=plan.pk)
    return render(
        request,
        "publications/council_acknowledgement_form.html",
        {"plan": plan, "form": form, "rows": council_rows(plan)},
        status=400,
    )
