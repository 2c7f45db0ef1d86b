"""An inline SVG map of Slovenia's statistical regions, drawn from GeoJSON (pure functions, no ORM)."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

REGIONS_GEOJSON = Path(__file__).resolve().parent / "data" / "statisticne_regije_simplified.geojson"
WIDTH = 800

Point = Sequence[float]
Ring = Sequence[Point]


@dataclass(frozen=True)
class RegionShape:
    code: str
    name: str
    path: str  # the SVG path data, already projected


@dataclass(frozen=True)
class MapShapes:
    width: int
    height: float
    regions: tuple[RegionShape, ...]


@dataclass(frozen=True)
class Projection:
    """Equirectangular, x scaled by cos(mean latitude), y flipped, fitted to WIDTH."""

    min_lon: float
    max_lat: float
    x_factor: float
    scale: float

    def __call__(self, point: Point) -> tuple[float, float]:
        x = (point[0] - self.min_lon) * self.x_factor * self.scale
        y = (self.max_lat - point[1]) * self.scale
        return round(x, 1) + 0.0, round(y, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


@functools.cache
def load_regions_geojson() -> dict[str, Any]:
    """The project's copy of the 12 regions (GURS RPE, CC BY 4.0). Shared: do not mutate it."""
    data: dict[str, Any] = json.loads(REGIONS_GEOJSON.read_text(encoding="utf-8"))
    return data


def regions_svg(
    geojson: dict[str, Any], *, highlight: str | None = None, title: str, link_pattern: str | None = None
) -> str:
    """The map as inline SVG; `link_pattern` like '/regije/{code}/' makes each region a link."""
    shapes = map_shapes(geojson)
    paths = "".join(_region_element(r, highlight, link_pattern) for r in shapes.regions)
    # Children of role="img" are hidden from assistive technology, so a map of links is a group instead.
    role = "group" if link_pattern else "img"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {shapes.width} {_number(shapes.height)}" '
        f'role="{role}" aria-label="{escape(title)}" class="region-map">'
        f'<title>{escape(title)}</title><g fill-rule="evenodd">{paths}</g></svg>'
    )


def _region_element(region: RegionShape, highlight: str | None, link_pattern: str | None) -> str:
    css = "region region--highlight" if region.code == highlight else "region"
    path = (
        f'<path d="{region.path}" data-code="{escape(region.code)}" class="{css}">'
        f"<title>{escape(region.name)}</title></path>"
    )
    if link_pattern is None:
        return path
    return f'<a href="{escape(link_pattern.format(code=region.code))}">{path}</a>'


# Geometry: computed once per GeoJSON object, then only the classes change between renders.

_SHAPES_CACHE: dict[int, tuple[dict[str, Any], MapShapes]] = {}
_SHAPES_CACHE_SIZE = 8


def map_shapes(geojson: dict[str, Any]) -> MapShapes:
    """Projected path data for every feature, cached by the identity of `geojson` (treat it as read-only)."""
    cached = _SHAPES_CACHE.get(id(geojson))
    if cached is not None and cached[0] is geojson:
        return cached[1]
    shapes = compute_shapes(geojson)
    if len(_SHAPES_CACHE) >= _SHAPES_CACHE_SIZE:
        _SHAPES_CACHE.pop(next(iter(_SHAPES_CACHE)))
    _SHAPES_CACHE[id(geojson)] = (geojson, shapes)  # keeping geojson alive keeps its id unique
    return shapes


def compute_shapes(geojson: dict[str, Any]) -> MapShapes:
    features = geojson["features"]
    rings = [ring for feature in features for ring in feature_rings(feature["geometry"])]
    projection = fit_projection(rings)
    regions = tuple(_region_shape(feature, projection) for feature in features)
    height = (projection.max_lat - min(p[1] for ring in rings for p in ring)) * projection.scale
    return MapShapes(width=WIDTH, height=round(height, 1), regions=regions)


def _region_shape(feature: dict[str, Any], projection: Projection) -> RegionShape:
    props = feature["properties"]
    path = "".join(ring_path(ring, projection) for ring in feature_rings(feature["geometry"]))
    return RegionShape(code=str(props["sr_code"]), name=str(props["name_sl"]), path=path)


def feature_rings(geometry: dict[str, Any]) -> list[Ring]:
    """Every ring (outer boundaries and holes) of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    raise ValueError(f"Unsupported geometry type: {geometry['type']}")


def fit_projection(rings: Iterable[Ring]) -> Projection:
    points = [p for ring in rings for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    x_factor = math.cos(math.radians((min(lats) + max(lats)) / 2))
    scale = WIDTH / ((max(lons) - min(lons)) * x_factor)
    return Projection(min_lon=min(lons), max_lat=max(lats), x_factor=x_factor, scale=scale)


def ring_path(ring: Ring, projection: Projection) -> str:
    """'M x y L x y …Z', with points that round to the previous one dropped."""
    points: list[tuple[float, float]] = []
    for point in map(projection, ring):
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[-1] == points[0]:
        points.pop()  # "Z" closes the ring
    if len(points) < 3:
        return ""
    head, *rest = (f"{_number(x)} {_number(y)}" for x, y in points)
    return f"M{head}L{' '.join(rest)}Z"


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
