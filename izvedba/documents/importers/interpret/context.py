"""Context indicators in a plan's description of the region: 'indeks staranja … znašal 134,5' (pure).

A figure is kept when a sentence names what it measures (a rate, an index, a share, an average) and gives a
number after it; its year is the one the sentence (or the one before) names.
"""

from __future__ import annotations

import re

from ..parsed import ParsedContextIndicator
from ..values.numbers import parse_number

_SECTION_START = re.compile(r"(?:demografsk\w*\s+in\s+socialn\w*\s+|opis\s+[^.:]*?)razmer\b(?:\s+v\s+regiji)?", re.I)
_SECTION_END = re.compile(r"^(Ocena\s+potreb|Ukrep\w*\s+za\s+doseganje|.*prioritet\w*.*:)", re.IGNORECASE)
_YEAR = re.compile(r"(?:v\s+letu|leta|letu)\s+((?:19|20)\d{2})", re.IGNORECASE)
_KEY_NOUN = re.compile(r"\b(stopnj\w+|indeks\w*|dele[žz]\w*|povpre[čc]j\w*|[šs]tevil\w*|koli[čc]nik\w*)\b", re.I)
_FIGURE = re.compile(
    r"(?<![\d,.:])(?P<v>-?\d+(?:,\d+)?)\s*(?P<u>%|‰|odstot\w*)?(?![\d,]*\s*:\s*\d)(?!\s*(?:let|ur|dni)\b)"
)
_STOP = {"je", "za", "v", "na", "pa", "ki", "in", "bila", "bil", "bilo", "znašal", "znašala", "znašalo", "to",
         "pozitivna", "negativna", "regijo", "regiji", "medtem", "ko", "od", "do"}  # fmt: skip
_ADJECTIVE_BEFORE = re.compile(
    r"(?:\b(letn\w+|povpre[čc]n\w+|registrira\w+|anketn\w+|slovensk\w+|naravn\w+)\s+)$", re.I
)


def context_indicators(lines: list[str]) -> list[ParsedContextIndicator]:
    sentences = _sentences(_section(lines))
    found: list[ParsedContextIndicator] = []
    year: int | None = None
    for sentence in sentences:
        years = _YEAR.findall(sentence)
        year = int(years[0]) if years else year
        found.extend(_figures(sentence, year))
    return found


def _section(lines: list[str]) -> str:
    start = next((i for i, line in enumerate(lines) if _SECTION_START.search(line)), None)
    if start is None:
        return ""
    heading = _SECTION_START.search(lines[start])
    first = lines[start][heading.end() :] if heading else ""
    end = next((j for j in range(start + 1, len(lines)) if _SECTION_END.match(lines[j])), len(lines))
    return " ".join([first, *lines[start + 1 : end]]).strip()


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;])\s+(?=[A-ZČŠŽ0-9])|;\s+", text) if s.strip()]


def _figures(sentence: str, year: int | None) -> list[ParsedContextIndicator]:
    found: list[ParsedContextIndicator] = []
    for clause in re.split(r",\s+(?:medtem\s+ko\s+)?|;\s*", sentence):
        key = _KEY_NOUN.search(clause)
        if not key:
            continue
        figure = next((f for f in _FIGURE.finditer(clause, key.end()) if not _is_year(f.group("v"))), None)
        value = parse_number(figure.group("v")) if figure else None
        if figure is None or value is None:
            continue
        name = _name(clause, key)
        if found and "povpre" in name.lower():
            name = f"{found[-1].name} – {name}"
        unit = "%" if (figure.group("u") or "").startswith("odstot") else figure.group("u")
        found.append(ParsedContextIndicator(name, value, unit, year, sentence))
    return found


def _is_year(value: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", value))


def _name(clause: str, key: re.Match[str]) -> str:
    words = [key.group(1)]
    for word in clause[key.end() :].split():
        bare = word.strip(",.;:()")
        if not bare or bare.lower() in _STOP or any(c.isdigit() for c in bare) or len(words) >= 5:
            break
        words.append(bare)
    adjective = _ADJECTIVE_BEFORE.search(clause[: key.start()])
    if adjective:
        words.insert(0, adjective.group(1))
    return " ".join(words)
