"""Small documents the rendering tests share."""

from __future__ import annotations

import datetime as dt

from izvedba.rendering.charts import ChartSpec, Series
from izvedba.rendering.model import (
    BulletList,
    Document,
    Figure,
    HeaderCell,
    Heading,
    KeyFigure,
    KeyFigures,
    Metadata,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Table,
    TableOfContents,
)

SLOVENIAN = "Število žrtev: čšž ČŠŽ ćđ ĆĐ"
LONG_ROWS = 120


def cases_table(rows: int = 4, key: str = "cases") -> Table:
    body = tuple(Row((f"Enota {i + 1}", f"{i + 1}", "25")) for i in range(rows))
    return Table(
        caption="Število primerov po enotah",
        header=((HeaderCell(""), HeaderCell("Število"), HeaderCell("Delež (%)")),),
        rows=body,
        total=Row(("SKUPAJ", "367", "100"), "total"),
        key=key,
    )


def placements_chart(language: str = "sl") -> ChartSpec:
    months = ("jan", "feb", "mar", "apr", "maj", "jun")
    return ChartSpec("bar", months, (Series("Namestitve", (5, 0, 4, 1, 5, 1)),), language=language)


def sample_document(language: str = "sl", long_rows: int = 8) -> Document:
    """Two sections, a paragraph with Slovenian letters, a list, two tables, a chart with its data table, key
    figures; `long_rows` makes the second table run over pages."""
    return Document(
        title="Poslovno poročilo 2021",
        language=language,
        metadata=Metadata(
            subtitle="Poročilo o doseženih ciljih in rezultatih",
            author="Center za socialno delo Južna Primorska",
            subject="Letno poročilo",
            keywords=("CSD", "2021"),
            date=dt.date(2022, 2, 17),
            lines=("Prisoje 1, 6000 Koper",),
        ),
        blocks=(
            TableOfContents("Kazalo"),
            KeyFigures("Ključni podatki", ("2021", "2020"), (KeyFigure("Primeri nasilja", ("367", "–")),)),
            Heading(1, "Zakonske podlage", number="1", key="section-1"),
            Paragraph((Run(SLOVENIAN), Run(" krepko", bold=True), Run(" ležeče", italic=True))),
            BulletList(("Zakon o socialnem varstvu", "Družinski zakonik")),
            Heading(2, "Območje delovanja", number="1.1"),
            cases_table(),
            Heading(1, "Ocena uspeha", number="4", key="section-4"),
            Figure("Nove namestitve po mesecih", placements_chart(language), cases_table(key="placements")),
            PageBreak(),
            Heading(2, "Intervencije", number="4.1"),
            cases_table(long_rows, key="long"),
            Paragraph.of("Za to področje ni besedila.", "empty"),
        ),
    )
