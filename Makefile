# Every set-up step rasd needs on a fresh machine, from the project's own files.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= rasd-demo.sqlite

.PHONY: setup demo test eval bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# The main job on the bundled example articles, into a fresh embedded SQLite file.
demo: setup
	rm -f $(DB)
	$(BIN)/rasd ingest examples/articles --db $(DB)
	$(BIN)/rasd query --db $(DB)
	$(BIN)/rasd export --db $(DB) --format csv -o rasd-demo.csv
	$(BIN)/rasd export --db $(DB) --format geojson -o rasd-demo.geojson
	@echo "events exported to rasd-demo.csv and rasd-demo.geojson"

test: setup
	$(BIN)/pytest

# Quality on the gold dev set (kept outside the test suite; see eval/).
eval: setup
	$(BIN)/python eval/gate.py

bench: setup
	$(BIN)/python bench/bench_matcher.py
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache rasd-demo.*
