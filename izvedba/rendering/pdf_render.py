"""The PDF renderer: a `Document` as PDF, from the same HTML the web shows (WeasyPrint: HTML + CSS → PDF).

Fonts are embedded (subsets of DejaVu Sans, matplotlib's own copy, so the PDF does not depend on the fonts the
machine has), tables' header rows repeat on every page, headings become the PDF's bookmarks and the contents list
gets page numbers. Needs Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from izvedba.rendering.html_render import render_html
from izvedba.rendering.model import Document

# WeasyPrint reports each layout step at INFO; a document job reports its own progress.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

FACES = (
    ("DejaVuSans.ttf", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "italic"),
    ("DejaVuSans-BoldOblique.ttf", "bold", "italic"),
)


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes."""
    from weasyprint import HTML

    html = render_html(document, charts="png", for_print=True, font_faces=font_faces())
    metadata = document.metadata
    pdf: bytes = HTML(string=html, base_url=str(font_directory())).write_pdf(
        uncompressed_pdf=False, pdf_identifier=f"izvedba:{document.title}:{metadata.date}".encode()
    )
    return pdf


@cache
def font_directory() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def font_faces() -> str:
    """@font-face rules for DejaVu Sans from matplotlib's copy (the system's fonts are the fallback)."""
    rules = []
    for name, weight, style in FACES:
        path = font_directory() / name
        if path.exists():
            rules.append(
                f'@font-face {{ font-family: "DejaVu Sans"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)
