"""Settings for izvedba, read from the environment (see .env.example)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env_str(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(env_str(name, str(default)))


def env_secret(name: str, default: str = "") -> str:
    """A secret from NAME, or from the file named by NAME_FILE."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return env_str(name, default)


DEBUG = env_bool("IZVEDBA_DEBUG")
SECRET_KEY = env_secret("IZVEDBA_SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not SECRET_KEY:
    SECRET_KEY = "dev-only-insecure-key-set-IZVEDBA_SECRET_KEY-in-production"
ALLOWED_HOSTS = env_str("IZVEDBA_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in env_str("IZVEDBA_CSRF_TRUSTED_ORIGINS").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "izvedba.core",
    "izvedba.accounts",
    "izvedba.geo",
    "izvedba.organisations",
    "izvedba.plans",
    "izvedba.documents",
    "izvedba.history",
    "izvedba.monitoring",
    "izvedba.providers",
    "izvedba.rendering",
    "izvedba.jobs",
    "izvedba.publications",
    "izvedba.demo",
    "izvedba.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "izvedba.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "izvedba.core.middleware.PublicPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "izvedba.urls"
WSGI_APPLICATION = "izvedba.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

VAR_DIR = Path(env_str("IZVEDBA_VAR_DIR", str(BASE_DIR / "var")))
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'izvedba.sqlite3'}"),
        conn_max_age=env_int("IZVEDBA_DB_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    # An administrator (role) holds every model permission, in the admin site too.
    "izvedba.accounts.backends.RolePermissionBackend",
]
# Failed-login throttling (izvedba.accounts.throttle): after this many failures for a username from one address
# within the lockout time, that pair is locked out for the lockout time; 4× as many from anywhere lock the username.
IZVEDBA_LOGIN_MAX_FAILURES = env_int("IZVEDBA_LOGIN_MAX_FAILURES", 5)
IZVEDBA_LOGIN_LOCKOUT_SECONDS = env_int("IZVEDBA_LOGIN_LOCKOUT_SECONDS", 900)
# Reverse proxies in front of the app whose X-Forwarded-For is trusted for the client address (0: use REMOTE_ADDR).
IZVEDBA_TRUSTED_PROXIES = env_int("IZVEDBA_TRUSTED_PROXIES", 0)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "sl"
LANGUAGES = [("sl", _("Slovenian")), ("en", _("English")), ("it", _("Italian")), ("hu", _("Hungarian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Public pages and API reads are cached whole for anonymous visitors (0 turns it off).
IZVEDBA_PAGE_CACHE_SECONDS = env_int("IZVEDBA_PAGE_CACHE_SECONDS", 3600)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}}

# Uploaded plan documents: refused above this size (bytes). Default 20 MB.
IZVEDBA_IMPORT_MAX_BYTES = env_int("IZVEDBA_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
# Evidence files attached to monitoring reports: refused above this size (bytes, default 10 MB) or with another
# extension (comma-separated, lower case); executables are refused by their content whatever their name.
IZVEDBA_EVIDENCE_MAX_BYTES = env_int("IZVEDBA_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
IZVEDBA_EVIDENCE_EXTENSIONS = [
    ext.strip().lstrip(".").lower()
    for ext in env_str("IZVEDBA_EVIDENCE_EXTENSIONS", "pdf,docx,doc,odt,xlsx,xls,ods,csv,txt,jpg,jpeg,png").split(",")
    if ext.strip()
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail (reminders): printed to the console unless IZVEDBA_EMAIL_HOST names an SMTP server.
if env_str("IZVEDBA_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("IZVEDBA_EMAIL_HOST")
    EMAIL_PORT = env_int("IZVEDBA_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("IZVEDBA_EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_secret("IZVEDBA_EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("IZVEDBA_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("IZVEDBA_FROM_EMAIL", "izvedba@localhost")
# The site's address as people reach it, for links in e-mails.
IZVEDBA_BASE_URL = env_str("IZVEDBA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background jobs (documents; izvedba.jobs): "thread" runs them in the web process after the request commits,
# "worker" only queues them for `manage.py run_jobs --loop` (or run_jobs from cron). A running job that shows no
# sign of life for IZVEDBA_JOBS_STALE_SECONDS is queued again, until it has had IZVEDBA_JOBS_MAX_ATTEMPTS tries.
IZVEDBA_JOBS_BACKEND = env_str("IZVEDBA_JOBS_BACKEND", "thread")
IZVEDBA_JOBS_STALE_SECONDS = env_int("IZVEDBA_JOBS_STALE_SECONDS", 900)
IZVEDBA_JOBS_MAX_ATTEMPTS = env_int("IZVEDBA_JOBS_MAX_ATTEMPTS", 2)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("IZVEDBA_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("IZVEDBA_LOG_LEVEL", "INFO")},
}

# Who publishes the open data (the DCAT catalogue's dct:publisher): the operator of this installation.
IZVEDBA_PUBLISHER = env_str("IZVEDBA_PUBLISHER", "izvedba")
