"""The progress method (docs/progress-method.md), rule by rule: pure functions, no database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import TestCase

from django.utils import translation

from izvedba.monitoring import progress as p
from izvedba.monitoring.progress import IndicatorFacts, Point, Rating


def end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def facts(
    *values: tuple[int, float],
    target: float | None = 60,
    target_year: int = 2026,
    plan_start: int = 2017,
    **settings: object,
) -> IndicatorFacts:
    """Facts as the selector would read them from approved values given as (year, value) pairs."""
    points = [Point(Decimal(str(v)), end(y)) for y, v in sorted(values)]
    return IndicatorFacts(
        target=None if target is None else Decimal(str(target)),
        target_year=target_year,
        plan_start=plan_start,
        first=points[0] if points else None,
        latest=points[-1] if points else None,
        total=sum((pt.value for pt in points), Decimal(0)) if points else None,
        count=len(points),
        **settings,  # type: ignore[arg-type]
    )


class IndicatorRatingTests(TestCase):
    def test_it_rates_an_indicator_without_a_numeric_target_by_its_statement_only(self) -> None:
        result = p.indicator_progress(facts(target=None, statement="Mreža deluje."))
        self.assertEqual((result.rating, result.share, result.statement), (Rating.NO_TARGET, None, "Mreža deluje."))

    def test_it_needs_an_approved_value(self) -> None:
        result = p.indicator_progress(facts(baseline_value=Decimal(20), baseline_year=2016))
        self.assertEqual((result.rating, result.current, result.share), (Rating.INSUFFICIENT_DATA, None, None))

    def test_it_takes_the_first_approved_value_as_the_baseline_when_there_is_none(self) -> None:
        result = p.indicator_progress(facts((2018, 30), (2017, 20), (2020, 40)))
        self.assertEqual(result.baseline, Point(Decimal(20), end(2017)))
        self.assertEqual((result.current, result.current_on), (Decimal(40), end(2020)))
        self.assertEqual(result.share, 0.5)
        self.assertEqual(result.data_points, 3)

    def test_it_dates_a_baseline_value_by_its_year_or_the_year_before_the_plan(self) -> None:
        dated = p.indicator_progress(facts((2018, 30), baseline_value=Decimal(20), baseline_year=2015))
        undated = p.indicator_progress(facts((2018, 30), baseline_value=Decimal(20)))
        self.assertEqual(dated.baseline, Point(Decimal(20), end(2015)))
        self.assertEqual(undated.baseline, Point(Decimal(20), end(2016)))
        self.assertEqual(undated.data_points, 2)

    def test_it_calls_fewer_than_two_data_points_insufficient(self) -> None:
        result = p.indicator_progress(facts((2018, 30)))
        self.assertEqual((result.rating, result.share, result.data_points), (Rating.INSUFFICIENT_DATA, None, 1))

    def test_it_says_the_target_is_met_even_from_one_value(self) -> None:
        result = p.indicator_progress(facts((2018, 75)))
        self.assertEqual((result.rating, result.share), (Rating.TARGET_MET, 1.0))

    def test_it_rates_moderate_progress_with_the_compound_growth_rate(self) -> None:
        # docs/progress-method.md, first worked example.
        result = p.indicator_progress(facts((2023, 40), baseline_value=Decimal(20), baseline_year=2016))
        self.assertEqual((result.rating, result.method, result.share), (Rating.MODERATE, "compound", 0.5))
        self.assertAlmostEqual(result.actual_rate or 0, 0.1041, places=3)
        self.assertAlmostEqual(result.required_rate or 0, 0.1161, places=3)
        self.assertAlmostEqual(result.ratio or 0, 0.896, places=2)

    def test_it_rates_on_track_from_95_percent_of_the_required_rate(self) -> None:
        result = p.indicator_progress(facts((2023, 45), baseline_value=Decimal(20), baseline_year=2016))
        self.assertEqual(result.rating, Rating.ON_TRACK)
        self.assertGreaterEqual(result.ratio or 0, 0.95)

    def test_it_rates_off_track_below_half_the_required_rate(self) -> None:
        result = p.indicator_progress(facts((2023, 24), baseline_value=Decimal(20), baseline_year=2016))
        self.assertEqual(result.rating, Rating.OFF_TRACK)
        self.assertLess(result.ratio or 0, 0.5)

    def test_it_rates_a_value_moving_away_from_the_target_as_deteriorating(self) -> None:
        result = p.indicator_progress(facts((2023, 15), baseline_value=Decimal(20), baseline_year=2016))
        self.assertEqual(result.rating, Rating.DETERIORATING)
        self.assertLess(result.share or 0, 0)

    def test_it_calls_a_target_not_met_by_the_target_date_off_track(self) -> None:
        result = p.indicator_progress(facts((2026, 40), baseline_value=Decimal(20), baseline_year=2016))
        self.assertEqual(result.rating, Rating.OFF_TRACK)
        self.assertGreater(result.ratio or 0, 0.5)  # moderate by its rate, but the time is up

    def test_it_uses_the_plans_last_year_or_the_indicators_target_year(self) -> None:
        early = p.indicator_progress(
            facts((2023, 40), baseline_value=Decimal(20), baseline_year=2016, target_year=2023)
        )
        self.assertEqual((early.target_on, early.rating), (end(2023), Rating.OFF_TRACK))

    def test_it_rates_a_descending_target(self) -> None:
        # docs/progress-method.md, second worked example.
        result = p.indicator_progress(facts((2017, 90), (2020, 60), target=30, direction=p.DECREASE))
        self.assertEqual((result.rating, result.method), (Rating.ON_TRACK, "compound"))
        self.assertAlmostEqual(result.ratio or 0, 1.10, places=2)
        self.assertEqual(result.share, 0.5)

    def test_it_says_a_descending_target_is_met_at_or_below_it(self) -> None:
        result = p.indicator_progress(facts((2017, 90), (2020, 30), target=30, direction=p.DECREASE))
        self.assertEqual(result.rating, Rating.TARGET_MET)

    def test_it_rates_a_descending_indicator_that_rises_as_deteriorating(self) -> None:
        result = p.indicator_progress(facts((2017, 90), (2020, 95), target=30, direction=p.DECREASE))
        self.assertEqual(result.rating, Rating.DETERIORATING)

    def test_it_adds_up_a_cumulative_indicator_from_zero_with_the_linear_method(self) -> None:
        # docs/progress-method.md, third worked example.
        result = p.indicator_progress(facts((2017, 100), (2018, 120), (2019, 80), target=1000, cumulative=True))
        self.assertEqual(result.baseline, Point(Decimal(0), end(2016)))
        self.assertEqual((result.current, result.share, result.method), (Decimal(300), 0.3, "linear"))
        self.assertEqual((result.rating, result.data_points), (Rating.ON_TRACK, 4))

    def test_it_ignores_the_baseline_value_and_direction_of_a_cumulative_indicator(self) -> None:
        result = p.indicator_progress(
            facts((2017, 100), target=1000, cumulative=True, baseline_value=Decimal(500), direction=p.DECREASE)
        )
        self.assertEqual((result.baseline.value if result.baseline else None, result.direction), (0, p.INCREASE))
        self.assertEqual(result.rating, Rating.ON_TRACK)

    def test_it_says_a_cumulative_target_is_met_when_the_sum_reaches_it(self) -> None:
        result = p.indicator_progress(facts((2017, 600), (2018, 500), target=1000, cumulative=True))
        self.assertEqual((result.rating, result.share), (Rating.TARGET_MET, 1.1))

    def test_it_falls_back_to_linear_rates_from_a_zero_baseline(self) -> None:
        result = p.indicator_progress(facts((2016, 0), (2021, 25), target=50))
        self.assertEqual((result.method, result.rating), ("linear", Rating.ON_TRACK))

    def test_it_says_deteriorating_when_a_target_equal_to_the_baseline_is_lost(self) -> None:
        result = p.indicator_progress(facts((2018, 19), baseline_value=Decimal(20), baseline_year=2016, target=20))
        self.assertEqual((result.rating, result.share, result.ratio), (Rating.DETERIORATING, 0.0, None))

    def test_it_rates_an_indicator_whose_baseline_already_met_the_target_by_the_direction(self) -> None:
        kept = p.indicator_progress(facts((2018, 70), baseline_value=Decimal(80), baseline_year=2016, target=60))
        lost = p.indicator_progress(facts((2018, 50), baseline_value=Decimal(80), baseline_year=2016, target=60))
        self.assertEqual((kept.rating, lost.rating), (Rating.TARGET_MET, Rating.DETERIORATING))

    def test_it_needs_time_to_pass_since_the_baseline(self) -> None:
        result = p.indicator_progress(facts((2016, 30), baseline_value=Decimal(20), baseline_year=2016))
        self.assertEqual(result.rating, Rating.INSUFFICIENT_DATA)
        self.assertEqual(result.share, 0.25)

    def test_it_maps_ratios_to_ratings_at_the_documented_thresholds(self) -> None:
        cases = {0.95: Rating.ON_TRACK, 0.949: Rating.MODERATE, 0.5: Rating.MODERATE, 0.499: Rating.OFF_TRACK,
                 0.0: Rating.OFF_TRACK, -0.01: Rating.DETERIORATING}  # fmt: skip
        self.assertEqual({r: p.rate(r) for r in cases}, cases)
        self.assertEqual(p.rate(2.0, past_target_date=True), Rating.OFF_TRACK)


class DeadlineStateTests(TestCase):
    today = dt.date(2026, 6, 1)

    def test_it_says_done_when_the_last_approved_status_is_completed(self) -> None:
        state = p.deadline_state([dt.date(2025, 12, 31)], "completed", self.today)
        self.assertEqual(state, p.DeadlineState("done", None, dt.date(2025, 12, 31)))

    def test_it_says_overdue_by_the_days_since_the_last_deadline(self) -> None:
        state = p.deadline_state([dt.date(2025, 12, 31), dt.date(2026, 5, 22)], "in_progress", self.today)
        self.assertEqual(state, p.DeadlineState("overdue", 10, dt.date(2026, 5, 22)))

    def test_it_says_due_by_the_next_milestone(self) -> None:
        deadlines = [dt.date(2026, 12, 31), dt.date(2026, 3, 1), dt.date(2026, 6, 1)]
        self.assertEqual(p.deadline_state(deadlines, None, self.today), p.DeadlineState("due", 0, self.today))
        later = p.deadline_state(deadlines, "late", dt.date(2026, 6, 2))
        self.assertEqual(later, p.DeadlineState("due", 212, dt.date(2026, 12, 31)))

    def test_it_says_none_without_deadlines_or_when_abandoned(self) -> None:
        self.assertEqual(p.deadline_state([], "in_progress", self.today), p.DeadlineState("none"))
        self.assertEqual(p.deadline_state([dt.date(2020, 1, 1)], "abandoned", self.today), p.DeadlineState("none"))

    def test_it_writes_the_state_as_text(self) -> None:
        with translation.override("en"):
            self.assertEqual(p.DeadlineState("overdue", 1, self.today).text, "overdue by 1 day")
            self.assertEqual(p.DeadlineState("due", 3, self.today).text, "due in 3 days")


class SumTests(TestCase):
    def test_it_counts_every_status_with_zeros(self) -> None:
        counts = p.count_by_status(["late", "completed", "late", "not_reported", "bogus"])
        self.assertEqual(list(counts), list(p.STATUSES))
        self.assertEqual(counts, {"not_started": 0, "in_progress": 0, "completed": 1, "late": 2, "abandoned": 0,
                                  "not_reported": 2})  # fmt: skip

    def test_it_counts_planned_money_as_the_plan_page_does(self) -> None:
        years = range(2025, 2027)
        lines = [
            p.PlannedLine(1, "Proračun RS", "year", 2026, 100, years),
            p.PlannedLine(1, "Proračun RS", "per_year", None, 10, years),
            p.PlannedLine(2, "ESS+", "span", None, 900, years),
            p.PlannedLine(2, "", "total", None, 5, years),
        ]
        self.assertEqual(
            p.planned_table(lines),
            {"Proračun RS": {"2026": 110, "2025": 10}, "ESS+": {"span": 900}, "": {"undated": 5}},
        )
        self.assertEqual([p.line_total(line.basis, line.amount, len(years)) for line in lines], [100, 20, 900, 5])

    def test_it_compares_planned_and_spent_money_by_year_and_source(self) -> None:
        money = p.compare_money(
            {"Proračun RS": {"2025": 100, "2026": 200, "span": 50}, "": {"undated": 7}},
            {"Proračun RS": {2026: Decimal("150.5"), 2027: Decimal(10)}, "ESS+": {2025: Decimal(1)}},
        )
        self.assertEqual([(y.year, y.planned, y.spent) for y in money.years],
                         [(2025, 100, Decimal(1)), (2026, 200, Decimal("150.5")), (2027, 0, Decimal(10))])  # fmt: skip
        self.assertEqual([s.source for s in money.sources], ["Proračun RS", "ESS+", ""])
        first = money.sources[0]
        self.assertEqual((first.planned, first.planned_not_by_year, first.spent), (350, 50, Decimal("160.5")))
        self.assertEqual((money.planned, money.planned_not_by_year, money.spent), (357, 57, Decimal("161.5")))

    def test_it_sums_measures_up_by_goal_and_lists_the_overdue_and_off_track(self) -> None:
        off = p.IndicatorProgress(Rating.OFF_TRACK, Decimal(1), end(2026), p.INCREASE, False)
        on = p.IndicatorProgress(Rating.ON_TRACK, Decimal(1), end(2026), p.INCREASE, False)
        measures = [
            measure(1, goal=2, status="late", deadline=p.DeadlineState("overdue", 5, end(2025)), indicators=[off, on]),
            measure(2, goal=1, status="completed", deadline=p.DeadlineState("done")),
            measure(3, goal=2, status="not_reported", deadline=p.DeadlineState("overdue", 50, end(2025))),
            measure(4, goal=None),
        ]
        rows = p.goal_rows(measures)
        self.assertEqual([r.number for r in rows], [1, 2, None])
        goal2 = rows[1]
        self.assertEqual((goal2.measures, goal2.overdue, goal2.indicators_off_track), (2, 2, 1))
        self.assertEqual((goal2.by_status["late"], goal2.by_status["not_reported"]), (1, 1))
        self.assertEqual((goal2.planned, goal2.spent), (200, Decimal(20)))
        self.assertEqual([m.id for m in p.overdue_measures(measures)], [3, 1])
        self.assertEqual([(m.id, i.progress.rating) for m, i in p.off_track_indicators(measures)], [(1, off.rating)])


def measure(
    pk: int,
    *,
    goal: int | None,
    status: str = "in_progress",
    deadline: p.DeadlineState | None = None,
    indicators: list[p.IndicatorProgress] | None = None,
) -> p.MeasureProgress:
    return p.MeasureProgress(
        id=pk,
        code=str(pk),
        sub_index=0,
        title=f"Ukrep {pk}",
        parent_id=None,
        parent_code=None,
        goal_number=goal,
        goal_title=f"Cilj {goal}",
        implementation_status=status,
        deadline=deadline or p.DeadlineState("none"),
        reason="",
        indicators=[p.IndicatorSummary(pk * 10 + n, pk, "Kazalnik", "", g) for n, g in enumerate(indicators or [])],
        planned=100,
        spent=Decimal(10),
    )


class ExportRowTests(TestCase):
    def test_it_writes_a_row_per_indicator_and_one_for_a_measure_without(self) -> None:
        on = p.IndicatorProgress(Rating.ON_TRACK, Decimal(5), end(2026), p.INCREASE, False, share=0.5)
        rows = p.progress_rows([measure(1, goal=1, indicators=[on, on]), measure(2, goal=None)])
        self.assertEqual([(r["measure_id"], r["indicator_id"], r["rating"]) for r in rows],
                         [(1, 10, "on_track"), (1, 11, "on_track"), (2, None, None)])  # fmt: skip
        self.assertEqual(set(rows[0]), set(p.PROGRESS_FIELDS))
        self.assertEqual(set(rows[2]), set(p.PROGRESS_FIELDS))
