from __future__ import annotations

from django.db.models import Model

from izvedba.history.models import Change


def changes_for(obj: Model, *, limit: int = 200) -> list[Change]:
    """The newest changes to `obj`, newest first."""
    return list(Change.objects.for_object(obj)[:limit])
