"""manage.py import_plan PATH [--dry-run] [--format json] [--replace]"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from izvedba.documents.importers import DocumentError, ParsedPlan
from izvedba.documents.importers.errors import too_large
from izvedba.documents.services import document_parse, plan_import
from izvedba.plans.services import PlanExistsError


class Command(BaseCommand):
    help = "Import an implementation plan from a .docx, .pdf or text file; exit code 2 for a bad document."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="parse only; store nothing")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--replace", action="store_true", help="replace a plan imported from another file")

    def handle(self, *args: Any, **options: Any) -> None:
        data = self._read(options["path"])
        try:
            if options["dry_run"]:
                self._report(document_parse(data=data, filename=options["path"].name), options["format"])
                return
            outcome = plan_import(data=data, filename=options["path"].name, replace=options["replace"])
        except (DocumentError, PlanExistsError) as exc:
            raise CommandError(f"{options['path']}: {exc}", returncode=2) from exc
        plan = outcome.plan
        if outcome.unchanged:
            self.stdout.write(f"Unchanged: this file was already imported as plan {plan.pk} “{plan.title}”.")
            return
        if options["format"] == "json" and outcome.parsed:
            self.stdout.write(json.dumps({"id": plan.pk, **outcome.parsed.to_dict()}, ensure_ascii=False, indent=2))
            return
        self.stdout.write(self.style.SUCCESS(f"Imported plan {plan.pk} “{plan.title}”."))
        if outcome.parsed:
            self._summary(outcome.parsed)
        if outcome.flagged:
            self.stdout.write(f"New names for a data steward to review: {', '.join(outcome.flagged)}")

    def _read(self, path: Path) -> bytes:
        if not path.is_file():
            raise CommandError(f"{path}: no such file.", returncode=2)
        size = path.stat().st_size
        if size > settings.IZVEDBA_IMPORT_MAX_BYTES:
            raise CommandError(f"{path}: {too_large(size, settings.IZVEDBA_IMPORT_MAX_BYTES)}", returncode=2)
        return path.read_bytes()

    def _report(self, parsed: ParsedPlan, fmt: str) -> None:
        if fmt == "json":
            self.stdout.write(json.dumps(parsed.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"{parsed.title} ({parsed.kind}, {parsed.period_start}–{parsed.period_end})")
            self._summary(parsed)
            self.stdout.write("Dry run: nothing was stored.")

    def _summary(self, parsed: ParsedPlan) -> None:
        subs = sum(len(m.sub_rows) for m in parsed.measures)
        warnings = len(parsed.warnings) + sum(len(m.warnings) for m in parsed.measures)
        self.stdout.write(
            f"{len(parsed.measures)} measures ({subs} sub-rows) under {len(parsed.goals)} goals; "
            f"{len(parsed.municipalities)} municipalities; {warnings} warnings."
        )
        for warning in parsed.warnings:
            self.stdout.write(f"  warning: {warning}")
        for measure in parsed.measures:
            for warning in measure.warnings:
                self.stdout.write(f"  warning ({measure.code}): {warning}")
