# NewsLens: `make report` (the main job) and `make test` (the whole suite). Both build .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INPUT ?= data/articles
REPORTS ?= reports

.PHONY: setup report test lab bench bench-quotes fuzz clean

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

# Fuzz the segmenter + quote extractor, then the whole record, FUZZ_SECONDS each (crashes: fuzz/crashes/).
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(PY) -m pip install --quiet -e '.[fuzz]'
	@mkdir -p fuzz/crashes .fuzz-corpus/segment .fuzz-corpus/pipeline
	cd fuzz && $(abspath $(PY)) fuzz_segment_quotes.py -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -dict=quotes.dict -artifact_prefix=crashes/ ../.fuzz-corpus/segment corpus
	cd fuzz && $(abspath $(PY)) fuzz_pipeline.py -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -dict=quotes.dict -artifact_prefix=crashes/ ../.fuzz-corpus/pipeline corpus

clean:
	rm -rf $(REPORTS) .pytest_cache
