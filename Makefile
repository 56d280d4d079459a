# Everything runs from a local virtualenv and the project's own Neo4j (no Docker needed).
# Needs: Python 3.11+, Java 17 or 21, Maven 3 (Maven only the first time, to fetch the server jars).

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NEO4J := $(PY) -m guanxi.cli_neo4j
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: venv jars neo4j run test lint stop clean distclean

venv: $(STAMP)

# Reinstalls only when pyproject.toml or this file changes; the package itself is editable. dask
# too, so that the tests run the distributed extraction (tests/test_parallel.py) instead of skipping it.
$(STAMP): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	sh scripts/ensure-icu.sh
	$(PY) -m pip install -q -e '.[dev,distributed]'
	touch $@

jars: venv
	$(NEO4J) jars

neo4j: jars
	$(NEO4J) start

run: venv neo4j
	$(VENV)/bin/guanxi load samples
	$(VENV)/bin/guanxi serve --host $(HOST) --port $(PORT)

# The test fixtures start the "test" instance (port 7688) themselves and leave it running.
test: venv jars
	bash scripts/ensure-chromium.sh
	sh scripts/ensure-ocr.sh
	$(PY) -m pytest -q

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

stop:
	@if [ -x $(PY) ]; then \
		$(NEO4J) stop; \
		$(NEO4J) stop --instance test; \
	fi

# Keeps the main graph, the jars and the virtualenv.
clean: stop
	rm -rf .neo4j/instances/test .pytest_cache .mypy_cache .ruff_cache build dist
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +

# Also deletes the main graph, the jars and the virtualenv.
distclean: clean
	rm -rf .neo4j $(VENV)
