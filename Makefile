# Two set-up commands on a fresh machine: `make demo` and `make test`.
# Both create .venv in the repo when it is missing and install the project.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
N ?= 100000

.PHONY: demo test fuzz lint bench bench-scale clean sysdeps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

# Debian tools the report's visual tests use (PDF pages to PNG, headless
# Chromium). Installed when missing and we may; otherwise those tests skip.
sysdeps:
	@if command -v pdftoppm >/dev/null && command -v chromium >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "sysdeps: installing Debian packages poppler-utils and chromium with apt-get (for the visual report tests)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils chromium >/dev/null) \
	  || echo "sysdeps: could not install poppler-utils/chromium; the visual report tests will skip"; \
	else echo "sysdeps: poppler-utils/chromium missing; the visual report tests will skip"; fi

demo: $(STAMP)
	$(BIN)/ocwatch demo

test: $(STAMP) sysdeps
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
	rm -rf data bench/out
