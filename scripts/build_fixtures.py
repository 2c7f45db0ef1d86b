#!/usr/bin/env python
"""Build the DOCX and PDF test fixtures from the seed text kept in the project.

    .venv/bin/python scripts/build_fixtures.py .cache/fixtures

The DOCX files are real Word documents written with python-docx: measure tables with a repeated header row,
a title row spanning the table, the goal-1 area column merged vertically and 2.12's sub-rows under a merged
measure cell. PDFs are converted from them by LibreOffice (`soffice --headless --convert-to pdf`). Also writes
the bad inputs the tests feed the importer (encrypted and image-only PDFs, a .docx that is not a ZIP, …).
Files are rebuilt only when this script or the seed text changed.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.text import WD_BREAK  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from izvedba.documents.importers.blocks import Cell, Table  # noqa: E402
from izvedba.documents.importers.cleaning import is_bullet, strip_bullet  # noqa: E402
from izvedba.documents.importers.interpret.rows import rows_from_stream  # noqa: E402
from izvedba.documents.importers.readers.text import read_text  # noqa: E402
from izvedba.documents.importers.vocabulary import column_of  # noqa: E402

DATA = ROOT / "izvedba" / "demo" / "data"
NIN = DATA / "nin-2025-2026.txt"
RIN = DATA / "rin-obalno-kraska-2014-2016.txt"
_MARKERS = re.compile(r"\[bookmark:[^\]]*\]|\[footnoteRef:\s*\d+\]|\s*\[\d+:\s[^\]]*\]")


def unmark(text: str) -> str:
    return _MARKERS.sub("", text)


def _cell_paragraphs(cell, text: str) -> None:
    lines = unmark(text).rstrip("\n ").split("\n")
    cell.paragraphs[0].text = lines[0].strip()
    for line in lines[1:]:
        cell.add_paragraph(line.strip())


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _is_title(row: list[Cell]) -> bool:
    return len(row) == 1


def _write_measure_table(document, rows: list[list[Cell]], *, merge: bool, grid: bool = True) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    if grid:
        table.style = "Table Grid"
    header_index = next(i for i, r in enumerate(rows) if len(r) == width and column_of(unmark(r[-1].text)))
    columns = [column_of(unmark(c.text)) for c in rows[header_index]]
    starts: dict[int, int] = {}
    for index, row in enumerate(rows):
        docx_row = table.add_row()
        if _is_title(row):
            merged = docx_row.cells[0].merge(docx_row.cells[-1])
            _cell_paragraphs(merged, row[0].text)
            continue
        for col, cell in enumerate(row):
            _cell_paragraphs(docx_row.cells[col], cell.text)
        if index == header_index:
            _repeat_header(docx_row)
        if not merge:
            continue
        for col, name in enumerate(columns):
            empty = not unmark(row[col].text).strip()
            if name in {"area", "measure", "amounts"} and not empty:
                starts[col] = len(table.rows) - 1
            elif name in {"area", "measure", "amounts"} and empty and col in starts:
                if name == "amounts" and unmark(row[columns.index("measure")].text).strip() != "":
                    starts.pop(col, None)
                    continue
                top = table.cell(starts[col], col)
                top.merge(table.cell(len(table.rows) - 1, col))
            if name == "measure" and not empty:
                starts = {k: v for k, v in starts.items() if columns[k] == "area" or k == col}
                starts[col] = len(table.rows) - 1
    if merge:
        _set_widths(table, columns)


def _split_area_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The 'simple' layout: the area column becomes a full-width row above its measures."""
    width = max(len(r) for r in rows)
    header = next(r for r in rows if len(r) == width and column_of(unmark(r[-1].text)))
    if column_of(unmark(header[0].text)) != "area":
        return rows
    out: list[list[Cell]] = []
    for row in rows:
        if len(row) == width and row is not header and unmark(row[0].text).strip():
            out.append([row[0]])
        out.append(row[1:] if len(row) == width else row)
    return out


_WIDTHS_CM = {"area": 2.2, "measure": 3.6, "purpose": 5.2, "holders": 2.0, "participants": 2.8,
              "funding_sources": 2.6, "amounts": 2.6, "deadlines": 2.2, "indicators": 4.4}  # fmt: skip


def _landscape(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))


