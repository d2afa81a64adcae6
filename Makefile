# One command for each daily task. Each sets up what it needs on a fresh machine.
#   make serve   - build and serve the site on http://127.0.0.1:8000/ (live reload)
#   make test    - the whole test suite (installs Python packages, npm tools, Chromium and Java)
#   make build   - strict build plus the offline zip (site/downloads/), published to site/ only if all of it succeeded
#   make check   - every data, bank and front-matter problem at once, then the real strict build (into a temporary folder; publishes nothing)
#   make bench   - benchmarks (bench/): quiz build cost, page weight, Lighthouse; results in bench/results/
#   make schema  - regenerate the JSON Schemas in schema/ from the data models
#   make lint    - ruff, mypy and ESLint
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check bench schema lint setup setup-test chromium java

serve: setup
	$(BIN)/python -m macros.serve

build: setup
	@test -n "$$SITE_URL" || echo "WARNING: SITE_URL is not set: canonical links, the sitemap and the offline copy's module links point at http://127.0.0.1:8000/. Set SITE_URL to the published address (the trainer page's links follow the address it is viewed at)." >&2
	$(BIN)/python -m macros.build --site-dir site

# Test workers: 2 by default (the CI machine has 2 cores; a third worker made it slower, as the
# tests use all of both); PYTEST_WORKERS=auto uses every core. The 25 slowest tests are listed
# at the end, to see what the suite's time goes to (CI allows 30 minutes in all).
PYTEST_WORKERS ?= 2
test: setup-test
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=25

check: setup
	$(BIN)/python -m macros.check

bench: setup-test
	@# Each bench prints its table, also after another missed its budget; make bench fails if any did.
	@status=0; \
	$(BIN)/python bench/quiz_build.py || status=1; \
	$(BIN)/python bench/pageweight.py || status=1; \
	$(BIN)/python bench/lighthouse.py --runs 3 || status=1; \
	exit $$status

schema: setup
	$(BIN)/python -m macros.schemas

lint: setup node_modules/.installed
	$(BIN)/ruff check quizkit macros hooks tests bench
	$(BIN)/ruff format --check quizkit macros hooks tests bench
	$(BIN)/mypy
	npx --no-install eslint quizkit docs/assets overrides/assets

setup: $(VENV)/.installed

setup-test: setup node_modules/.installed chromium java

# Every package from the lock file, hashes checked; then the quiz engine itself, editable.
$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the tests need, installed when missing (as root, or through sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

chromium:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium"; \
	  $(APT_INSTALL) chromium >/dev/null; }

# The Nu Html Checker (npm's vnu-jar) runs on Java.
java:
	@command -v java >/dev/null || { \
	  echo "Installing a Java runtime for the HTML validator"; \
	  $(APT_INSTALL) default-jre-headless >/dev/null; }
