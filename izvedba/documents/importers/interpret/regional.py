"""A regional plan summary (povzetek RIN) written as prose → ParsedPlan fields (pure).

The summary names the coordinating centre, the coordination group, the municipalities, the demographic
context, the priorities, the measures per goal of the Resolution (with one paragraph of deadline, holders and
funding sources per goal) and the risks. PDF extracts wrap lines and double-space them; items are bullets or
numbers, and a line that starts in lower case continues the item above.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cleaning import is_bullet, one_line, strip_bullet
from ..parsed import ParsedGoal, ParsedGroupSeat, ParsedMeasure, ParsedPlan
from ..values.dates import DATE, parse_deadlines
from ..values.names import WrittenName, split_funding_sources, split_organisations
from ..values.numbers import parse_count
from ..warnings import warn
from .context import context_indicators
from .regions import match_region

_GOAL = re.compile(r"^(?P<n>\d)\s*\.\s*CILJ\s+Resolucije\s*:?\s*(?P<title>.*)$", re.IGNORECASE)
_MEASURES_INTRO = re.compile(r"^Ukrep\w*\s+na\s+regionaln\w+\s+ravni", re.IGNORECASE)
_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*\.\s+(?P<text>\S.*)$")
_GOAL_PARAGRAPH = re.compile(r"^Rok\w*\s+za\s+izvedbo", re.IGNORECASE)
_RISKS = re.compile(r"(zapleti|tveganj)\w*.*:\s*$", re.IGNORECASE)
_PRIORITIES = re.compile(r"prioritet\w*.*:\s*$", re.IGNORECASE)
_COORDINATOR = re.compile(
    r"(?P<who>(?:CSD|Center\s+za\s+socialno\s+delo)\s+[A-ZČŠŽ][\w-]*(?:\s+[A-ZČŠŽ][\w-]*)?)\s+je\s+bil\w*\s+"
    r"s\s+sklepom\s+(?P<by>.+?)\s+dolo[čc]en",
)
_ABBREVIATED = re.compile(r"\(v\s+nadaljevanju:\s*(?P<abbr>[^)]+)\)")
_GROUP = re.compile(r"koordinacijsk\w+\s+skupin\w+\s+sodeluj\w+\s+(?P<list>.+?)\.(?:\s|$)", re.IGNORECASE)
_SEAT = re.compile(
    r"(?P<n>\d+|[a-zčšž]+)\s+predstavni\w+\s+(?P<cat>.+?)(?=\s*,|\s+in\s+(?:\d+|[a-zčšž]+)\s+predstavni|$)"
)
_CONFIRMED = re.compile(r"potrdil\w*\s+(?:dne\s*,?\s*)?(?P<date>\d{1,2}\.\s*\d{1,2}\.\s*\d{4})", re.IGNORECASE)
_MUNICIPALITIES = re.compile(
    r"naslednje\s+ob[čc]ine\s*:\s*(?P<list>.+?)(?:\s+in\s+na\s+centr\w+\s+za\s+socialno\s+delo\s+(?P<centres>.+?))?\.(?:\s|$)",
    re.IGNORECASE,
)
_HOLDERS = re.compile(r"nosilci(?:\s+ukrep\w*)?\s+(?:bodo|so)\s*:?\s*(?P<list>.+?)(?:,\s+viri|\.(?:\s|$))", re.I)
_SOURCES = re.compile(r"viri\s+finan[čc]nih\s+sredstev\s+(?:pa\s+)?(?:so|bodo)\s*:?\s*(?P<list>.+?)\.(?:\s|$)", re.I)
_SCOPE_NUMBER = re.compile(r"\d+")


def looks_like_regional_summary(text: str) -> bool:
    return bool(re.search(r"CILJ\s+Resolucije", text, re.IGNORECASE)) and bool(
        re.search(r"Ukrep\w*\s+na\s+regionaln\w+\s+ravni", text, re.IGNORECASE)
    )


def join_lines(lines: list[str]) -> str:
    """Wrapped lines as one string: a line ending in '-' runs on without a space ('Koper-' 'Comune')."""
    out = ""
    for line in (one_line(x) for x in lines):
        if not line:
            continue
        out = f"{out}{line}" if out.endswith(("-", "–")) else f"{out} {line}" if out else line
    return out


# Headings and goal paragraphs that a reflowed document may run into the text before them.
_RUN_IN = re.compile(
    r"(?<=\S)\s+(?=Rok\w*\s+za\s+izvedbo\b|Mo[žz]ni\s+zapleti\b|Odgovorni\s+nosilci\b|Ukrep\w*\s+na\s+regionaln|"
    r"Ukrepi\s+za\s+doseganje\b|Ocena\s+potreb\b|Kratek\s+opis\b)"
)


def read_regional_summary(lines: list[str], plan: ParsedPlan, *, regions: list[str]) -> None:
    lines = [part for x in lines if one_line(x) for part in _RUN_IN.split(one_line(x))]
    flat = join_lines(lines)
    plan.kind = "regional"
    plan.region = match_region(plan.title, regions) or next(
        (r for line in lines[:60] if (r := match_region(line, regions))), None
    )
    _read_coordination(flat, plan)
    plan.context_indicators = context_indicators(lines)
    plan.priorities = list(_items_after(lines, _PRIORITIES))
    plan.risks = list(_items_after(lines, _RISKS))
    _read_goals(lines, plan)


def _read_coordination(flat: str, plan: ParsedPlan) -> None:
    coordinator = _COORDINATOR.search(flat)
    if coordinator:
        plan.coordinator = coordinator.group("who")
        by = coordinator.group("by")
        abbreviated = _ABBREVIATED.search(by)
        plan.coordinator_appointed_by = abbreviated.group("abbr").strip() if abbreviated else by.strip()
    group = _GROUP.search(flat)
    for seat in _SEAT.finditer(group.group("list") if group else ""):
        count = parse_count(seat.group("n"))
        if count is None:
            plan.warnings.append(warn("group_count", text=seat.group(0)))
            continue
        plan.coordination_group.append(ParsedGroupSeat(seat.group("cat").strip(" ,"), count))
    confirmed = _CONFIRMED.search(flat)
    if confirmed:
        plan.confirmed_on = parse_deadlines(confirmed.group("date")).items[0].date
    covered = _MUNICIPALITIES.search(flat)
    if covered:
        plan.municipalities = [w.name for w in split_organisations(covered.group("list"))]
        centres = covered.group("centres") or ""
        plan.centres = [f"CSD {w.name}" for w in split_organisations(centres)]


def _items_after(lines: list[str], intro: re.Pattern[str]) -> Iterator[str]:
    """Bulleted items after the line that introduces them; lower-case lines continue an item."""
    start = next((i for i, line in enumerate(lines) if intro.search(line)), None)
    if start is None:
        return
    item: list[str] = []
    for line in lines[start + 1 :]:
        if is_bullet(line):
            if item:
                yield _tidy_item(item)
            item = [strip_bullet(line)]
        elif item and (line[:1].islower() or line[:1] in "(,"):
            item.append(line)
        elif item or not line.strip():
            break
    if item:
        yield _tidy_item(item)


def _tidy_item(parts: list[str]) -> str:
    text = join_lines(parts).strip()
    return re.sub(r"(,|;|\.|\s+ter|\s+in)$", "", text).strip()


def _read_goals(lines: list[str], plan: ParsedPlan) -> None:
    goal: ParsedGoal | None = None
    measures: list[ParsedMeasure] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _GOAL.match(line)
        if heading:
            title, i = _goal_title(lines, i, heading.group("title"))
            goal = ParsedGoal(int(heading.group("n")), title)
            plan.goals.append(goal)
            measures = []
            continue
        if goal and _ITEM.match(line) and not _GOAL.match(line):
            text, i = _item_text(lines, i)
            measures.append(_measure(goal, text, len(measures) + 1))
            plan.measures.append(measures[-1])
            continue
        if goal and _GOAL_PARAGRAPH.match(line):
            paragraph, i = _goal_paragraph(lines, i)
            _apply_goal_paragraph(paragraph, measures, plan)
            continue
        i += 1


def _goal_title(lines: list[str], i: int, first: str) -> tuple[str, int]:
    parts = [first]
    i += 1
    while i < len(lines) and not _MEASURES_INTRO.match(lines[i]) and lines[i].isupper():
        parts.append(lines[i])
        i += 1
    return join_lines(parts), i


def _item_text(lines: list[str], i: int) -> tuple[str, int]:
    match = _ITEM.match(lines[i])
    parts = [match.group("text")] if match else [lines[i]]
    i += 1
    while i < len(lines) and lines[i][:1].islower():
        parts.append(lines[i])
        i += 1
    return join_lines(parts), i


def _goal_paragraph(lines: list[str], i: int) -> tuple[str, int]:
    parts = [lines[i]]
    i += 1
    while i < len(lines) and not (_GOAL.match(lines[i]) or _RISKS.search(lines[i]) or is_bullet(lines[i])):
        parts.append(lines[i])
        i += 1
    return join_lines(parts), i


def _measure(goal: ParsedGoal, text: str, n: int) -> ParsedMeasure:
    return ParsedMeasure(
        code=f"{goal.number}.{n}", goal=goal.number, title=text, raw={"Ukrep na regionalni ravni": text}
    )


def _apply_goal_paragraph(paragraph: str, measures: list[ParsedMeasure], plan: ParsedPlan) -> None:
    """The goal's deadline, holders and funding sources apply to its measures (scoped ones to theirs)."""
    deadline_sentence = re.split(r"(?<=\d{4})[,.]", paragraph, maxsplit=1)[0]
    deadlines = parse_deadlines(deadline_sentence).items if DATE.search(deadline_sentence) else []
    holders_match = _HOLDERS.search(paragraph)
    holders = split_organisations(holders_match.group("list")) if holders_match else []
    sources_match = _SOURCES.search(paragraph)
    sources = split_funding_sources(sources_match.group("list")) if sources_match else []
    if not measures:
        plan.warnings.append(warn("goal_paragraph_unused", text=paragraph[:120]))
    for number, measure in enumerate(measures, start=1):
        measure.raw["Rok izvedbe, nosilci in viri"] = paragraph
        measure.deadlines = list(deadlines)
        measure.holders = [h for h in holders if _in_scope(h, number)]
        measure.funding_sources = list(sources)
        if not deadlines:
            measure.warnings.append(warn("goal_paragraph_no_deadline"))


def _in_scope(holder: WrittenName, number: int) -> bool:
    return not holder.scope or str(number) in _SCOPE_NUMBER.findall(holder.scope)
