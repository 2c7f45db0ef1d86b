"""A coordinator's edit pages: the plan, a measure, an indicator's progress settings, a deadline.

Anyone may read a plan, so someone who may not edit it is refused (403), not told it is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from izvedba.accounts import access
from izvedba.plans.forms_edit import DeadlineEditForm, IndicatorEditForm, MeasureEditForm, PlanEditForm
from izvedba.plans.models import Deadline, Indicator, Measure, Plan
from izvedba.plans.services.edit import EditInvalid, deadline_edit, indicator_edit, measure_edit, plan_edit


@login_required
def edit_plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=pk)
    return _edit(
        request,
        plan=plan,
        form=PlanEditForm(_data(request), initial=PlanEditForm.initial_for(plan)),
        save=lambda data: plan_edit(plan=plan, user=request.user, **data),
        done_url=reverse("plans:detail", args=[plan.pk]),
        context={"heading": _("Edit the plan"), "subject": plan.title},
    )


@login_required
def edit_measure(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_object_or_404(Measure.objects.select_related("plan", "parent"), pk=pk)
    return _edit(
        request,
        plan=measure.plan,
        form=MeasureEditForm(_data(request), initial=MeasureEditForm.initial_for(measure)),
        save=lambda data: measure_edit(measure=measure, user=request.user, **data),
        done_url=reverse("plans:measure", args=[measure.pk]),
        context={"heading": _("Edit the measure"), "subject": str(measure), "measure": measure},
    )


@login_required
def edit_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("measure__plan", "measure__parent"), pk=pk)
    return _edit(
        request,
        plan=indicator.measure.plan,
        form=IndicatorEditForm(_data(request), initial=IndicatorEditForm.initial_for(indicator)),
        save=lambda data: indicator_edit(indicator=indicator, user=request.user, **data),
        done_url=reverse("plans:measure", args=[indicator.measure_id]),
        context={
            "heading": _("Edit the indicator's progress settings"),
            "subject": indicator.text,
            "measure": indicator.measure,
        },
    )


@login_required
def edit_deadline(request: HttpRequest, pk: int) -> HttpResponse:
    deadline = get_object_or_404(Deadline.objects.select_related("measure__plan", "measure__parent"), pk=pk)
    return _edit(
        request,
        plan=deadline.measure.plan,
        form=DeadlineEditForm(_data(request), initial=DeadlineEditForm.initial_for(deadline)),
        save=lambda data: deadline_edit(deadline=deadline, user=request.user, **data),
        done_url=reverse("plans:measure", args=[deadline.measure_id]),
        context={"heading": _("Edit the deadline"), "subject": str(deadline), "measure": deadline.measure},
    )


def _data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _edit(
    request: HttpRequest,
    *,
    plan: Plan,
    form: forms.Form,
    save: Callable[[dict[str, Any]], object],
    done_url: str,
    context: dict[str, Any],
) -> HttpResponse:
    """Check the right to edit, then show the form, or save it and go back to the page (PRG)."""
    access.require_edit_plan(request.user, plan)
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except EditInvalid as exc:
            for field, message in exc.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("Changes saved and recorded in the history."))
            return redirect(done_url)
    return render(request, "plans/edit_form.html", {**context, "plan": plan, "form": form, "cancel_url": done_url})
