"""How plans write municipality names, reduced to comparable keys (pure functions)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from izvedba.core.text import name_key

_PREFIX = re.compile(r"^\s*(mestna\s+ob[čc]ina|ob[čc]ina)\s+", re.IGNORECASE)
_MINORITY_SPLIT = re.compile(r"\s*(?:/|-\s*comune\s+(?:citt[àa]\s+)?di\s+|-\s*ob[čc]ina\s+)\s*", re.IGNORECASE)
_ANNOTATION = re.compile(r"\s*\([^)]*\)")


def written_name_keys(written: str) -> set[str]:
    """Keys a written name may match: whole, without 'Občina', and each language part alone."""
    text = _ANNOTATION.sub("", written).strip()
    variants = {text, _PREFIX.sub("", text)}
    for variant in list(variants):
        variants.update(part for part in _MINORITY_SPLIT.split(variant) if part)
    return {name_key(v) for v in variants if name_key(v)}


def known_name_keys(names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        if name:
            keys |= written_name_keys(name)
    return keys
