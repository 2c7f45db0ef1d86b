"""Section 4: rights from public funds (ISCSD2) and the municipalities a centre covers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from izvedba.providers.tables.declared.common import TERRITORIAL
from izvedba.providers.tables.spec import (
    AnySpec,
    Categories,
    Col,
    ColsFrom,
    Concat,
    Diff,
    Fixed,
    FixedLine,
    Index,
    Months,
    Municipalities,
    Nested,
    PeakSpec,
    RowSum,
    Share,
    TableSpec,
    Units,
    YearCols,
)

TABLES: tuple[AnySpec, ...] = (
    TableSpec(
        key="municipalities",
        title=_("Municipalities covered and their population"),
        rows=Municipalities(),
        columns=(
            Share("share", _("Share within the administrative unit (%)"), of="population", within_group=True),
            Col("population", _("Population"), indicator="population"),
        ),
    ),
    TableSpec(
        key="rights_by_month_unit",
        title=_("Applications and rights from public funds by month and unit, {year}"),
        rows=Nested(Units(kinds=TERRITORIAL, codes=("zupjs",)), Months(style="period")),
        columns=(
            Col("applications", indicator="rights_applications"),
            RowSum("rights", _("Rights"), group="rights"),
            ColsFrom(Categories("right"), indicator="rights_decided", group="rights"),
        ),
    ),
    TableSpec(
        key="rights_by_right",
        title=_("Applications and rights, {previous} and {year}"),
        rows=Concat(
            (
                Fixed(
                    (
                        FixedLine("applications", indicator="rights_applications"),
                        FixedLine("rights", _("Rights"), indicator="rights_decided"),
                    )
                ),
                Categories("right"),
            )
        ),
        columns=(
            YearCols(),
            Diff("difference", _("Difference"), a="{year}", b="{previous}"),
            Index("index", _("Index"), a="{year}", b="{previous}"),
        ),
        indicator="rights_decided",
        total=None,
    ),
    PeakSpec(
        key="rights_peak_months",
        title=_("Months with the most applications per unit, {previous} and {year}"),
        indicator="rights_applications",
        rows=Units(kinds=TERRITORIAL),
    ),
    TableSpec(
        key="zupjs_applications",
        title=_("Applications handled by Služba ZUPJS, {previous} and {year}"),
        rows=Categories("application_kind"),
        columns=(YearCols(),),
        indicator="zupjs_applications",
        total=_("Whole year"),
    ),
    TableSpec(
        key="idp_by_unit",
        title=_("Applications for extraordinary financial social assistance by unit, {previous} and {year}"),
        rows=Nested(Units(kinds=TERRITORIAL), Categories("idp_type"), inner_totals=True),
        columns=(YearCols(),),
        indicator="idp_applications",
    ),
)
