# kzru: two commands do everything.
#   make lab    set everything up, then open the notebooks in JupyterLab
#   make test   set everything up (Chromium included), then run every test
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8888
NB ?= notebooks/04_figure_comparison.ipynb

.PHONY: setup lab test unit notebooks browser-tests chromium lint app handouts bench eval eval-check clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

lab: setup
	$(VENV)/bin/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) --notebook-dir=notebooks notebooks/00_start_here.ipynb

## Chromium for the browser tests, from Debian (no test tool downloads a browser).
## Opt out explicitly with KZRU_SKIP_BROWSER=1.
chromium:
	@if [ "$${KZRU_SKIP_BROWSER:-0}" = "1" ]; then echo "KZRU_SKIP_BROWSER=1: browser tests skipped by request"; \
	elif [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium is missing: install it with 'sudo apt-get install chromium' (or run with KZRU_SKIP_BROWSER=1 to opt out of the browser tests)"; exit 1; fi

lint: setup
	$(VENV)/bin/ruff check kzru_lib tests benchmarks scripts notebooks

unit: setup
	$(VENV)/bin/pytest -q -n 2 tests -m "not browser"

notebooks: setup
	$(VENV)/bin/pytest -q -n 2 --dist loadfile --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:randomly

## JupyterLab and Voila in Debian's Chromium (Playwright); screenshots and logs in test-artifacts/
browser-tests: setup chromium
	$(VENV)/bin/pytest -q tests/browser -m browser -p no:randomly

## Score every development set that is present (../shared/devsets, devsets_news/texts): one table per stage
eval: setup
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev,bench]'
	$(PY) scripts/eval.py

## The same, failing below the floors of scripts/eval_floors.csv (absent sets are listed, not failed)
eval-check: setup
	$(PY) scripts/eval.py --check

test: lint unit eval-check notebooks browser-tests

## Serve one analysis notebook as a code-free Voila app: make app NB=notebooks/03_timeline.ipynb
## (KZRU_CORPUS=/path/to/folder chooses the corpus; IP=0.0.0.0 opens it to the seminar room's network)
IP ?= 127.0.0.1
app: setup
	$(VENV)/bin/voila --Voila.ip=$(IP) --port=$(PORT) --no-browser $(NB)

## Execute every notebook and write HTML handouts and PNG figures into build/handouts
## (HANDOUT_FLAGS=--no-code leaves the code out)
handouts: setup
	$(PY) -m kzru_lib.handouts notebooks build/handouts $(HANDOUT_FLAGS)

bench: setup
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev,bench]'
	$(PY) benchmarks/run_all.py

clean:
	rm -rf build test-artifacts bench_data
