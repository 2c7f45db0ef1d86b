"""Measure tables → measures (pure): header mapping, goals and areas, sub-rows, and each cell's values."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..blocks import Cell
from ..cleaning import clean_cell, one_line
from ..parsed import MeasureFields, ParsedArea, ParsedGoal, ParsedMeasure
from ..values.amounts import parse_amounts
from ..values.dates import parse_deadlines
from ..values.indicators import parse_indicators
from ..values.names import split_funding_sources, split_organisations
from ..vocabulary import KEY_COLUMNS, column_of
from ..warnings import ImportWarning, warn
from .rows import MEASURE_START

GOAL_HEADING = re.compile(
    r"^\s*(?P<n>\d)\s*\.\s*(?:klju[čc]ni\s+)?cilj\b\s*(?:resolucije)?\s*:?\s*(?P<title>.*)$", re.I | re.S
)
AREA_CELL = re.compile(r"^\s*(?P<code>\d+\.\d+)\.?\s*:\s*(?P<title>.+)$", re.S)
_MEASURE_CODE = re.compile(r"^\s*Ukrep\s*:?\s*(?P<code>\d+(?:\.\d+)*)\.?\s*:?\s*(?P<title>.*)$", re.I | re.S)
_BARE_CODE = re.compile(r"^\s*(?P<code>\d+\.\d+(?:\.\d+)*)\.?\s+(?P<title>\D.*)$", re.S)


@dataclass
class TableContext:
    """What the rows of a plan's tables share as they are read in order."""

    goals: dict[int, ParsedGoal] = field(default_factory=dict)
    goal: int = 0
    area: str | None = None
    measures: list[ParsedMeasure] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)

    def set_goal(self, number: int, title: str) -> None:
        goal = self.goals.setdefault(number, ParsedGoal(number, title))
        goal.title = goal.title or title
        self.goal, self.area = number, None

    def set_area(self, code: str, title: str) -> None:
        goal = self.goals.setdefault(self.goal or int(code.split(".")[0]), ParsedGoal(int(code.split(".")[0]), ""))
        if all(a.code != code for a in goal.areas):
            goal.areas.append(ParsedArea(code, title))
        self.area = code


def header_columns(row: list[Cell]) -> dict[int, str] | None:
    """Column index → field name, when the row is a measure table's header row."""
    columns = {i: name for i, cell in enumerate(row) if (name := column_of(clean_cell(cell.text)))}
    names = set(columns.values())
    if len(names & set(KEY_COLUMNS)) >= 2 and len(columns) >= 4:
        return columns
    return None


def read_measure_table(rows: list[list[Cell]], ctx: TableContext) -> bool:
    """Read one table into ctx; False when it has no measure header (so it is not a measure table)."""
    header_at = next((i for i, row in enumerate(rows) if header_columns(row)), None)
    if header_at is None:
        return False
    columns = header_columns(rows[header_at]) or {}
    headers = {i: one_line(clean_cell(rows[header_at][i].text)).rstrip(":") for i in columns}
    if "measure" not in columns.values():
        columns[_guess_measure_column(rows[header_at + 1 :], columns)] = "measure"
    for row in rows[:header_at]:
        _read_title_row(row, ctx)
    for row in rows[header_at + 1 :]:
        if header_columns(row):
            continue  # a header repeated on a new page
        _read_row(row, columns, headers, ctx)
    return True


def _guess_measure_column(rows: list[list[Cell]], columns: dict[int, str]) -> int:
    width = max((len(r) for r in rows), default=1)
    counts = [sum(1 for r in rows if i < len(r) and MEASURE_START.match(clean_cell(r[i].text))) for i in range(width)]
    free = [i for i in range(width) if i not in columns]
    return max(free or range(width), key=lambda i: counts[i])


def _read_title_row(row: list[Cell], ctx: TableContext) -> bool:
    texts = {clean_cell(c.text) for c in row if clean_cell(c.text)}
    if len(texts) != 1:
        return False
    text = texts.pop()
    goal = GOAL_HEADING.match(text)
    if goal:
        ctx.set_goal(int(goal.group("n")), one_line(goal.group("title")))
        return True
    area = AREA_CELL.match(text)
    if area and not MEASURE_START.match(text):
        ctx.set_area(area.group("code"), one_line(area.group("title")))
        return True
    return False


