from __future__ import annotations

from datetime import date

from django.test import SimpleTestCase

from izvedba.monitoring import calendar


class WorkingDayTests(SimpleTestCase):
    def test_it_knows_weekends_and_public_holidays(self) -> None:
        self.assertTrue(calendar.is_working_day(date(2025, 12, 24)))  # Wednesday
        self.assertFalse(calendar.is_working_day(date(2025, 12, 25)))  # Christmas, Thursday
        self.assertFalse(calendar.is_working_day(date(2025, 12, 26)))  # Independence and Unity Day, Friday
        self.assertFalse(calendar.is_working_day(date(2025, 12, 27)))  # Saturday
        self.assertFalse(calendar.is_working_day(date(2026, 4, 6)))  # Easter Monday 2026
        self.assertFalse(calendar.is_working_day(date(2025, 4, 21)))  # Easter Monday 2025
        self.assertFalse(calendar.is_working_day(date(2027, 2, 8)))  # Prešeren Day, Monday
        self.assertFalse(calendar.is_working_day(date(2026, 1, 2)))  # 2 January is a holiday in Slovenia
        self.assertTrue(calendar.is_working_day(date(2026, 4, 7)))

    def test_it_moves_a_due_date_on_a_weekend_or_holiday_to_the_next_working_day(self) -> None:
        cases = {
            date(2025, 12, 25): date(2025, 12, 29),  # Thu and Fri holidays, then the weekend
            date(2026, 4, 4): date(2026, 4, 7),  # Saturday before Easter Monday
            date(2027, 2, 6): date(2027, 2, 9),  # Saturday, Sunday, Prešeren Day on Monday
            date(2025, 2, 8): date(2025, 2, 10),  # Prešeren Day on a Saturday: just the weekend
            date(2026, 3, 31): date(2026, 3, 31),  # a working day stays
            date(2026, 12, 31): date(2026, 12, 31),
            date(2026, 12, 26): date(2026, 12, 28),  # across the holidays into Monday
        }
        for due, effective in cases.items():
            with self.subTest(due=due):
                self.assertEqual(calendar.effective_due_date(due), effective)

    def test_it_counts_working_days_between_two_dates(self) -> None:
        self.assertEqual(calendar.working_days_between(date(2025, 12, 24), date(2025, 12, 29)), 1)
        self.assertEqual(calendar.working_days_between(date(2026, 3, 6), date(2026, 3, 9)), 1)  # Fri → Mon
        self.assertEqual(calendar.working_days_between(date(2026, 3, 2), date(2026, 3, 13)), 9)
        self.assertEqual(calendar.working_days_between(date(2026, 3, 13), date(2026, 3, 2)), -9)
        self.assertEqual(calendar.working_days_between(date(2026, 3, 2), date(2026, 3, 2)), 0)

    def test_it_counts_days_late_from_the_effective_due_date(self) -> None:
        due = date(2025, 12, 25)  # effectively Monday 29 December
        self.assertEqual(calendar.days_late(due, date(2025, 12, 27)), 0)
        self.assertEqual(calendar.days_late(due, date(2025, 12, 29)), 0)
        self.assertEqual(calendar.days_late(due, date(2025, 12, 30)), 1)
        self.assertEqual(calendar.days_late(due, date(2026, 1, 5)), 7)
        self.assertEqual(calendar.days_left(due, date(2025, 12, 20)), 9)
        self.assertEqual(calendar.days_left(due, date(2025, 12, 31)), -2)

    def test_it_keeps_the_reminder_thresholds_in_one_place(self) -> None:
        self.assertEqual(
            (calendar.DUE_SOON_DAYS, calendar.DUE_VERY_SOON_DAYS, calendar.ESCALATE_AFTER_DAYS_LATE), (14, 3, 7)
        )
