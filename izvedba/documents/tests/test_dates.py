"""Deadlines and their milestone labels."""

from __future__ import annotations

import datetime as dt

from izvedba.documents.importers.values.dates import parse_deadlines


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.date.isoformat(), d.label) for d in parse_deadlines(text).items]


def test_it_reads_a_plain_date() -> None:
    assert dates("31. 12. 2026") == [("2026-12-31", None)]
    assert dates("Rok za izvedbo ukrepov je 31.12.2016.") == [("2016-12-31", None)]


def test_it_expands_several_years_sharing_a_day_and_label() -> None:
    assert dates("15. 3. 2026/2028/2030 (2-letna poročila)") == [
        ("2026-03-15", "2-letna poročila"),
        ("2028-03-15", "2-letna poročila"),
        ("2030-03-15", "2-letna poročila"),
    ]


def test_it_takes_the_label_written_before_the_date() -> None:
    text = "Priprava protokola: 31. 12. 2025.\n\nIzvedba v dveh pilotnih okoljih: 31. 12. 2027."
    assert dates(text) == [
        ("2025-12-31", "Priprava protokola"),
        ("2027-12-31", "Izvedba v dveh pilotnih okoljih"),
    ]


def test_it_takes_milestone_labels_in_parentheses_and_after_a_dash() -> None:
    text = "30. 6. 2025 (imenovane delovne skupine), \n31. 3. 2026 (izvedena analiza)"
    assert dates(text) == [("2025-06-30", "imenovane delovne skupine"), ("2026-03-31", "izvedena analiza")]
    assert dates("31. 12. 2026 – pripravljena analiza stanja") == [("2026-12-31", "pripravljena analiza stanja")]


def test_it_keeps_text_it_did_not_place_as_notes() -> None:
    result = parse_deadlines("31. 12. 2026.\nIzvajanje ukrepa se bo nadaljevalo tudi v letu 2027.")
    assert [d.date for d in result.items] == [dt.date(2026, 12, 31)]
    assert result.notes == ["Izvajanje ukrepa se bo nadaljevalo tudi v letu 2027"]


def test_it_warns_about_an_impossible_date_and_a_cell_without_a_date() -> None:
    assert parse_deadlines("31. 2. 2026").warnings[0].code == "invalid_date"
    assert parse_deadlines("Ukrepi se bodo izvajali do leta 2027.").warnings[0].code == "no_deadline_in_text"
