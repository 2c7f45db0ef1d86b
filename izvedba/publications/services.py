"""Rendering the regional summary and the monitoring report as DOCX or PDF (what the `document` job and the
`generate_document` command call through the kinds registry, `izvedba.rendering.kinds`)."""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _

from izvedba.monitoring.models import Round
from izvedba.plans.models import Plan
from izvedba.publications.contexts import monitoring_report_context, regional_summary_context
from izvedba.publications.monitoring_report import build_monitoring_report
from izvedba.publications.regional_summary import build_regional_summary
from izvedba.rendering.model import Document
from izvedba.rendering.output import FORMATS, Progress, Steps, render

LANGUAGES = ("sl", "en")
LANGUAGE_NAMES = {"sl": "Slovenian", "en": "English", "it": "Italian", "hu": "Hungarian"}


class PublicationError(ValueError):
    """The document cannot be made as asked (wrong kind of plan, a language it has no translation for …)."""


def check_language(language: str, document: str) -> None:
    """Refuse a language the document has no translations for, saying what is missing."""
    if language in LANGUAGES:
        return
    name = LANGUAGE_NAMES.get(language, language)
    raise PublicationError(
        _(
            "The %(document)s cannot be written in %(language)s (“%(code)s”): missing the %(language)s translation "
            "of its fixed text (headings, table headers, captions) and of the plan's data texts (measure titles, "
            "priorities, risks, indicator names). Choose one of: %(languages)s."
        )
        % {"document": document, "language": name, "code": language, "languages": ", ".join(LANGUAGES)}
    )


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise PublicationError(
            _("Unknown document format “%(format)s”; choose one of: %(formats)s.")
            % {"format": fmt, "formats": ", ".join(FORMATS)}
        )


def check_regional_summary(plan: Plan, language: str) -> None:
    if plan.kind != Plan.Kind.REGIONAL:
        raise PublicationError(
            _("“%(plan)s” is a national plan: a regional summary is made of a regional plan only.")
            % {"plan": plan.title}
        )
    check_language(language, _("regional summary"))


def regional_summary_document(*, plan: Plan, language: str = "sl") -> Document:
    check_regional_summary(plan, language)
    with translation.override(language):
        return build_regional_summary(regional_summary_context(plan), language)


def regional_summary_render(*, plan: Plan, fmt: str, language: str = "sl", progress: Progress | None = None) -> bytes:
    """The summary of a regional plan as DOCX or PDF bytes, with progress (reading, building, writing)."""
    _check_format(fmt)
    check_regional_summary(plan, language)
    with translation.override(language):
        steps = Steps(total=3, report=progress)
        steps.step(_("Reading the plan"))
        context = regional_summary_context(plan)
        steps.step(_("Building the document"))
        document = build_regional_summary(context, language)
        data = render(document, fmt, steps=steps)
        steps.finish(_("Done"))
    return data


def check_monitoring_report(round_: Round, language: str, plan: Plan | None = None) -> None:
    if plan is not None and round_.plan_id != plan.pk:
        raise PublicationError(
            _("Round “%(round)s” (id %(id)s) belongs to another plan, not to “%(plan)s”.")
            % {"round": round_.label, "id": round_.pk, "plan": plan.title}
        )
    check_language(language, _("monitoring report"))


def monitoring_report_document(*, round: Round, language: str = "sl", today: dt.date | None = None) -> Document:
    check_monitoring_report(round, language)
    with translation.override(language):
        return build_monitoring_report(monitoring_report_context(round, today=today), language)


def monitoring_report_render(
    *,
    round: Round,
    fmt: str,
    language: str = "sl",
    progress: Progress | None = None,
    plan: Plan | None = None,
    today: dt.date | None = None,
    published_only: bool = False,
) -> bytes:
    """The monitoring report for a round as DOCX or PDF bytes, with progress (reading, building, each chart,
    writing). `plan`, when given, must be the round's plan; `published_only` counts earlier rounds only when they
    are published (for a reader who may not see the plan's unpublished monitoring)."""
    _check_format(fmt)
    check_monitoring_report(round, language, plan)
    with translation.override(language):
        steps = Steps(total=2 + 2 + 1, report=progress)
        steps.step(_("Reading the reports"))
        context = monitoring_report_context(round, today=today, published_only=published_only)
        steps.step(_("Building the document"))
        document = build_monitoring_report(context, language)
        steps.skip(2 - len(document.figures()))
        data = render(document, fmt, steps=steps)
        steps.finish(_("Done"))
    return data
