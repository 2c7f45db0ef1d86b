"""Blocks → ParsedPlan: the plan's identity, its goals and areas, and its measures (pure)."""

from __future__ import annotations

from ..blocks import Block, Paragraph
from ..cleaning import clean_cell, one_line, strip_markers
from ..errors import no_measures
from ..parsed import ParsedGoal, ParsedPlan
from ..warnings import warn
from . import header
from .goals import areas_in_prose
from .measures import GOAL_HEADING, TableContext, finish_measures, read_measure_table
from .regional import looks_like_regional_summary, read_regional_summary
from .rows import rows_from_stream


def flat_lines(blocks: list[Block]) -> list[str]:
    """Every paragraph and cell line, in order, without extraction markers."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(strip_markers(block.text).strip())
        else:
            lines.extend(strip_markers(c.text).strip() for row in block.rows for c in row)
    return lines


def interpret(blocks: list[Block], *, regions: list[str], source_format: str) -> ParsedPlan:
    lines = flat_lines(blocks)
    text = "\n".join(lines)
    plan = ParsedPlan(source_format=source_format)
    plan.title = header.find_title(lines)
    plan.kind = header.find_kind(plan.title, text)
    period = header.find_period(plan.title, text)
    if period:
        plan.period_start, plan.period_end = period
    else:
        plan.warnings.append(warn("no_period"))
    plan.document_number = header.find_document_number(text)
    plan.document_date = header.find_document_date(text)
    if not _read_tables(blocks, plan):
        if not looks_like_regional_summary(text):
            raise no_measures()
        read_regional_summary(lines, plan, regions=regions)
    if not plan.measures:
        raise no_measures()
    return plan


def _read_tables(blocks: list[Block], plan: ParsedPlan) -> bool:
    ctx = TableContext()
    found = False
    for block in blocks:
        if isinstance(block, Paragraph):
            _read_paragraph(block.text, ctx)
            continue
        rows = rows_from_stream(block.rows[0], ctx.warnings) if block.flat and block.rows else block.rows
        found = read_measure_table(rows, ctx) or found
    if found:
        finish_measures(ctx.measures)
        plan.goals = [ctx.goals[n] for n in sorted(ctx.goals)]
        plan.measures = ctx.measures
        plan.warnings.extend(ctx.warnings)
    return found


def _read_paragraph(text: str, ctx: TableContext) -> None:
    text = clean_cell(text)
    heading = GOAL_HEADING.match(text)
    if heading and len(text) < 300:
        ctx.set_goal(int(heading.group("n")), one_line(heading.group("title")))
        return
    listed = areas_in_prose(text)
    if listed:
        number, areas = listed
        goal = ctx.goals.setdefault(number, ParsedGoal(number, ""))
        known = {a.code for a in goal.areas}
        goal.areas.extend(a for a in areas if a.code not in known)