def _read_row(row: list[Cell], columns: dict[int, str], headers: dict[int, str], ctx: TableContext) -> None:
    if _read_title_row(row, ctx):
        return
    cells = {name: clean_cell(row[i].text) if i < len(row) else "" for i, name in columns.items()}
    merged = {name for i, name in columns.items() if i < len(row) and row[i].merged_above}
    raw = {headers[i]: cells[name] for i, name in columns.items() if cells[name]}
    warnings = _remove_stray_words(columns, cells)
    if cells.get("area") and "area" not in merged:
        area = AREA_CELL.match(cells["area"])
        if area:
            ctx.set_area(area.group("code"), one_line(area.group("title")))
    start = _MEASURE_CODE.match(cells.get("measure", "")) or _BARE_CODE.match(cells.get("measure", ""))
    if start:
        measure = ParsedMeasure(code=start.group("code"), title=one_line(start.group("title")))
        _start_measure(measure, ctx)
        _fill(measure, cells, raw, warnings)
    elif any(v for k, v in cells.items() if k not in {"area", "measure"}) and ctx.measures:
        sub = MeasureFields()
        _fill(sub, cells, raw, warnings)
        ctx.measures[-1].sub_rows.append(sub)
    elif any(cells.values()):
        ctx.warnings.append(warn("row_unplaced", text=one_line(" | ".join(raw.values()))[:200]))


def finish_measures(measures: list[ParsedMeasure]) -> None:
    """A measure without its own deadline is due when its sub-rows are; say when none is given at all."""
    for measure in measures:
        if not measure.deadlines:
            measure.deadlines = list(dict.fromkeys(d for s in measure.sub_rows for d in s.deadlines))
        if not measure.deadlines and not any(w.code.startswith("no_deadline") for w in measure.warnings):
            measure.warnings.append(warn("no_deadline", code=measure.code))


def _start_measure(measure: ParsedMeasure, ctx: TableContext) -> None:
    goal_from_code = int(measure.code.split(".")[0])
    if ctx.goal and goal_from_code != ctx.goal:
        measure.warnings.append(warn("goal_mismatch", code=measure.code, goal=ctx.goal, code_goal=goal_from_code))
    measure.goal = ctx.goal or goal_from_code
    if ctx.area and measure.code.startswith(ctx.area + "."):
        measure.area = ctx.area
    if not ctx.goal:
        ctx.goals.setdefault(measure.goal, ParsedGoal(measure.goal, ""))
    if not measure.title:
        measure.warnings.append(warn("no_title", code=measure.code))
    ctx.measures.append(measure)


def _fill(target: MeasureFields, cells: dict[str, str], raw: dict[str, str], warnings: list[ImportWarning]) -> None:
    target.raw = raw
    target.warnings.extend(warnings)
    target.purpose = paragraphs(cells.get("purpose", ""))
    target.holders = split_organisations(cells.get("holders", ""))
    target.participants = split_organisations(cells.get("participants", ""))
    target.funding_sources = split_funding_sources(cells.get("funding_sources", ""))
    amounts = parse_amounts(cells.get("amounts", ""))
    target.amounts_eur, target.no_additional_funds = amounts.by_key, amounts.no_additional_funds
    deadlines = parse_deadlines(cells.get("deadlines", ""))
    target.deadlines = deadlines.items
    indicators = parse_indicators(cells.get("indicators", ""))
    target.indicators = indicators.items
    target.warnings.extend([*amounts.warnings, *indicators.warnings])
    if cells.get("deadlines") and not deadlines.items:
        target.warnings.extend(deadlines.warnings)
    if cells.get("amounts") and not amounts.by_key and not amounts.no_additional_funds:
        target.warnings.append(warn("no_amount", text=one_line(cells["amounts"])[:120]))


def paragraphs(text: str) -> str:
    """Free text: lines of a paragraph joined with spaces, paragraphs on their own lines."""
    return "\n".join(one_line(p) for p in re.split(r"\n\s*\n", text) if p.strip())


def _remove_stray_words(columns: dict[int, str], cells: dict[str, str]) -> list[ImportWarning]:
    """Drop a short last line that repeats the next cell ('… poštnine.\nMDDSZ' before 'MDDSZ')."""
    warnings: list[ImportWarning] = []
    ordered = sorted(columns)
    for i, j in itertools.pairwise(ordered):
        name, following = columns[i], cells[columns[j]].split("\n")[0].strip()
        head, tail = _last_segment(cells[name])
        if head and tail and len(tail.split()) <= 3 and tail == following:
            cells[name] = head
            warnings.append(warn("stray_word", text=tail))
    return warnings


def _last_segment(text: str) -> tuple[str, str]:
    """(text before, last line), or the words after the last full stop when the line break was lost."""
    lines = text.rstrip().split("\n")
    if len(lines) > 1:
        return "\n".join(lines[:-1]).strip(), lines[-1].strip()
    m = re.match(r"^(.*[.!?])\s+(\S[^.!?]*)$", text.strip(), re.DOTALL)
    return (m.group(1), m.group(2).strip()) if m else ("", "")
