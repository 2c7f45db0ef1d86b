"""manage.py send_reminders [--date YYYY-MM-DD] [--dry-run]

Run it daily from cron (e.g. `15 7 * * 1-5`). It asks nothing, prints one summary line, and is idempotent per day:
a second run on the same day sends nothing already sent.
"""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from izvedba.monitoring.services.reminders import reminders_send


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.") from None


class Command(BaseCommand):
    help = "E-mail reminders about reports due within 14 and 3 days or late, and escalate week-late ones."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--date", type=iso_date, help="the day to send for (default: today in Ljubljana)")
        parser.add_argument("--dry-run", action="store_true", help="count what would be sent; send and store nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["date"] or timezone.localdate()
        summary = reminders_send(today=today, dry_run=options["dry_run"])
        self.stdout.write(summary.line())
