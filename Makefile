# Two commands do all the set-up on a fresh machine:
#   make demo   - check the bundled example story; terminal report + reports/strike.md and .html
#   make test   - run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint bench docs fuzz screenshot browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

demo: $(STAMP)
	$(BIN)/factcheck check examples/strike --fail-on never
	$(BIN)/factcheck check examples/strike --format markdown --output reports/strike.md --fail-on never
	$(BIN)/factcheck check examples/strike --output reports/strike.html --fail-on never
	@echo "Markdown report: reports/strike.md · HTML report: reports/strike.html"

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The HTML report's browser test needs Chromium. Run as root (CI, a fresh machine) this
# installs Debian's package when it is missing; otherwise the test skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  echo "installing chromium for the HTML report's browser test" && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends chromium fonts-dejavu-core; } >/dev/null 2>&1; } || \
	echo "chromium is not installed: the browser test of the HTML report will be skipped"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

docs: $(STAMP)
	$(BIN)/factcheck rules --format markdown --output docs/rules.md

# docs/report-example.png, the README's picture of the example's HTML report.
screenshot: $(STAMP) browser
	$(BIN)/factcheck check examples/strike --output reports/strike.html --fail-on never
	$(BIN)/python tools/headless.py reports/strike.html --screenshot docs/report-example.png >/dev/null

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
