# Two commands on a fresh Debian machine (Python 3.11, root):
#   make report   -> .venv, install, seed report (HTML + PDF) in reports/
#   make test     -> .venv, dev install, system packages for tests, ruff + mypy + pytest (+ notebooks)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
GOLD ?= ../shared/gold
# Debian packages: chromium (browser tests), poppler-utils (PDF to PNG/text), CJK font, WeasyPrint's libraries.
SYSTEM_PACKAGES := chromium poppler-utils fonts-wqy-microhei fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1

.PHONY: validity report test lint typecheck pytest notebooks validate bench system clean-venv

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e ".[dev]"
	touch $@

# System packages are installed only when missing (needs root and apt-get; skipped elsewhere with a note).
system:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -qi "WenQuanYi\|Noto Sans CJK" || missing="$$missing fonts-wqy-microhei"; \
	ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else echo "note: missing system packages:$$missing (install them with apt-get as root)"; fi; \
	fi

validity: $(VENV)/.installed
	@mkdir -p reports; if [ -d "$(GOLD)" ]; then $(VENV)/bin/framing validate --gold $(GOLD) --json reports/validity.json; \
	else echo "note: $(GOLD) not found; the report's validity card will say it was not run"; fi

report: $(VENV)/.installed system validity
	$(VENV)/bin/framing report --out reports $$( [ -f reports/validity.json ] && echo --validity reports/validity.json )

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check framing tests benchmarks

typecheck: $(VENV)/.dev-installed
	$(VENV)/bin/mypy framing

pytest: $(VENV)/.dev-installed system
	$(VENV)/bin/pytest -p no:cacheprovider

# The notebooks run only here (pytest's testpaths are tests/ and framing/, so they never run twice).
notebooks: $(VENV)/.dev-installed
	$(VENV)/bin/pytest -p no:cacheprovider --nbmake notebooks

test: lint typecheck pytest notebooks

validate: $(VENV)/.installed
	$(VENV)/bin/framing validate --gold $(GOLD)

# make bench: the full table (500 to 6,000 articles, about an hour on 2 cores); make bench BENCH_ARGS=--quick: 200.
bench: $(VENV)/.dev-installed
	nice $(PY) benchmarks/run.py $(BENCH_ARGS)

clean-venv:
	rm -rf $(VENV)
