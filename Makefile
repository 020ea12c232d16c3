# NewsLens: `make report` (the main job) and `make test` (the whole suite). Both build .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INPUT ?= data/articles
REPORTS ?= reports

.PHONY: setup report test lab bench bench-quotes clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

report: $(STAMP)
	@mkdir -p $(REPORTS)
	$(PY) -m analysis extract $(INPUT) --out $(REPORTS)/extract.jsonl

test: $(STAMP)
	$(PY) -m pytest -q

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP)
	$(PY) benchmarks/bench_sentences.py

bench-quotes: $(STAMP)
	$(PY) benchmarks/bench_quotes.py --split dev

clean:
	rm -rf $(REPORTS) .pytest_cache
