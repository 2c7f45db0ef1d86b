#!/usr/bin/env python
"""Fail when a user-facing string has no Slovenian translation, or a message the bilingual municipalities'
documents and pages use (context "council material" or "public") has no Italian or Hungarian one.

Runs `makemessages` for Slovenian (and Italian and Hungarian) into a copy of the catalogues, then reports every
message that is new (a string added to the code but not to locale/sl) or untranslated or fuzzy. The working
tree is left as it was. Usage: .venv/bin/python scripts/check_translations.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "sl" / "LC_MESSAGES" / "django.po"
MINORITY_LANGUAGES = {"it": "Italian", "hu": "Hungarian"}
MINORITY_CONTEXTS = ("council material", "public")  # messages that must also be in it and hu


def _refreshed(language: str) -> polib.POFile:
    """The catalogue of `language` as `makemessages` would update it (the file itself is left as it was)."""
    catalogue = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    backup = catalogue.read_bytes() if catalogue.exists() else None
    try:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "izvedba.settings"}
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", language, "--no-obsolete",
             "--ignore=.venv", "--ignore=var", "--ignore=.cache", "--ignore=bench", "--ignore=scripts"],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip
        return polib.pofile(str(catalogue))
    finally:
        if backup is None:
            catalogue.unlink(missing_ok=True)
        else:
            catalogue.write_bytes(backup)


# The page frame every public page is drawn in (header, navigation, footer, error pages).
PAGE_FRAME = ("templates/base.html", "templates/_partials/", "templates/403.html", "templates/404.html")


def _in_page_frame(entry: polib.POEntry) -> bool:
    return any(path.startswith(PAGE_FRAME) for path, _line in entry.occurrences)


def minority_missing() -> list[str]:
    """Messages with a context in MINORITY_CONTEXTS, or in the page frame, that locale/it or locale/hu does
    not translate."""
    problems = []
    for language, name in MINORITY_LANGUAGES.items():
        for entry in _refreshed(language):
            if entry.obsolete or not (entry.msgctxt in MINORITY_CONTEXTS or _in_page_frame(entry)):
                continue
            if not entry.translated() or "fuzzy" in entry.flags:
                problems.append(f"no {name} translation ({entry.msgctxt}): {entry.msgid!r}")
    return problems


def main() -> int:
    if not CATALOGUE.exists():
        print(f"missing {CATALOGUE.relative_to(ROOT)}: run make messages", file=sys.stderr)
        return 1
    backup = CATALOGUE.read_bytes()
    try:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "izvedba.settings"}
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", "sl", "--no-obsolete",
             "--ignore=.venv", "--ignore=var", "--ignore=.cache", "--ignore=bench", "--ignore=scripts"],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip
        refreshed = polib.pofile(str(CATALOGUE))
    finally:
        CATALOGUE.write_bytes(backup)
    missing = [e.msgid for e in refreshed if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    for msgid in missing:
        print(f"no Slovenian translation: {msgid!r}", file=sys.stderr)
    if missing:
        print(f"{len(missing)} message(s) need a translation in {CATALOGUE.relative_to(ROOT)}", file=sys.stderr)
        return 1
    minority = minority_missing()
    for line in minority:
        print(line, file=sys.stderr)
    if minority:
        print(f"{len(minority)} message(s) need a translation in locale/it or locale/hu", file=sys.stderr)
        return 1
    print(f"translations: all {len(refreshed)} messages have Slovenian text")
    return 0


if __name__ == "__main__":
    shutil.which("msgfmt") or print("warning: GNU gettext is not installed", file=sys.stderr)
    sys.exit(main())
