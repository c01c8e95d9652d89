# Kompeten: `make run` serves the portal with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# pytest's parallel processes (pytest-xdist): each has its own test database and cache keys; three
# kept two cores busiest (docs/performance.md). TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= 3

.PHONY: run test lint deploy-check browser deploy-tools install install-dev migrate seed worker beat bench bench-http bench-load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# axe-core, for the accessibility checks of the end-to-end tests (npm, dev only, no install scripts).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev node_modules/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	$(BIN)/python manage.py runserver $(HOST)

# The browser for the end-to-end tests: Debian's Chromium, installed with apt when missing.
browser:
	@scripts/ensure-chromium

# nginx, for the test that checks the deployment's site configuration (nginx -t); installed when missing.
deploy-tools:
	@scripts/ensure-nginx

lint: install-dev
	$(BIN)/ruff check .

test: install-dev browser deploy-tools lint
	DATABASE_URL=sqlite:///:memory: $(BIN)/python manage.py makemigrations --check --dry-run --settings=portal.settings.test
	$(MAKE) --no-print-directory deploy-check
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# Django's deployment checklist on the production settings, with throwaway secrets: no warning may pass.
deploy-check: install
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	MFA_ENCRYPTION_KEY="$$($(BIN)/python -c 'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')" \
	OPENBADGES_SIGNING_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_hex(32))')" \
	ALLOWED_HOSTS=kompeten.example CACHE_URL=redis://127.0.0.1:6379/15 \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

worker: install
	$(BIN)/celery -A portal worker --loglevel=info

beat: install
	$(BIN)/celery -A portal beat --loglevel=info

bench: install-dev
	$(BIN)/python bench/run.py

# The pages over HTTP on a production-like server (gunicorn, production settings), beside the floor.
bench-http: install-dev
	@command -v wrk >/dev/null || (echo "Installing wrk with apt-get..." && apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python bench/http_pages.py $(BENCH_ARGS)

# 5,000 employees and 10 HR users at once (locust), against gunicorn and a Celery worker on this machine.
$(VENV)/.installed-bench: requirements-bench.txt $(VENV)/.installed-dev
	$(BIN)/pip install --quiet -r requirements-bench.txt
	touch $@

bench-load: install-dev $(VENV)/.installed-bench
	$(BIN)/python bench/load_run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules db.sqlite3 test-results staticfiles
