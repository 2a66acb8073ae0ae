# Everything a fresh clone needs: `make serve` for learners, `make test` for the whole suite, `make check`
# for the edit loop. Each target installs what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
# poppler-utils: the certificate print tests read what Chromium printed with pdftotext
PDFTOTEXT := /usr/bin/pdftotext
# npm tools, never shipped in a course (package.json): axe-core, scorm-again, gift-pegjs, Biome, TypeScript
NODE_TOOLS := node_modules/.installed
# The learner scripts that ship in a course, checked by `make lint-js`; biome also lints the tests' JS.
SHIPPED_JS := builder/site/assets/*.js builder/exporters/scorm_launch.js
PYTHON_CODE := builder tests bench

.PHONY: setup build serve validate lint lint-py lint-js check test fuzz browser-deps bench clean

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

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here), and poppler-utils
# reads the certificates they print.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null

$(PDFTOTEXT):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq poppler-utils >/dev/null

$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser-deps: $(CHROMIUM) $(PDFTOTEXT) $(NODE_TOOLS)

# The house rules (CONTRIBUTING.md): ruff (lint and format), mypy --strict, Biome and tsc on the shipped scripts.
lint: lint-py lint-js

lint-py: setup
	$(BIN)/ruff check $(PYTHON_CODE)
	$(BIN)/ruff format --check $(PYTHON_CODE)
	$(BIN)/mypy

lint-js: $(NODE_TOOLS)
	node_modules/.bin/biome check $(SHIPPED_JS) tests/exporters/parse_gift.mjs
	node_modules/.bin/tsc --noEmit -p tsconfig.json

# The edit loop: the unit tests, in parallel (about 12 s on 2 cores).
check: setup
	$(BIN)/python -m pytest tests/unit -n auto -q -p no:cacheprovider

# Everything: the house rules first, then every test (unit, fuzz, integration, browser, packages).
test: setup browser-deps
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Speed and memory against plain MkDocs at 100 and 1,000 lessons; writes docs/performance.md.
bench: setup
	$(BIN)/python -m bench.run

# The fuzz tests with 20 times the examples `make test` runs (the `long` Hypothesis profile).
fuzz: setup
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/fuzz -q --hypothesis-show-statistics

clean:
	rm -rf site bench/out $(VENV) node_modules
