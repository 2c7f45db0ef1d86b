"""manage.py generate_document KIND --plan ID [--municipality CODE] [--round ID] [--language sl|en|it|hu]
--output FILE.docx|FILE.pdf

KIND is one of regional-summary, council-material, monitoring-report; the command looks the kind up in the
document kinds registry (izvedba.rendering.kinds) and calls its render service. Exit code 2, with a message
saying what is wrong and how to fix it, for anything that keeps the document from being made.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from izvedba.geo.models import Municipality
from izvedba.monitoring.models import Round
from izvedba.plans.models import Plan
from izvedba.rendering.kinds import KINDS
from izvedba.rendering.output import FORMATS, format_for_path

DOCUMENT_KINDS = ("regional-summary", "council-material", "monitoring-report")
LANGUAGES = ("sl", "en", "it", "hu")
EXIT_BAD_INPUT = 2


def _error(message: str) -> CommandError:
    return CommandError(message, returncode=EXIT_BAD_INPUT)


class Command(BaseCommand):
    help = "Generate a regional summary, council material or monitoring report as DOCX or PDF; exit 2 for bad input."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("kind", help=f"one of: {', '.join(DOCUMENT_KINDS)}")
        parser.add_argument("--plan", required=True, help="the plan's id (or slug)")
        parser.add_argument("--municipality", help="the municipality's code (council material)")
        parser.add_argument("--round", help="the reporting round's id (monitoring report)")
        parser.add_argument("--language", default="sl", help=f"one of: {', '.join(LANGUAGES)} (default sl)")
        parser.add_argument("--output", required=True, type=Path, help="FILE.docx or FILE.pdf")

    def handle(self, *args: Any, **options: Any) -> None:
        key = options["kind"]
        if key not in DOCUMENT_KINDS:
            raise _error(f"Unknown document kind {key!r}; choose one of: {', '.join(DOCUMENT_KINDS)}.")
        kind = KINDS.get(key)
        if kind is None:
            raise _error(f"The document kind {key!r} is not available yet in this installation.")
        language = options["language"]
        if language not in LANGUAGES:
            raise _error(f"Unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}.")
        output: Path = options["output"]
        fmt = format_for_path(output)
        if fmt is None:
            raise _error(
                f"Cannot tell the format from the file name {str(output)!r}: end it in "
                f"{' or '.join('.' + name for name in FORMATS)}."
            )
        if not output.parent.is_dir():
            raise _error(f"The folder {str(output.parent)!r} for the output does not exist; create it first.")
        plan = _plan(options["plan"])
        params: dict[str, Any] = {}
        for name in kind.parameters:
            if name == "plan":
                params["plan"] = plan
            elif name == "round":
                params["round"] = _round(options["round"], plan, key)
            elif name == "municipality":
                params["municipality"] = _municipality(options["municipality"], plan, key)
            else:
                raise _error(f"The document kind {key!r} needs {name!r}, which this command cannot give.")
        try:
            data = kind.render_service()(fmt=fmt, language=language, progress=None, **params)
        except ValueError as error:
            raise _error(str(error)) from error
        output.write_bytes(data)
        self.stdout.write(f"Wrote {output} ({len(data):,} bytes, {fmt.upper()}, {language}).")


def _plan(value: str) -> Plan:
    plans = Plan.objects.select_related("region")
    plan = plans.filter(pk=int(value)).first() if value.isdigit() else plans.filter(slug=value).first()
    if plan is None:
        raise _error(f"No plan with id {value!r}; see the plan list for the ids (or pass the plan's slug).")
    return plan


def _round(value: str | None, plan: Plan, key: str) -> Round:
    if not value:
        raise _error(f"A {key} needs --round ID: the reporting round of plan {plan.pk} it reports on.")
    if not value.isdigit():
        raise _error(f"--round takes a round's id (a number), not {value!r}.")
    round_ = Round.objects.filter(pk=int(value)).first()
    if round_ is None:
        raise _error(f"No reporting round with id {value}.")
    if round_.plan_id != plan.pk:
        raise _error(
            f"Round {value} (“{round_.label}”) belongs to plan {round_.plan_id}, not to plan {plan.pk}: "
            "pass the round's own plan or a round of this plan."
        )
    return round_


def _municipality(value: str | None, plan: Plan, key: str) -> Municipality:
    if not value:
        raise _error(f"A {key} needs --municipality CODE: the code of one of plan {plan.pk}'s municipalities.")
    municipality = Municipality.objects.filter(code=value.zfill(3) if value.isdigit() else value).first()
    if municipality is None:
        raise _error(f"No municipality with code {value!r}.")
    return municipality
