"""Goals and their areas stated in prose: 'Resolucija za uresničevanje drugega cilja opredeljuje osem
področij … Ta so: 1 - …; 2 - …' (pure)."""

from __future__ import annotations

import re

from ..cleaning import one_line
from ..parsed import ParsedArea

_ORDINALS = {"prvega": 1, "drugega": 2, "tretjega": 3, "četrtega": 4}
_AREAS_INTRO = re.compile(
    r"uresni[čc]evanje\s+(?P<ord>\w+)\s+cilja\s+opredeljuje\s+[\w\d]+\s+podro[čc]ij.*?Ta\s+so\s*:\s*(?P<list>.+)",
    re.IGNORECASE | re.DOTALL,
)
_ITEM = re.compile(r"(?:^|;\s*)(?P<n>\d{1,2})\s*-\s+")
_END = re.compile(r"\.\s+Gre\s+za\b|\.\s*$")


def areas_in_prose(text: str) -> tuple[int, list[ParsedArea]] | None:
    """(goal number, areas) when the paragraph lists a goal's areas, else None."""
    m = _AREAS_INTRO.search(text)
    if not m or m.group("ord").lower() not in _ORDINALS:
        return None
    goal = _ORDINALS[m.group("ord").lower()]
    listing = _END.split(m.group("list"), maxsplit=1)[0]
    starts = list(_ITEM.finditer(listing))
    areas = []
    for item, following in zip(starts, [*starts[1:], None], strict=True):
        body = listing[item.end() : following.start() if following else len(listing)]
        areas.append(ParsedArea(f"{goal}.{item.group('n')}", one_line(body).rstrip(" ;.")))
    return (goal, areas) if areas else None
