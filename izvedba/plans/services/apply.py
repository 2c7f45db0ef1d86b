"""Create a plan and everything in it from a parsed document, in one transaction."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from izvedba.core.text import search_key
from izvedba.core.versioning import content_changed
from izvedba.documents.importers.parsed import MeasureFields, ParsedMeasure, ParsedPlan
from izvedba.documents.importers.warnings import warn
from izvedba.documents.models import SourceDocument
from izvedba.geo.models import Municipality, Region
from izvedba.organisations.services import organisation_resolve_or_flag
from izvedba.plans.models import (
    Area,
    ContextIndicator,
    CoordinationGroupSeat,
    Deadline,
    FundingLine,
    FundingSource,
    Goal,
    Indicator,
    Measure,
    MeasureFundingSource,
    Plan,
    PlanMunicipality,
    PlanPriority,
    PlanRisk,
    Resolution,
    Responsibility,
)

from .reference import funding_source_resolve, resolution_for_period


class PlanExistsError(Exception):
    """A plan with the same identity (kind, region, period) already exists from another document."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(
            _("Plan “%(title)s” (%(period)s) already exists (id %(id)s). Use --replace to replace it.")
            % {"title": plan.title, "period": f"{plan.period_start}–{plan.period_end}", "id": plan.pk}
        )
        self.plan = plan


class PlanMonitoredError(PlanExistsError):
    """The plan to replace has reporting rounds: replacing it would delete its reports."""

    def __init__(self, plan: Plan, rounds: int) -> None:
        Exception.__init__(
            self,
            ngettext(
                "Plan “%(title)s” (id %(id)s) is being monitored (%(rounds)s reporting round); replacing it would "
                "delete its reports. Edit the plan on its page instead.",
                "Plan “%(title)s” (id %(id)s) is being monitored (%(rounds)s reporting rounds); replacing it would "
                "delete their reports. Edit the plan on its page instead.",
                rounds,
            )
            % {"title": plan.title, "id": plan.pk, "rounds": rounds},
        )
        self.plan = plan


def plan_slug(parsed: ParsedPlan) -> str:
    """'nin-2025-2026', 'rin-obalno-kraska-2014-2016': the identity of a plan across re-imports."""
    if not parsed.period_start:
        return slugify(parsed.title)[:120] or "plan"
    period = f"{parsed.period_start}-{parsed.period_end}"
    if parsed.kind == "regional":
        return f"rin-{slugify(parsed.region or parsed.title)[:80]}-{period}"
    return f"nin-{period}"


@transaction.atomic
def plan_create_from_parsed(*, parsed: ParsedPlan, source: SourceDocument, replace: bool = False) -> Plan:
    """Store the parsed plan. Refuses (PlanExistsError) to overwrite a plan from another document unless
    `replace`; then the old plan is deleted with its measures."""
    slug = plan_slug(parsed)
    existing = Plan.objects.filter(slug=slug).first()
    if existing is not None:
        if not replace:
            raise PlanExistsError(existing)
        rounds = existing.rounds.count()
        if rounds:
            raise PlanMonitoredError(existing, rounds)
        existing.delete()
    resolution = resolution_for_period(parsed.period_start, parsed.period_end) if parsed.period_start else None
    plan = Plan.objects.create(
        kind=parsed.kind,
        title=parsed.title,
        slug=slug,
        document_number=parsed.document_number or "",
        document_date=parsed.document_date,
        period_start=parsed.period_start or 0,
        period_end=parsed.period_end or 0,
        resolution=resolution,
        region=Region.objects.filter(name=parsed.region).first() if parsed.region else None,
        coordinator=organisation_resolve_or_flag(parsed.coordinator) if parsed.coordinator else None,
        coordinator_appointed_by=parsed.coordinator_appointed_by or "",
        confirmed_on=parsed.confirmed_on,
        source_document=source,
        warnings=[w.as_json() for w in parsed.warnings],
    )
    _store_context(plan, parsed)
    goals = _store_goals(resolution, parsed)
    for order, measure in enumerate(parsed.measures):
        _store_measure(plan, measure, goals, order)
    content_changed()
    return plan


def _store_context(plan: Plan, parsed: ParsedPlan) -> None:
    match = Municipality.objects.matcher()
    for order, written in enumerate(parsed.municipalities):
        municipality = match(written)
        if municipality is None:
            plan.warnings.append(warn("municipality_unknown", name=written).as_json())
            continue
        PlanMunicipality.objects.get_or_create(
            plan=plan, municipality=municipality, defaults={"name_as_written": written, "order": order}
        )
    plan.centres.set([organisation_resolve_or_flag(name) for name in parsed.centres])
    CoordinationGroupSeat.objects.bulk_create(
        CoordinationGroupSeat(plan=plan, category=s.category, count=s.count, order=i)
        for i, s in enumerate(parsed.coordination_group)
    )
    ContextIndicator.objects.bulk_create(
        ContextIndicator(
            plan=plan,
            name=c.name,
            value=c.value,
            unit=c.unit or "",
            year=c.year,
            source_text=c.source_text,
            order=i,
        )
        for i, c in enumerate(parsed.context_indicators)
    )
    PlanPriority.objects.bulk_create(PlanPriority(plan=plan, text=t, order=i) for i, t in enumerate(parsed.priorities))
    PlanRisk.objects.bulk_create(PlanRisk(plan=plan, text=t, order=i) for i, t in enumerate(parsed.risks))
    plan.save(update_fields=["warnings"])


