"""Settings for the test suite: fast hasher, in-memory media, Slovenian default."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .settings import *  # noqa: F403
from .settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="izvedba-test-media-"))
LANGUAGE_CODE = "sl"
# Test cases roll the database back but not the cache: pages are cached only in the tests about caching.
IZVEDBA_PAGE_CACHE_SECONDS = 0
# Django's test setup (pytest-django included) switches to this anyway; said here so it holds outside the runner too.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Background jobs run at once, inside the request or service that queues them.
IZVEDBA_JOBS_BACKEND = "sync"
