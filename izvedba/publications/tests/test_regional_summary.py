from __future__ import annotations

from django.test import TestCase
from django.utils import translation

from izvedba.demo.services import demo_load
from izvedba.plans.models import ContextIndicator, Measure, Plan, PlanPriority, PlanRisk, Responsibility
from izvedba.publications.contexts import regional_summary_context
from izvedba.publications.regional_summary import ContextFigure, figure_value
from izvedba.publications.services import PublicationError, regional_summary_render
from izvedba.publications.tests.helpers import docx_tables, docx_text, pdf_text, squeeze

REGIONAL = "rin-obalno-kraska-2014-2016"


class RegionalSummaryTests(TestCase):
    docx: bytes
    plan: Plan

    def setUp(self) -> None:
        super().setUp()
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)
        cls.plan = Plan.objects.get(slug=REGIONAL)
        cls.docx = regional_summary_render(plan=cls.plan, fmt="docx", language="en")

    def test_it_names_the_region_the_coordinating_centre_and_who_appointed_it(self) -> None:
        text = docx_text(self.docx)
        assert self.plan.region is not None and self.plan.coordinator is not None
        self.assertIn(self.plan.region.name, text)
        self.assertIn(f"Coordinating centre: {self.plan.coordinator.name}.", text)
        self.assertIn(f"Appointed by: {self.plan.coordinator_appointed_by}.", text)
        self.assertIn("26 Feb 2014", text)

    def test_it_lists_the_coordination_group_municipalities_and_centres(self) -> None:
        text = docx_text(self.docx)
        for seat in self.plan.group_seats.all():
            self.assertIn(f"{seat.category} | {seat.count}", text)
        self.assertIn("Total | 21", text)
        for name in ("Sežana", "Piran-Comune di Pirano", "Mestna občina Koper-Comune di Capodistria"):
            self.assertIn(name, text)
        for centre in self.plan.centres.all():
            self.assertIn(centre.name, text)

    def test_it_shows_the_context_figures_as_the_database_holds_them_with_year_and_source(self) -> None:
        rows = {row[0]: row for table in docx_tables(self.docx) for row in table if len(row) == 4}
        indicators = list(ContextIndicator.objects.filter(plan=self.plan))
        self.assertTrue(indicators)
        for indicator in indicators:
            figure = ContextFigure(indicator.name, indicator.value, indicator.unit, indicator.year, "")
            self.assertEqual(rows[indicator.name][1], figure_value(figure, "en"))
            self.assertEqual(rows[indicator.name][2], str(indicator.year))
            self.assertEqual(rows[indicator.name][3], indicator.source_text or "—")
        self.assertEqual(rows["indeks staranja"][1], "134.5")

    def test_it_lists_the_priorities_and_the_risks(self) -> None:
        text = docx_text(self.docx)
        for priority in PlanPriority.objects.filter(plan=self.plan):
            self.assertIn(priority.text, text)
        for risk in PlanRisk.objects.filter(plan=self.plan):
            self.assertIn(risk.text, text)

    def test_it_puts_every_measure_under_its_goal_with_deadline_holders_and_sources(self) -> None:
        tables = docx_tables(self.docx)
        goal_tables = [t for t in tables if t[0][:2] == ["No.", "Measure"]]
        measures = Measure.objects.filter(plan=self.plan).select_related("goal", "parent__goal")
        self.assertEqual(sum(len(t) - 1 for t in goal_tables), measures.count())
        text = docx_text(self.docx)
        for measure in measures:
            goal = measure.goal or (measure.parent.goal if measure.parent else None)
            assert goal is not None
            self.assertIn(f"Goal {goal.number}: {goal.title}", text)
            self.assertIn(measure.title, text)
        holder = Responsibility.objects.filter(measure__plan=self.plan, role="holder").first()
        assert holder is not None
        self.assertIn(holder.name_as_written, text)
        self.assertIn("31 Dec 2016", text)

    def test_it_reads_the_context_in_a_fixed_number_of_queries(self) -> None:
        with self.assertNumQueries(11):
            regional_summary_context(self.plan)

    def test_it_writes_the_same_parts_into_the_pdf(self) -> None:
        text = squeeze(pdf_text(regional_summary_render(plan=self.plan, fmt="pdf", language="sl")))
        assert self.plan.region is not None and self.plan.coordinator is not None
        self.assertIn(self.plan.region.name, text)
        self.assertIn(self.plan.coordinator.name, text)
        self.assertIn("Hrpelje-Kozina", text)
        self.assertIn("134,5", text)
        self.assertIn(squeeze(PlanRisk.objects.filter(plan=self.plan).first().text), text)  # type: ignore[union-attr]

    def test_it_refuses_a_national_plan_and_languages_without_translations(self) -> None:
        national = Plan.objects.get(kind=Plan.Kind.NATIONAL)
        with self.assertRaisesMessage(PublicationError, "is a national plan"):
            regional_summary_render(plan=national, fmt="docx")
        with self.assertRaisesMessage(PublicationError, "missing the Hungarian translation"):
            regional_summary_render(plan=self.plan, fmt="docx", language="hu")
