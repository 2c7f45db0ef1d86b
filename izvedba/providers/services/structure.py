"""Loading definitions (dimensions, category sets, indicators) and providers' structure from data files."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from izvedba.core.versioning import content_changed
from izvedba.geo.models import Municipality
from izvedba.organisations.models import CentreUnit, Organisation
from izvedba.providers.models import (
    Category,
    CategorySet,
    CostCarrier,
    Dimension,
    Indicator,
    PopulationSnapshot,
    Programme,
    Provider,
    TableLabel,
    Unit,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class DataFileError(ValueError):
    """A definitions or structure file says something that cannot be loaded; the message names the file and row."""


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            yield number, {key: (value or "").strip() for key, value in row.items()}


def _save(obj: Any, values: dict[str, Any]) -> bool:
    """Set the values that differ and save; whether anything changed."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save()
    return bool(changed)


@transaction.atomic
def definitions_load(*, data_dir: Path = DATA_DIR) -> int:
    """Dimensions, category sets and indicators from the data files; returns how many rows changed."""
    changed = 0
    dimensions = {}
    for _number, row in read_rows(data_dir / "dimensions.csv"):
        dimension, created = Dimension.objects.get_or_create(code=row["code"], defaults={"label": row["label"]})
        changed += created + _save(dimension, {"label": row["label"], "label_en": row["label_en"]})
        dimensions[dimension.code] = dimension
    changed += _categories_load(data_dir / "categories.csv", dimensions)
    for number, row in read_rows(data_dir / "indicators.csv"):
        unknown = [d for d in row["dimensions"].split() if d not in dimensions]
        if unknown:
            raise DataFileError(
                _("indicators.csv, row %(row)d: unknown dimensions %(dims)s.") % {"row": number, "dims": unknown}
            )
        indicator, created = Indicator.objects.get_or_create(code=row["code"], defaults={"label": row["label"]})
        changed += created + _save(indicator, _indicator_values(row))
    if changed:
        content_changed()
    return changed


def _indicator_values(row: dict[str, str]) -> dict[str, Any]:
    return {
        "label": row["label"],
        "label_en": row["label_en"],
        "unit": row["unit"],
        "aggregation": row["aggregation"],
        "dimensions": row["dimensions"].split(),
        "target": row["target"],
        "period": row["period"],
        "source_system": row["source_system"],
        "multi_valued": row["multi_valued"] == "yes",
        "description": row["description"],
    }


def _categories_load(path: Path, dimensions: dict[str, Dimension]) -> int:
    changed = 0
    positions: dict[int, int] = {}
    sets: dict[tuple[str, int], CategorySet] = {}
    for number, row in read_rows(path):
        dimension = dimensions.get(row["dimension"])
        if dimension is None:
            raise DataFileError(
                _("categories.csv, row %(row)d: unknown dimension “%(code)s”.")
                % {"row": number, "code": row["dimension"]}
            )
        valid_from = int(row["valid_from"])
        valid_to = int(row["valid_to"]) if row["valid_to"] else None
        category_set = sets.get((dimension.code, valid_from))
        if category_set is None:
            category_set, created = CategorySet.objects.get_or_create(dimension=dimension, valid_from=valid_from)
            changed += created + _save(category_set, {"valid_to": valid_to, "source": row["source"]})
            sets[(dimension.code, valid_from)] = category_set
        position = positions[category_set.pk] = positions.get(category_set.pk, 0) + 1
        category, created = Category.objects.get_or_create(
            category_set=category_set, code=row["code"], defaults={"label": row["label"]}
        )
        values = {
            "label": row["label"],
            "label_en": row["label_en"],
            "position": position,
            "parent": row["parent"],
            "age_min": int(row["age_min"]) if row["age_min"] else None,
            "age_max": int(row["age_max"]) if row["age_max"] else None,
        }
        changed += created + _save(category, values)
    return changed


@transaction.atomic
def providers_sync() -> int:
    """A provider for every centre for social work in the registry, with a unit for each of its registry units."""
    changed = 0
    for organisation in Organisation.objects.filter(kind=Organisation.Kind.CSD):
        provider, created = Provider.objects.get_or_create(organisation=organisation)
        changed += created
        for position, centre_unit in enumerate(CentreUnit.objects.filter(centre=organisation).order_by("name")):
            if Unit.objects.filter(centre_unit=centre_unit).exists():
                continue
            short = centre_unit.name.removeprefix("Enota ").strip()
            Unit.objects.create(
                provider=provider,
                code=slugify(short)[:40] or f"unit-{centre_unit.pk}",
                name=centre_unit.name,
                short_name=short,
                kind=Unit.Kind.UNIT,
                centre_unit=centre_unit,
                position=position,
            )
            changed += 1
    return changed


