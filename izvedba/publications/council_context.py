"""What the council material for a municipality and a regional plan shows, read in a fixed number of queries.

The context is plain data; `council_material.build_council_material` turns it into a `Document` without reading.
Data text (measure titles) comes in the document's language from `languages.measure_texts`; a measure without
text in that language is listed in `missing` (the document is then refused, never mixed).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from izvedba.geo.models import Municipality
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Measure, Plan, PlanMunicipality
from izvedba.publications.languages import measure_texts

# The group "Občine" (all municipalities of the plan's area) holds a measure for every municipality it covers.
MUNICIPALITIES_GROUP = "obcine"
GAZETTE_NUMBER = re.compile(r"(\d+\s*/\s*\d{4})")


class CouncilMaterialError(ValueError):
    """The council material cannot be made as asked (not a regional plan, a municipality the plan does not cover)."""


@dataclass(frozen=True)
class CouncilMeasure:
    code: str
    title: str


@dataclass(frozen=True)
class CouncilContext:
    language: str
    plan_id: int
    period: str  # "2014–2016"
    region_name: str  # Slovenian name of the statistical region ("Obalno-kraška")
    region_name_en: str
    resolution_period: str  # "2013–2020", "" without a resolution
    gazette_number: str  # "39/2013", "" when unknown
    coordinator: str
    coordinator_appointed_by: str
    confirmed_on: dt.date | None
    group_size: int
    municipalities: tuple[str, ...]
    priority_count: int
    measure_count: int
    municipality_title: str  # "Mestna občina Koper"
    municipality_name: str  # "Koper" (the official title without "Mestna občina"/"Občina")
    minority_name: str  # "Capodistria", "" for a municipality that is not bilingual
    minority_language: str
    is_urban: bool
    measures: tuple[CouncilMeasure, ...]
    missing: tuple[str, ...]  # data text without a translation in `language`
    today: dt.date


def base_name(official_title: str) -> str:
    """ "Mestna občina Koper" → "Koper"; "Občina Izola" → "Izola"."""
    return re.sub(r"^(mestna\s+)?občina\s+", "", official_title.strip(), flags=re.IGNORECASE)


def relevant_measures(plan: Plan, municipality: Municipality) -> list[Measure]:
    """The plan's measures the municipality takes part in: held or joined by an organisation seated in it, or by
    the municipalities of the area as a group."""
    named = Q(responsibilities__organisation__municipality=municipality) | Q(
        responsibilities__organisation__kind=Organisation.Kind.GROUP,
        responsibilities__organisation__slug=MUNICIPALITIES_GROUP,
    )
    return list(plan.measures.filter(named, parent__isnull=True).distinct().order_by("order", "pk"))


def council_material_context(
    *, plan: Plan, municipality: Municipality, language: str, today: dt.date | None = None
) -> CouncilContext:
    plan = Plan.objects.select_related("region", "coordinator", "resolution").get(pk=plan.pk)
    if plan.kind != Plan.Kind.REGIONAL or plan.region is None:
        raise CouncilMaterialError(
            _("Council material is written for regional plans; “%(plan)s” is not one.") % {"plan": plan}
        )
    covered = list(PlanMunicipality.objects.filter(plan=plan).select_related("municipality").order_by("order", "pk"))
    if municipality.pk not in {pm.municipality_id for pm in covered}:
        raise CouncilMaterialError(
            _("The plan “%(plan)s” does not cover %(municipality)s; choose one of: %(covered)s.")
            % {
                "plan": plan,
                "municipality": municipality.name,
                "covered": ", ".join(f"{pm.municipality.code} {pm.municipality.name}" for pm in covered),
            }
        )
    measures = relevant_measures(plan, municipality)
    texts = measure_texts(measures, language)
    missing = tuple(
        _("title of measure %(code)s in %(language)s") % {"code": m.code, "language": language}
        for m in measures
        if m.pk not in texts
    )
    resolution = plan.resolution
    gazette = GAZETTE_NUMBER.search(resolution.gazette if resolution else "")
    return CouncilContext(
        language=language,
        plan_id=plan.pk,
        period=f"{plan.period_start}–{plan.period_end}",
        region_name=plan.region.name,
        region_name_en=plan.region.name_en,
        resolution_period=f"{resolution.period_start}–{resolution.period_end}" if resolution else "",
        gazette_number=gazette.group(1).replace(" ", "") if gazette else "",
        coordinator=plan.coordinator.acronym or plan.coordinator.name if plan.coordinator else "",
        coordinator_appointed_by=plan.coordinator_appointed_by,
        confirmed_on=plan.confirmed_on,
        group_size=plan.group_seats.aggregate(total=Sum("count"))["total"] or 0,
        municipalities=tuple(pm.municipality.name for pm in covered),
        priority_count=plan.priorities.count(),
        measure_count=plan.measures.filter(parent__isnull=True).count(),
        municipality_title=municipality.official_title,
        municipality_name=base_name(municipality.official_title),
        minority_name=municipality.minority_name,
        minority_language=municipality.minority_language,
        is_urban=municipality.is_urban,
        measures=tuple(CouncilMeasure(m.code, texts.get(m.pk, m.title)) for m in measures),
        missing=missing,
        today=today or timezone.localdate(),
    )
