"""Recording changes. Services that change a plan, measure, round or report call change_record themselves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from izvedba.history.models import Change


def json_value(value: Any) -> Any:
    """A value as the history stores it: dates as ISO text, decimals as text, model instances as their name."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def field_values(obj: Model, fields: list[str]) -> dict[str, Any]:
    """The named fields of `obj` as JSON values (foreign keys by their id attribute's object)."""
    return {name: json_value(getattr(obj, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{field: {"old", "new"}} for every field whose value differs."""
    return {
        name: {"old": before.get(name), "new": after.get(name)}
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def change_record(
    *,
    obj: Model,
    user: Any,
    action: str,
    changes: dict[str, dict[str, Any]] | None = None,
    comment: str = "",
) -> Change | None:
    """Record one change to `obj`; an update that changed nothing records nothing and returns None."""
    if action == Change.Action.UPDATE and not changes and not comment:
        return None
    return Change.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        changes=changes or {},
        comment=comment,
    )
