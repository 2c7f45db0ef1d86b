"""The public pages about plans and measures: read-only, for everyone."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from izvedba.plans import selectors
from izvedba.plans.forms import MeasureFilterForm
from izvedba.plans.models import Measure, Plan
from izvedba.plans.selectors import (
    filter_choices,
    home_page,
    measure_get,
    plan_list,
    plan_page,
)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/home.html", {"page": home_page()})


def plans(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/plan_list.html", {"plans": plan_list()})


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        plan = selectors.plan_detail(pk)
    except Plan.DoesNotExist:
        raise Http404 from None
    form = MeasureFilterForm(request.GET, choices=filter_choices(plan))
    for label in form.ignored_labels:
        messages.warning(
            request,
            _("The value given for “%(filter)s” is not on offer and was ignored.") % {"filter": label},
        )
    page = plan_page(plan, form.measure_filter())
    return render(request, "plans/plan_detail.html", {"plan": plan, "form": form, "page": page})


def measure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        measure = measure_get(pk)
    except Measure.DoesNotExist:
        raise Http404 from None
    return render(request, "plans/measure_detail.html", {"measure": measure, "plan": measure.plan})
