"""Word list numbering: the bullet or number Word draws before a list paragraph is not in its text (pure)."""

from __future__ import annotations

from collections import defaultdict

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

_BULLET = "•"


class ListLabels:
    """Gives each list paragraph the label Word would draw: '• ' for bullets, '3. ' for decimal lists."""

    def __init__(self, document: DocxDocument) -> None:
        self._formats = _level_formats(document)
        self._style_num = _style_numbering(document)
        self._counters: dict[tuple[str, int], int] = defaultdict(int)

    def label(self, p: etree._Element) -> str:
        num_id, level = self._numbering(p)
        if num_id is None or num_id == "0":
            return ""
        fmt = self._formats.get((num_id, level), "bullet")
        if fmt == "bullet":
            return f"{_BULLET} "
        if fmt in {"decimal", "decimalZero"}:
            self._counters[(num_id, level)] += 1
            for deeper in [k for k in self._counters if k[0] == num_id and k[1] > level]:
                self._counters[deeper] = 0
            return f"{self._counters[(num_id, level)]}. "
        return ""

    def _numbering(self, p: etree._Element) -> tuple[str | None, int]:
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None:
            style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_id = style.get(qn("w:val")) if style is not None else None
            return (self._style_num.get(style_id or ""), 0)
        num = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        return (num.get(qn("w:val")) if num is not None else None, level)


def _level_formats(document: DocxDocument) -> dict[tuple[str, int], str]:
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in numbering.iterchildren(qn("w:abstractNum")):
        levels = {}
        for lvl in node.iterchildren(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[int(lvl.get(qn("w:ilvl"), "0"))] = fmt.get(qn("w:val")) if fmt is not None else "bullet"
        abstract[node.get(qn("w:abstractNumId"), "")] = levels
    formats: dict[tuple[str, int], str] = {}
    for num in numbering.iterchildren(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        levels = abstract.get(ref.get(qn("w:val"), "") if ref is not None else "", {})
        formats.update({(num.get(qn("w:numId"), ""), lvl): fmt for lvl, fmt in levels.items()})
    return formats


def _style_numbering(document: DocxDocument) -> dict[str, str]:
    found: dict[str, str] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num is not None:
            found[style.get(qn("w:styleId"), "")] = num.get(qn("w:val"), "")
    return found
