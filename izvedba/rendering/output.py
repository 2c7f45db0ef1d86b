"""From a built `Document` to a file: the formats, the format a file name asks for, and rendering with progress.

A document kind's service builds its `Document` (reads, then a pure build) and calls `render`, which draws the
charts one step at a time and then writes the file, reporting (done, total, label) through `Steps` so that a
background job can show how far it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from izvedba.rendering.charts import render_png
from izvedba.rendering.docx_render import render_docx
from izvedba.rendering.model import Document
from izvedba.rendering.numbering import numbered

Progress = Callable[[int, int, str], object]
Renderer = Callable[[Document], bytes]


def _pdf(document: Document) -> bytes:
    from izvedba.rendering.pdf_render import render_pdf  # WeasyPrint loads Pango: only when a PDF is asked for

    return render_pdf(document)


FORMATS: dict[str, Renderer] = {"docx": render_docx, "pdf": _pdf}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def format_for_path(path: str | Path) -> str | None:
    """ "docx" or "pdf" from a file name's extension (any case); None for any other."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


@dataclass
class Steps:
    """Progress in steps: `step(label)` reports (done so far, total, what starts now)."""

    total: int
    report: Progress | None = None
    done: int = 0

    def step(self, label: str) -> None:
        if self.report is not None:
            self.report(min(self.done, self.total), self.total, label)
        self.done += 1

    def skip(self, count: int) -> None:
        """Steps that turned out not to be needed (a chart without data) count as done."""
        self.done += max(count, 0)

    def finish(self, label: str) -> None:
        self.done = self.total
        if self.report is not None:
            self.report(self.total, self.total, label)


def render_steps(document: Document) -> int:
    """How many steps `render` reports: one per chart and one for writing the file."""
    return len(document.figures()) + 1


def render(document: Document, fmt: str, *, steps: Steps | None = None) -> bytes:
    """The document in `fmt` ("docx" or "pdf"): numbered, its charts drawn, the file written."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown document format {fmt!r}; use one of {', '.join(FORMATS)}.")
    document = numbered(document)
    figures = document.figures()
    for index, figure in enumerate(figures, start=1):
        if steps is not None:
            steps.step(_("Drawing chart %(number)d of %(count)d") % {"number": index, "count": len(figures)})
        render_png(figure.chart)  # cached: the renderer reuses the image
    if steps is not None:
        steps.step(_("Writing the %(format)s file") % {"format": fmt.upper()})
    return FORMATS[fmt](document)
