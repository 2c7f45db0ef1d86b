"""Server-side SVG charts for the progress pages (pure functions, no ORM, no JavaScript, no libraries).

Every chart is an image to assistive technology (`role="img"` named by its `<title>` and `<desc>`), and the
page puts an HTML table with the same figures right after it (see monitoring/_chart_*.html). Callers pass
labels and values already formatted for the reader's language; every text is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 640
LABEL_WIDTH = 190
VALUE_WIDTH = 120
ROW = 22  # height of one bar's row
BAR = 14
GAP = 8  # between groups
PAD = 6
LABEL_CHARS = 30
BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 2 * PAD

COLOUR_BAR = "#2a6cb0"
COLOUR_PLANNED = "#2a6cb0"
COLOUR_SPENT = "#b76e00"
COLOUR_OK = "#0f6a37"
COLOUR_BAD = "#b3261e"
COLOUR_TRACK = "#dde3ea"
COLOUR_TEXT = "#1b1b1b"
COLOUR_RULE = "#6b7480"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as the reader sees it ("12", "1.200.000 EUR")


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    values: Sequence[float]
    texts: Sequence[str]


@dataclass(frozen=True)
class ProgressBar:
    label: str
    share: float | None  # 1.0 = the target; None = unknown (drawn as an empty track)
    text: str
    warn: bool = False


def bar_chart(bars: Sequence[Bar], *, title: str, desc: str, chart_id: str) -> str:
    """Horizontal bars, one per item, scaled to the largest value."""
    largest = max([0.0, *(b.value for b in bars)])
    rows = [
        _row(y=PAD + n * ROW, label=b.label, parts=[(_length(b.value, largest), COLOUR_BAR)], text=b.text)
        for n, b in enumerate(bars)
    ]
    return _svg(chart_id, title, desc, PAD * 2 + ROW * len(bars), "".join(rows))


def grouped_bar_chart(
    categories: Sequence[str], series: Sequence[Series], *, title: str, desc: str, chart_id: str
) -> str:
    """For each category (a year, a funding source) one bar per series (planned, spent), with a legend on top."""
    largest = max([0.0, *(v for s in series for v in s.values)])
    legend_height = ROW
    parts = [_legend(series)]
    group = ROW * len(series) + GAP
    for n, category in enumerate(categories):
        top = legend_height + PAD + n * group
        parts.append(_label(top, category, len(series) * ROW))
        for k, s in enumerate(series):
            y = top + k * ROW
            parts.append(_bar(y, _length(s.values[n], largest), s.colour, f"{category}, {s.name}: {s.texts[n]}"))
            parts.append(_value(y, s.texts[n]))
    height = legend_height + 2 * PAD + group * len(categories)
    return _svg(chart_id, title, desc, height, "".join(parts))


def progress_chart(bars: Sequence[ProgressBar], *, title: str, desc: str, chart_id: str) -> str:
    """Each item's share of the way to its target, on a track from 0 to the target (a rule marks 100 %)."""
    parts = []
    for n, b in enumerate(bars):
        y = PAD + n * ROW
        share = min(max(b.share or 0.0, 0.0), 1.0)
        colour = COLOUR_BAD if b.warn else COLOUR_OK
        parts.append(
            f'<rect x="{LABEL_WIDTH + PAD}" y="{y + (ROW - BAR) / 2:g}" width="{BAR_AREA}" height="{BAR}" '
            f'fill="{COLOUR_TRACK}"/>'
        )
        parts.append(_row(y=y, label=b.label, parts=[(round(BAR_AREA * share, 1), colour)], text=b.text))
    height = PAD * 2 + ROW * len(bars)
    rule_x = LABEL_WIDTH + PAD + BAR_AREA
    parts.append(f'<line x1="{rule_x}" y1="0" x2="{rule_x}" y2="{height}" stroke="{COLOUR_RULE}" stroke-width="1"/>')
    return _svg(chart_id, title, desc, height, "".join(parts))


# --- parts ---------------------------------------------------------------------------------------------------


def _svg(chart_id: str, title: str, desc: str, height: float, body: str) -> str:
    cid = escape(chart_id)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" width="100%" '
        f'style="max-width: {WIDTH}px; height: auto" role="img" aria-labelledby="{cid}-title {cid}-desc" '
        f'class="chart" font-size="12" fill="{COLOUR_TEXT}">'
        f'<title id="{cid}-title">{escape(title)}</title><desc id="{cid}-desc">{escape(desc)}</desc>'
        f"{body}</svg>"
    )


def _row(*, y: float, label: str, parts: list[tuple[float, str]], text: str) -> str:
    bars = "".join(_bar(y, length, colour, f"{label}: {text}") for length, colour in parts)
    return _label(y, label, ROW) + bars + _value(y, text)


def _label(y: float, label: str, height: float) -> str:
    short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
    return (
        f'<text x="{LABEL_WIDTH}" y="{y + height / 2:g}" text-anchor="end" dominant-baseline="middle">'
        f"<title>{escape(label)}</title>{escape(short)}</text>"
    )


def _bar(y: float, length: float, colour: str, tip: str) -> str:
    return (
        f'<rect x="{LABEL_WIDTH + PAD}" y="{y + (ROW - BAR) / 2:g}" width="{length:g}" height="{BAR}" '
        f'fill="{colour}"><title>{escape(tip)}</title></rect>'
    )


def _value(y: float, text: str) -> str:
    return (
        f'<text x="{LABEL_WIDTH + PAD * 2 + BAR_AREA}" y="{y + ROW / 2:g}" dominant-baseline="middle">'
        f"{escape(text)}</text>"
    )


def _legend(series: Sequence[Series]) -> str:
    items, x = [], LABEL_WIDTH + PAD
    for s in series:
        items.append(
            f'<rect x="{x}" y="{(ROW - BAR) / 2:g}" width="{BAR}" height="{BAR}" fill="{s.colour}"/>'
            f'<text x="{x + BAR + 4}" y="{ROW / 2:g}" dominant-baseline="middle">{escape(s.name)}</text>'
        )
        x += BAR + 12 + 8 * len(s.name)
    return "".join(items)


def _length(value: float, largest: float) -> float:
    if largest <= 0 or value <= 0:
        return 0.0
    return round(BAR_AREA * value / largest, 1)
