from __future__ import annotations

from django.apps import apps
from django.test import TestCase
from django.utils import translation

from izvedba.core.text import name_key
from izvedba.organisations.models import CentreUnit, Organisation, OrganisationAlias
from izvedba.organisations.services import (
    organisation_merge,
    organisation_resolve,
    organisation_resolve_or_flag,
)


def make_organisation(slug: str, name: str, *aliases: str, **fields: object) -> Organisation:
    organisation = Organisation.objects.create(slug=slug, name=name, **fields)
    for alias in aliases:
        OrganisationAlias.objects.create(organisation=organisation, alias=alias, key=name_key(alias))
    return organisation


class OrganisationResolveTests(TestCase):
    zrsz: Organisation
    fsd: Organisation

    @classmethod
    def setUpTestData(cls) -> None:
        cls.zrsz = make_organisation(
            "zrsz",
            "Zavod Republike Slovenije za zaposlovanje",
            "ZRSZ",
            "Zavod RS za zaposlovanje",
            acronym="ZRSZ",
        )
        cls.fsd = make_organisation("fsd", "Fakulteta za socialno delo", acronym="FSD")  # no aliases

    def test_it_resolves_an_alias_whatever_the_case_spacing_and_diacritics(self) -> None:
        self.assertEqual(organisation_resolve("zavod  rs za  zaposlovanje"), self.zrsz)
        self.assertEqual(organisation_resolve("ZRSZ"), self.zrsz)

    def test_it_resolves_acronym_and_name_without_aliases(self) -> None:
        self.assertEqual(organisation_resolve("FSD"), self.fsd)
        self.assertEqual(organisation_resolve("fakulteta za socialno delo"), self.fsd)

    def test_it_returns_none_for_unknown_or_empty_names(self) -> None:
        self.assertIsNone(organisation_resolve("Neznana ustanova"))
        self.assertIsNone(organisation_resolve(" - "))


class OrganisationResolveOrFlagTests(TestCase):
    def test_it_flags_an_unknown_name_once(self) -> None:
        first = organisation_resolve_or_flag("Neznana ustanova")
        second = organisation_resolve_or_flag("NEZNANA  ustanova")
        self.assertEqual(first, second)
        self.assertEqual(Organisation.objects.count(), 1)
        self.assertEqual((first.name, first.slug), ("Neznana ustanova", "neznana-ustanova"))
        self.assertEqual((first.kind, first.needs_review), (Organisation.Kind.OTHER, True))
        self.assertEqual(list(first.aliases.values_list("alias", flat=True)), ["Neznana ustanova"])

    def test_it_returns_a_known_organisation_without_flagging(self) -> None:
        known = make_organisation("mz", "Ministrstvo za zdravje", "MZ", acronym="MZ")
        self.assertEqual(organisation_resolve_or_flag("MZ"), known)
        self.assertFalse(Organisation.objects.filter(needs_review=True).exists())

    def test_it_gives_a_flagged_organisation_a_unique_slug(self) -> None:
        make_organisation("drugi", "Nekaj drugega")
        make_organisation("drugi-2", "Še nekaj drugega")
        self.assertEqual(organisation_resolve_or_flag("Drugi").slug, "drugi-3")

    def test_it_collapses_line_breaks_in_the_written_name(self) -> None:
        self.assertEqual(organisation_resolve_or_flag("Izbrani\n izvajalci ").name, "Izbrani izvajalci")

    def test_it_refuses_a_name_without_letters(self) -> None:
        with self.assertRaises(ValueError):
            organisation_resolve_or_flag(" – ")


class OrganisationMergeTests(TestCase):
    source: Organisation
    target: Organisation

    @classmethod
    def setUpTestData(cls) -> None:
        cls.target = make_organisation("irssv", "Inštitut RS za socialno varstvo", "IRSSV", acronym="IRSSV")
        cls.source = make_organisation("institut", "Inštitut za soc. varstvo", "Inštitut za soc. varstvo")
        OrganisationAlias.objects.create(organisation=cls.source, alias="IRSV", key="irsv")

    def test_it_moves_the_aliases_and_deletes_the_source(self) -> None:
        organisation_merge(source=self.source, target=self.target)
        self.assertFalse(Organisation.objects.filter(slug="institut").exists())
        aliases = set(self.target.aliases.values_list("alias", flat=True))
        self.assertEqual(aliases, {"IRSSV", "Inštitut za soc. varstvo", "IRSV"})
        self.assertEqual(organisation_resolve("IRSV"), self.target)

    def test_it_keeps_the_source_name_as_an_alias(self) -> None:
        self.source.aliases.all().delete()
        organisation_merge(source=self.source, target=self.target)
        self.assertEqual(organisation_resolve("Inštitut za soc. varstvo"), self.target)

    def test_it_moves_references_from_other_apps(self) -> None:
        plan_model = apps.get_model("plans", "Plan")
        plan = plan_model._default_manager.create(
            kind="regional",
            title="RIN",
            slug="rin",
            period_start=2014,
            period_end=2016,
            coordinator=self.source,
        )
        organisation_merge(source=self.source, target=self.target)
        plan.refresh_from_db()
        self.assertEqual(plan.coordinator, self.target)

    def test_it_moves_centre_units(self) -> None:
        CentreUnit.objects.create(centre=self.source, name="Enota Koper", administrative_unit="Koper")
        organisation_merge(source=self.source, target=self.target)
        self.assertEqual(list(self.target.units.values_list("name", flat=True)), ["Enota Koper"])

    def test_it_repoints_organisations_marked_for_merging_into_the_source(self) -> None:
        other = make_organisation("other", "Inštitut", merge_into=self.source, needs_review=True)
        organisation_merge(source=self.source, target=self.target)
        other.refresh_from_db()
        self.assertEqual(other.merge_into, self.target)

    @translation.override("en")
    def test_it_refuses_to_merge_an_organisation_into_itself(self) -> None:
        with self.assertRaisesMessage(ValueError, "itself"):
            organisation_merge(source=self.source, target=self.source)
        self.assertTrue(Organisation.objects.filter(pk=self.source.pk).exists())

    @translation.override("en")
    def test_it_refuses_a_target_that_is_itself_marked_for_merging(self) -> None:
        third = make_organisation("tretji", "Tretji")
        self.target.merge_into = third
        self.target.save()
        with self.assertRaisesMessage(ValueError, "marked for merging"):
            organisation_merge(source=self.source, target=self.target)
        self.assertEqual(self.source.aliases.count(), 2)
