"""Section 4: domestic violence (BSP) and restraining orders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from izvedba.providers.tables.declared.common import COUNT, SHARE, TERRITORIAL
from izvedba.providers.tables.spec import (
    AnySpec,
    Categories,
    Col,
    ColsFrom,
    Fixed,
    FixedLine,
    Label,
    Nested,
    RowSum,
    Share,
    TableSpec,
    Units,
)


def _by_unit(key: str, indicator: str, title: Label) -> TableSpec:
    return TableSpec(
        key=key,
        title=title,
        rows=Units(kinds=TERRITORIAL),
        columns=(Col("count", indicator=indicator), Share("share", SHARE, of="count")),
    )


TABLES: tuple[AnySpec, ...] = (
    _by_unit("violence_cases_by_unit", "violence_cases", _("Domestic-violence cases by unit, {year}")),
    _by_unit("violence_victims_by_unit", "violence_victims", _("Victims of domestic violence by unit, {year}")),
    _by_unit(
        "violence_perpetrators_by_unit", "violence_perpetrators", _("Perpetrators of domestic violence by unit, {year}")
    ),
    TableSpec(
        key="violence_forms",
        title=_("Forms of violence, {year}"),
        rows=Categories("violence_form"),
        columns=(Col("count", indicator="violence_case_forms"),),
    ),
    TableSpec(
        key="violence_age",
        title=_("Age of victims and perpetrators, {year}"),
        rows=Categories("violence_age"),
        columns=(
            Col("victims", indicator="violence_victims_by_age"),
            Col("perpetrators", indicator="violence_perpetrators_by_age"),
        ),
    ),
    TableSpec(
        key="violence_forms_by_age",
        title=_("Forms of violence by age of the victim, {year}"),
        rows=Categories("violence_form", order="label"),
        columns=(ColsFrom(Categories("victim_age_group")),),
        indicator="violence_victim_forms_by_age",
    ),
    TableSpec(
        key="violence_relationship",
        title=_("Relationship of the perpetrator to the victim, {year}"),
        rows=Categories("relationship"),
        columns=(Col("count", indicator="violence_relationships"),),
    ),
    TableSpec(
        key="violence_relationship_by_sex",
        title=_("Relationship of the perpetrator by sex, {year}"),
        rows=Nested(
            Categories("relationship", order="label"),
            Categories("perpetrator_sex", order="label"),
            subtotals="none",
            hide_empty=True,
            label="{outer} {inner}",
        ),
        columns=(ColsFrom(Categories("victim_sex")), RowSum("sum", _("Sum"))),
        indicator="violence_relationships",
    ),
    TableSpec(
        key="violence_mdt",
        title=_("Multidisciplinary teams, {year}"),
        rows=Fixed(
            (
                FixedLine("cases", _("Cases"), indicator="violence_cases"),
                FixedLine("mdt", indicator="violence_mdt"),
                FixedLine(
                    "mdt_share", _("Cases with a multidisciplinary team (%)"), ratio=("mdt", "cases"), decimals=1
                ),
            )
        ),
        columns=(Col("count", COUNT),),
        total=None,
    ),
    TableSpec(
        key="restraining_orders",
        title=_("Restraining orders by police station, {year}"),
        rows=Nested(
            Categories("police_station"),
            Categories("order_stage"),
            subtotals="before",
            hide_empty=True,
            label="{outer} – {inner}",
            subtotal_label=_("{outer} – all orders"),
        ),
        columns=(RowSum("total", _("Total")), ColsFrom(Categories("offence_kind"))),
        indicator="restraining_orders",
    ),
    TableSpec(
        key="restraining_orders_by_station",
        title=_("Restraining orders and their share by police station, {year}"),
        rows=Categories("police_station"),
        columns=(Col("count", COUNT), Share("share", SHARE, of="count")),
        indicator="restraining_orders",
    ),
)
