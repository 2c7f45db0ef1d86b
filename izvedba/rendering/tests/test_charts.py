from __future__ import annotations

from django.test import SimpleTestCase

from izvedba.rendering.charts import ChartSpec, Series, render_png, render_svg
from izvedba.rendering.tests.samples import placements_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ChartTests(SimpleTestCase):
    def test_it_draws_a_png(self) -> None:
        png = render_png(placements_chart())
        self.assertTrue(png.startswith(PNG_SIGNATURE))
        self.assertGreater(len(png), 2000)

    def test_the_same_chart_gives_the_same_image(self) -> None:
        spec = ChartSpec("barh", ("Fizično", "Psihično"), (Series("Število", (205, 268)),))
        self.assertEqual(render_png(spec), render_png(spec))
        self.assertEqual(render_svg(spec), render_svg(spec))

    def test_the_svg_keeps_slovenian_letters_and_numbers_as_text(self) -> None:
        spec = ChartSpec(
            "bar", ("Žrtve", "Povzročitelji"), (Series("Število", (1500.5, 283)),), language="sl", decimals=1
        )
        svg = render_svg(spec)
        self.assertIn("Žrtve", svg)
        self.assertIn("1.500,5", svg)  # the bar's value, Slovenian style
        self.assertIn(">1.200<", svg)  # an axis tick

    def test_every_kind_draws(self) -> None:
        series = (Series("2020", (1, 2, None)), Series("2021", (3, 1, 2)))
        for kind in ("bar", "barh", "stacked", "line"):
            with self.subTest(kind=kind):
                png = render_png(ChartSpec(kind, ("a", "b", "c"), series))
                self.assertTrue(png.startswith(PNG_SIGNATURE))
