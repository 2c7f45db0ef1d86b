"""manage.py load_demo: reference data, then the demo plans imported from the copies of the seed documents."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from izvedba.demo.services import demo_load


class Command(BaseCommand):
    help = "Load reference data and import the demo plans (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        for line in demo_load(progress=self.stdout.write):
            self.stdout.write(line)
