"""The same plans as Word documents and as PDFs agree with the hand-checked labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from izvedba.documents.importers import DocumentError, parse_plan
from izvedba.geo.reference import region_names

from .agreement import field_agreement

LABELS = Path(__file__).resolve().parent / "labels"

CASES = [
    ("nin-2025-2026.docx", "nin-2025-2026", 0.99),
    ("nin-2025-2026-simple.docx", "nin-2025-2026", 0.99),
    ("nin-2025-2026-plain.docx", "nin-2025-2026", 0.99),
    ("rin-obalno-kraska-2014-2016.docx", "rin-obalno-kraska-2014-2016", 0.99),
    ("nin-2025-2026.pdf", "nin-2025-2026", 0.90),
    ("rin-obalno-kraska-2014-2016.pdf", "rin-obalno-kraska-2014-2016", 0.95),
]


@pytest.mark.parametrize(("fixture", "labels", "threshold"), CASES)
def test_it_agrees_with_the_labels(fixtures_dir: Path, fixture: str, labels: str, threshold: float) -> None:
    expected = json.loads((LABELS / f"{labels}.json").read_text(encoding="utf-8"))
    result = parse_plan((fixtures_dir / fixture).read_bytes(), fixture, regions=region_names()).to_dict()
    assert len(result["measures"]) == len(expected["measures"])
    agreeing, total, diffs = field_agreement(expected, result)
    assert agreeing / total >= threshold, "\n".join(diffs[:20])
    assert result["source_format"] == fixture.rsplit(".", 1)[1]


def test_it_says_a_damaged_pdf_is_damaged(fixtures_dir: Path) -> None:
    truncated = (fixtures_dir / "nin-2025-2026.pdf").read_bytes()[:2000]
    with pytest.raises(DocumentError) as caught:
        parse_plan(truncated, "plan.pdf")
    assert caught.value.code in {"corrupt_pdf", "image_only_pdf"}