def _set_widths(table, columns: list[str | None]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, name in zip(row.cells, columns, strict=False):
            cell.width = Cm(_WIDTHS_CM.get(name or "", 2.5))


def nin_docx(*, merge: bool, plain: bool = False) -> bytes:
    """NIN as Word: landscape with set widths (merge=True), portrait with equal widths (merge=False), or
    python-docx's bare defaults — no borders, default font and widths — (plain=True)."""
    document = Document()
    if not plain:
        document.styles["Normal"].font.name = "DejaVu Sans"
        document.styles["Normal"].font.size = Pt(9)
    if merge:
        _landscape(document)
    blank = False
    for block in read_text(NIN.read_bytes()):
        if isinstance(block, Table):
            rows = rows_from_stream(block.rows[0], [])
            if len(rows) > 4:
                layout = rows if merge or plain else _split_area_rows(rows)
                _write_measure_table(document, layout, merge=merge, grid=not plain)
            else:
                for row in rows:
                    document.add_paragraph(unmark(row[0].text).strip())
            continue
        text = unmark(block.text).rstrip()
        if not text.strip():
            if not blank:
                document.add_paragraph("")
            blank = True
            continue
        blank = False
        style = "Title" if text.startswith("NACIONALNI IZVEDBENI") else "Normal"
        style = "Heading 1" if re.match(r"^\d\. (Cilj|Ukrepi|Trenutne|Vzpostavljanje)", text) else style
        document.add_paragraph(text.replace("\t", " "), style=style)
    return _save(document)


def _reflow(lines: list[str]) -> list[str]:
    """PDF-extract lines → paragraphs: a line that starts in lower case continues the paragraph above."""
    paragraphs: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        starts_new = is_bullet(line) or re.match(r"^\d{1,2}\.\s", line) or not paragraphs
        continues = line[:1].islower() or line[:1] in "(" or (paragraphs and paragraphs[-1].endswith(("-", "–")))
        upper_run = paragraphs and paragraphs[-1].isupper() and line.isupper()
        leaves_heading = paragraphs and paragraphs[-1].isupper() and not line.isupper()
        ended = paragraphs and paragraphs[-1].endswith((".", ":", "!", "?"))
        if not starts_new and not leaves_heading and (continues or upper_run or not ended):
            sep = "" if paragraphs[-1].endswith(("-", "–")) else " "
            paragraphs[-1] = f"{paragraphs[-1]}{sep}{line}"
        else:
            paragraphs.append(line)
    return paragraphs


def rin_docx() -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    for index, paragraph in enumerate(_reflow(RIN.read_text(encoding="utf-8").split("\n"))):
        if is_bullet(paragraph):
            document.add_paragraph(strip_bullet(paragraph), style="List Bullet")
        elif index == 0:
            document.add_paragraph(re.sub(r"(?<=[A-Z])\d$", "", paragraph), style="Title")
        else:
            document.add_paragraph(paragraph)
    return _save(document)


def memo_docx() -> bytes:
    document = Document()
    document.add_paragraph("Zapisnik sestanka koordinacijske skupine", style="Title")
    document.add_paragraph("Prisotni so se seznanili z zapisnikom prejšnje seje.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Ime", "Vloga"
    table.cell(1, 0).text, table.cell(1, 1).text = "Predsednica", "vodi sejo"
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    return _save(document)


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is missing: install Debian's libreoffice-writer-nogui.")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return out_dir / (docx_path.stem + ".pdf")


def encrypted_pdf(source: Path) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="tajno", owner_password="zelo-tajno", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    for y in range(200, 1500, 60):
        draw.rectangle([120, y, 1100, y + 20], fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()


def fingerprint() -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in (NIN, RIN):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    stamp = out / ".fingerprint"
    if stamp.exists() and stamp.read_text() == fingerprint():
        return
    files = {
        "nin-2025-2026.docx": nin_docx(merge=True),
        "nin-2025-2026-simple.docx": nin_docx(merge=False),
        "nin-2025-2026-plain.docx": nin_docx(merge=False, plain=True),
        "rin-obalno-kraska-2014-2016.docx": rin_docx(),
        "memo-no-measures.docx": memo_docx(),
        "not-a-zip.docx": b"This is plain text saved with a .docx name.\n",
        "random.bin": os.urandom(4096),
        "empty.docx": b"",
        "image-only.pdf": image_only_pdf(),
    }
    for name, data in files.items():
        (out / name).write_bytes(data)
    pdfs = ("nin-2025-2026.docx", "nin-2025-2026-simple.docx", "nin-2025-2026-plain.docx",
            "rin-obalno-kraska-2014-2016.docx")  # fmt: skip
    for name in pdfs:
        to_pdf(out / name, out)
    (out / "encrypted.pdf").write_bytes(encrypted_pdf(out / "nin-2025-2026.pdf"))
    stamp.write_text(fingerprint())


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".cache" / "fixtures"
    build(target)
    print(f"fixtures in {target}")
