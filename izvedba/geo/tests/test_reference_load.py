from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.test import SimpleTestCase, TestCase
from django.utils import translation

from izvedba.geo.models import Municipality, Region
from izvedba.geo.services import (
    DATA_DIR,
    REGISTRY_PATH,
    ReferenceLoadResult,
    reference_load,
    split_alt_names,
)
from izvedba.organisations.models import CentreUnit, Organisation, OrganisationAlias, UnitCoverage


class ReferenceLoadTests(TestCase):
    result: ReferenceLoadResult

    @classmethod
    def setUpTestData(cls) -> None:
        cls.result = reference_load()

    def test_it_loads_regions_municipalities_centres_and_units(self) -> None:
        self.assertEqual(Region.objects.count(), 12)
        self.assertEqual(Municipality.objects.count(), 212)
        self.assertEqual(Organisation.objects.filter(kind=Organisation.Kind.CSD).count(), 16)
        self.assertEqual(CentreUnit.objects.count(), 63)
        self.assertEqual(UnitCoverage.objects.count(), 220)

    def test_it_reports_what_it_created(self) -> None:
        self.assertEqual(self.result.of("regions").created, 12)
        self.assertEqual(self.result.of("municipalities").created, 212)
        self.assertEqual(self.result.of("centres").created, 16)
        self.assertEqual(self.result.of("units").created, 63)
        self.assertEqual(self.result.updated, 0)

    def test_it_puts_koper_in_obalno_kraska(self) -> None:
        koper = Municipality.objects.select_related("region").get(code="050")
        self.assertEqual(koper.region.name, "Obalno-kraška")
        self.assertEqual(koper.region.name_en, "Coastal–Karst")
        self.assertEqual((koper.minority_name, koper.minority_language), ("Capodistria", "it"))
        self.assertEqual(koper.official_title, "Mestna občina Koper")
        self.assertTrue(koper.is_urban)

    def test_it_marks_the_11_urban_municipalities(self) -> None:
        self.assertEqual(Municipality.objects.filter(is_urban=True).count(), 11)

    def test_it_keeps_other_names_without_annotations(self) -> None:
        self.assertEqual(Municipality.objects.get(code="120").alt_names, ["Šentjur pri Celju"])
        self.assertEqual(Municipality.objects.get(code="044").alt_names, ["Kanal ob Soči"])
        self.assertEqual(Municipality.objects.get(code="001").alt_names, [])

    def test_it_keeps_codes_as_zero_padded_text(self) -> None:
        self.assertEqual(Region.objects.values_list("code", flat=True).first(), "01")
        self.assertTrue(Municipality.objects.filter(code="001").exists())

    def test_it_names_centres_by_their_short_form(self) -> None:
        centre = Organisation.objects.get(slug="csd-juzna-primorska")
        self.assertEqual(centre.name, "Center za socialno delo Južna Primorska")
        self.assertEqual(centre.seat, "Koper")
        self.assertEqual(centre.municipality, Municipality.objects.get(code="050"))
        aliases = set(centre.aliases.values_list("alias", flat=True))
        self.assertEqual(aliases, {"Center za socialno delo Južna Primorska", "CSD Južna Primorska"})
        self.assertTrue(Organisation.objects.filter(slug="csd-osrednja-slovenija-vzhod").exists())

    def test_it_records_which_municipalities_each_unit_covers(self) -> None:
        unit = CentreUnit.objects.get(centre__slug="csd-dolenjska-in-bela-krajina", name="Enota Črnomelj")
        self.assertEqual(unit.administrative_unit, "Črnomelj")
        self.assertEqual(set(unit.municipalities.values_list("name", flat=True)), {"Črnomelj", "Semič"})
        coverage = UnitCoverage.objects.get(unit=unit, municipality__name="Semič")
        self.assertEqual((coverage.coverage, coverage.confidence), ("full", "high"))
        self.assertIn("http", coverage.source)

    def test_it_loads_the_organisation_registry(self) -> None:
        mddsz = Organisation.objects.get(slug="mddsz")
        self.assertEqual(mddsz.kind, Organisation.Kind.MINISTRY)
        self.assertTrue(OrganisationAlias.objects.filter(organisation=mddsz, alias="MDDSZ").exists())

    def test_it_changes_nothing_on_a_second_run(self) -> None:
        stamp = Organisation.objects.get(slug="mddsz").updated_at
        again = reference_load()
        self.assertEqual((again.created, again.updated), (0, 0))
        self.assertEqual(again.of("municipalities").unchanged, 212)
        self.assertEqual(Organisation.objects.get(slug="mddsz").updated_at, stamp)
        self.assertEqual(CentreUnit.objects.count(), 63)

    def test_it_restores_rows_edited_since(self) -> None:
        Region.objects.filter(code="12").update(name="Obalna")
        again = reference_load()
        self.assertEqual((again.created, again.updated), (0, 1))
        self.assertEqual(Region.objects.get(code="12").name, "Obalno-kraška")

    def test_it_is_atomic(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(shutil.copytree(DATA_DIR, Path(tmp) / "data"))
            _replace(data_dir / "statistical_regions.csv", "Obalno-kraška", "Changed")
            _replace(data_dir / "csd.csv", ",050,", ",999,")  # a municipality that does not exist
            with self.assertRaises(KeyError):
                reference_load(data_dir=data_dir)
        self.assertEqual(Region.objects.get(code="12").name, "Obalno-kraška")

    def test_it_refuses_a_registry_where_one_alias_names_two_organisations(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            registry = Path(tmp) / "organisations.csv"
            text = REGISTRY_PATH.read_text(encoding="utf-8") + "mddsz-copy,,Copy,ministry,MDDSZ\n"
            registry.write_text(text, encoding="utf-8")
            with (
                translation.override("en"),
                self.assertRaisesMessage(ValueError, "'MDDSZ' names both 'mddsz' and 'mddsz-copy'"),
            ):
                reference_load(registry_path=registry)
        self.assertFalse(Organisation.objects.filter(slug="mddsz-copy").exists())


class SplitAltNamesTests(SimpleTestCase):
    def test_it_splits_on_semicolons_and_drops_annotations(self) -> None:
        self.assertEqual(split_alt_names("A (former name); B;  ; C (x)"), ["A", "B", "C"])

    def test_it_returns_nothing_for_an_empty_cell(self) -> None:
        self.assertEqual(split_alt_names(""), [])


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