@transaction.atomic
def provider_structure_load(*, provider: Provider, directory: Path) -> int:
    """A provider's own files: provider.csv, units.csv, cost_carriers.csv, programmes.csv, populations.csv,
    labels.csv (each optional). Returns how many rows changed."""
    changed = 0
    loaders = (
        ("provider.csv", _provider_row),
        ("units.csv", _unit_row),
        ("cost_carriers.csv", _cost_carrier_row),
        ("programmes.csv", _programme_row),
        ("populations.csv", _population_row),
        ("labels.csv", _label_row),
    )
    for name, loader in loaders:
        path = directory / name
        if not path.exists():
            continue
        for position, (number, row) in enumerate(read_rows(path)):
            try:
                changed += loader(provider, row, position)
            except (KeyError, ValueError, Municipality.DoesNotExist, CentreUnit.DoesNotExist) as error:
                raise DataFileError(
                    _("%(file)s, row %(row)d: %(error)s") % {"file": name, "row": number, "error": error}
                ) from error
    if changed:
        content_changed()
    return changed


def _provider_row(provider: Provider, row: dict[str, str], position: int) -> int:
    if row["slug"] != provider.slug:
        raise ValueError(_("this file is for “%(slug)s”.") % {"slug": row["slug"]})
    return int(_save(provider, {"registration_number": row["registration_number"], "address": row["address"]}))


def _unit_row(provider: Provider, row: dict[str, str], position: int) -> int:
    centre_unit = None
    if row["registry_unit"]:
        centre_unit = CentreUnit.objects.get(centre=provider.organisation, name=row["registry_unit"])
    unit = Unit.objects.filter(provider=provider, code=row["code"]).first()
    created = unit is None
    if unit is None:
        unit = Unit(provider=provider, code=row["code"])
    values = {
        "name": row["name"],
        "short_name": row["short_name"],
        "kind": Unit.Kind(row["kind"]),
        "centre_unit": centre_unit,
        "position": position,
    }
    return int(_save(unit, values) or created)


def _cost_carrier_row(provider: Provider, row: dict[str, str], position: int) -> int:
    carrier, created = CostCarrier.objects.get_or_create(
        provider=provider, code=row["code"], defaults={"name": row["name"]}
    )
    values = {
        "name": row["name"],
        "row_number": int(row["row_number"]) if row["row_number"] else None,
        "is_market": row["is_market"] == "yes",
        "position": position,
    }
    return int(_save(carrier, values) or created)


def _programme_row(provider: Provider, row: dict[str, str], position: int) -> int:
    programme, created = Programme.objects.get_or_create(
        provider=provider, code=row["code"], defaults={"name": row["name"], "kind": row["kind"]}
    )
    values = {
        "name": row["name"],
        "kind": Programme.Kind(row["kind"]),
        "unit": Unit.objects.get(provider=provider, code=row["unit"]) if row["unit"] else None,
        "target_group": row["target_group"],
        "capacity": int(row["capacity"]) if row["capacity"] else None,
        "capacity_unit": row["capacity_unit"],
        "funding": row["funding"],
        "cost_carrier": CostCarrier.objects.get(provider=provider, code=row["cost_carrier"])
        if row["cost_carrier"]
        else None,
        "started": datetime.date.fromisoformat(row["started"]) if row["started"] else None,
    }
    return int(_save(programme, values) or created)


def _population_row(provider: Provider, row: dict[str, str], position: int) -> int:
    municipality = Municipality.objects.get(code=row["municipality"])
    date = datetime.date.fromisoformat(row["date"])
    population = int(row["population"])
    if population <= 0:
        raise ValueError(_("a population must be a positive number."))
    snapshot, created = PopulationSnapshot.objects.get_or_create(
        municipality=municipality, date=date, defaults={"population": population, "source": row["source"]}
    )
    return int(_save(snapshot, {"population": population, "source": row["source"]}) or created)


def _label_row(provider: Provider, row: dict[str, str], position: int) -> int:
    label, created = TableLabel.objects.get_or_create(
        provider=provider, table=row["table"], item=row["item"], defaults={"label": row["label"]}
    )
    return int(_save(label, {"label": row["label"]}) or created)
