# Renewal Radar: `make demo` runs the nightly job on the bundled demo world; `make test` runs the tests.
# Both create .venv and install the project (with its dev extras) on first use. `make test-min`
# runs the version-sensitive tests again in .venv-min on the lowest versions pyproject.toml allows
# (constraints-min.txt): every package's own tests and one end-to-end Dagster run (MIN_TESTS).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
MIN_VENV  := .venv-min
MIN_STAMP := $(MIN_VENV)/.installed
# one pytest worker per core (pytest-xdist); a test module stays on one worker, so its fixtures are built once
PYTEST_PARALLEL ?= -n auto --dist loadfile
MIN_TESTS ?= tests/sources tests/matching tests/warehouse tests/reports tests/pipelines/test_nightly_e2e.py
DEMO_HOME ?= demo_home
SCALE  ?= 1

.PHONY: install demo test test-min lint bench bench-quick soak dev docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), f"Python 3.11 needed, found {sys.version.split()[0]}"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/radar demo --home $(DEMO_HOME) --scale $(SCALE)

PACKAGES := pipelines sources matching warehouse reports demo bench tests

test: $(STAMP)
	$(BIN)/ruff check $(PACKAGES)
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(PYTEST_PARALLEL)

$(MIN_STAMP): pyproject.toml constraints-min.txt
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(MIN_VENV)/bin/python -m pip install --quiet -c constraints-min.txt -e '.[dev]'
	touch $@

test-min: $(MIN_STAMP)
	$(MIN_VENV)/bin/python -c 'import pandas, pyarrow, duckdb, dagster; print("lowest allowed:", "pandas", pandas.__version__, "pyarrow", pyarrow.__version__, "duckdb", duckdb.__version__, "dagster", dagster.__version__)'
	$(MIN_VENV)/bin/python -m pytest -q $(PYTEST_PARALLEL) $(MIN_TESTS)

lint: $(STAMP)
	$(BIN)/ruff check $(PACKAGES)
	$(BIN)/sqlfluff lint warehouse/sql reports/sql matching/sql --processes 2

$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@

# `make bench BENCH_SCALE="5M 10M"` for the nightly run on bigger demo worlds (default 10k 100k 1M)
BENCH_SCALE ?=
bench: $(VENV)/.bench-installed
	$(BIN)/python -m bench.run --out bench/results $(if $(BENCH_SCALE),--scales $(BENCH_SCALE))

bench-quick: $(VENV)/.bench-installed
	$(BIN)/python -m bench.run --out bench/results --quick

# SIGKILLs at random points of `radar run` and pairs of runs started together (docs/reliability.md);
# `make soak KILLS=20 OFFSETS=5` for a short one. Writes bench/results/soak.json as it goes.
KILLS ?= 200
OFFSETS ?= 20
SOAK_SCALE ?= 0.1
soak: $(STAMP)
	$(BIN)/python -m bench.soak --kills $(KILLS) --offsets $(OFFSETS) --scale $(SOAK_SCALE) --out bench/results/soak.json

dev: $(STAMP)
	test -f $(DEMO_HOME)/sources.yaml || $(BIN)/radar demo --home $(DEMO_HOME) --scale $(SCALE)
	$(BIN)/radar ui --home $${RADAR_HOME:-$(DEMO_HOME)} --daemon

docs: $(STAMP)
	test -f $(DEMO_HOME)/warehouse.duckdb || $(BIN)/radar demo --home $(DEMO_HOME) --scale $(SCALE)
	$(BIN)/python -m warehouse.docs $(DEMO_HOME)/warehouse.duckdb docs/warehouse.md

clean:
	rm -rf $(VENV) $(MIN_VENV) $(DEMO_HOME) .dagster_home .pytest_cache .mypy_cache .ruff_cache bench/results
