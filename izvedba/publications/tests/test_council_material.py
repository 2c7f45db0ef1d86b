"""Council material for a municipality of a regional plan, in Slovenian, Italian and English — and refused in a
language with missing translations (read back from the DOCX with python-docx)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import docx
from django.test import TestCase
from django.utils import translation

from izvedba.demo.services import DATA_DIR as DEMO_DATA_DIR
from izvedba.documents.services import plan_import
from izvedba.geo.models import Municipality
from izvedba.geo.services import reference_load
from izvedba.plans.models import Plan
from izvedba.plans.services import plan_reference_load
from izvedba.publications.council_context import CouncilMaterialError
from izvedba.publications.council_material import TEXTS, CouncilMaterialRefused, council_material_render
from izvedba.publications.languages import (
    TranslationsLoadError,
    demo_translations_load,
    missing_fixed_texts,
    missing_translations,
    translations_load,
)
from izvedba.publications.models import MeasureText
from izvedba.rendering.kinds import render_kind

RIN = "rin-obalno-kraska-2014-2016.txt"


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


class CouncilMaterialTests(TestCase):
    plan: Plan
    koper: Municipality

    def setUp(self) -> None:
        super().setUp()
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)

    @classmethod
    def setUpTestData(cls) -> None:
        reference_load()
        plan_reference_load()
        cls.plan = plan_import(data=(DEMO_DATA_DIR / RIN).read_bytes(), filename=RIN).plan
        demo_translations_load()
        cls.koper = Municipality.objects.get(code="050")

    def _render(self, language: str, municipality: Municipality | None = None) -> str:
        data = council_material_render(
            plan=self.plan, municipality=municipality or self.koper, fmt="docx", language=language
        )
        return docx_text(data)

    def test_it_writes_koper_material_in_slovenian_with_both_official_names_and_the_measures(self) -> None:
        text = self._render("sl")
        lines = text.splitlines()
        self.assertEqual(lines[0], "MESTNA OBČINA KOPER")
        self.assertEqual(lines[1], "COMUNE CITTÀ DI CAPODISTRIA")
        with translation.override("sl"):
            subject = str(TEXTS["subject"]) % {"period": "2014–2016", "region": "Obalno-kraško"}
            resolution = str(TEXTS["resolution_urban"]) % {
                "name": "Koper",
                "period": "2014–2016",
                "region": "Obalno-kraško",
            }
            proposed = str(TEXTS["proposed"])
        self.assertIn(subject.upper(), text)
        self.assertIn(proposed, text)
        self.assertIn(resolution, text)
        self.assertIn("2.3 Vzpostavitev centra za demenco.", text)
        self.assertIn("3.2 Vzpostavitev mreže organizacij in služb", text)
        self.assertEqual(text.count("\n2."), 11)  # the 11 measures under goal 2, each on its own line

    def test_it_writes_koper_material_in_italian_with_italian_fixed_and_data_text(self) -> None:
        text = self._render("it")
        self.assertTrue(text.startswith("MESTNA OBČINA KOPER\nCOMUNE CITTÀ DI CAPODISTRIA"))
        self.assertIn("OGGETTO: PRESA D'ATTO DEL PIANO ESECUTIVO REGIONALE", text)
        self.assertIn("Misure alle quali partecipa il Comune", text)
        self.assertIn("2.3 Istituzione di un centro per la demenza.", text)
        self.assertIn("PROPOSTA DI DELIBERA:", text)
        self.assertIn(
            "Il Consiglio comunale del Comune città di Capodistria ha preso atto del piano esecutivo regionale nel "
            "settore della protezione sociale 2014–2016 per la regione statistica Obalno-kraška.",
            text,
        )
        self.assertNotIn("Vzpostavitev centra za demenco", text)  # no Slovenian data text mixed in

    def test_it_writes_the_english_material_from_the_english_titles(self) -> None:
        text = self._render("en")
        self.assertIn("The Municipal Council of the City Municipality of Koper has taken note", text)
        self.assertIn("2.3 Establishing a dementia centre.", text)
        self.assertIn("Coastal–Karst statistical region", text)

    def test_it_refuses_hungarian_with_the_list_of_measure_titles_that_have_no_hungarian_text(self) -> None:
        with self.assertRaises(CouncilMaterialRefused) as caught:
            self._render("hu")
        self.assertEqual(len(caught.exception.missing), 14)
        self.assertIn("title of measure 2.3 in hu", caught.exception.missing)
        self.assertIn("title of measure 2.3 in hu", str(caught.exception))

    def test_it_writes_hungarian_once_every_measure_has_a_hungarian_title(self) -> None:
        for measure in self.plan.measures.all():
            MeasureText.objects.create(measure=measure, language="hu", title=f"Magyar cím {measure.code}")
        text = self._render("hu")
        self.assertIn("TÁRGY:", text)
        self.assertIn("HATÁROZATI JAVASLAT:", text)
        self.assertIn("Koper Városi Község Képviselő-testülete tudomásul vette", text)
        self.assertIn("2.3 Magyar cím 2.3", text)

    def test_it_reports_fixed_text_missing_from_a_catalogue(self) -> None:
        missing = missing_fixed_texts([("council material", "A sentence no catalogue translates")], "it")
        self.assertEqual(missing, ["catalogue locale/it: “A sentence no catalogue translates”"])
        self.assertEqual(missing_fixed_texts([("council material", "A sentence no catalogue translates")], "en"), [])
        self.assertEqual(missing_translations("council-material", None, "de")[0][:18], "language “de”: doc")

    def test_it_uses_the_plain_municipality_name_for_a_municipality_that_is_not_bilingual(self) -> None:
        sezana = Municipality.objects.get(code="111")
        text = self._render("it", sezana)
        self.assertTrue(text.startswith("OBČINA SEŽANA\n"))
        self.assertIn("Il Consiglio comunale del Comune di Sežana ha preso atto", text)

    def test_it_refuses_a_municipality_the_plan_does_not_cover(self) -> None:
        ljubljana = Municipality.objects.get(code="061")
        with self.assertRaisesRegex(CouncilMaterialError, "does not cover Ljubljana; choose one of: .*050 Koper"):
            self._render("sl", ljubljana)

    def test_it_is_rendered_through_the_document_kinds_registry(self) -> None:
        data = render_kind("council-material", fmt="docx", language="it", plan=self.plan, municipality=self.koper)
        self.assertIn("PROPOSTA DI DELIBERA:", docx_text(data))

    def test_it_refuses_a_translations_file_naming_an_unknown_measure_and_stores_nothing(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "translations_hu.csv"
            path.write_text(
                "plan,code,title\n"
                "rin-obalno-kraska-2014-2016,2.3,Demencia központ\n"
                "rin-obalno-kraska-2014-2016,9.9,X\n",
                encoding="utf-8",
            )
            with self.assertRaisesRegex(TranslationsLoadError, "line 3: the plan “rin-obalno-kraska-2014-2016” has no"):
                translations_load(path, "hu")
        self.assertFalse(MeasureText.objects.filter(language="hu").exists())

    def test_it_loads_the_demo_translations_once(self) -> None:
        self.assertEqual(MeasureText.objects.filter(language="it").count(), 14)
        self.assertEqual(
            demo_translations_load(), ["Measure titles in en: 0 loaded.", "Measure titles in it: 0 loaded."]
        )
