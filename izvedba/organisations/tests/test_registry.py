"""The registry in organisations/data/organisations.csv resolves what the seed plans write."""

from __future__ import annotations

import csv

from django.test import SimpleTestCase, TestCase
from django.utils.text import slugify

from izvedba.core.text import name_key
from izvedba.geo.services import REGISTRY_PATH, reference_load, registry_aliases
from izvedba.organisations.models import Organisation
from izvedba.organisations.services import organisation_resolve

# Holders ("Nosilec ukrepa") and participants ("Sodelujoči") as the NIN 2025–2026 (004) and the
# Obalno-kraška RIN 2014–2016 summary (000) write them, with the registry row each one means.
WRITTEN = {
    "MDDSZ": "mddsz",
    "Ministrstvo za delo, družino, socialne zadeve in enake možnosti": "mddsz",
    "Ministrstva za delo, družino socialne zadeve in enake možnosti": "mddsz",
    "MSP": "msp",
    "MZ": "mz",
    "MJU": "mju",
    "MVI": "mvi",
    "MOPE": "mope",
    "MF": "mf",
    "Vlada RS": "vlada-rs",
    "Uprava RS za probacijo": "uprava-za-probacijo",
    "IRSSV": "irssv",
    "Inštitut RS za socialno varstvo": "irssv",
    "Inštitut Republike Slovenije za socialno varstvo": "irssv",
    "ZRSZ": "zrsz",
    "Zavod RS za zaposlovanje": "zrsz",
    "NIJZ": "nijz",
    "ZZZS": "zzzs",
    "Eko sklad": "eko-sklad",
    "FSD": "fsd",
    "SCSD": "scsd",
    "SZS": "szs",
    "SSZS": "sszs",
    "CNVOS": "cnvos",
    "Združenje Spominčica": "spomincica",
    "VZ Planina": "vz-planina",
    "Socialno varstveni zavod Dutovlje": "svz-dutovlje",
    "CSD": "csd",
    "Centri za socialno delo": "csd",
    "centri za socialno delo": "csd",
    "CSD - ji": "csd",
    "NVO": "nvo",
    "nevladne organizacije": "nvo",
    "nevladni sektor": "nvo",
    "občine": "obcine",
    "lokalne skupnosti": "obcine",
    "lokalne skupnost": "obcine",
    "ZD": "zd",
    "DSO": "dso",
    "PSVZ": "psvz",
    "Posebni socialno varstveni zavodi (PSVZ)": "psvz",
    "VDC": "vdc",
    "CUDV": "cudv",
    "SVP": "svp",
    "Izvajalci socialnovarstvenih programov": "svp",
    "izvajalci socialno varstvenih programov": "svp",
    "izvajalci PND": "izvajalci-pnd",
    "SV zavodi": "sv-zavodi",
    "Zastopniki pravic oseb na področju duševnega zdravja": "zastopniki-pravic",
    "zastopniki pravic osebna področju duševnega zdravja": "zastopniki-pravic",
    "humanitarne organizacije": "humanitarne-organizacije",
}


class RegistryResolveTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        reference_load()

    def test_it_resolves_every_holder_and_participant_the_plans_write(self) -> None:
        for written, slug in WRITTEN.items():
            with self.subTest(written=written):
                found = organisation_resolve(written)
                self.assertEqual(found.slug if found else None, slug)

    def test_it_resolves_the_ministry_by_acronym(self) -> None:
        mddsz = organisation_resolve("MDDSZ")
        assert mddsz is not None
        self.assertEqual(mddsz.name, "Ministrstvo za delo, družino, socialne zadeve in enake možnosti")
        self.assertEqual(mddsz.kind, Organisation.Kind.MINISTRY)

    def test_it_resolves_the_group_of_centres_apart_from_one_centre(self) -> None:
        group = organisation_resolve("Centri za socialno delo")
        centre = organisation_resolve("CSD Južna Primorska")
        assert group is not None and centre is not None
        self.assertEqual(group.kind, Organisation.Kind.GROUP)
        self.assertEqual(centre.slug, "csd-juzna-primorska")
        self.assertEqual(centre.kind, Organisation.Kind.CSD)

    def test_it_flags_nothing(self) -> None:
        self.assertFalse(Organisation.objects.filter(needs_review=True).exists())


class RegistryFileTests(SimpleTestCase):
    def rows(self) -> list[dict[str, str]]:
        with REGISTRY_PATH.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def test_it_has_the_documented_columns(self) -> None:
        self.assertEqual(list(self.rows()[0]), ["slug", "acronym", "name", "kind", "aliases"])

    def test_it_uses_known_kinds_and_clean_unique_slugs(self) -> None:
        rows = self.rows()
        for row in rows:
            with self.subTest(slug=row["slug"]):
                self.assertIn(row["kind"], Organisation.Kind.values)
                self.assertEqual(slugify(row["slug"]), row["slug"])
                self.assertTrue(row["name"])
        self.assertEqual(len({row["slug"] for row in rows}), len(rows))

    def test_it_gives_each_written_form_to_one_organisation(self) -> None:
        keys = [name_key(alias) for row in self.rows() for alias in registry_aliases(row)]
        self.assertEqual(len(keys), len(set(keys)))
