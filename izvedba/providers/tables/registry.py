"""The report tables, declared once (in `declared/`), and the rules between them.

The English labels are defaults; a provider's report wording (its `TableLabel`s, e.g. 'SKUPAJ', 'Dečki') takes
their place, and years in titles and labels are generated from the report year.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from izvedba.providers.tables.declared import crisis_centres, finance, interventions, rights, violence
from izvedba.providers.tables.spec import AnySpec, CrossRule

TABLES: tuple[AnySpec, ...] = (
    *rights.TABLES,
    *crisis_centres.TABLES,
    *violence.TABLES,
    *interventions.TABLES,
    *finance.TABLES,
)
SPECS: dict[str, AnySpec] = {spec.key: spec for spec in TABLES}

# Columns whose printed figures are durations (may be written h:mm).
MINUTE_COLUMNS: dict[str, set[str]] = {
    "interventions_by_month": {
        "minutes",
        "weekday_day",
        "weekday_night",
        "sunday_day",
        "sunday_night",
        "holiday_day",
        "holiday_night",
    },
}

CROSS_RULES: tuple[CrossRule, ...] = (
    CrossRule(
        _("each month's lengths of stay add up to its placements"),
        "kcm_length_of_stay",
        "*",
        "kcm_placements_by_month",
        "count",
    ),
    *(
        CrossRule(
            _("as many children as placements"),
            table,
            "*",
            "kcm_placements_by_month",
            "count",
            rows=(("total", "total"),),
        )
        for table in ("kcm_referrals", "kcm_age_sex", "kcm_by_municipality", "kcm_reasons", "kcm_destinations")
    ),
    CrossRule(
        _("victims by age add up to the victims by unit"),
        "violence_age",
        "victims",
        "violence_victims_by_unit",
        "count",
        rows=(("total", "total"),),
    ),
    CrossRule(
        _("perpetrators by age add up to the perpetrators by unit"),
        "violence_age",
        "perpetrators",
        "violence_perpetrators_by_unit",
        "count",
        rows=(("total", "total"),),
    ),
    CrossRule(
        _("forms by age of the victim add up to the forms of violence"),
        "violence_forms_by_age",
        "*",
        "violence_forms",
        "count",
    ),
    CrossRule(
        _("one relationship per perpetrator"),
        "violence_relationship",
        "count",
        "violence_perpetrators_by_unit",
        "count",
        rows=(("total", "total"),),
    ),
    CrossRule(
        _("one relationship per victim"),
        "violence_relationship",
        "count",
        "violence_victims_by_unit",
        "count",
        rows=(("total", "total"),),
    ),
    CrossRule(
        _("relationships by sex add up to the relationships"),
        "violence_relationship",
        "count",
        "violence_relationship_by_sex",
        "sum",
        rows=(("total", "total"),),
    ),
    CrossRule(
        _("the cases of the MDT table are the cases by unit"),
        "violence_mdt",
        "count",
        "violence_cases_by_unit",
        "count",
        rows=(("cases", "total"),),
    ),
    CrossRule(
        _("restraining orders at interventions are the orders the police issued"),
        "interventions_domestic_violence",
        "count",
        "restraining_orders",
        "total",
        rows=(("dv_restraining_order", "total"),),
    ),
    CrossRule(
        _("interventions by task add up to the interventions by month"),
        "interventions_by_task",
        "count",
        "interventions_by_month",
        "count",
        rows=(("total", "total"),),
    ),
    CrossRule(
        _("the stations' orders add up to the orders by stage"),
        "restraining_orders_by_station",
        "count",
        "restraining_orders",
        "total",
    ),
    CrossRule(
        _("Služba ZUPJS: the year's applications as in the monthly table"),
        "zupjs_applications",
        "{year}",
        "rights_by_month_unit",
        "applications",
        rows=(("total", "zupjs"),),
    ),
)
