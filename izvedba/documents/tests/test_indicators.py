"""Indicators and the targets written into their text."""

from __future__ import annotations

from decimal import Decimal

from izvedba.documents.importers.values.indicators import parse_indicators


def targets(text: str) -> list[tuple[Decimal | None, str | None, int | None]]:
    return [(i.target, i.unit, i.baseline_year) for i in parse_indicators(text).items]


def test_it_reads_an_explicit_target_value_and_unit() -> None:
    text = "Število oseb, vključenih v programe: ciljna vrednost 4.320 vključenih oseb."
    assert targets(text) == [(Decimal(4320), "vključenih oseb", None)]


def test_it_reads_a_percentage_increase_against_a_baseline_year() -> None:
    text = "Za 12 % povečano število socialnovarstvenih programov glede na obstoječe stanje (leto 2022)"
    assert targets(text) == [(Decimal(12), "%", 2022)]


def test_it_splits_items_at_bullets_and_line_ends() -> None:
    text = "- Razbremenitev CSD;  \n- 30% delež elektronsko vročanje odločb."
    items = parse_indicators(text).items
    assert [i.text for i in items] == ["Razbremenitev CSD", "30% delež elektronsko vročanje odločb."]
    assert items[1].target == Decimal(30)


def test_it_reads_minimums_and_does_not_take_a_year_range_for_a_target() -> None:
    text = "število preseljenih uporabnikov – najmanj 100,\nštevilo zaprtih zavodov -1, \nizvedeni javni razpisi"
    assert targets(text) == [(Decimal(100), None, None), (Decimal(1), None, None), (None, None, None)]
    assert targets("Izvajanje Akcijskega načrta RS za jamstvo za otroke 2022 - 2030") == [(None, None, None)]


def test_it_keeps_a_wrapped_parenthesis_in_one_item() -> None:
    text = "Sprejete pravne podlage (spremembe\nZakona o socialnem varstvu)."
    assert len(parse_indicators(text).items) == 1


def test_it_warns_when_targets_are_given_per_area() -> None:
    result = parse_indicators("Št. udeležencev: \nKRVS: 990\nKRZS: 810")
    assert result.items[0].target is None
    assert result.warnings[0].code == "indicator_by_area"
