"""Shared pytest fixtures.

`fixtures_dir`: the DOCX/PDF test documents built from the seed text by scripts/build_fixtures.py.
`make test` builds them once and exports IZVEDBA_FIXTURES_DIR; without the variable they are built here
into .cache/fixtures, under a file lock so parallel workers (pytest -n) build them only once.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent
BUILD_SCRIPT = ROOT / "scripts" / "build_fixtures.py"
DEFAULT_FIXTURES_DIR = ROOT / ".cache" / "fixtures"


def build_fixtures(target: Path) -> None:
    """Run scripts/build_fixtures.py into `target`, one process at a time (it is a no-op when up to date)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (target.parent / f".{target.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            result = subprocess.run(
                [sys.executable, str(BUILD_SCRIPT), str(target)],
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if result.returncode != 0:
        pytest.fail(
            f"Building the test fixtures failed ({BUILD_SCRIPT.name}, exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    configured = os.environ.get("IZVEDBA_FIXTURES_DIR")
    if configured:
        path = Path(configured)
        if not path.is_dir():
            pytest.fail(f"IZVEDBA_FIXTURES_DIR={configured} is not a directory.", pytrace=False)
        return path
    build_fixtures(DEFAULT_FIXTURES_DIR)
    return DEFAULT_FIXTURES_DIR


@pytest.fixture(autouse=True)
def _language_reset() -> Iterator[None]:
    """Every test starts in the default language, whatever an earlier test activated and left on."""
    yield
    translation.deactivate()
