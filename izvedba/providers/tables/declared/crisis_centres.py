"""Section 4: the crisis centres for children (KCM) and for victims of violence (KCŽN)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from izvedba.providers.tables.declared.common import COUNT
from izvedba.providers.tables.spec import (
    AnySpec,
    Categories,
    Col,
    ColsFrom,
    Fixed,
    FixedLine,
    Months,
    TableSpec,
)

KCM: tuple[AnySpec, ...] = (
    TableSpec(
        key="kcm_placements_by_month",
        title=_("Crisis centre for children: new placements by month, {year}"),
        rows=Months(),
        columns=(Col("count", indicator="kcm_placements"),),
    ),
    TableSpec(
        key="kcm_referrals",
        title=_("Crisis centre for children: who referred the children, {year}"),
        rows=Categories("kcm_referrer"),
        columns=(Col("count", COUNT, indicator="kcm_referrals"),),
    ),
    TableSpec(
        key="kcm_age_sex",
        title=_("Crisis centre for children: age and sex, {year}"),
        rows=Categories("kcm_age_band"),
        columns=(ColsFrom(Categories("sex")),),
        indicator="kcm_children",
    ),
    TableSpec(
        key="kcm_by_municipality",
        title=_("Crisis centre for children: placements by municipality, {year}"),
        rows=Categories("kcm_municipality"),
        columns=(Col("count", COUNT, indicator="kcm_municipalities"),),
    ),
    TableSpec(
        key="kcm_length_of_stay",
        title=_("Crisis centre for children: length of stay by month, {year}"),
        rows=Months(),
        columns=(ColsFrom(Categories("stay_band")),),
        indicator="kcm_stays",
    ),
    TableSpec(
        key="kcm_reasons",
        title=_("Crisis centre for children: reasons for placement, {year}"),
        rows=Categories("kcm_reason"),
        columns=(ColsFrom(Categories("sex")),),
        indicator="kcm_reasons",
    ),
    TableSpec(
        key="kcm_destinations",
        title=_("Crisis centre for children: where the children went after their stay, {year}"),
        rows=Categories("kcm_destination"),
        columns=(Col("count", COUNT, indicator="kcm_destinations"),),
    ),
)

KCZN: tuple[AnySpec, ...] = (
    TableSpec(
        key="kczn_users",
        title=_("Crisis centre for victims of violence: users, {year}"),
        rows=Fixed(
            (
                FixedLine("users", _("All users"), indicator="kczn_users"),
                FixedLine("users:women", _("Women"), indicator="kczn_users", filters=(("kczn_user_group", "women"),)),
                FixedLine("users:children", _("Children"), "kczn_users", (("kczn_user_group", "children"),)),
                FixedLine("new_users", _("Users newly admitted in {year}"), indicator="kczn_new_users"),
                FixedLine(
                    "new_users:women",
                    _("Women newly admitted in {year}"),
                    "kczn_new_users",
                    (("kczn_user_group", "women"),),
                ),
                FixedLine(
                    "new_users:children",
                    _("Children newly admitted in {year}"),
                    "kczn_new_users",
                    (("kczn_user_group", "children"),),
                ),
            )
        ),
        columns=(Col("count", COUNT),),
        total=None,
    ),
    TableSpec(
        key="kczn_nights_by_month",
        title=_("Crisis centre for victims of violence: nights and days of stay by month, {year}"),
        rows=Months(),
        columns=(Col("nights", indicator="kczn_nights"), Col("days", indicator="kczn_days")),
        average=_("Average per month"),
    ),
)

TABLES: tuple[AnySpec, ...] = (*KCM, *KCZN)
