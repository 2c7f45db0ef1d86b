"""Word tables read as Word stores them: merged cells, spans, list numbering."""

from __future__ import annotations

import io

import pytest
from docx import Document

from izvedba.documents.importers import DocumentError, parse_plan
from izvedba.documents.importers.blocks import Paragraph, Table
from izvedba.documents.importers.readers.docx import read_docx

HEADER = ["Ukrepi", "Namen ukrepa", "Nosilec ukrepa", "Sodelujoči", "Finančni vir", "Ocena finanč. sredstev",
          "Rok izvedbe", "Kazalnik-i"]  # fmt: skip


def document_bytes(build) -> bytes:  # type: ignore[no-untyped-def]
    document = Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plan_with_merged_cells(document) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph("NACIONALNI IZVEDBENI NAČRT NA PODROČJU SOCIALNEGA VARSTVA 2025 – 2026")
    table = document.add_table(rows=5, cols=8)
    title = table.cell(0, 0).merge(table.cell(0, 7))
    title.text = "2. Cilj: Izboljšanje razpoložljivosti storitev"
    for col, text in enumerate(HEADER):
        table.cell(1, col).text = text
    main = ["Ukrep 2.12: Spodbujanje programov", "Okrepitev mreže", "MDDSZ", "Izvajalci", "Proračun RS",
            "V letu 2025: 100.000 EUR", "", "Okrepljena mreža (leto 2022)"]  # fmt: skip
    for col, text in enumerate(main):
        table.cell(2, col).text = text
    for row, percent in ((3, 12), (4, 15)):
        sub = ["", f"Širitev {row}", "MDDSZ", "Izvajalci", "Proračun RS", "", "31. 12. 2026",
               f"Za {percent} % povečano število programov (leto 2022)"]  # fmt: skip
        for col, text in enumerate(sub):
            table.cell(row, col).text = text
    table.cell(2, 0).merge(table.cell(4, 0))
    table.cell(2, 5).merge(table.cell(4, 5))


def test_it_marks_vertically_merged_cells_and_spans() -> None:
    blocks = read_docx(document_bytes(plan_with_merged_cells))
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.rows[0][0].text.startswith("2. Cilj")
    assert [c.text for c in table.rows[0][1:]] == [""] * 7
    assert table.rows[3][0].merged_above and table.rows[4][5].merged_above
    assert not table.rows[2][0].merged_above


def test_it_reads_sub_rows_under_a_merged_measure_cell() -> None:
    plan = parse_plan(document_bytes(plan_with_merged_cells), "plan.docx").to_dict()
    (measure,) = plan["measures"]
    assert measure["code"] == "2.12"
    assert measure["amounts_eur"] == {"2025": 100000}
    assert [s["indicators"][0]["target"] for s in measure["sub_rows"]] == [12, 15]
    assert all(s["amounts_eur"] == {} for s in measure["sub_rows"])
    assert measure["deadlines"] == [{"date": "2026-12-31", "label": None}]


def test_it_draws_list_bullets_and_numbers_into_the_text() -> None:
    def build(document) -> None:  # type: ignore[no-untyped-def]
        document.add_paragraph("prva", style="List Bullet")
        document.add_paragraph("druga", style="List Number")
        document.add_paragraph("tretja", style="List Number")

    texts = [b.text for b in read_docx(document_bytes(build)) if isinstance(b, Paragraph)]
    assert texts == ["• prva", "1. druga", "2. tretja"]


def test_it_refuses_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "not word")
    with pytest.raises(DocumentError) as caught:
        parse_plan(buffer.getvalue(), "plan.docx")
    assert caught.value.code == "corrupt_docx"
