from __future__ import annotations

from django.test import TestCase

from izvedba.providers.models import Observation, PrintedFigure, Provider
from izvedba.providers.services.demo import demo_load


class DemoLoadTests(TestCase):
    def test_it_loads_the_16_centres_and_the_demo_provider_through_the_import_path_once(self) -> None:
        demo_load(progress=lambda line: None)
        counts = Observation.objects.count(), PrintedFigure.objects.count()
        self.assertEqual(Provider.objects.count(), 16)
        self.assertTrue(Provider.objects.filter(organisation__slug="csd-juzna-primorska").exists())
        self.assertGreater(counts[0], 1500)
        self.assertTrue(all(o.data_file_id for o in Observation.objects.all()[:50]))
        lines = demo_load(progress=lambda line: None)
        self.assertEqual((Observation.objects.count(), PrintedFigure.objects.count()), counts)
        self.assertTrue(
            all(" 0 new, 0 updated" in line for line in lines if line.startswith(("observations", "printed")))
        )
