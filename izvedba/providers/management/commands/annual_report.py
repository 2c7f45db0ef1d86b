"""manage.py annual_report --provider SLUG --year YEAR --output FILE.docx|FILE.pdf [--language sl|en]"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from izvedba.providers.models import Provider
from izvedba.providers.selectors import provider_by_slug
from izvedba.providers.services.annual_report import LANGUAGES, AnnualReportError, annual_report_render
from izvedba.rendering.output import FORMATS, format_for_path

EXIT_BAD_INPUT = 2
SLUGS_SHOWN = 5


class Command(BaseCommand):
    help = "Write a provider's annual report for a year as DOCX or PDF (the format follows the file's extension)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--provider", required=True, help="The provider's slug, e.g. csd-juzna-primorska.")
        parser.add_argument("--year", required=True, type=int, help="The report year, e.g. 2021.")
        parser.add_argument("--output", required=True, help="The file to write: FILE.docx or FILE.pdf.")
        parser.add_argument("--language", choices=LANGUAGES, default="sl", help="The document's language (sl).")

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        fmt = format_for_path(output)
        if fmt is None:
            raise _bad(
                f"Cannot write “{output.name}”: the output must end in "
                f"{' or '.join('.' + f for f in FORMATS)} (the format follows the extension)."
            )
        _check_writable(output)
        provider = provider_by_slug(options["provider"])
        if provider is None:
            raise _bad(_unknown_provider(options["provider"]))
        language = options["language"]
        verbose = options["verbosity"] > 1

        def progress(done: int, total: int, label: str) -> None:
            if verbose:
                self.stderr.write(f"[{done}/{total}] {label}")

        try:
            with translation.override(language):
                data = annual_report_render(
                    provider=provider, year=options["year"], fmt=fmt, language=language, progress=progress
                )
        except AnnualReportError as error:
            raise _bad(str(error)) from error
        try:
            output.write_bytes(data)
        except OSError as error:
            raise _bad(f"Cannot write “{output}”: {error.strerror or error}.") from error
        if options["verbosity"] > 0:
            self.stdout.write(f"{output}: {fmt.upper()}, {len(data):,} bytes.")


def _bad(message: str) -> CommandError:
    return CommandError(message, returncode=EXIT_BAD_INPUT)


def _check_writable(output: Path) -> None:
    """Fail before the work when the file cannot be written: a missing folder, no permission, a folder's name."""
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        raise _bad(f"Cannot write “{output}”: it is a folder; give a file name ending in .docx or .pdf.")
    if not folder.is_dir():
        raise _bad(f"Cannot write “{output}”: the folder “{folder}” does not exist; create it or choose another.")
    target = output if output.exists() else folder
    if not os.access(target, os.W_OK):
        raise _bad(f"Cannot write “{output}”: no permission to write there; choose another folder.")


def _unknown_provider(slug: str) -> str:
    slugs = list(Provider.objects.order_by("organisation__slug").values_list("organisation__slug", flat=True))
    if not slugs:
        return f"No provider “{slug}”: there are no providers yet; load them with make demo."
    shown = ", ".join(slugs[:SLUGS_SHOWN])
    more = f" and {len(slugs) - SLUGS_SHOWN} more" if len(slugs) > SLUGS_SHOWN else ""
    return f"No provider “{slug}”. Known providers include: {shown}{more}."
