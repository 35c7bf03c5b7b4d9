# The few commands people need. `make run` and `make test` are the README's two commands.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST := 127.0.0.1:8000

.PHONY: run test benchmark search-quality lint format translations messages audit clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' 
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtualenv: on Debian, install python3.11-venv (apt-get install python3.11-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-virtualenv -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-virtualenv -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

translations: $(VENV)/.runtime-installed
	$(MANAGE) compile_translations

## make run: set up everything and serve the site with the union's content at http://127.0.0.1:8000/
## While it serves, Wagtail's publish_scheduled runs every minute (go-live and expiry dates); it stops with the server.
run: translations
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_content --if-empty
	$(MANAGE) create_local_admin
	@echo "Serving on http://$(HOST)/  (admin: http://$(HOST)/admin/); scheduled pages are published every minute"
	@while :; do $(MANAGE) publish_scheduled >/dev/null; sleep 60; done & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST)

## npm's test tools (package.json: axe-core for the accessibility tests). Without npm those tests are skipped, saying so.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm is missing (apt-get install npm): the accessibility tests in Chromium will be skipped."; fi

## make test: install the test tools and run the whole suite (SQLite by default; set DATABASE_URL for PostgreSQL)
test: $(VENV)/.dev-installed translations node_modules/.package-lock.json
	DJANGO_SETTINGS_MODULE=utsopi_site.settings.test $(BIN)/pytest

## make benchmark: server time, queries and size of every live page and of the API, DEBUG off (docs/performance.md)
benchmark: translations
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_content --if-empty
	$(MANAGE) collectstatic --noinput -v0
	DEBUG=false $(MANAGE) benchmark

## make search-quality: recall@3 and MRR of the search per language for search/quality/queries.toml; fails under 0.9
## (language analysis needs PostgreSQL: set DATABASE_URL; on SQLite the numbers show what `make run` offers)
search-quality: translations
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_content --if-empty
	$(MANAGE) search_quality --min-recall 0.9

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make messages: collect the template and code strings into locale/*/LC_MESSAGES/django.po (needs GNU gettext)
messages: $(VENV)/.runtime-installed
	$(MANAGE) makemessages --locale nl --locale fr --locale en --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --no-obsolete --no-location

## make audit: known vulnerabilities in the pinned requirements (pip-audit; asks PyPI's vulnerability data online)
audit: $(VENV)/.dev-installed
	$(BIN)/pip-audit --strict --no-deps --disable-pip --progress-spinner off -r requirements-dev.txt

clean:
	rm -rf $(VENV) collected-static test-media .pytest_cache .ruff_cache node_modules
