"""Words on a PDF page → cell text and paragraphs (pure geometry, no PDF library)."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

Box = tuple[float, float, float, float]
_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")

_SAME_LINE = 2.0  # points: words whose tops differ by less are on one line
_CUT = 1.15  # × a character's width: a one-word line ending this close to the cell's edge was cut mid-word
_SPACE = 0.25  # × the line height: the width of a space
_COMMON = 1.5  # zipf frequency (wordfreq) from which a Slovenian word counts as a known whole word


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
        return cls(str(word["text"]), float(word["x0"]), float(word["x1"]), float(word["top"]), float(word["bottom"]))


class Lexicon:
    """Words known to be whole: those the document uses inside a line, and common Slovenian words."""

    def __init__(self, seen: frozenset[str] = frozenset()) -> None:
        self.seen = seen

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        return word in self.seen or _common_slovenian(word)


@cache
def _common_slovenian(word: str) -> bool:
    from wordfreq import zipf_frequency

    return bool(zipf_frequency(word, "sl") >= _COMMON)


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


def cell_text(box: Box, words: list[Word], vocabulary: Container[str] = frozenset()) -> str:
    """A cell's text with its paragraphs on separate lines.

    A line ended by wrapping (the next line's first word would not have fitted after it) runs on with a space;
    a line that stops short of that ended its paragraph. A word the column was too narrow for, cut at the
    cell's edge, is put back together. Breaks are decided from the last line up, so a piece that is itself
    cut again further down is judged as the whole word it becomes.
    """
    lines = lines_of(words)
    if not lines:
        return ""
    padding = max(min(line[0].x0 for line in lines) - box[0], 0.0)
    right = box[2] - padding
    width = right - (box[0] + padding)
    breaks = [""] * len(lines)
    tail_word = lines[-1][0].text
    for i in range(len(lines) - 2, -1, -1):
        breaks[i + 1] = _line_break(lines[i], lines[i + 1], tail_word, right, width, vocabulary)
        first_of_line = lines[i][0].text
        tail_word = first_of_line + tail_word if len(lines[i]) == 1 and breaks[i + 1] == "" else first_of_line
    return "".join(brk + " ".join(w.text for w in line) for brk, line in zip(breaks, lines, strict=True))


def _cut_mid_word(
    previous: list[Word], first: Word, tail_word: str, room: float, width: float, vocabulary: Container[str]
) -> bool:
    """Whether the column cut one word in two rather than wrapping between two words.

    A layout engine cuts only a word too wide for a whole line, and then fills the line to the edge; when
    that cannot be told from geometry, known words decide (the document's own, and common Slovenian ones).
    `tail_word` is the next line's first word, already joined to any piece it continues in.
    """
    last = previous[-1]
    number = bool(re.search(r"\d[.,]$", last.text)) and first.text[:1].isdigit()
    if not ((last.text[-1:].isalnum() or number) and (first.text[:1].islower() or first.text[:1].isdigit())):
        return False
    char = (first.x1 - first.x0) / max(len(first.text), 1)
    if room > _CUT * char or (last.x1 - last.x0) + (first.x1 - first.x0) <= width:
        return False
    head, tail = _bare(last.text), _bare(tail_word)
    if number or head + tail in vocabulary:
        return True
    return head not in vocabulary


def _line_break(
    previous: list[Word],
    line: list[Word],
    tail_word: str,
    right: float,
    width: float,
    vocabulary: Container[str],
) -> str:
    last, first = previous[-1], line[0]
    room = right - last.x1
    char = (first.x1 - first.x0) / max(len(first.text), 1)
    runs_on = first.text[:1].islower() or first.text[:1].isdigit()
    if _cut_mid_word(previous, first, tail_word, room, width, vocabulary):
        return ""
    if len(last.text) > 1 and last.text.endswith(("-", "–", "/")) and runs_on:
        return ""  # '2021-' '2027': a break after a hyphen inside a word
    if last.text.endswith(";"):
        return "\n"  # a semicolon at a line's end closes an item of a list
    space = _SPACE * (last.bottom - last.top)
    return " " if room < space + (first.x1 - first.x0) + char else "\n"


def paragraphs(words: list[Word]) -> list[tuple[float, str]]:
    """(top, text) of each paragraph: lines join while they follow at their own line spacing and the line
    before was full (it ended where the next line's first word would not have fitted)."""
    lines = lines_of(words)
    if not lines:
        return []
    right = max(line[-1].x1 for line in lines)
    result: list[tuple[float, str]] = []
    for index, line in enumerate(lines):
        text = " ".join(w.text for w in line)
        previous = lines[index - 1] if index else None
        if previous is not None and _same_paragraph(previous, line, right):
            top, before = result[-1]
            glue = "" if before.endswith(("-", "–")) and not before.endswith((" -", " –")) else " "
            result[-1] = (top, before + glue + text)
        else:
            result.append((line[0].top, text))
    return result


def _same_paragraph(previous: list[Word], line: list[Word], right: float) -> bool:
    """The next line follows at line spacing, and its first word would not have fitted on the line before."""
    gap = line[0].top - previous[0].top
    height = max(w.bottom - w.top for w in previous)
    first = line[0]
    needed = (first.x1 - first.x0) * (1 + 1 / max(len(first.text), 1)) + _SPACE * height
    return 0 < gap <= height * 1.6 and right - previous[-1].x1 < needed
