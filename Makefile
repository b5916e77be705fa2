# Parallax: `make run` opens the app with the sample articles, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench dist install-desktop sysdeps sysdeps-qt screenshots clean

run: $(STAMP) sysdeps-qt
	$(VENV)/bin/parallax gui seeds

test: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP) sysdeps-qt
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/perf -s -q -p no:randomly --override-ini="addopts="

# -e keeps the venv's editable install (a plain '.' would freeze a copy of reader/ into it).
dist: $(STAMP) sysdeps-qt
	$(VENV)/bin/pip install -q -e '.[dist]'
	PYTHON=$(PY) bash packaging/build.sh

install-desktop:
	bash packaging/install-desktop.sh

screenshots: $(STAMP) sysdeps-qt
	bash packaging/screenshots.sh

$(STAMP): pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# System libraries Qt needs, plus the tools the tests use (poppler, Chromium, validators).
sysdeps:
	bash packaging/system-deps.sh all

sysdeps-qt:
	bash packaging/system-deps.sh qt

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
