# izvedba: build, run and test. `make` lists the targets.
#
# Needs only Python 3.11+, make and git; Debian packages are installed on
# demand by scripts/ensure-system-packages.sh (as root, or through sudo).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
REQUIREMENTS := $(wildcard requirements*.txt)

# What `make install` (and so `make run`) needs from Debian: gettext, and Pango with DejaVu for the PDF documents
# WeasyPrint writes. `make test` needs these and more.
INSTALL_PACKAGES := gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
SYSTEM_PACKAGES := $(INSTALL_PACKAGES) postgresql libreoffice-writer-nogui chromium poppler-utils

IZVEDBA_PG_PORT ?= 5432
export IZVEDBA_PG_PORT
PG_DATABASE_URL := postgres://izvedba:izvedba@127.0.0.1:$(IZVEDBA_PG_PORT)/izvedba
FIXTURES_DIR := $(CURDIR)/.cache/fixtures

.PHONY: help install test lint format typecheck migrations-check translations-check fixtures \
	pytest-sqlite pytest-postgres postgres messages demo run bench clean

help: ## List the targets
	@echo "Usage: make TARGET"
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "  %-20s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# --- setting up -------------------------------------------------------------

install: $(STAMP) ## Create .venv, install requirements, compile translations, migrate
	@bash scripts/ensure-system-packages.sh $(INSTALL_PACKAGES)
	@if [ -n "$$(find . \( -path ./$(VENV) -o -path ./.cache -o -path ./.git \) -prune -o -name '*.po' -print -quit)" ]; then \
		$(PY) manage.py compilemessages --ignore=$(VENV) --ignore=.cache -v 0; \
	fi
	@# STATIC_ROOT: no collectstatic (WhiteNoise serves from the finders), but an
	@# existing, empty directory keeps WhiteNoise from warning on every request.
	@mkdir -p "$${IZVEDBA_VAR_DIR:-var}/staticfiles"
	@$(PY) manage.py migrate --noinput -v 0

# The virtualenv, (re)installed whenever a requirements file changes.
$(STAMP): $(REQUIREMENTS)
	@if ! $(PY) -c '' 2>/dev/null; then \
		if ! command -v $(PYTHON) >/dev/null 2>&1; then \
			echo "error: '$(PYTHON)' not found. Install Python 3.11 or newer, or run make PYTHON=/path/to/python3.11" >&2; \
			exit 1; \
		fi; \
		if ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
			echo "error: Python 3.11 or newer is required, but '$(PYTHON)' is $$($(PYTHON) -V 2>&1)." >&2; \
			echo "       Run make PYTHON=/path/to/python3.11 (or newer)." >&2; \
			exit 1; \
		fi; \
		if ! $(PYTHON) -c 'import ensurepip' 2>/dev/null; then \
			bash scripts/ensure-system-packages.sh \
				"python$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv"; \
		fi; \
		rm -rf $(VENV); \
		$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }; \
	elif ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
		echo "error: $(VENV) uses $$($(PY) -V 2>&1); Python 3.11 or newer is required. Run make clean first." >&2; \
		exit 1; \
	fi
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# --- checks and tests -------------------------------------------------------

test: ## Everything CI runs: system packages, install, checks, pytest on SQLite and PostgreSQL
	@bash scripts/ensure-system-packages.sh $(SYSTEM_PACKAGES)
	@$(MAKE) install
	@$(MAKE) lint
	@$(MAKE) typecheck
	@$(MAKE) migrations-check
	@$(MAKE) translations-check
	@$(MAKE) fixtures
	@$(MAKE) pytest-sqlite
	@$(MAKE) pytest-postgres

lint: $(STAMP) ## ruff check and ruff format --check
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .

format: $(STAMP) ## Fix what ruff can (imports, style), format, then show what is left
	@$(BIN)/ruff check --fix-only -q .
	@$(BIN)/ruff format .
	@$(BIN)/ruff check .

typecheck: $(STAMP) ## mypy (strict, settings in pyproject.toml)
	@$(BIN)/mypy izvedba

migrations-check: $(STAMP) ## Fail if models changed without a migration
	@$(PY) manage.py makemigrations --check --dry-run

translations-check: $(STAMP) ## Check the .po catalogues (scripts/check_translations.py)
	@if [ -f scripts/check_translations.py ]; then $(PY) scripts/check_translations.py; fi

fixtures: $(STAMP) ## Build the test fixtures (PDF/DOCX, needs LibreOffice) into .cache/fixtures
	@if [ -f scripts/build_fixtures.py ]; then $(PY) scripts/build_fixtures.py .cache/fixtures; fi

pytest-sqlite: $(STAMP) ## pytest on SQLite, browser tests included
	@env -u DATABASE_URL IZVEDBA_FIXTURES_DIR="$(FIXTURES_DIR)" $(BIN)/pytest -n auto -q

postgres: ## Make sure PostgreSQL runs with role and database izvedba (port IZVEDBA_PG_PORT, 5432)
	@bash scripts/ensure-postgres.sh

pytest-postgres: $(STAMP) postgres ## pytest on PostgreSQL, browser tests left out
	@DATABASE_URL="$(PG_DATABASE_URL)" IZVEDBA_FIXTURES_DIR="$(FIXTURES_DIR)" \
		$(BIN)/pytest -n auto -q -m "not browser"

# --- translations, demo, running --------------------------------------------

messages: $(STAMP) ## Extract strings into locale/{sl,en} and compile them
	@mkdir -p locale
	@$(PY) manage.py makemessages -l sl -l en -l it -l hu --no-obsolete --ignore=$(VENV) --ignore=var --ignore=.cache --ignore=bench --ignore=scripts
	@$(PY) manage.py compilemessages --ignore=$(VENV) --ignore=.cache

demo: $(STAMP) ## Migrate and load reference data and the demo plans (idempotent)
	@mkdir -p "$${IZVEDBA_VAR_DIR:-var}"
	@$(PY) manage.py migrate --noinput -v 0
	@$(PY) manage.py load_demo

run: ## install + demo, then serve http://127.0.0.1:8000/ with IZVEDBA_DEBUG=1
	@$(MAKE) install
	@$(MAKE) demo
	@IZVEDBA_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

bench: install ## Run every bench/*.py
	@shopt -s nullglob; \
	benches=(bench/*.py); \
	if [ $${#benches[@]} -eq 0 ]; then echo "No bench/*.py to run."; exit 0; fi; \
	for bench in "$${benches[@]}"; do \
		echo "== $$bench"; \
		PYTHONPATH="$(CURDIR)$${PYTHONPATH:+:$$PYTHONPATH}" DJANGO_SETTINGS_MODULE=izvedba.settings \
			$(PY) "$$bench"; \
	done

clean: ## Remove .venv, var (the local database!), .cache and tool caches
	rm -rf $(VENV) var .cache .mypy_cache .ruff_cache .pytest_cache
