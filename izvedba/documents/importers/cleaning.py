"""Extraction artefacts removed from text before it is interpreted (pure functions)."""

from __future__ import annotations

import re

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:\s*\d+\]")
_FOOTNOTE_BODY = re.compile(r"\s*\[\d+:\s[^\]]*\]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u200b\ufeff]")
_BULLETS = "\uf0b7\uf0a7\u2022\u25cf\u25aa\uf02d"


def strip_markers(text: str) -> str:
    """Remove Word bookmark and footnote markers and control characters; keep line breaks."""
    text = _BOOKMARK.sub("", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _FOOTNOTE_BODY.sub("", text)
    return _CONTROL.sub("", text)


def normalise_spaces(text: str) -> str:
    """Collapse runs of spaces (incl. non-breaking) on each line and trim line ends."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def clean_cell(text: str) -> str:
    """A cell's text without markers, with single spaces and at most one blank line between paragraphs."""
    text = normalise_spaces(strip_markers(text))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def is_bullet(line: str) -> bool:
    return bool(line) and line[0] in _BULLETS


def strip_bullet(line: str) -> str:
    return line.lstrip(_BULLETS + " -–").strip() if is_bullet(line) or line.startswith("- ") else line.strip()


def one_line(text: str) -> str:
    """Join a multi-line text into one line with single spaces."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()
