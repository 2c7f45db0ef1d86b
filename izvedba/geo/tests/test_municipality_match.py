from __future__ import annotations

from django.test import TestCase

from izvedba.geo.models import Municipality
from izvedba.geo.services import DATA_DIR, ReferenceLoadResult, municipalities_load, regions_load


class MunicipalityMatchTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        result = ReferenceLoadResult()
        regions = regions_load(DATA_DIR / "statistical_regions.csv", result)
        municipalities_load(DATA_DIR / "municipalities.csv", regions, result)

    def assertMatches(self, written: str, code: str) -> None:
        found = Municipality.objects.match(written)
        self.assertIsNotNone(found, written)
        self.assertEqual(found.code if found else None, code, written)

    def test_it_matches_a_bilingual_official_title(self) -> None:
        self.assertMatches("Mestna občina Koper-Comune di Capodistria", "050")
        self.assertMatches("Piran-Comune di Pirano", "090")
        self.assertMatches("Izola-Comune di Isola", "040")

    def test_it_matches_a_double_name_written_without_spaces(self) -> None:
        self.assertMatches("Hrpelje-Kozina", "035")
        self.assertMatches("Hrpelje Kozina", "035")

    def test_it_matches_other_names(self) -> None:
        self.assertMatches("Šentjur pri Celju", "120")
        self.assertMatches("Občina Kanal ob Soči", "044")
        self.assertMatches("Lendva", "059")

    def test_it_returns_none_for_a_name_it_does_not_know(self) -> None:
        self.assertIsNone(Municipality.objects.match("Nekje v Narniji"))
        self.assertIsNone(Municipality.objects.match(""))
