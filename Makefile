# Everything a fresh clone needs: `make serve` for learners, `make test` for the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
NODE_TOOLS := tests/browser/node_modules/.installed

.PHONY: setup build serve validate test test-unit browser-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

validate: setup
	$(BIN)/course validate

build: setup
	$(BIN)/course build

serve: setup
	$(BIN)/course serve

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null

$(NODE_TOOLS): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_TOOLS)

browser-deps: $(CHROMIUM) $(NODE_TOOLS)

test: setup browser-deps
	$(BIN)/python -m pytest

test-unit: setup
	$(BIN)/python -m pytest tests/unit tests/integration

clean:
	rm -rf site $(VENV) tests/browser/node_modules
