# Everything a fresh clone needs: `make serve` for learners, `make test` for the whole suite, `make check`
# for the edit loop. Each target installs what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
# npm tools, never shipped in a course (package.json): axe-core, scorm-again, gift-pegjs, Biome, TypeScript
NODE_TOOLS := node_modules/.installed
# Ralph, the Learning Record Store the xAPI tests start, in its own environment (lrs-constraints.txt says why)
LRS_VENV := .venv-lrs
LRS := $(LRS_VENV)/.installed
# The learner scripts that ship in a course, checked by `make lint-js`; biome also lints the tests' JS.
SHIPPED_JS := builder/site/assets/*.js builder/exporters/scorm_*.js
PYTHON_CODE := builder tests bench

.PHONY: setup build serve validate lint lint-py lint-js check test fuzz browser-deps pdf-deps lrs bench-env bench lighthouse minified clean

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

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here); the print tests
# read what it printed with poppler-utils (pdf-deps).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null

$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser-deps: $(CHROMIUM) $(NODE_TOOLS) pdf-deps

$(LRS): lrs-constraints.txt
	$(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install --quiet --disable-pip-version-check -c lrs-constraints.txt 'ralph-malph[cli,lrs]' requests
	touch $@

lrs: $(LRS)

# The benchmark's own environment: the mkdocs-quiz plugin, the closest peer, with MkDocs and Material pinned in
# bench-constraints.txt (bench/peers.py says why it is kept apart from the project's environment).
BENCH_VENV := .venv-bench
BENCH_ENV := $(BENCH_VENV)/.installed
$(BENCH_ENV): bench-constraints.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -c bench-constraints.txt mkdocs-quiz mkdocs-material
	touch $@

bench-env: $(BENCH_ENV)

# `course export pdf`: WeasyPrint draws text with Pango, and embeds Noto (Latin, Greek, Cyrillic, Arabic, Hebrew)
# and DejaVu fonts; the PDF tests read PDFs back with poppler-utils. Installs only what is missing.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-dejavu-core poppler-utils
pdf-deps:
	@missing=$$(for package in $(PDF_PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || echo $$package; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

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
# After editing a script, a stylesheet or a shipped .po file: the minifier's output for what the builder ships,
# kept so that a build need not load the minifier (builder/site/shipped.py); a unit test fails until it is current.
minified: setup
	$(BIN)/python -m builder.site.shipped

check: setup
	$(BIN)/python -m pytest tests/unit -n auto -q -p no:cacheprovider

# Everything: the house rules first, then every test (unit, fuzz, integration, browser, packages).
test: setup browser-deps lrs
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Every speed and size target in one run (bench/run.py says which), written to docs/performance.md: validation
# against libyaml, builds against plain MkDocs and the mkdocs-quiz peer, the preview, the pages and Lighthouse.
bench: setup bench-env browser-deps
	$(BIN)/python -m bench.run

# Lighthouse (npm, pinned), mobile preset, on four pages of the bundled course served compressed with cache
# headers (bench/lighthouse.py): each page's performance score, FCP, LCP, TBT, CLS and Speed Index.
lighthouse: setup browser-deps
	$(BIN)/python -m bench.lighthouse

# The fuzz tests with 20 times the examples `make test` runs (the `long` Hypothesis profile).
fuzz: setup
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/fuzz -q --hypothesis-show-statistics

clean:
	rm -rf site bench/out $(VENV) $(LRS_VENV) $(BENCH_VENV) node_modules
