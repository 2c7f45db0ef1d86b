"""Section 4: the intervention service."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from izvedba.providers.tables.declared.common import COUNT, SHARE
from izvedba.providers.tables.spec import (
    AnySpec,
    Categories,
    Col,
    ColsFrom,
    Months,
    RowSum,
    Share,
    TableSpec,
)

HOUR_BANDS = "bands"
TABLES: tuple[AnySpec, ...] = (
    TableSpec(
        key="interventions_by_month",
        title=_("Interventions and their duration by month (minutes), {year}"),
        rows=Months(),
        columns=(
            Col("count", indicator="interventions"),
            RowSum("minutes", _("Minutes in total"), group=HOUR_BANDS),
            ColsFrom(Categories("time_band"), indicator="intervention_minutes", group=HOUR_BANDS),
        ),
        unit="minutes",
    ),
    TableSpec(
        key="interventions_by_task",
        title=_("Interventions by task, {year}"),
        rows=Categories("intervention_task"),
        columns=(Col("count", COUNT), Share("share", SHARE, of="count")),
        indicator="interventions_by_task",
    ),
    TableSpec(
        key="interventions_domestic_violence",
        title=_("Interventions in domestic violence, {year}"),
        rows=Categories("intervention_task", under="domestic_violence"),
        columns=(Col("count", COUNT),),
        indicator="interventions_by_task",
    ),
    TableSpec(
        key="interventions_other",
        title=_("Other interventions, {year}"),
        rows=Categories("intervention_task", under="other"),
        columns=(Col("count", COUNT),),
        indicator="interventions_by_task",
    ),
)
