from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from izvedba.geo.services import ReferenceLoadResult, reference_load

KIND_LABELS = {
    "regions": gettext_lazy("regions"),
    "municipalities": gettext_lazy("municipalities"),
    "centres": gettext_lazy("centres for social work"),
    "units": gettext_lazy("centre units"),
    "coverage": gettext_lazy("unit coverage rows"),
    "organisations": gettext_lazy("registry organisations"),
    "aliases": gettext_lazy("aliases"),
}


class Command(BaseCommand):
    help = "Load regions, municipalities, centres for social work and the organisation registry (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(summary(reference_load()))


def summary(result: ReferenceLoadResult) -> str:
    """One line: how many rows of each kind there are, and how many were created or updated."""
    kinds = ", ".join(f"{result.of(kind).total} {label}" for kind, label in KIND_LABELS.items())
    return _("Reference data: %(kinds)s (%(created)d created, %(updated)d updated).") % {
        "kinds": kinds,
        "created": result.created,
        "updated": result.updated,
    }
