"""A coordinator's edits to a plan, its measures, their indicators' progress settings and their deadlines.

Each edit is atomic, stores nothing when a value breaks a rule (EditInvalid, by field), records what changed
(old and new, per field) with history.services.change_record, and moves the content version on so that cached
public pages show the change at once. Roles are the caller's business (izvedba.accounts.access.can_edit_plan).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils.translation import gettext as _

from izvedba.core.text import search_key
from izvedba.core.versioning import content_changed
from izvedba.history.models import Change
from izvedba.history.services import change_record, diff, field_values
from izvedba.plans.models import Deadline, Indicator, Measure, Plan

M = TypeVar("M", bound=models.Model)


class EditInvalid(Exception):
    """Values that break a rule, as {field name: message}; nothing was stored."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


def _apply(obj: M, user: Any, values: dict[str, Any], *, extra_fields: tuple[str, ...] = ()) -> M:
    """Set `values` on `obj`, save the fields that changed, record them, and tell the page cache."""
    names = list(values)
    before = field_values(obj, names)
    for name, value in values.items():
        setattr(obj, name, value)
    changes = diff(before, field_values(obj, names))
    if not changes:
        return obj
    obj.save(update_fields=[*changes, *extra_fields])
    change_record(obj=obj, user=user, action=Change.Action.UPDATE, changes=changes)
    content_changed()
    return obj


def _required(errors: dict[str, str], field: str, text: str, message: str) -> str:
    value = text.strip()
    if not value:
        errors[field] = message
    return value


@transaction.atomic
def plan_edit(
    *, plan: Plan, user: Any, title: str, confirmed_on: dt.date | None, coordinator_appointed_by: str
) -> Plan:
    errors: dict[str, str] = {}
    title = _required(errors, "title", title, _("A plan needs a title; write it as the document gives it."))
    if confirmed_on is not None and plan.document_date and confirmed_on < plan.document_date:
        errors["confirmed_on"] = _("The plan cannot be confirmed before the date of its document; check the date.")
    if errors:
        raise EditInvalid(errors)
    values = {
        "title": title,
        "confirmed_on": confirmed_on,
        "coordinator_appointed_by": coordinator_appointed_by.strip(),
    }
    return _apply(plan, user, values, extra_fields=("updated_at",))


@transaction.atomic
def measure_edit(*, measure: Measure, user: Any, title: str, purpose: str) -> Measure:
    errors: dict[str, str] = {}
    title = _required(errors, "title", title, _("A measure needs a title; write what the measure does."))
    if errors:
        raise EditInvalid(errors)
    measure = _apply(measure, user, {"title": title, "purpose": purpose.strip()})
    _refresh_search_text(measure)
    return measure


def _refresh_search_text(measure: Measure) -> None:
    """The words the plan page's search looks in (as the importer writes them), after a title or purpose edit."""
    words = [
        measure.code,
        measure.title,
        measure.purpose,
        *measure.responsibilities.values_list("name_as_written", flat=True),
        *measure.measurefundingsource_set.values_list("name_as_written", flat=True),
        *measure.indicators.values_list("text", flat=True),
    ]
    text = search_key(" ".join(words))
    if text != measure.search_text:
        Measure.objects.filter(pk=measure.pk).update(search_text=text)
        measure.search_text = text


@transaction.atomic
def indicator_edit(
    *,
    indicator: Indicator,
    user: Any,
    target: Decimal | None,
    unit: str,
    baseline_year: int | None,
    baseline_value: Decimal | None,
    direction: str,
    cumulative: bool,
    target_year: int | None,
) -> Indicator:
    """The settings progress is computed from; an indicator with a target takes numbers in reports."""
    plan = indicator.measure.plan
    errors: dict[str, str] = {}
    if direction not in Indicator.Direction.values:
        errors["direction"] = _("Choose whether higher or lower values are better.")
    if target_year is not None and not (plan.period_start <= target_year <= plan.period_end):
        errors["target_year"] = _(
            "The target year must lie within the plan's period (%(start)s–%(end)s); leave it empty for the last year."
        ) % {"start": plan.period_start, "end": plan.period_end}
    last = target_year or plan.period_end
    if baseline_year is not None and baseline_year > last:
        errors["baseline_year"] = _(
            "The baseline year (%(baseline)s) is after the target year (%(target)s); the baseline comes first."
        ) % {"baseline": baseline_year, "target": last}
    if baseline_value is not None and target is None:
        errors["baseline_value"] = _("A baseline value needs a target value to measure progress against.")
    if cumulative and target is None:
        errors["cumulative"] = _("Only an indicator with a target value can add up towards it.")
    if errors:
        raise EditInvalid(errors)
    values = {
        "target": target,
        "unit": unit.strip(),
        "baseline_year": baseline_year,
        "baseline_value": baseline_value,
        "direction": direction,
        "cumulative": cumulative,
        "target_year": target_year,
    }
    return _apply(indicator, user, values)


@transaction.atomic
def deadline_edit(*, deadline: Deadline, user: Any, due_on: dt.date, label: str) -> Deadline:
    plan = deadline.measure.plan
    if not (plan.period_start - 1 <= due_on.year <= plan.period_end + 5):
        message = _("%(year)s is far from the plan's period (%(start)s–%(end)s); check the year.")
        raise EditInvalid(
            {"due_on": message % {"year": due_on.year, "start": plan.period_start, "end": plan.period_end}}
        )
    return _apply(deadline, user, {"due_on": due_on, "label": label.strip()})
