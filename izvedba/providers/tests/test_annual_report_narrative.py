"""narrative_save: the text of a section or area, with history; bad sections, areas and years store nothing."""

from __future__ import annotations

from django.test import TestCase
from django.utils import translation

from izvedba.accounts.models import User
from izvedba.history.models import Change
from izvedba.history.selectors import changes_for
from izvedba.providers.models import NarrativeBlock, Provider
from izvedba.providers.services.narrative import NarrativeInvalid, narrative_save
from izvedba.providers.tests.support import load_structure


class NarrativeSaveTests(TestCase):
    provider: Provider
    user: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_structure()
        cls.user = User.objects.create_user("urska", "urska@example.org", "geslo-za-test")

    def save(self, text: str, section: int = 4, area: str = "kcm", year: int = 2021) -> NarrativeBlock | None:
        return narrative_save(provider=self.provider, year=year, section=section, area=area, text=text, user=self.user)

    def test_it_stores_the_text_and_who_wrote_it_and_records_the_change(self) -> None:
        block = self.save("  Prvi odstavek.\r\n\r\nDrugi.  ")
        assert block is not None
        self.assertEqual(block.text, "Prvi odstavek.\n\nDrugi.")
        self.assertEqual(block.updated_by, self.user)
        [change] = changes_for(block)
        self.assertEqual(change.action, Change.Action.CREATE)
        self.assertEqual(change.changes, {"text": {"old": None, "new": "Prvi odstavek.\n\nDrugi."}})

    def test_editing_records_old_and_new_and_the_same_text_records_nothing(self) -> None:
        block = self.save("Prvo.")
        self.save("Drugo.")
        self.save("Drugo.")
        assert block is not None
        changes = list(changes_for(block))
        self.assertEqual(len(changes), 2)
        self.assertEqual(changes[0].changes, {"text": {"old": "Prvo.", "new": "Drugo."}})
        self.assertEqual(NarrativeBlock.objects.get().text, "Drugo.")

    def test_a_section_has_its_own_text_beside_its_areas(self) -> None:
        self.save("O razdelku.", area="")
        self.save("O KCM.")
        self.assertEqual(
            sorted(NarrativeBlock.objects.values_list("section", "area", "text")),
            [(4, "", "O razdelku."), (4, "kcm", "O KCM.")],
        )

    def test_empty_text_removes_the_block_and_records_it(self) -> None:
        block = self.save("Besedilo.")
        assert block is not None
        self.assertIsNone(self.save("   "))
        self.assertFalse(NarrativeBlock.objects.exists())
        actions = Change.objects.filter(object_id=block.pk).values_list("action", flat=True)
        self.assertEqual(sorted(actions), ["create", "delete"])

    def test_a_section_that_does_not_exist_is_refused(self) -> None:
        with translation.override("en"), self.assertRaisesMessage(NarrativeInvalid, "no section 12; its sections are"):
            self.save("Besedilo.", section=12, area="")
        self.assertFalse(NarrativeBlock.objects.exists())

    def test_an_area_the_section_does_not_have_is_refused_with_its_areas(self) -> None:
        with translation.override("en"), self.assertRaisesMessage(NarrativeInvalid, "Section 2 has no area “kcm”"):
            self.save("Besedilo.", section=2, area="kcm")
        with translation.override("en"), self.assertRaisesMessage(NarrativeInvalid, "its areas are: regular, "):
            self.save("Besedilo.", section=4, area="nowhere")
        self.assertFalse(NarrativeBlock.objects.exists())
        self.assertFalse(Change.objects.exists())

    def test_an_impossible_year_is_refused(self) -> None:
        with translation.override("en"), self.assertRaisesMessage(NarrativeInvalid, "The report year 21 is not"):
            self.save("Besedilo.", year=21)
