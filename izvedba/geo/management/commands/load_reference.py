from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from izvedba.geo.services import ReferenceLoadResult, reference_load

# Counted with ngettext so that each language says "212 municipalities" with its own plural form.
KIND_LABELS = {
    "regions": ngettext_lazy("%(n)d region", "%(n)d regions", "n"),
    "municipalities": ngettext_lazy("%(n)d municipality", "%(n)d municipalities", "n"),
    "centres": ngettext_lazy("%(n)d centre for social work", "%(n)d centres for social work", "n"),
    "units": ngettext_lazy("%(n)d centre unit", "%(n)d centre units", "n"),
    "coverage": ngettext_lazy("%(n)d unit coverage row", "%(n)d unit coverage rows", "n"),
    "organisations": ngettext_lazy("%(n)d registry organisation", "%(n)d registry organisations", "n"),
    "aliases": ngettext_lazy("%(n)d alias", "%(n)d aliases", "n"),
}


class Command(BaseCommand):
    help = "Load regions, municipalities, centres for social work and the organisation registry (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(summary(reference_load()))


def summary(result: ReferenceLoadResult) -> str:
    """One line: how many rows of each kind there are, and how many were created or updated."""
    kinds = ", ".join(label % {"n": result.of(kind).total} for kind, label in KIND_LABELS.items())
    return _("Reference data: %(kinds)s (%(created)d created, %(updated)d updated).") % {
        "kinds": kinds,
        "created": result.created,
        "updated": result.updated,
    }
