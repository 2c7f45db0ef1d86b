"""Loading the reference data (regions, municipalities, centres for social work, organisation registry)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from izvedba.core.text import name_key
from izvedba.core.versioning import content_changed
from izvedba.geo.models import Municipality, Region
from izvedba.organisations.models import CentreUnit, Organisation, OrganisationAlias, UnitCoverage

DATA_DIR = Path(__file__).resolve().parent / "data"
REGISTRY_PATH = Path(__file__).resolve().parent.parent / "organisations" / "data" / "organisations.csv"

_ANNOTATION = re.compile(r"\s*\([^)]*\)")
_CSD_PREFIX = re.compile(r"^Center za socialno delo\s+", re.IGNORECASE)

M = TypeVar("M", bound=models.Model)


@dataclass
class LoadCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class ReferenceLoadResult:
    """What one load did, per kind of row ('regions', 'municipalities', 'centres', …)."""

    counts: dict[str, LoadCounts] = field(default_factory=dict)

    def of(self, kind: str) -> LoadCounts:
        return self.counts.setdefault(kind, LoadCounts())

    @property
    def created(self) -> int:
        return sum(c.created for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())


@transaction.atomic
def reference_load(*, data_dir: Path | None = None, registry_path: Path | None = None) -> ReferenceLoadResult:
    """Upsert the reference data; a second run with the same files changes nothing."""
    data_dir = data_dir or DATA_DIR
    result = ReferenceLoadResult()
    regions = regions_load(data_dir / "statistical_regions.csv", result)
    municipalities = municipalities_load(data_dir / "municipalities.csv", regions, result)
    centres_load(data_dir / "csd.csv", municipalities, result)
    registry_load(registry_path or REGISTRY_PATH, result)
    if result.created or result.updated:
        content_changed()
    return result


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """CSV rows as text (codes keep their leading zeros)."""
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def upsert(model: type[M], lookup: dict[str, Any], values: dict[str, Any], counts: LoadCounts) -> M:
    """Create or update one row, saving only when a value differs."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model._default_manager.create(**lookup, **values)
        counts.created += 1
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        counts.unchanged += 1
        return obj
    for name in changed:
        setattr(obj, name, values[name])
    obj.save()
    counts.updated += 1
    return obj


def alias_upsert(organisation: Organisation, alias: str, counts: LoadCounts) -> None:
    values = {"organisation_id": organisation.pk, "alias": alias}
    upsert(OrganisationAlias, {"key": name_key(alias)}, values, counts)


# Regions and municipalities


def regions_load(path: Path, result: ReferenceLoadResult) -> dict[str, Region]:
    counts = result.of("regions")
    return {
        row["sr_code"]: upsert(Region, {"code": row["sr_code"]}, _region_values(row), counts) for row in read_rows(path)
    }


def _region_values(row: dict[str, str]) -> dict[str, Any]:
    return {
        "name": row["name_sl"],
        "name_en": row["name_en"],
        "nuts3_code": row["nuts3_code"],
        "area_km2": Decimal(row["area_km2"]),
    }


def municipalities_load(path: Path, regions: dict[str, Region], result: ReferenceLoadResult) -> dict[str, Municipality]:
    counts = result.of("municipalities")
    loaded = {}
    for row in read_rows(path):
        values = _municipality_values(row, regions[row["sr_code"]])
        loaded[row["mun_code"]] = upsert(Municipality, {"code": row["mun_code"]}, values, counts)
    return loaded


def _municipality_values(row: dict[str, str], region: Region) -> dict[str, Any]:
    return {
        "name": row["name"],
        "official_title": row["official_title"],
        "minority_name": row["minority_name"],
        "minority_language": row["minority_lang"],
        "alt_names": split_alt_names(row["alt_names"]),
        "is_urban": row["mun_type"] == "mestna občina",
        "region_id": region.pk,
        "administrative_unit": row["ue_name"],
        "area_km2": Decimal(row["area_km2"]),
    }


