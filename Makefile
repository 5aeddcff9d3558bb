# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
AXE := node_modules/axe-core/axe.min.js
VNU := node_modules/vnu-jar/build/dist/vnu.jar
HOST ?= 127.0.0.1
PORT ?= 8000
COMPILE := $(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url \
	--allow-unsafe --unsafe-package offenes-buero

.DEFAULT_GOAL := help
.PHONY: help install run demo test host-test e2e audit bench lint format check lock messages \
	clean backup restore

help:
	@echo "make run    set up everything and serve the demo site on http://$(HOST):$(PORT)/"
	@echo "make test   set up what the tests need and run lint, checks and the whole suite"
	@echo "make host-test  the plugin from its wheel in a new \`wagtail start\` site (part of make test)"
	@echo "make e2e    browser tests only (Chromium at /usr/bin/chromium; they skip without it)"
	@echo "make bench  benchmarks of the public pages (figures for docs/performance.md)"
	@echo "make bench-scale MULTIPLE=8  the data set at a multiple on PostgreSQL and Redis (docs/performance.md)"
	@echo "make serve-prod  the production set-up (gunicorn, PostgreSQL, Redis) on http://127.0.0.1:$(PROD_PORT)/"
	@echo "make load   load test of serve-prod with locust, 50 users for 2 minutes (docs/performance.md)"
	@echo "make fault-test  the production set-up with Redis unreachable and the database cut off"
	@echo "make backup  database (PostgreSQL, DATABASE_URL) and media into $(BACKUP_DIR)/buero-backup-<date>.tar"
	@echo "make restore FILE=…  restore such a file into an empty database (REPLACE=1 deletes what is there)"
	@echo "make audit  known vulnerabilities in requirements.lock (needs PyPI's JSON API)"
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
	$(MANAGE) buero_sync_locales --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) buero_setup_groups
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

# The suite runs on both cores (pytest-xdist, a test database per worker; "worksteal": a worker
# that runs dry takes tests from the other's queue, so the minute-long demo tests do not pile
# up at one end). Then the host test and the browser tests, one process each, side by side on
# the two cores; each one's output is printed whole when it ends (--output-sync).
test: lint check $(AXE) $(VNU)
	$(BIN)/pytest -n 2 --dist worksteal
	$(MAKE) --no-print-directory -j2 --output-sync=target host-test e2e

# The plugin installed from its wheel into a site made by `wagtail start` (tests/host/): the
# blocks of docs/integration.md appended as written, the office's section added in the admin,
# every page type and form checked over HTTP. With a PostgreSQL DATABASE_URL the host site gets
# a database of its own on that server, created and dropped by the test.
host-test: install
	$(BIN)/pytest tests/host -rs

# Browser tests (Playwright with Debian's Chromium; screenshots in tests/e2e/screenshots/).
# They share one demo site in a file-backed test database (tests/e2e/conftest.py). A browser
# test that hangs fails after 5 minutes with the threads' stacks and is run once more; any
# other failure is not retried.
E2E_GUARD := --timeout 300 --reruns 1 --only-rerun Timeout
e2e: install $(AXE)
	$(BIN)/pytest tests/e2e $(E2E_GUARD)

# axe-core for the accessibility browser test and the Nu HTML Checker (vnu.jar, run on Java by
# tests/test_html_validity.py), exactly as package-lock.json pins them (npm is the only tool
# this needs). --ignore-scripts: vnu-jar's install script would download a Java runtime; the
# tests use Debian's. touch: the targets must end up newer than the lock file.
$(AXE) $(VNU) &: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(AXE) $(VNU)

# Known vulnerabilities in the locked site dependencies. Needs PyPI's JSON API; --strict makes
# a package that could not be checked an error, so an unreachable database fails loudly.
audit: install
	$(BIN)/pip-audit -r requirements.lock --no-deps --disable-pip --strict --progress-spinner off

# Render-time benchmarks (figures for docs/performance.md), not part of `make test`.
# The data set (tests/perf/dataset.py) is built once, in about a minute; the figures are also
# written to build/benchmarks.json.
bench: install
	mkdir -p build
	BUERO_BENCH=1 $(BIN)/pytest tests/perf -p no:randomly --benchmark-only \
		--benchmark-columns=min,median,iqr,max,rounds --benchmark-sort=name \
		--benchmark-json=build/benchmarks.json

# The scale benchmark (tests/perf/bench_scale.py): the data set of `make bench` at MULTIPLE
# times its size, built in bulk into a new PostgreSQL database SCALE_DATABASE (dropped first)
# with Redis as the shared cache (SCALE_REDIS, its own keys under SCALE_KEY_PREFIX); warm
# pages, the first request after a publish, the editors' publish and translate, worker
# memory; IDLE=300 adds a request after five idle minutes. Writes build/scale-MULTIPLE.json;
# `make bench-scale-table RUNS="1 8 30"` prints the table for docs/performance.md.
MULTIPLE ?= 1
IDLE ?= 0
SCALE_DATABASE ?= postgres://postgres@127.0.0.1:5432/buero_scale
SCALE_REDIS ?= redis://127.0.0.1:6379/7
SCALE_KEY_PREFIX ?= buero-scale
RUNS ?= 1 8 30
.PHONY: bench-scale bench-scale-table
bench-scale: install
	DATABASE_URL=$(SCALE_DATABASE) REDIS_URL=$(SCALE_REDIS) SCALE_KEY_PREFIX=$(SCALE_KEY_PREFIX) \
		$(BIN)/python -m tests.perf.bench_scale --multiple $(MULTIPLE) --idle $(IDLE)

