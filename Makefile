# NewsLens: `make report` (the main job) and `make test` (the whole suite). Both build .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# INPUT: a file, folder or corpus table; empty means the bundled article and sample corpus.
INPUT ?=
REPORTS ?= reports
DEFAULT_INPUT := data/articles data/corpus/articles.csv
CHROMIUM := /usr/bin/chromium

.PHONY: setup report test browser lab bench bench-quotes fuzz clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Executes every notebook on INPUT and writes $(REPORTS)/*.html, $(REPORTS)/tables/*.{parquet,csv}
# and $(REPORTS)/extract.jsonl.
report: $(STAMP)
	@mkdir -p $(REPORTS)
	$(PY) -m analysis extract $(or $(INPUT),$(DEFAULT_INPUT)) --out $(REPORTS)/extract.jsonl --overwrite
	$(PY) -m analysis.report $(if $(INPUT),--input $(INPUT)) --out $(REPORTS)

# Debian's chromium for the browser test (tests/test_report_browser.py). Never fails:
# without it the browser test skips and says why.
browser:
	@if [ -x $(CHROMIUM) ]; then \
		echo "browser: $(CHROMIUM) is installed"; \
	elif [ "$$(id -u)" != "0" ]; then \
		echo "browser: $(CHROMIUM) is missing and this is not root: the browser test will be skipped (apt-get install chromium)"; \
	elif command -v apt-get >/dev/null && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then \
		echo "browser: installed $(CHROMIUM)"; \
	else \
		echo "browser: could not install chromium with apt-get: the browser test will be skipped"; \
	fi

test: $(STAMP) browser
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
