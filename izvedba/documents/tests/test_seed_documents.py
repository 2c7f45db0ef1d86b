"""The real documents: the national plan (DOCX extract) and a regional plan summary (PDF extract)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from izvedba.documents.importers import parse_plan
from izvedba.geo.reference import region_names

from .agreement import field_agreement

DATA = Path(__file__).resolve().parents[2] / "demo" / "data"
LABELS = Path(__file__).resolve().parent / "labels"


def parsed(name: str) -> dict[str, Any]:
    return parse_plan((DATA / name).read_bytes(), name, regions=region_names()).to_dict()


@pytest.fixture(scope="module")
def nin() -> dict[str, Any]:
    return parsed("nin-2025-2026.txt")


@pytest.fixture(scope="module")
def rin() -> dict[str, Any]:
    return parsed("rin-obalno-kraska-2014-2016.txt")


def measure(plan: dict[str, Any], code: str) -> dict[str, Any]:
    return next(m for m in plan["measures"] if m["code"] == code)


def test_it_reads_the_national_plans_identity(nin: dict[str, Any]) -> None:
    assert nin["kind"] == "national"
    assert (nin["period_start"], nin["period_end"]) == (2025, 2026)
    assert nin["document_number"] == "12200-6/2025/3"
    assert nin["document_date"] == "2025-07-23"


def test_it_finds_38_measures_and_the_five_sub_rows_of_2_12(nin: dict[str, Any]) -> None:
    assert len(nin["measures"]) == 38
    assert [m["code"] for m in nin["measures"]][:3] == ["1.1.1", "1.1.2", "1.1.3"]
    sub_rows = measure(nin, "2.12")["sub_rows"]
    assert len(sub_rows) == 5
    assert [s["indicators"][0]["target"] for s in sub_rows] == [12, 15, 5, 10, 10]
    assert all(s["indicators"][0]["baseline_year"] == 2022 for s in sub_rows)


def test_it_places_goal_1_measures_in_their_areas(nin: dict[str, Any]) -> None:
    goal_1 = next(g for g in nin["goals"] if g["number"] == 1)
    assert [a["code"] for a in goal_1["areas"]] == ["1.1", "1.2", "1.3"]
    assert measure(nin, "1.3.2")["area"] == "1.3"
    assert measure(nin, "2.1")["area"] is None
    assert len(next(g for g in nin["goals"] if g["number"] == 3)["areas"]) == 12


def test_it_reads_each_kind_of_amount(nin: dict[str, Any]) -> None:
    assert measure(nin, "2.1")["amounts_eur"] == {"2025": 39994058, "2026": 45000000}
    assert measure(nin, "1.3.3")["amounts_eur"] == {"2025": 2500000, "2026": 2500000}
    assert measure(nin, "1.3.2")["amounts_eur"] == {"per_year": 5000000}
    assert measure(nin, "1.1.1")["amounts_eur"] == {"2025-2026": 900000}
    assert measure(nin, "3.7")["amounts_eur"] == {"total": 4000}
    assert measure(nin, "1.1.3")["no_additional_funds"] is True


def test_it_reads_milestones_with_their_text(nin: dict[str, Any]) -> None:
    assert measure(nin, "1.3.1")["deadlines"][1] == {
        "date": "2027-12-31",
        "label": "Izvedba protokola sodelovanja med instituc. ter mreženja v okolju v dveh pilotnih okoljih",
    }
    assert [d["date"] for d in measure(nin, "1.2.2")["deadlines"]] == [
        "2026-03-15",
        "2028-03-15",
        "2030-03-15",
    ]
    assert len(measure(nin, "2.14")["deadlines"]) == 3


def test_it_removes_the_stray_word_and_says_so(nin: dict[str, Any]) -> None:
    first = measure(nin, "1.1.1")
    assert first["purpose"].endswith("stroških poštnine.")
    assert first["holders"] == ["MDDSZ"]
    assert any("MDDSZ" in w for w in first["warnings"])
    assert first["raw"]["Namen ukrepa"].endswith("MDDSZ")


def test_it_keeps_every_source_cell_and_lists_what_it_could_not_place(nin: dict[str, Any]) -> None:
    parsed_row = next(m for m in parse_plan((DATA / "nin-2025-2026.txt").read_bytes()).measures if m.code == "2.18")
    assert [w.code for w in parsed_row.warnings] == ["no_deadline_in_text"]
    row = measure(nin, "2.18")
    assert set(row["raw"]) == {"Ukrepi", "Namen ukrepa", "Nosilec ukrepa", "Sodelujoči", "Finančni vir",
                               "Ocena finanč sredstev", "Rok izvedbe", "Kazalnik-i"}  # fmt: skip
    assert row["deadlines"] == []
    assert len(row["warnings"]) == 1
    assert "[bookmark" not in json.dumps(nin, ensure_ascii=False)


def test_it_reads_the_regional_summary(rin: dict[str, Any]) -> None:
    assert rin["kind"] == "regional"
    assert rin["region"] == "Obalno-kraška"
    assert (rin["period_start"], rin["period_end"]) == (2014, 2016)
    assert rin["coordinator"] == "CSD Koper"
    assert rin["confirmed_on"] == "2014-02-26"
    assert len(rin["municipalities"]) == 7
    assert [s["count"] for s in rin["coordination_group"]] == [7, 10, 2, 2]
    assert len(rin["context_indicators"]) == 4
    assert len(rin["priorities"]) == 5
    assert len(rin["risks"]) == 4
    assert [g["number"] for g in rin["goals"]] == [1, 2, 3]
    assert [m["code"] for m in rin["measures"]].count("2.11") == 1
    assert len(rin["measures"]) == 14


def test_it_applies_goal_level_deadlines_holders_and_scoped_holders(rin: dict[str, Any]) -> None:
    assert measure(rin, "2.10")["holders"] == [
        "CSD",
        "občine",
        "nevladni sektor",
        "ZD",
        "Socialno varstveni zavod Dutovlje",
    ]
    assert measure(rin, "2.9")["holders"] == ["CSD", "občine", "nevladni sektor", "VZ Planina"]
    assert measure(rin, "2.1")["holders"] == ["CSD", "občine", "nevladni sektor"]
    assert measure(rin, "3.2")["deadlines"] == [{"date": "2016-12-31", "label": None}]
    assert "ZRSZ (APZ)" in measure(rin, "2.4")["funding_sources"]
    ageing = next(c for c in rin["context_indicators"] if c["name"] == "indeks staranja")
    assert (ageing["value"], ageing["year"]) == (134.5, 2012)


@pytest.mark.parametrize("name", ["nin-2025-2026", "rin-obalno-kraska-2014-2016"])
def test_it_agrees_with_the_hand_checked_labels(name: str) -> None:
    labels = json.loads((LABELS / f"{name}.json").read_text(encoding="utf-8"))
    agreeing, total, diffs = field_agreement(labels, parsed(f"{name}.txt"))
    assert agreeing == total, diffs
