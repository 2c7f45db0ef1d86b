"""Accounting report: revenue, expenses and result by cost carrier."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from izvedba.providers.tables.spec import (
    AnySpec,
    Col,
    CostCarriers,
    Diff,
    TableSpec,
)

TABLES: tuple[AnySpec, ...] = (
    TableSpec(
        key="cost_carriers",
        title=_("Revenue, expenses and result by cost carrier (EUR), {year}"),
        rows=CostCarriers(public_subtotal=_("Public service, total")),
        columns=(
            Col("revenue", indicator="cc_revenue"),
            Col("expense", indicator="cc_expense"),
            Diff("result", _("Revenue − expenses"), a="revenue", b="expense"),
            Col("tax", indicator="cc_income_tax"),
            Diff("result_after_tax", _("Result after tax"), a="result", b="tax"),
        ),
        total=_("Whole institution, {year}"),
        unit="eur",
    ),
)
