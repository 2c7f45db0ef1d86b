"""Rendering a provider's annual report for a year as DOCX or PDF (what the background job and the
`annual_report` command call)."""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _

from izvedba.providers.models import Provider
from izvedba.providers.report.build import build_document
from izvedba.providers.report.charts import CHARTS
from izvedba.providers.report.context import annual_report_context, has_observations
from izvedba.rendering.model import Document
from izvedba.rendering.output import FORMATS, Progress, Steps, render

LANGUAGES = ("sl", "en")


class AnnualReportError(ValueError):
    """The report cannot be made as asked (no figures for the year, an unknown format or language)."""


def annual_report_document(
    *, provider: Provider, year: int, language: str = "sl", today: dt.date | None = None
) -> Document:
    """The report as a document model: read, then built without reading."""
    _check(provider, year, language)
    return build_document(annual_report_context(provider=provider, year=year, language=language, today=today))


def annual_report_render(
    *,
    provider: Provider,
    year: int,
    fmt: str,
    language: str = "sl",
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The provider's annual report for `year` as DOCX or PDF bytes.

    `progress(done, total, label)` is called as each step starts (reading, building, each chart, writing) and
    once more at the end with done == total; the total stays the same throughout."""
    if fmt not in FORMATS:
        raise AnnualReportError(
            _("Unknown document format “%(format)s”; choose one of: %(formats)s.")
            % {"format": fmt, "formats": ", ".join(FORMATS)}
        )
    _check(provider, year, language)
    with translation.override(language):
        steps = Steps(total=2 + len(CHARTS) + 1, report=progress)
        steps.step(_("Reading the figures"))
        context = annual_report_context(provider=provider, year=year, language=language, today=today)
        steps.step(_("Building the document"))
        document = build_document(context)
        steps.skip(len(CHARTS) - len(document.figures()))
        data = render(document, fmt, steps=steps)
        steps.finish(_("Done"))
    return data


def _check(provider: Provider, year: int, language: str) -> None:
    if language not in LANGUAGES:
        raise AnnualReportError(
            _("The annual report cannot be written in “%(language)s”; choose one of: %(languages)s.")
            % {"language": language, "languages": ", ".join(LANGUAGES)}
        )
    if not has_observations(provider=provider, year=year):
        raise AnnualReportError(
            _("%(provider)s has no figures for %(year)s: import the year's observations first.")
            % {"provider": provider, "year": year}
        )
