from __future__ import annotations

from django.test import TestCase
from django.utils import translation

from izvedba.core.formatting import format_eur
from izvedba.demo.services import demo_load
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.progress.measures import STATUS_LABELS, STATUSES
from izvedba.monitoring.selectors import Progress, plan_progress
from izvedba.plans.models import Plan, PlanRisk
from izvedba.publications.contexts import monitoring_report_context, report_rounds
from izvedba.publications.monitoring_report import late_measures
from izvedba.publications.services import PublicationError, monitoring_report_render
from izvedba.publications.tests.helpers import docx_tables, docx_text, pdf_text, squeeze


class MonitoringReportTests(TestCase):
    docx: bytes
    plan: Plan
    round: Round
    risk: PlanRisk
    progress: Progress

    def setUp(self) -> None:
        super().setUp()
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)
        cls.plan = Plan.objects.get(slug="nin-2025-2026")
        cls.round = Round.objects.get(plan=cls.plan, label="2025")
        report = Report.objects.filter(round=cls.round, status=Report.Status.APPROVED).order_by("pk").first()
        assert report is not None
        cls.risk = PlanRisk.objects.create(plan=cls.plan, text="Premalo strokovnih delavcev na CSD", order=99)
        report.risks.add(cls.risk)
        Report.objects.filter(pk=report.pk).update(risks_other="Zamuda pri javnem naročilu")
        cls.progress = plan_progress(cls.plan, report_rounds(cls.round), today=cls.round.period_end)
        cls.docx = monitoring_report_render(round=cls.round, fmt="docx", language="en")

    def _table(self, first_header: str) -> list[list[str]]:
        return next(t for t in docx_tables(self.docx) if t[0][0] == first_header)

    def test_it_counts_the_measures_by_status_as_plan_progress_does(self) -> None:
        rows = {row[0]: row[1] for row in self._table("Status")}
        for status in STATUSES:
            with translation.override("en"):
                label = str(STATUS_LABELS[status])
            self.assertEqual(rows[label], str(self.progress.by_status[status]))
        self.assertEqual(rows["Total"], str(len(self.progress.measures)))
        self.assertGreater(self.progress.by_status["late"], 0)

    def test_it_shows_the_status_of_every_measure_and_of_every_goal(self) -> None:
        measures = self._table("No.")
        self.assertEqual(len(measures) - 1, len(self.progress.measures))
        goals = self._table("Goal")
        self.assertEqual([row[1] for row in goals[1:]], [str(g.measures) for g in self.progress.goals])

    def test_it_lists_the_late_measures_with_their_reasons(self) -> None:
        late = late_measures(self.progress)
        self.assertTrue(late)
        table = next(t for t in docx_tables(self.docx) if t[0] == ["No.", "Measure", "Deadline", "Reason"])
        self.assertEqual(len(table) - 1, len(late))
        for row, measure in zip(table[1:], late, strict=True):
            self.assertEqual(row[1], measure.title)
            self.assertEqual(row[3], measure.reason or "no reason given")

    def test_it_gives_money_planned_and_spent_by_source_as_the_database_holds_them(self) -> None:
        money = self._table("Funding source")
        rows = {row[0]: row for row in money}
        for source in self.progress.money.sources:
            self.assertEqual(rows[source.source or "Source not stated"][1], format_eur(source.planned, "en"))
            self.assertEqual(rows[source.source or "Source not stated"][2], format_eur(source.spent, "en"))
        self.assertEqual(rows["Total"][2], format_eur(self.progress.money.spent, "en"))
        self.assertGreater(self.progress.money.spent, 0)

    def test_it_shows_indicators_against_their_targets(self) -> None:
        table = self._table("Measure")
        self.assertEqual(len(table) - 1, len(self.progress.indicators))
        self.assertEqual(table[0][2:], ["Target", "Reached", "Assessment"])

    def test_it_lists_the_risks_the_rounds_approved_reports_met(self) -> None:
        text = docx_text(self.docx)
        self.assertIn("Premalo strokovnih delavcev na CSD | 1", text)
        self.assertIn("Zamuda pri javnem naročilu", text)

    def test_it_draws_two_charts_each_followed_by_its_data_table(self) -> None:
        text = docx_text(self.docx)
        self.assertIn("Figure 1: Measures by status", text)
        self.assertIn("Figure 2: Money planned and spent by funding source", text)
        self.assertIn("Table 1: Measures by status", text)

    def test_it_reads_the_context_in_a_fixed_number_of_queries(self) -> None:
        with self.assertNumQueries(13):
            monitoring_report_context(self.round)

    def test_it_writes_the_figures_into_the_pdf(self) -> None:
        text = squeeze(pdf_text(monitoring_report_render(round=self.round, fmt="pdf", language="sl")))
        self.assertIn(squeeze(self.plan.title), text)
        self.assertIn(format_eur(self.progress.money.spent, "sl"), text)
        first_late = late_measures(self.progress)[0]
        self.assertIn(" ".join(first_late.reason.split()[:2]), text)  # a table cell wraps its lines
        self.assertIn("Premalo strokovnih delavcev na CSD", text)

    def test_it_refuses_a_round_of_another_plan_and_languages_without_translations(self) -> None:
        regional = Plan.objects.get(kind=Plan.Kind.REGIONAL)
        with self.assertRaisesMessage(PublicationError, "belongs to another plan"):
            monitoring_report_render(round=self.round, plan=regional, fmt="docx")
        with self.assertRaisesMessage(PublicationError, "missing the Italian translation"):
            monitoring_report_render(round=self.round, fmt="docx", language="it")

    def test_it_reports_on_a_regional_plan_too(self) -> None:
        regional = Plan.objects.get(kind=Plan.Kind.REGIONAL)
        round_ = Round.objects.create(
            plan=regional,
            label="2014",
            period_start=self.round.period_start.replace(year=2014),
            period_end=self.round.period_end.replace(year=2014),
            due_date=self.round.due_date.replace(year=2015),
        )
        text = docx_text(monitoring_report_render(round=round_, fmt="docx", language="en"))
        self.assertIn(regional.title, text)
        self.assertIn(f"not reported | {regional.measures.count()}", text)
