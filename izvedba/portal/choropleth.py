"""The regions map coloured by a figure (pure: shapes from izvedba.geo.svg, values given).

Colour is never the only carrier: each region's name and value are in its `<title>`, the legend names each
class's range, and the page puts the same figures in a table after the map.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from izvedba.geo.svg import map_shapes

# Light to dark blue; the darkest classes carry white-on-dark nowhere (no text sits on the map).
PALETTE = ("#f0f4f8", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
NO_DATA = "#ffffff"
STROKE = "#4a5563"


@dataclass(frozen=True)
class LegendClass:
    colour: str
    low: int
    high: int


def classes(values: Mapping[str, int]) -> list[LegendClass]:
    """Up to five equal-width classes from 0 to the largest value (0 alone is the first class)."""
    largest = max(values.values(), default=0)
    if largest <= 0:
        return [LegendClass(PALETTE[0], 0, 0)]
    steps = min(len(PALETTE) - 1, largest)
    result = [LegendClass(PALETTE[0], 0, 0)]
    low = 1
    for n in range(steps):
        high = round(largest * (n + 1) / steps)
        result.append(LegendClass(PALETTE[n + 1], low, high))
        low = high + 1
    return result


def colour_for(value: int | None, legend: list[LegendClass]) -> str:
    if value is None:
        return NO_DATA
    for item in legend:
        if item.low <= value <= item.high:
            return item.colour
    return legend[-1].colour


def choropleth_svg(
    geojson: dict[str, Any], values: Mapping[str, int], *, title: str, desc: str, label: str
) -> tuple[str, list[LegendClass]]:
    """The map (role img, named by title and desc) and its legend. `label` names the figure in each tooltip."""
    legend = classes(values)
    shapes = map_shapes(geojson)
    paths = []
    for region in shapes.regions:
        value = values.get(region.code)
        tip = f"{region.name}: {label} {value if value is not None else '–'}"
        paths.append(
            f'<path d="{region.path}" data-code="{escape(region.code)}" fill="{colour_for(value, legend)}" '
            f'stroke="{STROKE}" stroke-width="1"><title>{escape(tip)}</title></path>'
        )
    height = f"{shapes.height:g}"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {shapes.width} {height}" role="img" '
        f'aria-labelledby="region-map-title region-map-desc" class="region-map region-map--choropleth">'
        f'<title id="region-map-title">{escape(title)}</title><desc id="region-map-desc">{escape(desc)}</desc>'
        f'<g fill-rule="evenodd">{"".join(paths)}</g></svg>'
    )
    return svg, legend
