"""The open-data registry: every published table declared once, for the downloads, the data dictionary and the
DCAT-AP catalogue alike.

Other apps add their tables with `register_dataset(Dataset(...))` (from their AppConfig.ready, say); the portal
lists, serves and catalogues whatever is registered, in registration order. Rows must hold only what anonymous
visitors may see (plans, and approved figures of published rounds).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from izvedba.monitoring.models import Report
from izvedba.plans.models import FundingLine
from izvedba.portal import selectors

Value = str | int | Decimal | None
Row = dict[str, Value]
COLUMN_TYPES = ("string", "integer", "decimal", "date")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of COLUMN_TYPES
    description: str | Promise
    unit: str = ""


@dataclass(frozen=True)
class Dataset:
    key: str  # the file name of the downloads: letters, digits, hyphens
    title_sl: str
    title_en: str
    description_sl: str
    description_en: str
    columns: tuple[Column, ...]
    rows: Callable[[], Iterable[Row]]

    def table(self) -> list[list[Value]]:
        """The rows as lists in column order (columns a row lacks are empty)."""
        names = [c.name for c in self.columns]
        return [[row.get(name) for name in names] for row in self.rows()]


_REGISTRY: dict[str, Dataset] = {}


def register_dataset(dataset: Dataset) -> Dataset:
    if dataset.key in _REGISTRY and _REGISTRY[dataset.key] is not dataset:
        raise ValueError(f"An open-data dataset with the key {dataset.key!r} is already registered.")
    for column in dataset.columns:
        if column.type not in COLUMN_TYPES:
            raise ValueError(f"Dataset {dataset.key!r}, column {column.name!r}: type must be one of {COLUMN_TYPES}.")
    _REGISTRY[dataset.key] = dataset
    return dataset


def datasets() -> list[Dataset]:
    return list(_REGISTRY.values())


def get_dataset(key: str) -> Dataset | None:
    return _REGISTRY.get(key)


def _c(name: str, type_: str, description: str, unit: str = "") -> Column:
    return Column(name, type_, pgettext_lazy("public", description), unit)


PLAN = _c("plan", "string", "The plan's identifier (slug) in the register")
MEASURE = _c("measure", "string", "The measure's code as the plan numbers it")
SUB_ROW = _c("sub_row", "integer", "The sub-row of the measure (0 for the measure itself)")


# --- the portal's own tables ----------------------------------------------------------------------------------


def _measure_rows() -> Iterable[Row]:
    for plan in selectors.public_plans():
        progress = selectors.public_progress(plan)
        for m in progress.measures:
            yield {
                "plan": plan.slug,
                "measure": m.code,
                "sub_row": m.sub_index,
                "title": m.title,
                "goal": m.goal_number,
                "status": m.implementation_status,
                "planned_eur": m.planned,
                "spent_eur": m.spent,
            }


def _funding_rows() -> Iterable[Row]:
    lines = FundingLine.objects.select_related("measure__plan", "source").order_by(
        "measure__plan__slug", "measure__order", "measure__sub_index", "order", "pk"
    )
    for line in lines:
        yield {
            "plan": line.measure.plan.slug,
            "measure": line.measure.code,
            "sub_row": line.measure.sub_index,
            "source": line.source.name if line.source else "",
            "basis": line.basis,
            "year_start": line.year_start,
            "year_end": line.year_end,
            "amount_eur": line.amount_eur,
        }


def _indicator_rows() -> Iterable[Row]:
    for plan in selectors.public_plans():
        for m in selectors.public_progress(plan).measures:
            for i in m.indicators:
                pr = i.progress
                yield {
                    "plan": plan.slug,
                    "measure": m.code,
                    "sub_row": m.sub_index,
                    "indicator": i.text,
                    "unit": i.unit,
                    "baseline": pr.baseline.value if pr.baseline else None,
                    "target": pr.target,
                    "target_date": pr.target_on.isoformat(),
                    "current": pr.current,
                    "current_date": pr.current_on.isoformat() if pr.current_on else None,
                    "rating": str(pr.rating),
                }


def _progress_rows() -> Iterable[Row]:
    reports = (
        Report.objects.filter(round__published_at__isnull=False, status=Report.Status.APPROVED)
        .exclude(implementation_status="")
        .select_related("round__plan", "measure")
        .order_by("round__plan__slug", "round__period_end", "measure__order", "measure__sub_index")
    )
    for report in reports:
        yield {
            "plan": report.round.plan.slug,
            "round": report.round.label,
            "period_start": report.round.period_start.isoformat(),
            "period_end": report.round.period_end.isoformat(),
            "measure": report.measure.code,
            "sub_row": report.measure.sub_index,
            "status": report.implementation_status,
        }


def _region_rows() -> Iterable[Row]:
    for r in selectors.region_figures():
        yield {
            "region": r.code,
            "name": r.name,
            "plans": r.plans,
            "measures": r.measures,
            "late_measures": r.late_measures,
        }


STATUS_DOC = "Implementation status by the latest published round: not_started, in_progress, completed, late, abandoned or not_reported"  # noqa: E501

register_dataset(
    Dataset(
        key="measures",
        title_sl="Ukrepi načrtov in njihovo izvajanje",
        title_en="Plans' measures and their implementation",
        description_sl="Vsi ukrepi vseh načrtov s stanjem izvajanja po zadnjem objavljenem krogu spremljanja.",
        description_en="Every measure of every plan with its implementation status by the latest published round.",
        columns=(
            PLAN, MEASURE, SUB_ROW,
            _c("title", "string", "The measure's title"),
            _c("goal", "integer", "The number of the Resolution's goal the measure serves"),
            _c("status", "string", STATUS_DOC),
            _c("planned_eur", "integer", "Funds planned for the measure over the plan's period", "EUR"),
            _c("spent_eur", "decimal", "Funds spent according to approved reports of published rounds", "EUR"),
        ),
        rows=_measure_rows,
    )
)  # fmt: skip
register_dataset(
    Dataset(
        key="funding-lines",
        title_sl="Načrtovana sredstva ukrepov",
        title_en="Measures' planned funding",
        description_sl="Finančne vrstice ukrepov: vir, obdobje in znesek, kot jih določa načrt.",
        description_en="The measures' funding lines: source, years and amount as the plan sets them.",
        columns=(
            PLAN, MEASURE, SUB_ROW,
            _c("source", "string", "The funding source"),
            _c("basis", "string", "How the amount applies: year, span, per_year or total"),
            _c("year_start", "integer", "First year the amount applies to", "year"),
            _c("year_end", "integer", "Last year the amount applies to", "year"),
            _c("amount_eur", "integer", "The amount", "EUR"),
        ),
        rows=_funding_rows,
    )
)  # fmt: skip
register_dataset(
    Dataset(
        key="indicators",
        title_sl="Kazalniki ukrepov",
        title_en="Measures' indicators",
        description_sl="Kazalniki ukrepov z izhodiščem, ciljno vrednostjo in zadnjo objavljeno vrednostjo.",
        description_en="The measures' indicators with baseline, target and the latest published value.",
        columns=(
            PLAN, MEASURE, SUB_ROW,
            _c("indicator", "string", "The indicator as the plan states it"),
            _c("unit", "string", "The indicator's unit"),
            _c("baseline", "decimal", "The baseline value", "indicator's unit"),
            _c("target", "decimal", "The target value", "indicator's unit"),
            _c("target_date", "date", "When the target is to be reached"),
            _c("current", "decimal", "The latest value in an approved report of a published round", "indicator's unit"),
            _c("current_date", "date", "The end of the period the latest value is for"),
            _c("rating", "string", "How the indicator stands against its target"),
        ),
        rows=_indicator_rows,
    )
)  # fmt: skip
register_dataset(
    Dataset(
        key="progress",
        title_sl="Izvajanje ukrepov po objavljenih krogih spremljanja",
        title_en="Measures' implementation by published monitoring round",
        description_sl="Stanje izvajanja vsakega ukrepa v vsakem objavljenem krogu spremljanja (potrjena poročila).",
        description_en="Each measure's implementation status in each published monitoring round (approved reports).",
        columns=(
            PLAN,
            _c("round", "string", "The monitoring round's label"),
            _c("period_start", "date", "First day of the period the round covers"),
            _c("period_end", "date", "Last day of the period the round covers"),
            MEASURE, SUB_ROW,
            _c("status", "string", "Implementation status the approved report gives"),
        ),
        rows=_progress_rows,
    )
)  # fmt: skip
register_dataset(
    Dataset(
        key="regions",
        title_sl="Statistične regije: načrti in ukrepi",
        title_en="Statistical regions: plans and measures",
        description_sl="Število regijskih načrtov, njihovih ukrepov in zamujenih ukrepov po statističnih regijah.",
        description_en="Number of regional plans, their measures and late measures by statistical region.",
        columns=(
            _c("region", "string", "The statistical region's SURS code (01–12)"),
            _c("name", "string", "The region's name"),
            _c("plans", "integer", "Regional plans of the region", "plans"),
            _c("measures", "integer", "Measures of those plans", "measures"),
            _c("late_measures", "integer", "Measures late by the latest published round", "measures"),
        ),
        rows=_region_rows,
    )
)  # fmt: skip
