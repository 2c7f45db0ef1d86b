"""The content version: every write to plans, organisations or reference data moves it on, so that cached
public pages (keyed by it) are never served stale, in any process."""

from __future__ import annotations

from django.db.models import F

from izvedba.core.models import ContentVersion


def content_version() -> int:
    row = ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    return int(row) if row is not None else 0


def content_changed() -> None:
    """Call from every service (and admin) that changes what pages show, inside its transaction."""
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"version": 1})
