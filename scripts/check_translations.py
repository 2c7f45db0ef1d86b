#!/usr/bin/env python
"""Fail when a user-facing string has no Slovenian translation.

Runs `makemessages` for Slovenian into a copy of the catalogue, then reports every message that is new
(a string added to the code but not to locale/sl) or untranslated or fuzzy. The working tree is left as it
was. Usage: .venv/bin/python scripts/check_translations.py
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
    print(f"translations: all {len(refreshed)} messages have Slovenian text")
    return 0


if __name__ == "__main__":
    shutil.which("msgfmt") or print("warning: GNU gettext is not installed", file=sys.stderr)
    sys.exit(main())
