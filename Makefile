# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
COMPILE := $(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url \
	--allow-unsafe --unsafe-package offenes-buero

.DEFAULT_GOAL := help
.PHONY: help install run demo test e2e bench lint format check lock messages clean

help:
	@echo "make run    set up everything and serve the demo site on http://$(HOST):$(PORT)/"
	@echo "make test   set up what the tests need and run lint, checks and the whole suite"
	@echo "make e2e    browser tests only (Chromium at /usr/bin/chromium; they skip without it)"
	@echo "make bench  benchmarks of the public pages (figures for docs/performance.md)"
	@echo "make lint | format | messages | lock | clean"

# The virtual environment is rebuilt whenever a lock file changes.
$(BIN)/.installed: requirements-dev.lock requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

install: $(BIN)/.installed

demo: install
	$(MANAGE) migrate --no-input
	$(MANAGE) sync_locales
	$(MANAGE) load_demo_content
	$(MANAGE) setup_groups
	@$(MANAGE) demo_admin --url http://$(HOST):$(PORT)/admin/

run: demo
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	git ls-files '*.html' | xargs $(BIN)/djhtml --check

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	git ls-files '*.html' | xargs $(BIN)/djhtml

check: install
	DJANGO_SETTINGS_MODULE=buero_site.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=buero_site.settings.test $(MANAGE) makemigrations --check --dry-run

test: lint check
	$(BIN)/pytest
	$(BIN)/pytest --ds=tests.host_site.settings tests/host_site
	$(BIN)/pytest tests/e2e

# Browser tests (Playwright with Debian's Chromium; screenshots in tests/e2e/screenshots/).
e2e: install
	$(BIN)/pytest tests/e2e

# Render-time benchmarks (figures for docs/performance.md), not part of `make test`.
bench: install
	BUERO_BENCH=1 $(BIN)/pytest tests/perf -p no:randomly --benchmark-only \
		--benchmark-columns=min,median,iqr,max,rounds --benchmark-sort=name

# Regenerate the exact pins from the ranges in pyproject.toml.
lock: install
	$(COMPILE) --extra site -o requirements.lock pyproject.toml
	$(COMPILE) --extra dev -c requirements.lock -o requirements-dev.lock pyproject.toml

# Extract and compile interface strings (needs GNU gettext; the .mo files are committed
# so that a fresh machine without gettext serves every language).
LOCALES := de en ar fa uk ru pl ro
messages: install
	for app in home angebote events; do (cd $$app && mkdir -p locale && \
		../$(BIN)/python ../manage.py makemessages $(addprefix -l ,$(LOCALES)) --no-obsolete --no-location); done
	$(MANAGE) makemessages $(addprefix -l ,$(LOCALES)) --no-obsolete --no-location \
		--ignore '.venv/*' --ignore 'build/*' --ignore 'tests/*' --ignore 'home/*' --ignore 'angebote/*' --ignore 'events/*'
	$(MANAGE) compilemessages --ignore '.venv/*' --ignore 'build/*'

clean:
	rm -rf $(VENV) db.sqlite3 static_collected media