bench-scale-table:
	$(BIN)/python -m tests.perf.bench_scale --table $(foreach run,$(RUNS),build/scale-$(run).json)

# The production settings on this machine, for the load test: gunicorn (gunicorn.conf.py,
# bound to 127.0.0.1:$(PROD_PORT)), PostgreSQL and Redis on localhost, plain HTTP (no TLS proxy).
# The database is created if missing; the secret key and the key of the encrypted fields are
# generated once into $(PROD_SECRET) and $(PROD_FIELD_KEY) (git-ignored; tests/fault/run.py
# uses the same key file). The demo content is loaded as in `make run`.
PROD_PORT ?= 8001
PROD_DB ?= buero_prod
PROD_SECRET := .prod-secret-key
PROD_FIELD_KEY := .prod-field-encryption-key
PROD_ENV = DJANGO_SETTINGS_MODULE=buero_site.settings.production \
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(PROD_DB) REDIS_URL=redis://127.0.0.1:6379/1 \
	SECRET_KEY="$$(cat $(PROD_SECRET))" FIELD_ENCRYPTION_KEYS="$$(cat $(PROD_FIELD_KEY))" \
	ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0 GUNICORN_BIND=127.0.0.1:$(PROD_PORT)
.PHONY: serve-prod load

serve-prod: install
	psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$(PROD_DB)'" \
		| grep -q 1 || createdb -h 127.0.0.1 -U postgres $(PROD_DB)
	test -s $(PROD_SECRET) || (umask 077 && \
		$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $(PROD_SECRET))
	test -s $(PROD_FIELD_KEY) || (umask 077 && $(BIN)/python -c \
		"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())" > $(PROD_FIELD_KEY))
	$(PROD_ENV) $(MANAGE) migrate --no-input
	$(PROD_ENV) $(MANAGE) buero_sync_locales --no-input
	$(PROD_ENV) $(MANAGE) load_demo_content
	$(PROD_ENV) $(MANAGE) buero_setup_groups
	$(PROD_ENV) $(MANAGE) collectstatic --no-input --verbosity 0
	$(PROD_ENV) exec $(BIN)/gunicorn -c gunicorn.conf.py buero_site.wsgi

# serve-prod in the background, locust against it (tests/load/locustfile.py), then gunicorn is
# stopped and the summary printed; results in build/load/. LOAD_USERS, LOAD_RATE, LOAD_TIME
# and LOAD_THINK_TIME ("min,max" seconds) change the defaults.
load: install
	MAKE="$(MAKE)" BIN=$(BIN) PROD_PORT=$(PROD_PORT) sh tests/load/run.sh

# The production set-up (gunicorn, PostgreSQL, Redis) under faults: Redis unreachable, then the
# database cut off after warming (tests/fault/run.py). Needs the local PostgreSQL and the
# redis-server program (it starts its own, bounded as in docs/betrieb.md); uses the database
# $(FAULT_DB), created and filled with the demo content when missing.
FAULT_DB ?= buero_fault
.PHONY: fault-test
fault-test: install
	FAULT_DB=$(FAULT_DB) PYTHON=$(BIN)/python $(BIN)/python tests/fault/run.py

# Backups of the PostgreSQL set-up (docs/betrieb.md, "Sichern und wiederherstellen"); the
# logic is in buero_site/management/commands/backup.py and restore.py. Both use DATABASE_URL,
# MEDIA_ROOT and DJANGO_SETTINGS_MODULE from the environment, as the site does. No `install`
# prerequisite: on a server they use the .venv built from requirements.lock (docs/betrieb.md)
# and must not install the development tools into it.
BACKUP_DIR ?= backups
backup:
	$(MANAGE) backup --output-dir "$(BACKUP_DIR)"

restore:
	@test -n "$(FILE)" || (echo "usage: make restore FILE=$(BACKUP_DIR)/buero-backup-….tar [REPLACE=1]" >&2; exit 2)
	$(MANAGE) restore "$(FILE)" $(if $(REPLACE),--replace)

# Regenerate the exact pins from the ranges in pyproject.toml.
lock: install
	$(COMPILE) --extra site -o requirements.lock pyproject.toml
	$(COMPILE) --extra dev -c requirements.lock -o requirements-dev.lock pyproject.toml
	# The project itself is installed editable by `make install`, never from an absolute path.
	sed -i '/^# The following packages are considered to be unsafe/d; /^offenes-buero @ file:/,+1d' requirements-dev.lock

# Extract and compile interface strings (needs GNU gettext; the .mo files are committed
# so that a fresh machine without gettext serves every language).
LOCALES := de en ar fa uk ru pl ro
messages: install
	for app in buero angebote events opendata; do (cd $$app && mkdir -p locale && \
		../$(BIN)/python ../manage.py makemessages $(addprefix -l ,$(LOCALES)) --no-obsolete --no-location); done
	$(MANAGE) makemessages $(addprefix -l ,$(LOCALES)) --no-obsolete --no-location \
		--ignore '.venv/*' --ignore 'build/*' --ignore 'tests/*' --ignore 'buero/*' --ignore 'angebote/*' --ignore 'events/*'
	$(MANAGE) compilemessages --ignore '.venv/*' --ignore 'build/*'

clean:
	rm -rf $(VENV) db.sqlite3 static_collected media
