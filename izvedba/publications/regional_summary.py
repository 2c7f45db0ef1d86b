"""The summary of a regional implementation plan (as IRSSV wrote it, `../shared/seeds/000_…`): pure, context →
`Document`.

Parts: the region and its plan, the coordinating centre and who appointed it, the coordination group's
composition, the municipalities and centres covered, the demographic and social context (the plan's context
indicators with their year and source), the priorities, the measures per Resolution goal with their deadlines,
holders and funding sources, and the risks. Text comes from the translation catalogue of the active language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from izvedba.rendering import formatting as f
from izvedba.rendering.model import (
    Block,
    BulletList,
    Document,
    HeaderCell,
    Heading,
    Metadata,
    Paragraph,
    Row,
    Table,
)


@dataclass(frozen=True)
class ContextFigure:
    name: str
    value: Decimal
    unit: str
    year: int | None
    source: str


@dataclass(frozen=True)
class SummaryMeasure:
    code: str
    title: str
    deadlines: list[tuple[dt.date, str]]
    holders: list[str]
    funding_sources: list[str]
    no_additional_funds: bool = False


@dataclass(frozen=True)
class GoalMeasures:
    number: int | None
    title: str
    measures: list[SummaryMeasure]


@dataclass(frozen=True)
class SummaryContext:
    plan_title: str
    period: tuple[int, int]
    region: str
    resolution: str
    coordinator: str
    coordinator_appointed_by: str
    confirmed_on: dt.date | None
    group_seats: list[tuple[str, int]]
    municipalities: list[str]
    centres: list[str]
    context_figures: list[ContextFigure]
    priorities: list[str]
    goals: list[GoalMeasures]
    risks: list[str]


def figure_value(figure: ContextFigure, language: str) -> str:
    """A context figure as the summary prints it: "12,3 %", "114.921"."""
    return f"{f.number(figure.value, language)} {figure.unit}".strip()


def build_regional_summary(context: SummaryContext, language: str) -> Document:
    """The summary as a document model in `language` (the caller activates that language's catalogue)."""
    c = context
    blocks: list[Block] = []
    none = Paragraph.of(_("The plan does not state this."), "empty")

    blocks.append(Heading(1, _("The region"), "1"))
    intro = _(
        "The regional implementation plan in the field of social protection %(start)s–%(end)s "
        "covers the %(region)s region."
    ) % {
        "start": c.period[0],
        "end": c.period[1],
        "region": c.region or "—",
    }
    blocks.append(Paragraph.of(intro, "lead"))
    if c.resolution:
        blocks.append(Paragraph.of(_("It carries out the goals of the %(resolution)s.") % {"resolution": c.resolution}))
    if c.confirmed_on:
        blocks.append(
            Paragraph.of(
                _("The regional coordination group confirmed the plan on %(date)s.")
                % {"date": f.date(c.confirmed_on, language)}
            )
        )

    blocks.append(Heading(1, _("Coordinating centre"), "2"))
    if c.coordinator:
        text = _("Coordinating centre: %(centre)s.") % {"centre": c.coordinator}
        if c.coordinator_appointed_by:
            text += " " + _("Appointed by: %(body)s.") % {"body": c.coordinator_appointed_by}
        blocks.append(Paragraph.of(text))
    else:
        blocks.append(none)

    blocks.append(Heading(1, _("Coordination group"), "3"))
    if c.group_seats:
        blocks.append(
            Table(
                caption=_("Composition of the regional coordination group"),
                header=((HeaderCell(_("Members")), HeaderCell(_("Number"))),),
                rows=tuple(Row((category, f.number(count, language, 0))) for category, count in c.group_seats),
                total=Row((_("Total"), f.number(sum(n for _c, n in c.group_seats), language, 0)), "total"),
                key="coordination-group",
            )
        )
    else:
        blocks.append(none)

    blocks.append(Heading(1, _("Municipalities and centres covered"), "4"))
    blocks.append(Heading(2, _("Municipalities"), "4.1"))
    blocks.append(BulletList(tuple(c.municipalities)) if c.municipalities else none)
    blocks.append(Heading(2, _("Centres for social work"), "4.2"))
    blocks.append(BulletList(tuple(c.centres)) if c.centres else none)

    blocks.append(Heading(1, _("Demographic and social context"), "5"))
    if c.context_figures:
        blocks.append(
            Table(
                caption=_("Context indicators of the region"),
                header=(
                    (
                        HeaderCell(_("Indicator")),
                        HeaderCell(_("Value")),
                        HeaderCell(_("Year")),
                        HeaderCell(_("Source")),
                    ),
                ),
                rows=tuple(
                    Row((fig.name, figure_value(fig, language), str(fig.year or "—"), fig.source or "—"))
                    for fig in c.context_figures
                ),
                align=("left", "right", "right", "left"),
                key="context",
            )
        )
    else:
        blocks.append(none)

    blocks.append(Heading(1, _("Priorities"), "6"))
    blocks.append(BulletList(tuple(c.priorities)) if c.priorities else none)

    blocks.append(Heading(1, _("Measures by goal of the Resolution"), "7"))
    if not c.goals:
        blocks.append(none)
    for index, goal in enumerate(c.goals, start=1):
        if goal.number is not None:
            title = _("Goal %(number)s: %(title)s") % {"number": goal.number, "title": goal.title}
        else:
            title = _("Measures without a goal")
        blocks.append(Heading(2, title, f"7.{index}"))
        blocks.append(_measure_table(goal, title, language))

    blocks.append(Heading(1, _("Risks"), "8"))
    blocks.append(BulletList(tuple(c.risks)) if c.risks else none)

    return Document(
        title=_("Summary of the regional implementation plan in the field of social protection %(start)s–%(end)s")
        % {"start": c.period[0], "end": c.period[1]},
        language=language,
        metadata=Metadata(subtitle=c.region, subject=c.plan_title, keywords=(c.region,) if c.region else ()),
        blocks=tuple(blocks),
    )


def _measure_table(goal: GoalMeasures, title: str, language: str) -> Table:
    rows = []
    for m in goal.measures:
        deadline = "; ".join(label or f.date(due, language) for due, label in m.deadlines) or "—"
        sources = "; ".join(m.funding_sources) or (_("no additional funds") if m.no_additional_funds else "—")
        rows.append(Row((m.code, m.title, deadline, "; ".join(m.holders) or "—", sources)))
    return Table(
        caption=title,
        header=(
            (
                HeaderCell(_("No.")),
                HeaderCell(_("Measure")),
                HeaderCell(_("Deadline")),
                HeaderCell(_("Holder")),
                HeaderCell(_("Funding sources")),
            ),
        ),
        rows=tuple(rows),
        align=("left", "left", "left", "left", "left"),
        key=f"goal-{goal.number or 0}",
    )
