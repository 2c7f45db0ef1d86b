from __future__ import annotations

from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse

from izvedba.accounts.models import User
from izvedba.core.text import name_key
from izvedba.organisations.models import CentreUnit, Organisation, OrganisationAlias
from izvedba.organisations.services import organisation_resolve, organisation_resolve_or_flag


def change_url(organisation: Organisation) -> str:
    return reverse("admin:organisations_organisation_change", args=[organisation.pk])


def change_form_data(organisation: Organisation, **changes: Any) -> dict[str, Any]:
    """What the change form posts for `organisation` as it is, with `changes` applied."""
    aliases = list(organisation.aliases.all())
    data: dict[str, Any] = {
        "name": organisation.name,
        "acronym": organisation.acronym,
        "slug": organisation.slug,
        "kind": organisation.kind,
        "seat": organisation.seat,
        "municipality": "",
        "needs_review": "on" if organisation.needs_review else "",
        "merge_into": "",
        "aliases-TOTAL_FORMS": str(len(aliases) + 1),
        "aliases-INITIAL_FORMS": str(len(aliases)),
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        f"aliases-{len(aliases)}-alias": "",
    }
    for i, alias in enumerate(aliases):
        data |= {
            f"aliases-{i}-id": alias.pk,
            f"aliases-{i}-organisation": organisation.pk,
            f"aliases-{i}-alias": alias.alias,
        }
    return data | changes


class OrganisationAdminTests(TestCase):
    ana: User
    zrsz: Organisation
    flagged: Organisation

    @classmethod
    def setUpTestData(cls) -> None:
        cls.ana = User.objects.create_superuser("ana", "ana@example.org", "x")
        cls.zrsz = Organisation.objects.create(
            slug="zrsz", name="Zavod Republike Slovenije za zaposlovanje", acronym="ZRSZ", kind="public_body"
        )
        OrganisationAlias.objects.create(
            organisation=cls.zrsz, alias="Zavod RS za zaposlovanje", key="zavodrszazaposlovanje"
        )
        cls.flagged = organisation_resolve_or_flag("Zavod za zaposlovanje RS")

    def setUp(self) -> None:
        self.client.force_login(self.ana)

    def test_it_lists_and_filters_organisations_that_need_review(self) -> None:
        response = self.client.get(reverse("admin:organisations_organisation_changelist"), {"needs_review__exact": "1"})
        self.assertContains(response, "Zavod za zaposlovanje RS")
        self.assertNotContains(response, "Zavod Republike Slovenije za zaposlovanje")

    def test_it_finds_an_organisation_by_alias(self) -> None:
        response = self.client.get(reverse("admin:organisations_organisation_changelist"), {"q": "Zavod RS za"})
        self.assertContains(response, "Zavod Republike Slovenije za zaposlovanje")

    def test_it_merges_a_flagged_organisation_through_the_change_form(self) -> None:
        data = change_form_data(self.flagged, merge_into=self.zrsz.pk)
        response = self.client.post(change_url(self.flagged), data)
        self.assertRedirects(response, change_url(self.zrsz))
        self.assertFalse(Organisation.objects.filter(pk=self.flagged.pk).exists())
        self.assertEqual(organisation_resolve("Zavod za zaposlovanje RS"), self.zrsz)
        [message] = [str(m) for m in get_messages(response.wsgi_request)]
        self.assertIn("Zavod za zaposlovanje RS", message)
        self.assertIn("ZRSZ", message)
        self.assertTrue(LogEntry.objects.filter(object_id=str(self.zrsz.pk)).exists())

    def test_it_moves_an_alias_added_in_the_same_save(self) -> None:
        data = change_form_data(self.flagged, merge_into=self.zrsz.pk) | {"aliases-1-alias": "ZRSZ OE Koper"}
        self.client.post(change_url(self.flagged), data)
        self.assertEqual(organisation_resolve("ZRSZ OE Koper"), self.zrsz)

    def test_it_refuses_to_merge_into_an_organisation_marked_for_merging(self) -> None:
        other = organisation_resolve_or_flag("Zavod za zaposlovanje")
        other.merge_into = self.zrsz
        other.save()
        response = self.client.post(change_url(self.flagged), change_form_data(self.flagged, merge_into=other.pk))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["adminform"].form.errors["merge_into"])
        self.assertTrue(Organisation.objects.filter(pk=self.flagged.pk).exists())

    def test_it_saves_an_ordinary_change_without_merging(self) -> None:
        response = self.client.post(change_url(self.flagged), change_form_data(self.flagged, acronym="ZZ"))
        self.assertRedirects(response, reverse("admin:organisations_organisation_changelist"))
        self.flagged.refresh_from_db()
        self.assertEqual(self.flagged.acronym, "ZZ")

    def test_it_sets_the_key_of_an_alias_added_inline(self) -> None:
        data = change_form_data(self.zrsz) | {"aliases-1-alias": "Zavod za zaposlovanje Slovenije"}
        self.client.post(change_url(self.zrsz), data)
        alias = OrganisationAlias.objects.get(alias="Zavod za zaposlovanje Slovenije")
        self.assertEqual((alias.organisation, alias.key), (self.zrsz, name_key(alias.alias)))

    def test_it_confirms_flagged_organisations_with_a_list_action(self) -> None:
        data = {"action": "confirm_known", "_selected_action": [self.flagged.pk]}
        self.client.post(reverse("admin:organisations_organisation_changelist"), data)
        self.flagged.refresh_from_db()
        self.assertFalse(self.flagged.needs_review)

    def test_it_shows_the_units_of_a_centre(self) -> None:
        centre = Organisation.objects.create(slug="csd-celje", name="Center za socialno delo Celje", kind="csd")
        CentreUnit.objects.create(centre=centre, name="Enota Laško", administrative_unit="Laško")
        self.assertContains(self.client.get(change_url(centre)), "Enota Laško")
