"""The "History" section of an object's page: who changed what, when, from which value to which.

    {% load history_tags %}
    {% history_of measure measure.indicators.all measure.deadlines.all as changes %}
    {% include "history/_changes.html" with changes=changes %}

Field names are shown by the model field's verbose name (in the reader's language), choice values by their
label, dates and numbers the Slovenian way; names the model does not know are shown as recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from izvedba.core.templatetags.sl_format import num, sldate
from izvedba.history.models import Change

register = template.Library()
EMPTY = "–"
NUMBER_KEYS = {"value", "amount_eur", "amount", "target"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryRow:
    change: Change
    subject: str
    fields: list[FieldChange] = field(default_factory=list)


def field_label(model: type[models.Model] | None, name: str) -> str:
    if model is None:
        return name
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    label = getattr(model_field, "verbose_name", name)
    return str(label)[:1].upper() + str(label)[1:]


def shown_value(model: type[models.Model] | None, name: str, value: Any) -> str:
    """A recorded value as the reader expects it: a choice's label, a date, a number, yes/no, a list."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return "; ".join(shown_value(model, name, item) for item in value)
    if isinstance(value, dict):
        parts = [
            str(num(item)) if _is_number(item) and key in NUMBER_KEYS else str(item)
            for key, item in value.items()
            if item not in (None, "")
        ]
        return " — ".join(parts) or EMPTY
    model_field = _model_field(model, name)
    if model_field is not None and model_field.choices:
        labels = {str(key): label for key, label in model_field.flatchoices}
        return str(labels.get(str(value), value))
    if isinstance(model_field, models.DateField) or (isinstance(value, str) and _looks_like_date(value)):
        return str(sldate(value))
    if isinstance(model_field, models.DecimalField | models.BigIntegerField) or isinstance(value, float):
        return str(num(value)) if _is_number(value) else str(value)
    return str(value)


def _model_field(model: type[models.Model] | None, name: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return model_field if isinstance(model_field, models.Field) else None


def _looks_like_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _is_number(value: Any) -> bool:
    try:
        Decimal(str(value))
    except InvalidOperation:
        return False
    return True


def history_rows(
    changes: Iterable[Change],
    *,
    subjects: bool = False,
    labels: Mapping[str, str] | None = None,
    names: Mapping[str, Mapping[Any, str]] | None = None,
) -> list[HistoryRow]:
    """Rows for the History section; with `subjects`, each row names the object it is about.

    `labels` names recorded keys the model does not know ("indicator:12" → the indicator's text); `names`
    maps a key's recorded ids to names ("risks": {3: "Lack of staff"}).
    """
    labels, names = labels or {}, names or {}
    rows = []
    for change in changes:
        model = change.content_type.model_class()
        fields = []
        for name, values in (change.changes or {}).items():
            if not isinstance(values, dict):
                continue
            label = labels.get(name) or field_label(model, name)
            old, new = values.get("old"), values.get("new")
            if name in names:
                old, new = _named(old, names[name]), _named(new, names[name])
            shown_old, shown_new = shown_value(model, name, old), shown_value(model, name, new)
            if shown_old != shown_new:
                fields.append(FieldChange(label, shown_old, shown_new))
        subject = f"{_model_name(model)}: {change.object_repr}" if subjects else ""
        rows.append(HistoryRow(change=change, subject=subject, fields=fields))
    return rows


def _named(value: Any, names: Mapping[Any, str]) -> Any:
    if isinstance(value, list):
        return [names.get(item, item) for item in value]
    return names.get(value, value)


def _model_name(model: type[models.Model] | None) -> str:
    if model is None:
        return ""
    name = str(model._meta.verbose_name)
    return name[:1].upper() + name[1:]


def changes_of(*objects: models.Model | Iterable[models.Model], limit: int = 200) -> list[Change]:
    """The newest changes to any of the objects (single objects or iterables of them), newest first.

    One query, whatever the number of objects or models (content types are matched by name, not looked up).
    """
    by_model: dict[tuple[str, str], list[int]] = {}
    for item in objects:
        for obj in [item] if isinstance(item, models.Model) else item:
            meta = obj._meta
            by_model.setdefault((meta.app_label, meta.model_name or ""), []).append(obj.pk)
    if not by_model:
        return []
    query = Q()
    for (app_label, model_name), pks in by_model.items():
        query |= Q(content_type__app_label=app_label, content_type__model=model_name, object_id__in=pks)
    return list(Change.objects.filter(query).select_related("user", "content_type")[:limit])


@register.simple_tag
def history_of(obj: models.Model, *related: Iterable[models.Model]) -> list[HistoryRow]:
    """``{% history_of plan as changes %}``; related objects' changes are merged in and named."""
    return history_rows(changes_of(obj, *related), subjects=bool(related))
