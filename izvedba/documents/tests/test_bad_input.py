"""Documents that cannot be imported: each is refused with its own message, and nothing is stored.

Every bad input goes through the command in-process (CommandError, return code 2), the command as a real
process (exit code 2, the message on stderr) and the upload form (the message as a field error in the error
summary). The expected message is the importer's own (`importers.errors`), rendered in the language the
command or page uses; its English msgid must name the problem.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from izvedba.accounts.models import User
from izvedba.documents.importers import errors
from izvedba.documents.importers.errors import DocumentError

from .support import make_importer, stored_counts

ROOT = Path(__file__).resolve().parents[3]
NOTHING = {"source documents": 0, "imports": 0, "plans": 0, "measures": 0}
SMALL_LIMIT = 1000

pytestmark = pytest.mark.slow  # the files come from scripts/build_fixtures.py


@dataclass(frozen=True)
class BadInput:
    file: str
    error: Callable[[int], DocumentError]  # the importer's error, given the file's size
    names_the_problem: str  # in the English message
    limit: int | None = None  # IZVEDBA_IMPORT_MAX_BYTES for this case

    def settings(self) -> override_settings:
        return override_settings(IZVEDBA_IMPORT_MAX_BYTES=self.limit or settings.IZVEDBA_IMPORT_MAX_BYTES)

    def message(self, size: int, language: str | None = None) -> str:
        with translation.override(language or settings.LANGUAGE_CODE):
            return str(self.error(size).message)


BAD_INPUTS = {
    "empty": BadInput("empty.docx", lambda size: errors.empty_file(), "empty"),
    "random-bytes": BadInput("random.bin", lambda size: errors.unsupported_format(), "not a Word document"),
    "docx-not-a-zip": BadInput(
        "not-a-zip.docx",
        lambda size: errors.corrupt_docx("it is not a ZIP package"),
        "not a readable Word document",
    ),
    "encrypted-pdf": BadInput("encrypted.pdf", lambda size: errors.encrypted_pdf(), "password"),
    "image-only-pdf": BadInput("image-only.pdf", lambda size: errors.image_only_pdf(), "scanned images and no text"),
    "over-the-size-limit": BadInput(
        "nin-2025-2026.docx",
        lambda size: errors.too_large(size, SMALL_LIMIT),
        "the limit is",
        limit=SMALL_LIMIT,
    ),
    "no-measure-table": BadInput(
        "memo-no-measures.docx", lambda size: errors.no_measures(), "No measure table was found"
    ),
}
MESSAGES = [pytest.param(bad, id=name) for name, bad in BAD_INPUTS.items()]
IMPORTS = MESSAGES


@pytest.fixture
def importer(db: None) -> User:
    return make_importer("bojan")


@pytest.mark.parametrize("bad", MESSAGES)
def test_its_message_names_the_problem(bad: BadInput, fixtures_dir: Path) -> None:
    size = (fixtures_dir / bad.file).stat().st_size
    assert bad.names_the_problem in bad.message(size, "en")


@pytest.mark.django_db
@pytest.mark.parametrize("bad", IMPORTS)
def test_the_command_refuses_it(bad: BadInput, fixtures_dir: Path) -> None:
    path = fixtures_dir / bad.file
    with bad.settings(), translation.override(settings.LANGUAGE_CODE), pytest.raises(CommandError) as caught:
        call_command("import_plan", str(path))
    assert caught.value.returncode == 2
    assert str(caught.value) == f"{path}: {bad.message(path.stat().st_size)}"
    assert stored_counts() == NOTHING


@pytest.mark.django_db
@pytest.mark.parametrize("bad", IMPORTS)
def test_the_upload_form_refuses_it(bad: BadInput, fixtures_dir: Path, client: Client, importer: User) -> None:
    path = fixtures_dir / bad.file
    client.force_login(importer)
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    with bad.settings():
        response = client.post(reverse("documents:upload"), {"file": upload})
    assert response.status_code == 200
    message = bad.message(path.stat().st_size)
    assert response.context["form"].errors["file"] == [message]
    html = response.content.decode()
    start = html.index('class="error-summary"')
    assert escape(message) in html[start : html.index("</div>", start)]
    assert stored_counts() == NOTHING


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file for the command run as a separate process."""
    database = tmp_path_factory.mktemp("import-plan-process") / "db.sqlite3"
    result = manage("migrate", "--noinput", "-v", "0", database=database)
    assert result.returncode == 0, result.stderr
    return database


def manage(*args: str, database: Path, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "izvedba.settings_test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    if limit:
        env["IZVEDBA_IMPORT_MAX_BYTES"] = str(limit)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("bad", IMPORTS)
def test_the_command_process_exits_with_2(bad: BadInput, fixtures_dir: Path, migrated_database: Path) -> None:
    path = fixtures_dir / bad.file
    result = manage("import_plan", str(path), database=migrated_database, limit=bad.limit)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"CommandError: {path}: {bad.message(path.stat().st_size)}"
    with closing(sqlite3.connect(migrated_database)) as connection:
        for table in ("documents_sourcedocument", "documents_importrun", "plans_plan", "plans_measure"):
            assert connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,), table
