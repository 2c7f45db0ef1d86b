"""Words on a PDF page → cell text and paragraphs (pure geometry, no PDF library)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Box = tuple[float, float, float, float]
_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")

_SAME_LINE = 2.0  # points: words whose tops differ by less are on one line
_CUT = 1.15  # × a character's width: a one-word line ending this close to the cell's edge was cut mid-word
_SPACE = 0.25  # × the line height: the width of a space
# Short Slovenian words that begin a wrapped line and are never the tail of a cut word.
_SHORT_WORDS = frozenset(
    "v z s k o in na za ki ter do po pri iz od so je se da ali oz ob pa še ne to te ta".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @classmethod
    def from_pdfplumber(cls, word: dict[str, Any]) -> Word:
        return cls(
            str(word["text"]), float(word["x0"]), float(word["x1"]), float(word["top"]), float(word["bottom"])
        )


def inside(box: Box, word: Word) -> bool:
    return box[0] <= word.cx <= box[2] and box[1] <= word.cy <= box[3]


def _bare(text: str) -> str:
    return _PUNCT.sub("", text).casefold()


def whole_words(words: Iterable[Word]) -> frozenset[str]:
    """Words seen inside a line (neither first nor last): never a fragment of a word cut at a line end."""
    found: set[str] = set()
    for line in lines_of(list(words)):
        found.update(_bare(w.text) for w in line[1:-1])
    return frozenset(found)


def lines_of(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) < _SAME_LINE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def cell_text(box: Box, words: list[Word], vocabulary: frozenset[str] = frozenset()) -> str:
    """A cell's text with its paragraphs on separate lines.

    A line ended by wrapping (the next line's first word would not have fitted after it) runs on with a space;
    a line that stops short of that ended its paragraph. A single word the column was too narrow for, cut at
    the cell's edge, is put back together.
    """
    lines = lines_of(words)
    if not lines:
        return ""
    padding = max(min(line[0].x0 for line in lines) - box[0], 0.0)
    right = box[2] - padding
    width = right - (box[0] + padding)
    text = " ".join(w.text for w in lines[0])
    for previous, line in itertools.pairwise(lines):
        joined = " ".join(w.text for w in line)
        text += _line_break(previous, line, right, width, vocabulary) + joined
    return text


def _cut_mid_word(
    previous: list[Word], first: Word, room: float, width: float, vocabulary: frozenset[str]
) -> bool:
    """Whether the column cut one word in two rather than wrapping between two words.

    A layout engine cuts only a word too wide for a whole line, and then fills the line to the edge; when
    that cannot be told from geometry, the document's own words decide (a word seen inside a line is whole).
    """
    last = previous[-1]
    if not (last.text[-1:].isalnum() and (first.text[:1].islower() or first.text[:1].isdigit())):
        return False
    char = (first.x1 - first.x0) / max(len(first.text), 1)
    if room > _CUT * char or (last.x1 - last.x0) + (first.x1 - first.x0) <= width:
        return False
    head, tail = _bare(last.text), _bare(first.text)
    if head + tail in vocabulary:
        return True
    return tail not in _SHORT_WORDS and tail not in vocabulary


def _line_break(
    previous: list[Word], line: list[Word], right: float, width: float, vocabulary: frozenset[str]
) -> str:
    last, first = previous[-1], line[0]
    room = right - last.x1
    char = (first.x1 - first.x0) / max(len(first.text), 1)
    runs_on = first.text[:1].islower() or first.text[:1].isdigit()
    if _cut_mid_word(previous, first, room, width, vocabulary):
        return ""
    if len(last.text) > 1 and last.text.endswith(("-", "–", "/")) and runs_on:
        return ""  # '2021-' '2027': a break after a hyphen inside a word
    space = _SPACE * (last.bottom - last.top)
    return " " if room < space + (first.x1 - first.x0) + char else "\n"


def paragraphs(words: list[Word]) -> list[tuple[float, str]]:
    """(top, text) of each paragraph: lines join until a wider gap, or after a line that ends short."""
    lines = lines_of(words)
    if not lines:
        return []
    right = max(line[-1].x1 for line in lines)
    pitch = _typical_pitch(lines)
    result: list[tuple[float, str]] = []
    for index, line in enumerate(lines):
        text = " ".join(w.text for w in line)
        previous = lines[index - 1] if index else None
        if previous is not None and _same_paragraph(previous, line, right, pitch):
            top, before = result[-1]
            glue = "" if before.endswith(("-", "–")) and not before.endswith((" -", " –")) else " "
            result[-1] = (top, before + glue + text)
        else:
            result.append((line[0].top, text))
    return result


def _typical_pitch(lines: list[list[Word]]) -> float:
    gaps = sorted(b[0].top - a[0].top for a, b in itertools.pairwise(lines) if b[0].top > a[0].top)
    return gaps[len(gaps) // 2] if gaps else 12.0


def _same_paragraph(previous: list[Word], line: list[Word], right: float, pitch: float) -> bool:
    gap = line[0].top - previous[0].top
    ended_short = previous[-1].x1 < right - 40
    return 0 < gap <= pitch * 1.25 and not ended_short
