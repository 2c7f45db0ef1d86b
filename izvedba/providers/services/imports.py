"""The import path users use (and the demo): every cell validated, nothing applied if any cell is rejected."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from izvedba.core.versioning import content_changed
from izvedba.providers.importers import cases
from izvedba.providers.importers.cells import CellError
from izvedba.providers.importers.observations import ParsedObservation, parse_observations
from izvedba.providers.importers.printed import ParsedPrinted, parse_printed
from izvedba.providers.importers.schema import CategoryInfo, CategorySetInfo, IndicatorInfo, Schema
from izvedba.providers.models import (
    CategorySet,
    CostCarrier,
    DataFile,
    Dimension,
    Indicator,
    Observation,
    PrintedFigure,
    Programme,
    Provider,
    Unit,
)
from izvedba.providers.tables.engine import layout
from izvedba.providers.tables.registry import MINUTE_COLUMNS, SPECS


class ImportRejected(Exception):
    """The file was refused; `errors` name each rejected cell. Nothing was stored."""

    def __init__(self, errors: list[CellError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass(frozen=True)
class ImportResult:
    data_file: DataFile
    created: int
    updated: int
    unchanged: int

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def provider_schema(provider: Provider) -> Schema:
    """What the provider's files may refer to, read from the database once per import."""
    indicators = {
        i.code: IndicatorInfo(i.code, tuple(i.dimensions), i.target, i.period, i.unit) for i in Indicator.objects.all()
    }
    sets: dict[str, list[CategorySetInfo]] = {}
    for category_set in CategorySet.objects.select_related("dimension").prefetch_related("categories"):
        categories = tuple(
            CategoryInfo(c.code, c.label, c.parent, c.age_min, c.age_max)
            for c in sorted(category_set.categories.all(), key=lambda c: c.position)
        )
        info = CategorySetInfo(category_set.valid_from, category_set.valid_to, categories)
        sets.setdefault(category_set.dimension.code, []).append(info)
    return Schema(
        provider=provider.organisation.name,
        indicators=indicators,
        dimension_labels={d.code: d.display_label for d in Dimension.objects.all()},
        category_sets={code: tuple(infos) for code, infos in sets.items()},
        units=tuple(provider.units.order_by("position").values_list("code", flat=True)),
        programmes=tuple(provider.programmes.values_list("code", flat=True)),
        cost_carriers=tuple(provider.cost_carriers.order_by("position").values_list("code", flat=True)),
        tables=frozenset(SPECS),
    )


