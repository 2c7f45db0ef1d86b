"""Estimated funds as Slovenian plans write them."""

from __future__ import annotations

import pytest

from izvedba.documents.importers.values.amounts import parse_amounts

CASES = [
    ("39.994.058 EUR", {"total": 39994058}),
    ("4.000 EUR", {"total": 4000}),
    ("2,5 mio EUR v letu 2025 in 2,5 mio EUR v letu 2026", {"2025": 2500000, "2026": 2500000}),
    ("1,5 mio EUR v letu 2025 in 2,5 mio EUR v letu 2026.", {"2025": 1500000, "2026": 2500000}),
    ("5 mio EUR na leto", {"per_year": 5000000}),
    ("V letih 2025 in 2026 900.000 EUR.", {"2025-2026": 900000}),
    ("V letu 2025 20.000 EUR", {"2025": 20000}),
    ("Leto 2025: 39.994.058 EUR, \nleto 2026: 45.000.000 EUR", {"2025": 39994058, "2026": 45000000}),
    ("V 2025: \n447.726 EUR; \nv letu 2026: \n449.844 EUR", {"2025": 447726, "2026": 449844}),
    ("V letu 2025: 234.850 EUR\n\nV letu 2026: 234.850 EUR", {"2025": 234850, "2026": 234850}),
    (
        "Finančna sredstva so zagotovljena v okviru že sprejetega Akcijskega načrta RS za jamstvo za otroke "
        "2022 – 2030 (2025: 6.783.000 in 2026: 9.283.000)",
        {"2025": 6783000, "2026": 9283000},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_it_reads_amounts_as_written(text: str, expected: dict[str, int]) -> None:
    result = parse_amounts(text)
    assert result.by_key == expected
    assert result.warnings == []


def test_it_ignores_a_percentage_in_a_note() -> None:
    text = "Leto 2025: 1.500 EUR, leto 2026: 1.500 EUR\n\nOpomba: cca 10% navedenih sredstev bo namenjeno"
    assert parse_amounts(text).by_key == {"2025": 1500, "2026": 1500}


@pytest.mark.parametrize("text", ["Dodatna sredstva niso predvidena", "Dodatnasredstva niso predvid ena"])
def test_it_recognises_no_additional_funds(text: str) -> None:
    result = parse_amounts(text)
    assert result.no_additional_funds
    assert result.by_key == {}


def test_it_warns_about_an_amount_it_cannot_tie_to_a_year() -> None:
    result = parse_amounts("Približno 100.000 EUR ali 200.000 EUR, odvisno od razpisa")
    assert result.by_key == {}
    assert len(result.warnings) == 2


def test_it_keeps_the_first_of_two_amounts_for_one_year_and_says_so() -> None:
    result = parse_amounts("V letu 2025: 1.000 EUR; v letu 2025: 2.000 EUR")
    assert result.by_key == {"2025": 1000}
    assert result.warnings[0].code == "amount_twice"
    assert result.warnings[0].params["key"] == "2025"
