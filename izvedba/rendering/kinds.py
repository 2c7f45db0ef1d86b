"""The kinds of generated document, each one context → `Document` → renderer path.

A kind names the service that renders it: `service(*, fmt, language, progress, **params) -> bytes` reads what
the document needs, builds its `Document` purely and calls `izvedba.rendering.output.render`. A background job
(izvedba.jobs) or a command looks a kind up here and calls its service; views never build documents.
Issue 5's kinds (regional summary, council material, monitoring report) are added here the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: str | Promise
    service: str  # dotted path of the render service
    parameters: tuple[str, ...]  # the keyword arguments the service takes besides fmt, language and progress

    def render_service(self) -> Callable[..., bytes]:
        service: Callable[..., bytes] = import_string(self.service)
        return service


KINDS: dict[str, DocumentKind] = {
    kind.key: kind
    for kind in (
        DocumentKind(
            "annual-report",
            _("Provider's annual report"),
            "izvedba.providers.services.annual_report.annual_report_render",
            ("provider", "year"),
        ),
        DocumentKind(
            "regional-summary",
            _("Regional plan summary"),
            "izvedba.publications.services.regional_summary_render",
            ("plan",),
        ),
        DocumentKind(
            "council-material",
            _("Council material"),
            "izvedba.publications.council_material.council_material_render",
            ("plan", "municipality"),
        ),
        DocumentKind(
            "monitoring-report",
            _("Monitoring report"),
            "izvedba.publications.services.monitoring_report_render",
            ("plan", "round"),
        ),
    )
}


def document_kind(key: str) -> DocumentKind:
    """The kind with this key; KeyError naming the known kinds otherwise."""
    try:
        return KINDS[key]
    except KeyError:
        raise KeyError(f"Unknown document kind {key!r}; known kinds: {', '.join(sorted(KINDS))}.") from None


def render_kind(key: str, *, fmt: str, language: str, progress: Any = None, **parameters: Any) -> bytes:
    """Render a document of kind `key` with its parameters (e.g. provider=…, year=…)."""
    return document_kind(key).render_service()(fmt=fmt, language=language, progress=progress, **parameters)
