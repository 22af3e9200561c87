# The book's commands. A new user needs two: `make book` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export MPLCONFIGDIR := $(CURDIR)/_build/.mplconfig
export PYTHONHASHSEED := 0
export SOURCE_DATE_EPOCH := 1763769600
BUILD_FLAGS := -W -n --keep-going
NB ?= chapters/sources.ipynb

.PHONY: book test check pages chapter notebooks lint clean freeze system

## book: install what is missing, check the inputs, execute every notebook and write the HTML
book: $(VENV)/.installed system
	$(BIN)/python -m natoar.check
	$(BIN)/python -m natoar.pages > /dev/null
	$(BIN)/python -m natoar.buildcache check
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)
	$(BIN)/python -m natoar.buildcache record
	@echo "The book is in _build/html/index.html"

## test: the whole suite: unit tests, nbval over every chapter, the book build with warnings as errors
test: $(VENV)/.installed system
	$(BIN)/ruff check natoar tests
	$(BIN)/python -m pytest --nbval --nbval-current-env tests chapters

## chapter: re-execute one notebook in place (NB=chapters/x.ipynb), then rebuild the book
chapter: $(VENV)/.installed system
	$(BIN)/python -m natoar.notebooks $(NB)
	$(MAKE) book

## notebooks: re-execute every chapter notebook in place (after changing seeds/, data/ or the package)
notebooks: $(VENV)/.installed system
	$(BIN)/python -m natoar.notebooks chapters/*.ipynb chapters/data/*.ipynb

lint: $(VENV)/.installed
	$(BIN)/ruff check natoar tests

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

## system: the Debian fonts the figures need (installed if missing and we are root)
system:
	@fc-list 2>/dev/null | grep -q "Amiri" || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-hosny-amiri fontconfig; \
	  else echo "error: the Amiri font is missing; run: sudo apt-get install fonts-hosny-amiri" >&2; exit 1; fi; }

freeze:
	$(BIN)/python -m pip freeze --exclude-editable > requirements.txt

clean:
	rm -rf _build chapters/sources/*.md