def split_alt_names(cell: str) -> list[str]:
    """'Šentjur pri Celju (former name)' -> ['Šentjur pri Celju']; several names are separated by ';'."""
    names = (_ANNOTATION.sub("", part).strip() for part in cell.split(";"))
    return [name for name in names if name]


# Centres for social work


def centre_short_name(full_name: str) -> str:
    """'Center za socialno delo Južna Primorska' -> 'CSD Južna Primorska'."""
    return _CSD_PREFIX.sub("CSD ", full_name.strip())


def centres_load(path: Path, municipalities: dict[str, Municipality], result: ReferenceLoadResult) -> None:
    centres: dict[str, Organisation] = {}
    units: dict[tuple[str, str], CentreUnit] = {}
    match = Municipality.objects.matcher()
    for row in read_rows(path):
        if row["csd_name"] not in centres:
            centres[row["csd_name"]] = centre_upsert(row, result, match(row["csd_seat"]))
        unit_key = (row["csd_name"], row["unit_name"])
        if unit_key not in units:
            units[unit_key] = unit_upsert(centres[row["csd_name"]], row, result)
        coverage_upsert(units[unit_key], municipalities[row["mun_code"]], row, result)


def centre_upsert(row: dict[str, str], result: ReferenceLoadResult, seat: Municipality | None) -> Organisation:
    short = centre_short_name(row["csd_name"])
    values = {
        "name": row["csd_name"],
        "kind": Organisation.Kind.CSD,
        "seat": row["csd_seat"],
        "municipality_id": seat.pk if seat else None,
    }
    centre = upsert(Organisation, {"slug": slugify(short)}, values, result.of("centres"))
    for alias in (row["csd_name"], short):
        alias_upsert(centre, alias, result.of("aliases"))
    return centre


def unit_upsert(centre: Organisation, row: dict[str, str], result: ReferenceLoadResult) -> CentreUnit:
    lookup = {"centre_id": centre.pk, "name": row["unit_name"]}
    return upsert(CentreUnit, lookup, {"administrative_unit": row["unit_ue"]}, result.of("units"))


def coverage_upsert(
    unit: CentreUnit, municipality: Municipality, row: dict[str, str], result: ReferenceLoadResult
) -> None:
    lookup = {"unit_id": unit.pk, "municipality_id": municipality.pk}
    values = {name: row[name] for name in ("coverage", "confidence", "note", "source")}
    upsert(UnitCoverage, lookup, values, result.of("coverage"))


# The organisation registry (izvedba/organisations/data/organisations.csv)


def registry_load(path: Path, result: ReferenceLoadResult) -> None:
    rows = list(read_rows(path))
    registry_check(rows)
    for row in rows:
        organisation = upsert(Organisation, {"slug": row["slug"]}, _registry_values(row), result.of("organisations"))
        for alias in registry_aliases(row):
            alias_upsert(organisation, alias, result.of("aliases"))


def _registry_values(row: dict[str, str]) -> dict[str, Any]:
    return {"name": row["name"], "acronym": row["acronym"], "kind": Organisation.Kind(row["kind"])}


def registry_aliases(row: dict[str, str]) -> list[str]:
    """The row's name, acronym and listed aliases, one per comparison key."""
    written = [row["name"], row["acronym"], *row["aliases"].split("|")]
    by_key = {name_key(alias): alias.strip() for alias in reversed(written) if name_key(alias)}
    return list(by_key.values())


def registry_check(rows: list[dict[str, str]]) -> None:
    """Refuse a registry in which one written form would name two organisations."""
    owner: dict[str, str] = {}
    for row in rows:
        for alias in registry_aliases(row):
            slug = owner.setdefault(name_key(alias), row["slug"])
            if slug != row["slug"]:
                message = _("Registry alias %(alias)r names both %(first)r and %(second)r.")
                raise ValueError(message % {"alias": alias, "first": slug, "second": row["slug"]})
