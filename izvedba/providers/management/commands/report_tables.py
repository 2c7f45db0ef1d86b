"""manage.py report_tables --provider SLUG --year YEAR --format json: every report table and check."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from izvedba.providers.selectors import provider_by_slug, report_tables, report_tables_json, table_json


class Command(BaseCommand):
    help = "Print a provider's report tables for a year, computed from the finest-grain data, with their checks."
    # A read-only report: skipping the system checks (which import every URL module) halves the run time.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--provider", required=True, help="The provider's slug, e.g. csd-juzna-primorska.")
        parser.add_argument("--year", required=True, type=int, help="The report year, e.g. 2021.")
        parser.add_argument("--format", choices=("json", "text"), default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        provider = provider_by_slug(options["provider"])
        if provider is None:
            raise CommandError(f"No provider “{options['provider']}”. Load the demo (make demo) or check the slug.")
        report = report_tables(provider=provider, year=options["year"])
        if options["format"] == "json":
            self.stdout.write(json.dumps(report_tables_json(report), ensure_ascii=False, indent=1))
            return
        for table in report.tables.values():
            data = table_json(table)
            self.stdout.write(f"\n{data['key']}: {data['title']}")
            self.stdout.write("  | ".join(["", *data["columns"]]))
            for row in [*data["rows"], *([data["total"]] if data["total"] else [])]:
                self.stdout.write(f"{row['label']}: {row['cells']}")
        for check in report.mismatches:
            self.stdout.write(
                f"MISMATCH {check.table}: {check.detail} (printed {check.printed}, computed {check.computed})"
            )
