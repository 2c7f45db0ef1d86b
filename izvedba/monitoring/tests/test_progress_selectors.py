"""plan_progress and goal_progress read what approved reports of the counted rounds say, and nothing else."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import TestCase

from izvedba.monitoring.models import Round
from izvedba.monitoring.progress import IndicatorProgress, Point, Rating
from izvedba.monitoring.selectors import Progress, goal_progress, plan_progress
from izvedba.monitoring.tests.cast import Cast, make_cast
from izvedba.monitoring.tests.progress_data import make_history, make_report, make_round
from izvedba.plans.models import Goal, Resolution

TODAY = dt.date(2026, 6, 1)


class PlanProgressTests(TestCase):
    cast: Cast
    r2025: Round
    r2026: Round

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        history = make_history(cls.cast)
        cls.r2025, cls.r2026 = history.r2025, history.r2026

    def every_round(self) -> Progress:
        return plan_progress(self.cast.plan, Round.objects.filter(plan=self.cast.plan), today=TODAY)

    def published_rounds(self) -> Progress:
        rounds = Round.objects.filter(plan=self.cast.plan, published_at__isnull=False)
        return plan_progress(self.cast.plan, rounds, today=TODAY)

    def indicator(self, progress: Progress, pk: int) -> IndicatorProgress:
        return next(i.progress for _m, i in progress.indicators if i.id == pk)

    def test_it_lists_every_measure_with_its_sub_rows_after_it(self) -> None:
        c = self.cast
        progress = self.every_round()
        self.assertEqual([m.id for m in progress.measures], [c.m1.pk, c.m1_sub.pk, c.m2.pk, c.m3.pk])
        sub = progress.measures[1]
        self.assertEqual((sub.label, sub.parent_code, sub.goal_number), ("1/1", "1", 1))

    def test_it_takes_each_status_from_the_approved_report_in_the_latest_round(self) -> None:
        progress = self.every_round()
        statuses = [m.implementation_status for m in progress.measures]
        self.assertEqual(statuses, ["in_progress", "not_reported", "not_reported", "abandoned"])
        self.assertEqual(
            progress.by_status,
            {"not_started": 0, "in_progress": 1, "completed": 0, "late": 0, "abandoned": 1, "not_reported": 2},
        )
        self.assertEqual(progress.latest_round.id if progress.latest_round else None, self.r2026.pk)

    def test_it_counts_only_the_rounds_it_is_given(self) -> None:
        progress = self.published_rounds()
        self.assertEqual([r.id for r in progress.rounds], [self.r2025.pk])
        statuses = [m.implementation_status for m in progress.measures]
        self.assertEqual(statuses, ["in_progress", "completed", "late", "not_reported"])  # m3 was only submitted
        self.assertEqual(progress.money.spent, Decimal(1500))

    def test_it_works_out_deadline_states_from_milestones_and_the_last_approved_status(self) -> None:
        states = {m.id: (m.deadline.state, m.deadline.days, m.deadline.due_on) for m in self.every_round().measures}
        c = self.cast
        self.assertEqual(states[c.m1.pk], ("due", 213, dt.date(2026, 12, 31)))
        self.assertEqual(states[c.m1_sub.pk], ("done", None, dt.date(2026, 12, 31)))  # its measure's deadline
        self.assertEqual(states[c.m2.pk], ("overdue", 152, dt.date(2025, 12, 31)))
        self.assertEqual(states[c.m3.pk], ("none", None, None))  # abandoned

    def test_it_lists_overdue_measures_with_the_reason_their_report_gives(self) -> None:
        overdue = self.every_round().overdue
        self.assertEqual([(m.id, m.reason) for m in overdue], [(self.cast.m2.pk, "Zamuda pri javnem naročilu.")])

    def test_it_computes_indicator_progress_from_approved_values_only(self) -> None:
        c = self.cast
        progress = self.every_round()
        num = self.indicator(progress, c.ind_num.pk)
        self.assertEqual(num.baseline, Point(Decimal(40), dt.date(2025, 12, 31)))
        self.assertEqual((num.current, num.share, num.rating), (70, 0.5, Rating.ON_TRACK))
        cumulative = self.indicator(progress, c.ind_m2.pk)  # the 40 of a submitted report does not count
        self.assertEqual((cumulative.current, cumulative.share, cumulative.rating), (10, 0.2, Rating.MODERATE))
        text = self.indicator(progress, c.ind_text.pk)
        self.assertEqual((text.rating, text.statement), (Rating.NO_TARGET, "Mreža v dveh občinah"))
        self.assertEqual(self.indicator(progress, c.ind_sub.pk).rating, Rating.INSUFFICIENT_DATA)

    def test_it_rates_the_public_figures_from_published_rounds_only(self) -> None:
        num = self.indicator(self.published_rounds(), self.cast.ind_num.pk)
        self.assertEqual((num.current, num.rating), (40, Rating.INSUFFICIENT_DATA))

    def test_it_lists_indicators_off_track(self) -> None:
        c = self.cast
        make_report(make_round(c.plan, 2027), c.m1, "in_progress", values={c.ind_num: 41})
        off = [(m.id, i.id) for m, i in self.every_round().indicators_off_track]
        self.assertEqual(off, [(c.m1.pk, c.ind_num.pk)])

    def test_it_compares_planned_and_spent_money_by_year_and_source(self) -> None:
        money = self.every_round().money
        self.assertEqual([(y.year, y.planned, y.spent) for y in money.years],
                         [(2025, 0, Decimal(1500)), (2026, 12000, Decimal("2000.50"))])  # fmt: skip
        (source,) = money.sources
        self.assertEqual(
            (source.source, source.planned, source.planned_not_by_year), ("Proračun RS (test)", 17000, 5000)
        )
        self.assertEqual(source.spent, Decimal("3500.50"))

    def test_it_gives_each_measure_its_planned_and_spent_money(self) -> None:
        money = {m.id: (m.planned, m.spent) for m in self.every_round().measures}
        c = self.cast
        self.assertEqual(money[c.m1.pk], (15000, Decimal("3000.50")))
        self.assertEqual(money[c.m2.pk], (2000, Decimal(500)))
        self.assertEqual(money[c.m3.pk], (0, Decimal(0)))

    def test_it_sums_up_by_goal_with_sub_rows_under_their_measures_goal(self) -> None:
        goals = {g.number: g for g in self.every_round().goals}
        self.assertEqual(list(goals), [1, 2, None])
        self.assertEqual((goals[1].measures, goals[1].by_status["not_reported"], goals[1].planned), (2, 1, 15000))
        self.assertEqual((goals[2].overdue, goals[2].title), (1, "Dostopne storitve"))

    def test_it_reads_a_fixed_number_of_queries(self) -> None:
        with self.assertNumQueries(9):
            self.every_round()

    def test_it_says_not_reported_for_every_measure_without_counted_rounds(self) -> None:
        progress = plan_progress(self.cast.plan, Round.objects.none(), today=TODAY)
        self.assertEqual(progress.by_status["not_reported"], 4)
        self.assertEqual((progress.rounds, progress.latest_round, progress.money.spent), ([], None, 0))


class GoalProgressTests(TestCase):
    def test_it_sums_a_goal_across_plans_from_each_plans_latest_round(self) -> None:
        c = make_cast()
        resolution = Resolution.objects.create(code="ReNPSV-T", title="Test", period_start=2022, period_end=2030)
        goal = Goal.objects.create(resolution=resolution, number=1, title="Manj revščine")
        c.m1.goal = c.other_measure.goal = goal
        c.m1.save()
        c.other_measure.save()
        make_report(make_round(c.plan, 2025), c.m1, "late", reason="Kadri.")
        make_report(make_round(c.other_plan, 2026), c.other_measure, "completed", spending={c.other_line: 7})
        rounds = Round.objects.filter(plan__in=[c.plan, c.other_plan])
        progress = goal_progress(goal, rounds, today=TODAY)
        self.assertEqual([m.id for m in progress.measures], [c.m1.pk, c.m1_sub.pk, c.other_measure.pk])
        self.assertEqual([m.implementation_status for m in progress.measures], ["late", "not_reported", "completed"])
        self.assertEqual(len(progress.latest_rounds), 2)
        self.assertEqual((progress.money.planned, progress.money.spent), (1_015_000, Decimal(7)))
