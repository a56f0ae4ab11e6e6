# Two commands do all the set-up on a fresh machine:
#   make demo   - check the bundled example story; terminal report + reports/strike.md
#   make test   - run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint bench docs fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

demo: $(STAMP)
	$(BIN)/factcheck check examples/strike --fail-on never
	$(BIN)/factcheck check examples/strike --format markdown --output reports/strike.md --fail-on never
	@echo "Markdown report: reports/strike.md"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

docs: $(STAMP)
	$(BIN)/factcheck rules --format markdown --output docs/rules.md

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_scaling.py
	$(BIN)/python bench/bench_corpus.py
	$(BIN)/python bench/bench_adversarial.py

# Hypothesis over reading, extraction, checking and every format (see tests/fuzz_properties.py).
FUZZ_EXAMPLES ?= 200000
FUZZ_SECONDS  ?= 0
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/python tests/fuzz_properties.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
