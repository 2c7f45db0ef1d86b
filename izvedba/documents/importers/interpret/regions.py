"""Which statistical region a phrase names, whatever its case ending ('obalno-kraško' → Obalno-kraška)."""

from __future__ import annotations

import re

from izvedba.core.text import name_key


def _stems(text: str) -> list[str]:
    return [name_key(word)[:-1] for word in re.split(r"[\s-]+", text) if len(name_key(word)) > 2]


def match_region(text: str, regions: list[str]) -> str | None:
    words = _stems(text)
    for region in sorted(regions, key=len, reverse=True):
        stems = _stems(region)
        for i in range(len(words) - len(stems) + 1):
            if all(words[i + k].startswith(stem) for k, stem in enumerate(stems)):
                return region
    return None
