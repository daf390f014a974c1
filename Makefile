# Two commands a new user needs: `make serve` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

# axe-core for the accessibility tests, from the npm registry (pinned by the lock file).
E2E_NODE := tests/e2e/node_modules/.installed

.PHONY: serve build test lint typecheck pytest browser screenshots bench test-slow clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## serve: the example organisation's site on http://127.0.0.1:8000 (rebuilds on every save)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## build: the example site into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## test: lint, type-check and every test (unit, golden, real builds, CLI, headless browser) but
## the slow ones on 1,000 sets (`make test-slow`)
test: $(STAMP) browser $(E2E_NODE)
	$(BIN)/ruff check plugin tests bench
	$(BIN)/ruff format --check plugin tests bench
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check plugin tests bench
	$(BIN)/ruff format --check plugin tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) browser $(E2E_NODE)
	$(BIN)/pytest

## browser: Debian's Chromium for the end-to-end tests (never a browser download)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the end-to-end tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

## screenshots: the pictures in docs/images (needs Chromium and a CJK font)
screenshots: $(STAMP) browser
	@fc-list :lang=zh >/dev/null 2>&1 && [ -n "$$(fc-list :lang=zh)" ] || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null; }
	$(BIN)/python tests/e2e/screenshots.py

$(E2E_NODE): tests/e2e/package.json tests/e2e/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm ci --prefix tests/e2e --no-audit --no-fund
	touch $@

## bench: every performance target in one run, plain Material side by side (about half an hour;
## not part of `make test`): bench/out/report-DATE.md, then the slow tests
bench: $(STAMP) browser $(E2E_NODE)
	$(BIN)/python bench/all.py
	$(MAKE) test-slow

## test-slow: the crawler, accessibility and search tests on a generated organisation of 1,000 sets
test-slow: $(STAMP) browser $(E2E_NODE)
	$(BIN)/pytest -m slow

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache tests/e2e/node_modules