def _store_goals(resolution: Resolution | None, parsed: ParsedPlan) -> dict[int, tuple[Goal, dict[str, Area]]]:
    """Goals and areas of the plan's resolution, created from the document where the registry lacks them."""
    stored: dict[int, tuple[Goal, dict[str, Area]]] = {}
    if resolution is None:
        return stored
    for parsed_goal in parsed.goals:
        goal, _created = Goal.objects.get_or_create(
            resolution=resolution, number=parsed_goal.number, defaults={"title": parsed_goal.title}
        )
        areas = {}
        for order, parsed_area in enumerate(parsed_goal.areas):
            areas[parsed_area.code], _ = Area.objects.get_or_create(
                goal=goal, code=parsed_area.code, defaults={"title": parsed_area.title, "order": order}
            )
        stored[goal.number] = (goal, {**{a.code: a for a in goal.areas.all()}, **areas})
    return stored


def _store_measure(
    plan: Plan, parsed: ParsedMeasure, goals: dict[int, tuple[Goal, dict[str, Area]]], order: int
) -> None:
    goal, areas = goals.get(parsed.goal, (None, {}))
    measure = Measure.objects.create(
        plan=plan,
        code=parsed.code,
        goal=goal,
        area=areas.get(parsed.area) if parsed.area else None,
        title=parsed.title,
        order=order * 100,
        **_fields(parsed, parsed.code, parsed.title),
    )
    _store_details(measure, parsed)
    for index, sub in enumerate(parsed.sub_rows, start=1):
        title = sub.purpose.split("\n")[0] or parsed.title
        child = Measure.objects.create(
            plan=plan,
            parent=measure,
            sub_index=index,
            code=parsed.code,
            goal=goal,
            area=measure.area,
            title=title,
            order=order * 100 + index,
            **_fields(sub, parsed.code, title),
        )
        _store_details(child, sub)


def _fields(parsed: MeasureFields, code: str, title: str) -> dict[str, object]:
    names = [w.name for w in [*parsed.holders, *parsed.participants]]
    words = [
        code,
        title,
        parsed.purpose,
        *names,
        *parsed.funding_sources,
        *(i.text for i in parsed.indicators),
    ]
    return {
        "purpose": parsed.purpose,
        "no_additional_funds": parsed.no_additional_funds,
        "raw": parsed.raw,
        "warnings": [w.as_json() for w in parsed.warnings],
        "search_text": search_key(" ".join(words)),
    }


def _store_details(measure: Measure, parsed: MeasureFields) -> None:
    _store_responsibilities(measure, parsed)
    sources = [funding_source_resolve(name) for name in parsed.funding_sources]
    MeasureFundingSource.objects.bulk_create(
        MeasureFundingSource(measure=measure, source=source, name_as_written=name, order=i)
        for i, (source, name) in enumerate(zip(sources, parsed.funding_sources, strict=True))
    )
    only_source = sources[0] if len({s.pk for s in sources}) == 1 else None
    FundingLine.objects.bulk_create(
        _funding_line(measure, key, amount, only_source, i)
        for i, (key, amount) in enumerate(parsed.amounts_eur.items())
    )
    Deadline.objects.bulk_create(
        Deadline(measure=measure, due_on=d.date, label=d.label or "", order=i) for i, d in enumerate(parsed.deadlines)
    )
    Indicator.objects.bulk_create(
        Indicator(
            measure=measure,
            text=i.text,
            target=i.target,
            unit=i.unit or "",
            baseline_year=i.baseline_year,
            order=n,
        )
        for n, i in enumerate(parsed.indicators)
    )


def _store_responsibilities(measure: Measure, parsed: MeasureFields) -> None:
    people = [(Responsibility.Role.HOLDER, h) for h in parsed.holders]
    people += [(Responsibility.Role.PARTICIPANT, p) for p in parsed.participants]
    Responsibility.objects.bulk_create(
        Responsibility(
            measure=measure,
            organisation=organisation_resolve_or_flag(written.name),
            role=role,
            scope=written.scope,
            name_as_written=written.name,
            order=order,
        )
        for order, (role, written) in enumerate(people)
    )


def _funding_line(measure: Measure, key: str, amount: int, source: FundingSource | None, order: int) -> FundingLine:
    basis, start, end = _basis(key)
    return FundingLine(
        measure=measure,
        source=source,
        basis=basis,
        year_start=start,
        year_end=end,
        amount_eur=amount,
        order=order,
    )


def _basis(key: str) -> tuple[str, int | None, int | None]:
    if key == "per_year":
        return FundingLine.Basis.PER_YEAR, None, None
    if key == "total":
        return FundingLine.Basis.TOTAL, None, None
    if "-" in key:
        start, end = key.split("-")
        return FundingLine.Basis.SPAN, int(start), int(end)
    return FundingLine.Basis.YEAR, int(key), int(key)
