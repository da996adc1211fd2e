# workplans: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/workplans.duckdb
SAMPLES ?= data/samples
STAMP := $(VENV)/.installed
RAY_STAMP := $(VENV)/.installed-ray

.PHONY: install install-ray demo test lint golden samples fixtures clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Tesseract with its English, French, Spanish, Portuguese and Arabic data and OSD, for scanned pages (issue 22):
# installed with apt-get where it can run (as root or through sudo), else a message says what to install.
install: $(STAMP)
	@sh tools/install_ocr.sh

# The optional Ray executor (`workplans ingest --executor ray`); `make test` installs it so that its tests run.
$(RAY_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $(RAY_STAMP)

install-ray: $(RAY_STAMP)

demo: install
	@# exit status 1: a document failed and the rest loaded (named above); anything else stops the demo
	$(BIN)/workplans ingest $(SAMPLES) --db $(DB) --force || [ $$? -eq 1 ]
	$(BIN)/workplans query "select (select count(*) from documents) as documents, (select count(*) from plans) as plans, (select count(*) from activities) as activities, (select sum(activities) from plans) as activities_once, (select count(distinct actor_id) from activity_actors) as actors, (select count(*) from ingest_errors) as failed" --db $(DB)
	@# each plan once: its primary document, how many documents hold it, its activities (README, "The same plan, once")
	$(BIN)/workplans query "select title as plan, year, format, copies, activities from plans order by title" --db $(DB)

lint: install
	$(BIN)/ruff check pipeline extractors normalizers data tests bench tools
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@# Dead code at vulture's lowest confidence (60: every unused name); tests count as users; the names used
	@# from outside vulture's sight (typer, click, library properties) are in tools/vulture_whitelist.py.
	$(BIN)/vulture pipeline extractors normalizers data tools bench tests --min-confidence 60

test: install-ray lint
	$(BIN)/pytest

# Rewrites the expected files; tests/test_golden_flag.py, which fails whenever the flag is on, is left out.
golden: install
	WORKPLANS_GOLDEN=1 $(BIN)/pytest tests -k "golden and not test_golden_flag"

# Rewrites data/samples/ from tools/samples/seeds/ (needs LibreOffice); a rebuild changes no byte.
samples: install
	$(BIN)/python -m tools.samples

# Rewrites tests/fixtures/ and the layout goldens from tools/fixtures/ (the PDF ones need LibreOffice, and
# Chromium for the browser print); a rebuild changes no byte. Every module of tools/fixtures with a main() is a
# maker (a new one needs no edit here); `make fixtures ONLY="layout periods"` runs those named.
fixtures: install
	$(BIN)/python -m tools.fixtures $(ONLY)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
