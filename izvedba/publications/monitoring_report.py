"""The monitoring report on a plan for a reporting round (national or regional plan): pure, context → `Document`.

Parts: summary figures, status by goal, each measure with its status, indicators against their targets, money
planned and spent by source, late measures with their reasons, risks met, and charts each followed by its data
table. The figures are `izvedba.monitoring.selectors.plan_progress` for the plan's rounds up to the report's
round (approved reports only), so the report says what the dashboards say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from izvedba.monitoring.progress.measures import STATUS_LABELS, STATUSES, MeasureProgress
from izvedba.monitoring.selectors import Progress
from izvedba.rendering import formatting as f
from izvedba.rendering.charts import ChartSpec, Series
from izvedba.rendering.model import (
    Block,
    Document,
    Figure,
    HeaderCell,
    Heading,
    KeyFigure,
    KeyFigures,
    Metadata,
    Paragraph,
    Row,
    Table,
)


@dataclass(frozen=True)
class RiskMet:
    text: str
    reports: int  # how many approved reports of the round say they met it


@dataclass(frozen=True)
class ReportContext:
    plan_title: str
    plan_kind: str
    round_label: str
    period_start: dt.date
    period_end: dt.date
    published: bool
    approved_reports: int
    progress: Progress
    risks: list[RiskMet]
    other_risks: list[tuple[str, str]]  # (measure code, text)


LATE = "late"


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def late_measures(progress: Progress) -> list[MeasureProgress]:
    """Measures reported late or past a deadline, in document order."""
    overdue = {m.id for m in progress.overdue}
    return [m for m in progress.measures if m.implementation_status == LATE or m.id in overdue]


def _source(name: str) -> str:
    return name or _("Source not stated")


def _code(m: MeasureProgress) -> str:
    return m.code if not m.sub_index else f"{m.code}.{m.sub_index}"


def build_monitoring_report(context: ReportContext, language: str) -> Document:
    """The report as a document model in `language` (the caller activates that language's catalogue)."""
    c, progress = context, context.progress
    money = progress.money
    statuses = list(STATUSES)
    blocks: list[Block] = []
    empty = Paragraph.of(_("Nothing to report."), "empty")

    blocks.append(Heading(1, _("Summary"), "1"))
    blocks.append(
        Paragraph.of(
            _("Reporting round %(round)s, %(start)s–%(end)s. The figures count approved reports only.")
            % {
                "round": c.round_label,
                "start": f.date(c.period_start, language),
                "end": f.date(c.period_end, language),
            },
            "lead",
        )
    )
    blocks.append(
        KeyFigures(
            _("Summary figures"),
            (c.round_label,),
            (
                KeyFigure(_("Measures"), (f.number(len(progress.measures), language, 0),)),
                KeyFigure(_("Approved reports in the round"), (f.number(c.approved_reports, language, 0),)),
                *(
                    KeyFigure(status_label(s).capitalize(), (f.number(progress.by_status[s], language, 0),))
                    for s in statuses
                ),
                KeyFigure(_("Late measures"), (f.number(len(late_measures(progress)), language, 0),)),
                KeyFigure(_("Indicators off track"), (f.number(len(progress.indicators_off_track), language, 0),)),
                KeyFigure(_("Money planned"), (f.money(money.planned, language),)),
                KeyFigure(_("Money spent"), (f.money(money.spent, language),)),
            ),
        )
    )
    status_table = Table(
        caption=_("Measures by status"),
        header=((HeaderCell(_("Status")), HeaderCell(_("Measures"))),),
        rows=tuple(Row((status_label(s), f.number(progress.by_status[s], language, 0))) for s in statuses),
        total=Row((_("Total"), f.number(len(progress.measures), language, 0)), "total"),
        key="by-status",
    )
    blocks.append(
        Figure(
            _("Measures by status"),
            ChartSpec(
                "bar",
                tuple(status_label(s) for s in statuses),
                (Series(_("Measures"), tuple(float(progress.by_status[s]) for s in statuses)),),
                value_label=_("Measures"),
                language=language,
            ),
            table=status_table,
            key="chart-status",
        )
    )

    blocks.append(Heading(1, _("Status by goal"), "2"))
    if progress.goals:
        blocks.append(
            Table(
                caption=_("Status of measures by goal"),
                header=(
                    (
                        HeaderCell(_("Goal")),
                        HeaderCell(_("Measures")),
                        *(HeaderCell(status_label(s)) for s in statuses),
                        HeaderCell(_("Overdue")),
                    ),
                ),
                rows=tuple(
                    Row(
                        (
                            (_("Goal %(number)s: %(title)s") % {"number": g.number, "title": g.title})
                            if g.number is not None
                            else _("Without a goal"),
                            f.number(g.measures, language, 0),
                            *(f.number(g.by_status.get(s, 0), language, 0) for s in statuses),
                            f.number(g.overdue, language, 0),
                        )
                    )
                    for g in progress.goals
                ),
                key="by-goal",
            )
        )
    else:
        blocks.append(empty)

    blocks.append(Heading(1, _("Measures"), "3"))
    blocks.append(
        Table(
            caption=_("Status of each measure"),
            header=(
                (HeaderCell(_("No.")), HeaderCell(_("Measure")), HeaderCell(_("Status")), HeaderCell(_("Deadline"))),
            ),
            rows=tuple(
                Row((_code(m), m.title, status_label(m.implementation_status), m.deadline.text))
                for m in progress.measures
            ),
            align=("left", "left", "left", "left"),
            key="measures",
        )
        if progress.measures
        else empty
    )

    blocks.append(Heading(1, _("Indicators against targets"), "4"))
    indicators = progress.indicators
    blocks.append(
        Table(
            caption=_("Indicators against their targets"),
            header=(
                (
                    HeaderCell(_("Measure")),
                    HeaderCell(_("Indicator")),
                    HeaderCell(_("Target")),
                    HeaderCell(_("Reached")),
                    HeaderCell(_("Assessment")),
                ),
            ),
            rows=tuple(
                Row(
                    (
                        _code(m),
                        i.text,
                        f"{f.number(i.progress.target, language)} {i.unit}".strip()
                        if i.progress.target is not None
                        else "—",
                        f"{f.number(i.progress.current, language)} {i.unit}".strip()
                        if i.progress.current is not None
                        else "—",
                        i.progress.rating_label,
                    )
                )
                for m, i in indicators
            ),
            align=("left", "left", "right", "right", "left"),
            key="indicators",
        )
        if indicators
        else empty
    )

    blocks.append(Heading(1, _("Money planned and spent"), "5"))
    money_table = Table(
        caption=_("Money planned and spent by funding source"),
        header=((HeaderCell(_("Funding source")), HeaderCell(_("Planned")), HeaderCell(_("Spent"))),),
        rows=tuple(
            Row((_source(s.source), f.money(s.planned, language), f.money(s.spent, language))) for s in money.sources
        ),
        total=Row((_("Total"), f.money(money.planned, language), f.money(money.spent, language)), "total"),
        key="money",
    )
    if money.sources:
        blocks.append(
            Figure(
                _("Money planned and spent by funding source"),
                ChartSpec(
                    "barh",
                    tuple(_source(s.source) for s in money.sources),
                    (
                        Series(_("Planned"), tuple(float(s.planned) for s in money.sources)),
                        Series(_("Spent"), tuple(float(s.spent) for s in money.sources)),
                    ),
                    value_label="EUR",
                    language=language,
                    labels=len(money.sources) <= 10,
                ),
                table=money_table,
                key="chart-money",
            )
        )
    else:
        blocks.append(empty)

    blocks.append(Heading(1, _("Late measures"), "6"))
    late = late_measures(progress)
    blocks.append(
        Table(
            caption=_("Late measures and the reasons given"),
            header=(
                (HeaderCell(_("No.")), HeaderCell(_("Measure")), HeaderCell(_("Deadline")), HeaderCell(_("Reason"))),
            ),
            rows=tuple(Row((_code(m), m.title, m.deadline.text, m.reason or _("no reason given"))) for m in late),
            align=("left", "left", "left", "left"),
            key="late",
        )
        if late
        else Paragraph.of(_("No measure is late."), "empty")
    )

    blocks.append(Heading(1, _("Risks met"), "7"))
    if c.risks or c.other_risks:
        rows = [Row((r.text, f.number(r.reports, language, 0))) for r in c.risks]
        rows += [Row((f"{text} ({code})", f.number(1, language, 0))) for code, text in c.other_risks]
        blocks.append(
            Table(
                caption=_("Risks the round's reports met"),
                header=((HeaderCell(_("Risk")), HeaderCell(_("Reports"))),),
                rows=tuple(rows),
                key="risks",
            )
        )
    else:
        blocks.append(Paragraph.of(_("No approved report of the round met a risk."), "empty"))

    return Document(
        title=_("Monitoring report: %(plan)s") % {"plan": c.plan_title},
        language=language,
        metadata=Metadata(
            subtitle=_("Reporting round %(round)s") % {"round": c.round_label},
            subject=c.plan_title,
            date=c.period_end,
        ),
        blocks=tuple(blocks),
    )
