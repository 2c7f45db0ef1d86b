"""Shared set-up for the providers tests: reference data, definitions and the demo provider."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from django.utils import translation

from izvedba.geo.services import reference_load
from izvedba.providers.models import Provider
from izvedba.providers.selectors import ReportTables, report_tables
from izvedba.providers.services.demo import DEMO_PROVIDER, demo_load
from izvedba.providers.services.structure import DATA_DIR, definitions_load, provider_structure_load, providers_sync
from izvedba.providers.tables.engine import Table


def load_structure() -> Provider:
    """Reference data, definitions, the 16 providers and CSD Južna Primorska's structure (no figures)."""
    reference_load()
    definitions_load()
    providers_sync()
    provider = Provider.objects.get(organisation__slug=DEMO_PROVIDER)
    provider_structure_load(provider=provider, directory=DATA_DIR / DEMO_PROVIDER)
    return provider


def load_demo() -> Provider:
    demo_load(progress=lambda line: None)
    return Provider.objects.get(organisation__slug=DEMO_PROVIDER)


def csv_bytes(header: Sequence[str], *rows: Sequence[object]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


class ReportAssertions:
    """Reading figures out of built tables by row and column key."""

    report: ReportTables

    @classmethod
    def build_report(cls, provider: Provider, year: int) -> None:
        # As report_tables prints them: in Slovenian, whatever language an earlier test left active
        # (rows ordered by label follow the language).
        with translation.override("sl"):
            cls.report = report_tables(provider=provider, year=year)

    def table(self, key: str) -> Table:
        return self.report.tables[key]

    def cell(self, key: str, row: str, column: str) -> object:
        value = self.table(key).cell(row, column)
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)

    def mismatches(self, table: str) -> list[tuple[object, object]]:
        return [
            (float(c.printed) if c.printed is not None else None, float(c.computed) if c.computed is not None else None)
            for c in self.report.mismatches
            if c.table == table
        ]
