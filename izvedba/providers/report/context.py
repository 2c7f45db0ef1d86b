"""Everything an annual report document is built from, read in one place (the only part that reads the
database); `build.build_document` turns it into a document without reading anything."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.utils import timezone, translation

from izvedba.providers.models import NarrativeBlock, Observation, Provider
from izvedba.providers.report.sections import Section, sections
from izvedba.providers.selectors import report_context, report_cube, report_tables
from izvedba.providers.tables.engine import Table, build
from izvedba.providers.tables.registry import TABLES

# The provider's own wording of its tables (TableLabel) is Slovenian: documents in other languages use the
# tables' default labels, translated.
WORDING_LANGUAGE = "sl"


@dataclass(frozen=True)
class ProviderFacts:
    name: str
    slug: str
    registration_number: str
    address: str


@dataclass(frozen=True)
class AnnualReportContext:
    provider: ProviderFacts
    year: int
    language: str
    tables: dict[str, Table]
    previous: dict[str, Table]  # the year before, for comparisons (its tables may be empty)
    narrative: dict[tuple[int, str], str]  # (section, area) → text; area "" is the section's own text
    sections: tuple[Section, ...]
    generated_on: dt.date


def has_observations(*, provider: Provider, year: int) -> bool:
    return Observation.objects.filter(provider=provider, year=year).exists()


def narrative_texts(*, provider: Provider, year: int) -> dict[tuple[int, str], str]:
    rows = NarrativeBlock.objects.filter(provider=provider, year=year).values_list("section", "area", "text")
    return {(section, area): text for section, area, text in rows if text.strip()}


def tables_in(*, provider: Provider, year: int, language: str) -> dict[str, Table]:
    """Every report table of the year with its labels in `language`."""
    with translation.override(language):
        if language == WORDING_LANGUAGE:
            return report_tables(provider=provider, year=year).tables
        ctx = replace(report_context(provider=provider, year=year), labels={})
        cube = report_cube(provider=provider, years=(year - 1, year), ctx=ctx)
        return {spec.key: build(spec, ctx, cube) for spec in TABLES}


def annual_report_context(
    *, provider: Provider, year: int, language: str, today: dt.date | None = None
) -> AnnualReportContext:
    organisation = provider.organisation
    facts = ProviderFacts(organisation.name, organisation.slug, provider.registration_number, provider.address)
    return AnnualReportContext(
        provider=facts,
        year=year,
        language=language,
        tables=tables_in(provider=provider, year=year, language=language),
        previous=tables_in(provider=provider, year=year - 1, language=language),
        narrative=narrative_texts(provider=provider, year=year),
        sections=sections(),
        generated_on=today or timezone.localdate(),
    )
