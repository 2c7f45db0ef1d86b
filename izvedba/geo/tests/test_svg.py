from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from typing import Any

from django.test import SimpleTestCase

from izvedba.geo.svg import load_regions_geojson, map_shapes, regions_svg

SVG = "{http://www.w3.org/2000/svg}"


def _square(x: float, y: float, size: float) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def _tiny_geojson() -> dict[str, Any]:
    """Two regions: a square with a hole, and a MultiPolygon of two squares; one name needs escaping."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"sr_code": "01", "name_sl": "A & <B>"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [_square(14, 46, 1), _square(14.25, 46.25, 0.5)],
                },
            },
            {
                "type": "Feature",
                "properties": {"sr_code": "02", "name_sl": "C"},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[_square(15, 46, 0.5)], [_square(15.5, 46.5, 0.5)]],
                },
            },
        ],
    }


class RegionsSvgTests(SimpleTestCase):
    def render(self, **kwargs: Any) -> ET.Element:
        svg = regions_svg(load_regions_geojson(), title=kwargs.pop("title", "Statistične regije"), **kwargs)
        return ET.fromstring(svg)  # raises on invalid XML

    def test_it_draws_one_path_per_region(self) -> None:
        paths = self.render().findall(f".//{SVG}path")
        self.assertEqual(len(paths), 12)
        self.assertEqual([p.get("data-code") for p in paths], [f"{n:02d}" for n in range(1, 13)])
        self.assertTrue(all(p.get("d", "").startswith("M") for p in paths))

    def test_it_highlights_exactly_one_region(self) -> None:
        paths = self.render(highlight="12").findall(f".//{SVG}path")
        highlighted = [p.get("data-code") for p in paths if "region--highlight" in p.get("class", "")]
        self.assertEqual(highlighted, ["12"])
        self.assertTrue(all("region" in p.get("class", "").split() for p in paths))

    def test_it_highlights_nothing_by_default(self) -> None:
        svg = regions_svg(load_regions_geojson(), title="Regije")
        self.assertNotIn("region--highlight", svg)

    def test_it_is_an_accessible_image_with_a_title(self) -> None:
        root = self.render(title="Zemljevid")
        self.assertEqual(root.get("role"), "img")
        self.assertEqual(root.findtext(f"{SVG}title"), "Zemljevid")
        names = [p.findtext(f"{SVG}title") for p in root.iter(f"{SVG}path")]
        self.assertIn("Obalno-kraška", names)

    def test_it_fits_a_viewbox_800_wide(self) -> None:
        _, _, width, height = (float(v) for v in (self.render().get("viewBox") or "").split())
        self.assertEqual(width, 800)
        self.assertTrue(400 < height < 600, height)  # Slovenia is about 1.6 times as wide as it is tall

    def test_it_links_each_region_when_given_a_pattern(self) -> None:
        root = self.render(link_pattern="/regije/{code}/")
        links = root.findall(f".//{SVG}a")
        self.assertEqual(len(links), 12)
        self.assertEqual(links[0].get("href"), "/regije/01/")
        self.assertEqual(links[0].find(f"{SVG}path").get("data-code"), "01")  # type: ignore[union-attr]
        self.assertEqual(root.get("role"), "group")  # children of role="img" would be hidden

    def test_it_draws_holes_and_multipolygons_evenodd(self) -> None:
        root = ET.fromstring(regions_svg(_tiny_geojson(), title="T & T"))
        paths = root.findall(f".//{SVG}path")
        self.assertEqual(paths[0].findtext(f"{SVG}title"), "A & <B>")
        self.assertEqual(paths[0].get("d", "").count("M"), 2)  # outer ring and hole
        self.assertEqual(paths[1].get("d", "").count("M"), 2)  # two polygons
        self.assertEqual(root.find(f"{SVG}g").get("fill-rule"), "evenodd")  # type: ignore[union-attr]

    def test_it_rounds_coordinates_to_one_decimal(self) -> None:
        d = map_shapes(load_regions_geojson()).regions[0].path
        numbers = d.replace("M", " ").replace("L", " ").replace("Z", " ").split()
        self.assertTrue(all(len(n.partition(".")[2]) <= 1 for n in numbers))

    def test_it_renders_quickly_once_the_paths_are_cached(self) -> None:
        geojson = load_regions_geojson()
        start = time.perf_counter()
        for code in ("01", "05", "12"):
            regions_svg(geojson, title="Regije", highlight=code)
        self.assertLess(time.perf_counter() - start, 0.1)

    def test_it_loads_the_project_copy_once(self) -> None:
        self.assertIs(load_regions_geojson(), load_regions_geojson())
        self.assertEqual(len(load_regions_geojson()["features"]), 12)
