# ChannelDesk (渠道通). `make run` installs what is missing and starts the app; `make test` runs
# every check. Both skip work that is already done (stamp files), so repeated runs are fast.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
NPM := npm --prefix frontend

VENV_STAMP := $(VENV)/.installed
NODE_STAMP := frontend/node_modules/.installed
SPA_INDEX := frontend/dist/index.html
SPA_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
	$(wildcard frontend/index.html frontend/vite.config.* frontend/tsconfig*.json frontend/package.json)

# The embedded default: SQLite under var/ with demo data. Override DATABASE_URL for PostgreSQL.
RUN_ENV := DEMO_MODE=$${DEMO_MODE:-true} PUBLIC_BASE_URL=$${PUBLIC_BASE_URL:-http://$(HOST):$(PORT)}

# PostgreSQL for the tests: TEST_DATABASE_URL, or the local server when it answers.
LOCAL_PG := postgresql+asyncpg://postgres@127.0.0.1:5432/postgres

.PHONY: run install frontend dataset test lint test-backend test-sqlite test-postgres test-clock-ahead test-clock-back test-frontend test-e2e openapi client bench bench-conflict-check release-expired backup restore clean

run: $(VENV_STAMP) $(SPA_INDEX)
	$(RUN_ENV) $(PY) -m api.cli migrate
	@if [ "$${DEMO_MODE:-true}" = "true" ]; then $(RUN_ENV) $(PY) -m api.cli seed-demo; fi
	$(RUN_ENV) $(PY) -m api.cli serve --host $(HOST) --port $(PORT)

install: $(VENV_STAMP) $(NODE_STAMP)

$(VENV_STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	$(NPM) ci --no-audit --no-fund
	touch $@

frontend: $(SPA_INDEX)

$(SPA_INDEX): $(NODE_STAMP) $(SPA_SOURCES)
	$(NPM) run build
	touch $@

# --- checks -----------------------------------------------------------------------------------

test: lint test-backend test-frontend test-e2e

lint: $(VENV_STAMP)
	$(VENV)/bin/ruff check api alembic tests
	$(VENV)/bin/ruff format --check api alembic tests
	$(VENV)/bin/mypy
	PYTHONPATH=. $(VENV)/bin/lint-imports --no-cache

# The backend suite on SQLite and on PostgreSQL, and the date-sensitive folders with the system
# clock a year ahead and a year back (the suite freezes time itself, so neither may change a
# result), all at once; each pass prints its own output when it ends.
test-backend: $(VENV_STAMP)
	@url="$${TEST_DATABASE_URL:-}"; \
	if [ -z "$$url" ] && $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 1)" 2>/dev/null; then \
		url="$(LOCAL_PG)"; fi; \
	passes="test-sqlite test-clock-ahead test-clock-back"; \
	if [ -n "$$url" ]; then passes="$$passes test-postgres"; \
	elif [ "$${REQUIRE_E2E:-}" = "1" ]; then echo "PostgreSQL required but not reachable" >&2; exit 1; \
	else echo "== PostgreSQL not reachable: backend tests run on SQLite only"; fi; \
	$(MAKE) --no-print-directory -j4 --output-sync=target TEST_DATABASE_URL="$$url" $$passes

PYTEST := $(PY) -m pytest -p no:cacheprovider -q
BACKEND_TESTS := tests --ignore=tests/e2e
DATE_SENSITIVE := tests/customers tests/registrations tests/extensions tests/pool \
	tests/notifications tests/forecast tests/auth tests/announcements tests/reports tests/stats \
	tests/audit

test-sqlite: $(VENV_STAMP)
	@echo "== backend tests on SQLite"
	env -u TEST_DATABASE_URL $(PYTEST) -n 2 --durations=15 $(BACKEND_TESTS)

test-postgres: $(VENV_STAMP)
	@echo "== backend tests on PostgreSQL"
	TEST_DATABASE_URL="$(TEST_DATABASE_URL)" $(PYTEST) -n 2 --durations=15 $(BACKEND_TESTS)

test-clock-ahead test-clock-back: $(VENV_STAMP)
	@command -v faketime >/dev/null || { echo "faketime missing (apt-get install faketime)" >&2; \
		[ "$${REQUIRE_E2E:-}" != "1" ]; exit; }
	@echo "== date-sensitive tests with the system clock a year $(if $(findstring ahead,$@),ahead,back)"
	env -u TEST_DATABASE_URL faketime -f $(if $(findstring ahead,$@),+365d,-365d) \
		$(PYTEST) $(DATE_SENSITIVE)

test-frontend: $(NODE_STAMP)
	$(NPM) run check-client
	$(NPM) run typecheck
	$(NPM) run lint
	$(NPM) test

# pytest-playwright keeps a full-page screenshot of each failed test under var/e2e-failures/.
test-e2e: $(VENV_STAMP) $(SPA_INDEX)
	@echo "== end-to-end tests in Chromium"
	$(PY) -m pytest tests/e2e -q -p no:cacheprovider \
		--screenshot only-on-failure --full-page-screenshot --output var/e2e-failures

# --- contract ---------------------------------------------------------------------------------

openapi: $(VENV_STAMP)
	$(PY) -m api.cli openapi openapi/openapi.json

client: openapi $(NODE_STAMP)
	$(NPM) run generate

# A synthetic national channel (SCALE=1: 20,000 customers, 500,000 order lines) with the demo
# logins, in the empty database of DATABASE_URL (as `make run`). SEED gives the same data again.
SCALE ?= 1
SEED ?= 20261205
dataset: $(VENV_STAMP)
	DEMO_MODE=true $(PY) -m api.cli migrate
	DEMO_MODE=true $(PY) -m api.cli dataset --scale $(SCALE) --seed $(SEED)

# Speed is measured here, never by a timed unit test: the real server (1 and 2 workers) over
# HTTP on the dataset in DB (SCALE=N on the command line generates it first into an empty DB):
# each request with one client, each read's raw-SQL floor (API / raw SQL), and the throughput at
# CONNECTIONS (empty: none) with wrk. ONLY=home,/me measures the named requests alone.
# docs/benchmarks.md says how to read it and keeps the figures. bench-conflict-check: the
# matching alone, in-process.
DURATION ?= 5
WORKERS ?= 1,2
CONNECTIONS ?= 8,32,64
bench: $(VENV_STAMP)
	@test -n "$(DB)" || { echo "make bench DB=postgresql+asyncpg://… [SCALE=1] [DURATION=5] [ONLY=…] [CONNECTIONS=8,32,64]" >&2; exit 2; }
	@command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk (Debian/Ubuntu package wrk); make bench measures latency and throughput with it" >&2; exit 2; }
	$(if $(filter command line,$(origin SCALE)),$(MAKE) --no-print-directory dataset DATABASE_URL="$(DB)" SCALE=$(SCALE))
	$(PY) -m tests.bench.http_load --database-url "$(DB)" --duration $(DURATION) \
		--workers $(WORKERS) --connections "$(CONNECTIONS)" \
		$(if $(LABEL),--label $(LABEL)) $(if $(ONLY),--only "$(ONLY)")

bench-conflict-check: $(VENV_STAMP)
	$(PY) -m tests.bench.conflict_check

# The expiry job by hand (it also runs inside every API process; overlapping runs are safe).
release-expired: $(VENV_STAMP)
	$(PY) -m api.cli release-expired

# Online backup of DATABASE_URL (default: the SQLite file of `make run`) while the app serves;
# restore into an EMPTY database: `make restore FILE=var/backups/… DATABASE_URL=…`.
BACKUP_FILE = var/backups/channeldesk-$(shell date -u +%Y%m%dT%H%M%SZ).backup
backup: $(VENV_STAMP)
	$(PY) -m api.cli backup $(or $(FILE),$(BACKUP_FILE))

restore: $(VENV_STAMP)
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backup-file [DATABASE_URL=empty-database]" >&2; exit 2; }
	$(PY) -m api.cli restore $(FILE)

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var
