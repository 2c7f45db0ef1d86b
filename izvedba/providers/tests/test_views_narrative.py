"""Writing a section's or an area's text on the report page: saved through narrative_save, recorded in the
history, shown on the page; bad input gets a specific message and changes nothing."""

from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from izvedba.history.models import Change
from izvedba.providers.models import NarrativeBlock
from izvedba.providers.tests.views_cast import PASSWORD, ProvidersCast, make_providers_cast

SLUG = "csd-juzna-primorska"
TEXT = "Krizni center je bil v letu 2021 polno zaseden.\n\nSprejeli smo 38 otrok."


class NarrativeEditTests(TestCase):
    cast: ProvidersCast

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_providers_cast()

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.url = reverse("providers:narrative", args=[SLUG, 2021])
        self.page = reverse("providers:report", args=[SLUG, 2021])

    def log_in(self, name: str) -> None:
        self.assertTrue(self.client.login(username=name, password=PASSWORD))

    def test_it_offers_an_editor_under_every_section_and_area_to_the_providers_reporter(self) -> None:
        self.log_in("reporter")
        response = self.client.get(self.page)
        self.assertContains(response, 'data-narrative="section-1"')
        self.assertContains(response, 'data-narrative="section-4-kcm"')
        self.assertContains(response, 'id="id_section-4-kcm_text"')

    def test_it_offers_no_editor_to_those_who_only_read(self) -> None:
        self.log_in("viewer_region")
        self.assertNotContains(self.client.get(self.page), "data-narrative=")

    def test_it_saves_the_text_records_the_change_and_shows_it_on_the_page(self) -> None:
        self.log_in("reporter")
        response = self.client.post(self.url, {"section": 4, "area": "kcm", "text": TEXT})
        self.assertRedirects(response, f"{self.page}#section-4-kcm", fetch_redirect_response=False)
        block = NarrativeBlock.objects.get(provider=self.cast.provider, year=2021, section=4, area="kcm")
        self.assertEqual(block.text, TEXT)
        self.assertEqual(block.updated_by, self.cast.users["reporter"])
        change = Change.objects.for_object(block).get()
        self.assertEqual(change.user, self.cast.users["reporter"])
        self.assertEqual(change.changes["text"]["new"], TEXT)
        page = self.client.get(self.page)
        self.assertContains(page, "Krizni center je bil v letu 2021 polno zaseden.")
        self.assertContains(page, "Sprejeli smo 38 otrok.")

    def test_it_saves_a_sections_own_text(self) -> None:
        self.log_in("admin")
        self.client.post(self.url, {"section": 9, "area": "", "text": "Vsi cilji so bili doseženi."})
        self.assertTrue(NarrativeBlock.objects.filter(section=9, area="", text="Vsi cilji so bili doseženi.").exists())

    def test_it_refuses_an_area_the_section_does_not_have_and_stores_nothing(self) -> None:
        self.log_in("reporter")
        response = self.client.post(self.url, {"section": 5, "area": "kcm", "text": TEXT})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Section 5 has no area", status_code=400)
        self.assertFalse(NarrativeBlock.objects.exists())

    def test_it_refuses_a_section_the_report_does_not_have(self) -> None:
        self.log_in("reporter")
        response = self.client.post(self.url, {"section": 12, "area": "", "text": TEXT})
        self.assertContains(response, "no section 12", status_code=400)
        self.assertFalse(NarrativeBlock.objects.exists())

    def test_it_keeps_what_was_typed_when_the_text_is_refused(self) -> None:
        self.log_in("reporter")
        response = self.client.post(self.url, {"section": 4, "area": "kcm", "text": "x" * 50_001})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "at most 50000 characters", status_code=400)
        self.assertContains(response, 'id="section-4-kcm-edit" data-narrative="section-4-kcm" open', status_code=400)
        self.assertFalse(NarrativeBlock.objects.exists())

    def test_it_forbids_a_reader_who_may_not_edit(self) -> None:
        for name in ("viewer_region", "coordinator"):
            with self.subTest(name):
                self.log_in(name)
                response = self.client.post(self.url, {"section": 4, "area": "kcm", "text": TEXT})
                self.assertEqual(response.status_code, 403)
        self.assertFalse(NarrativeBlock.objects.exists())

    def test_it_does_not_find_another_providers_report(self) -> None:
        self.log_in("reporter_other")
        response = self.client.post(self.url, {"section": 4, "area": "kcm", "text": TEXT})
        self.assertEqual(response.status_code, 404)

    def test_it_accepts_only_posts(self) -> None:
        self.log_in("reporter")
        self.assertEqual(self.client.get(self.url).status_code, 405)
