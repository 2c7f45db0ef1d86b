"""Charts as images: a chart is declared as data (`ChartSpec`) and drawn by matplotlib as PNG (for DOCX and PDF)
or SVG (for web pages). Pure: the same spec gives the same image; no network, no pyplot, no global state
(matplotlib's Agg canvas; a lock guards the few settings matplotlib keeps globally).

Figures on the axes and on the bars are formatted the Slovenian way (or the English way) by
`izvedba.core.formatting`; the font is DejaVu Sans (matplotlib's own copy), so č, š, ž, ć and đ always render.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from izvedba.core.formatting import format_number

ChartKind = Literal["bar", "barh", "stacked", "line"]
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
FONT = "DejaVu Sans"
MAX_LABELLED_BARS = 40
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A chart: categories along one axis, one or more series of values.

    Kinds: `bar` (vertical bars, grouped when there are several series), `barh` (horizontal bars, for long
    category names), `stacked` (vertical bars stacked), `line` (one line per series). Bars carry their value
    (with `decimals` places) unless there are too many of them. `language` picks the number format."""

    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_label: str = ""
    category_label: str = ""
    language: str = "sl"
    decimals: int = 0
    labels: bool = True

    @property
    def legend(self) -> bool:
        return len(self.series) > 1


def render_png(spec: ChartSpec, *, width_cm: float = 16.0, height_cm: float = 8.0, dpi: int = 150) -> bytes:
    """The chart as a PNG image (cached: the same spec is drawn once)."""
    return _png(spec, width_cm, height_cm, dpi)


def render_svg(spec: ChartSpec, *, width_cm: float = 16.0, height_cm: float = 8.0) -> str:
    """The chart as an SVG document (text kept as text)."""
    return _svg(spec, width_cm, height_cm)


@lru_cache(maxsize=64)
def _png(spec: ChartSpec, width_cm: float, height_cm: float, dpi: int) -> bytes:
    with _LOCK:
        figure = _draw(spec, width_cm, height_cm)
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
    return out.getvalue()


@lru_cache(maxsize=64)
def _svg(spec: ChartSpec, width_cm: float, height_cm: float) -> str:
    import matplotlib

    with _LOCK, matplotlib.rc_context({"svg.hashsalt": "izvedba", "svg.fonttype": "none"}):
        figure = _draw(spec, width_cm, height_cm)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()


def _draw(spec: ChartSpec, width_cm: float, height_cm: float) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), layout="constrained")
    axes = figure.add_subplot()
    horizontal = spec.kind == "barh"
    positions = list(range(len(spec.categories)))
    if spec.kind == "line":
        _lines(axes, spec, positions)
    else:
        _bars(axes, spec, positions)

    value_axis, category_axis = (axes.xaxis, axes.yaxis) if horizontal else (axes.yaxis, axes.xaxis)
    value_axis.set_major_formatter(FuncFormatter(lambda value, _pos: _tick(value, spec.language)))
    value_axis.set_major_locator(MaxNLocator(nbins=6, integer=spec.decimals == 0))
    category_axis.set_ticks(positions, list(spec.categories), fontsize=7, fontfamily=FONT)
    if not horizontal and max((len(c) for c in spec.categories), default=0) * len(spec.categories) > 90:
        category_axis.set_tick_params(rotation=45)
        for label in category_axis.get_ticklabels():
            label.set_horizontalalignment("right")
    if horizontal:
        axes.invert_yaxis()  # the first category on top, as in the table
    value_axis.set_tick_params(labelsize=7)
    for label in value_axis.get_ticklabels():
        label.set_fontfamily(FONT)
    if spec.value_label:
        (axes.set_xlabel if horizontal else axes.set_ylabel)(spec.value_label, fontsize=8, fontfamily=FONT)
    if spec.category_label:
        (axes.set_ylabel if horizontal else axes.set_xlabel)(spec.category_label, fontsize=8, fontfamily=FONT)
    axes.grid(axis="x" if horizontal else "y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if spec.legend:
        axes.legend(fontsize=7, frameon=False, prop={"family": FONT, "size": 7})
    return figure


def _tick(value: Any, language: str) -> str:
    """A tick's value (a numpy float) formatted like the tables' figures."""
    return format_number(round(float(value), 6), None, language)


def _bars(axes: Any, spec: ChartSpec, positions: list[int]) -> None:
    count = len(spec.series)
    stacked = spec.kind == "stacked"
    width = 0.8 if stacked or count == 1 else 0.8 / count
    bottoms = [0.0] * len(positions)
    labelled = spec.labels and len(positions) * (1 if stacked else count) <= MAX_LABELLED_BARS
    for index, series in enumerate(spec.series):
        values = [float(v) if v is not None else 0.0 for v in series.values]
        offset = 0.0 if stacked or count == 1 else (index - (count - 1) / 2) * width
        places = [p + offset for p in positions]
        colour = PALETTE[index % len(PALETTE)]
        if spec.kind == "barh":
            bars = axes.barh(places, values, height=width, color=colour, label=series.name)
        else:
            bars = axes.bar(places, values, width=width, bottom=bottoms, color=colour, label=series.name)
        if stacked:
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        if labelled:
            texts = [format_number(v, spec.decimals, spec.language) if v is not None else "" for v in series.values]
            if stacked:
                texts = [t if v else "" for t, v in zip(texts, series.values, strict=True)]
            axes.bar_label(
                bars, labels=texts, fontsize=6, fontfamily=FONT, padding=1, label_type="center" if stacked else "edge"
            )


def _lines(axes: Any, spec: ChartSpec, positions: list[int]) -> None:
    for index, series in enumerate(spec.series):
        values = [float(v) if v is not None else float("nan") for v in series.values]
        axes.plot(
            positions, values, marker="o", markersize=3, linewidth=1.4, color=PALETTE[index % len(PALETTE)],
            label=series.name,
        )  # fmt: skip