def decode(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = _("the file is not UTF-8 text; save it as “CSV UTF-8” and upload it again.")
        raise ImportRejected([CellError(name, 1, "", message)]) from error


@transaction.atomic
def observations_import(
    *, provider: Provider, name: str, data: bytes, user: AbstractBaseUser | None = None
) -> ImportResult:
    """Store (or update) the file's observations; refuse the whole file if any cell is wrong."""
    parsed, errors = parse_observations(name=name, text=decode(name, data), schema=provider_schema(provider))
    if errors:
        raise ImportRejected(errors)
    return _write_observations(provider, name, data, parsed, user, DataFile.Kind.OBSERVATIONS)


@transaction.atomic
def violence_cases_import(
    *, provider: Provider, year: int, name: str, data: bytes, user: AbstractBaseUser | None = None
) -> ImportResult:
    """Aggregate a year's pseudonymised case extract into the BSP tables' observations, replacing that year's
    counts from earlier extracts; refuse the whole file if any cell is wrong. No person-level data is kept."""
    text = decode(name, data)
    parsed, errors = cases.parse_violence_cases(name=name, text=text, schema=provider_schema(provider), year=year)
    if errors:
        raise ImportRejected(errors)
    kept = {p.key for p in parsed}
    stale = Observation.objects.filter(provider=provider, year=year, indicator__code__in=cases.INDICATORS)
    removed = stale.exclude(key__in=kept).delete()[0]
    result = _write_observations(provider, name, data, parsed, user, DataFile.Kind.CASES, force_record=bool(removed))
    if removed:
        content_changed()
    return result


def _write_observations(
    provider: Provider,
    name: str,
    data: bytes,
    parsed: list[ParsedObservation],
    user: AbstractBaseUser | None,
    kind: str,
    force_record: bool = False,
) -> ImportResult:
    existing = {o.key: o for o in Observation.objects.filter(provider=provider, key__in=[p.key for p in parsed])}
    changed = [p for p in parsed if p.key not in existing or _differs(existing[p.key], p)]
    data_file = _data_file(provider, kind, name, data, len(parsed), user, bool(changed) or force_record)
    refs = _references(provider)
    new: list[Observation] = []
    updated: list[Observation] = []
    for item in changed:
        observation = existing.get(item.key) or Observation(provider=provider, key=item.key)
        observation.indicator_id = refs["indicator"][item.indicator]
        observation.year, observation.month = item.year, item.month
        observation.period_start, observation.period_end = item.period_start, item.period_end
        observation.unit_id = refs["unit"].get(item.unit)
        observation.programme_id = refs["programme"].get(item.programme)
        observation.cost_carrier_id = refs["cost_carrier"].get(item.cost_carrier)
        observation.categories = dict(item.categories)
        observation.value, observation.source, observation.data_file = item.value, item.source, data_file
        (updated if observation.pk else new).append(observation)
    Observation.objects.bulk_create(new)
    Observation.objects.bulk_update(updated, ["value", "source", "data_file"])
    if changed:
        content_changed()
    return ImportResult(data_file, len(new), len(updated), len(parsed) - len(changed))


def _differs(observation: Observation, parsed: ParsedObservation) -> bool:
    return observation.value != parsed.value or observation.source != parsed.source


def _references(provider: Provider) -> dict[str, dict[str, int]]:
    return {
        "indicator": dict(Indicator.objects.values_list("code", "pk")),
        "unit": dict(Unit.objects.filter(provider=provider).values_list("code", "pk")),
        "programme": dict(Programme.objects.filter(provider=provider).values_list("code", "pk")),
        "cost_carrier": dict(CostCarrier.objects.filter(provider=provider).values_list("code", "pk")),
    }


def _data_file(
    provider: Provider, kind: str, name: str, data: bytes, rows: int, user: AbstractBaseUser | None, changed: bool
) -> DataFile:
    """The record of this file; an unchanged re-import of the same file reuses the earlier record."""
    sha = hashlib.sha256(data).hexdigest()
    if not changed:
        earlier = DataFile.objects.filter(provider=provider, kind=kind, name=name, sha256=sha).first()
        if earlier is not None:
            return earlier
    return DataFile.objects.create(
        provider=provider, kind=kind, name=name, sha256=sha, rows=rows, created_by_id=user.pk if user else None
    )


@transaction.atomic
def printed_import(*, provider: Provider, name: str, data: bytes, user: AbstractBaseUser | None = None) -> ImportResult:
    """Store figures as a document printed them; each must name a cell the table has for that year."""
    text = decode(name, data)
    parsed, errors = parse_printed(
        name=name, text=text, schema=provider_schema(provider), minute_columns=MINUTE_COLUMNS
    )
    errors += _cell_errors(provider, name, parsed)
    if errors:
        raise ImportRejected(errors)
    existing = {
        (f.year, f.table, f.row, f.column, f.source): f
        for f in PrintedFigure.objects.filter(provider=provider, year__in={p.year for p in parsed})
    }
    changed = [p for p in parsed if p.key not in existing or _printed_differs(existing[p.key], p)]
    data_file = _data_file(provider, DataFile.Kind.PRINTED, name, data, len(parsed), user, bool(changed))
    new: list[PrintedFigure] = []
    updated: list[PrintedFigure] = []
    for item in changed:
        figure = existing.get(item.key) or PrintedFigure(
            provider=provider,
            year=item.year,
            table=item.table,
            row=item.row_key,
            column=item.column,
            source=item.source,
        )
        figure.value, figure.decimals, figure.note, figure.data_file = item.value, item.decimals, item.note, data_file
        (updated if figure.pk else new).append(figure)
    PrintedFigure.objects.bulk_create(new)
    PrintedFigure.objects.bulk_update(updated, ["value", "decimals", "note", "data_file"])
    if changed:
        content_changed()
    return ImportResult(data_file, len(new), len(updated), len(parsed) - len(changed))


def _printed_differs(figure: PrintedFigure, parsed: ParsedPrinted) -> bool:
    return (figure.value, figure.decimals, figure.note) != (parsed.value, parsed.decimals, parsed.note)


def _cell_errors(provider: Provider, name: str, parsed: list[ParsedPrinted]) -> list[CellError]:
    """Each printed figure must name a row and a column its table has in that year."""
    from izvedba.providers.selectors import report_context

    layouts: dict[tuple[str, int], tuple[set[str], set[str]]] = {}
    errors = []
    for item in parsed:
        key = (item.table, item.year)
        if key not in layouts:
            row_keys, column_keys = layout(SPECS[item.table], report_context(provider=provider, year=item.year))
            layouts[key] = (set(row_keys), {*column_keys, "*"})
        rows, columns = layouts[key]
        missing = [part for part in item.row_key.split("+") if part not in rows]
        if missing:
            message = _("the table “%(table)s” has no row “%(row)s” in %(year)d; its rows are: %(rows)s.")
            values = {"table": item.table, "row": missing[0], "year": item.year, "rows": ", ".join(sorted(rows))}
            errors.append(CellError(name, item.row, "row", message % values))
        if item.column not in columns:
            message = _("the table “%(table)s” has no column “%(column)s”; its columns are: %(columns)s.")
            values = {"table": item.table, "column": item.column, "columns": ", ".join(sorted(columns))}
            errors.append(CellError(name, item.row, "column", message % values))
    return errors
