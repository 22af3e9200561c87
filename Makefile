# The book's commands. A new user needs two: `make book` and `make test` (`make check` while editing).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export MPLCONFIGDIR := $(CURDIR)/_build/.mplconfig
export PYTHONHASHSEED := 0
export SOURCE_DATE_EPOCH := 1763769600
BUILD_FLAGS := -W -n --keep-going
NB ?= chapters/sources.ipynb

.PHONY: FORCE book html translations pdf pdfpages pageweight benchmark buildbench scalebench test check chapter notebooks lint clean freeze system browser \
	add-source curation-status
AMIRI := $(addprefix /usr/share/fonts/opentype/fonts-hosny-amiri/,Amiri-Regular.ttf Amiri-Bold.ttf)

# Everything the book is built from; generated files (source pages, glossary, bibliography, figures, fonts) are not.
BOOK_INPUTS := $(shell find seeds data natoar chapters _static locales -type f ! -name '*.mo' \
	! -path '*/__pycache__/*' ! -path 'natoar/tools/*' ! -path 'chapters/figures/*' ! -path 'chapters/sources/*' \
	! -path 'chapters/references*.bib' ! -path 'chapters/glossary.md' ! -path '_static/fonts/*' 2>/dev/null) \
	_config.yml _toc.yml requirements.txt pyproject.toml CITATION.cff
BUILT := _build/.book-built

## book: install what is missing, check the inputs, execute the notebooks that changed and write the HTML
book: system $(BUILT)
	@echo "The book is in _build/html/index.html"

# Make skips all of this when no input is newer than the last successful build and the inputs' bytes are those
# the published site was built from (natoar.build.cache site-current, in 0.05 s): times alone miss a deleted input
# and a file copied with its old time. Sphinx is skipped when the inputs are newer but their bytes unchanged.
# (Computed when make reads this file, so that `make -q` can still tell that the book is up to date.)
INPUTS_CHANGED := $(shell $(BIN)/python -m natoar.build.cache site-current $(BOOK_INPUTS) >/dev/null 2>&1 || echo FORCE)
FORCE:

$(BUILT): $(VENV)/.installed $(BOOK_INPUTS) $(INPUTS_CHANGED)
	$(BIN)/python -m natoar.build.prepare
	mkdir -p _static/fonts && cp -p $(AMIRI) _static/fonts/
	@$(BIN)/python -m natoar.build.cache site-current $(BOOK_INPUTS) || $(MAKE) --no-print-directory html
	@$(BIN)/python -m natoar.build.cache record $(BOOK_INPUTS)
	touch $@

# html: Sphinx alone, from the cached notebook outputs (`make book` runs it; `make buildbench` times it).
# Each edition builds in its own working folder, kept between builds (natoar.build.workdir): Sphinx reads again
# only the pages whose sources, catalogs or notebook outputs changed and writes only those, unless the navigation
# or a cross-reference target changed (natoar.build.incremental, which also keeps the search index whole despite
# sphinx-doc/sphinx#12599). A folder is trusted only after a successful build by the same machinery (the
# package, the configuration, the table of contents); otherwise that edition builds from scratch.
# The finished editions are copied to _build/next/ and replace _build/html only when both have succeeded
# (natoar.build.publish): a failing or interrupted build leaves the previous site as it was.
# Two editions: English from _config.yml, Arabic (in _build/html/ar/) from the same sources, its prose from the
# catalogs in locales/ar/ and its configuration written by natoar.build.editions; both read the notebooks'
# outputs from the same cache, build at the same time, one jupyter-book process each (natoar.build.html), and are
# published together.
html:
	rm -rf _build/next _build/next-ar
	$(BIN)/python -m natoar.build.workdir open
	$(BIN)/python -m natoar.build.html $(BUILD_FLAGS)
	$(BIN)/python -m natoar.build.workdir close
	$(BIN)/python -m natoar.build.publish

## translations: refresh the Arabic catalogs (locales/ar/) from the prose of the built book: new text gets an
## empty entry to translate, changed text is marked fuzzy (`tests/test_translations.py` fails on either)
translations: $(BUILT)
	rm -rf _build/gettext
	$(BIN)/jupyter-book build . --all --path-output _build/gettext --builder custom --custom-builder gettext -q
	$(BIN)/sphinx-intl update --pot-dir _build/gettext/_build/gettext --locale-dir locales --language ar \
	  --line-width 0 --no-obsolete

## pdf: the whole book as one PDF and one PDF per chapter, for each edition (English in _build/html/pdf/, Arabic,
## right to left, in _build/html/ar/pdf/; set from the HTML, printed by Chromium). PDF_LANGUAGES=en (or ar)
## prints one edition only
pdf: book browser
	$(BIN)/python -m natoar.build.pdf $(PDF_LANGUAGES)

## pdfpages: print the PDFs as `make pdf` does, then how many pages each has and how many are under a quarter full
pdfpages: pdf
	$(BIN)/python -m natoar.tools.pdfpages $(PDF_LANGUAGES)

## test: the whole suite: unit tests, nbval over every notebook, the book built with warnings as errors, the PDF
## and the browser tests, on one pytest-xdist worker per CPU, a test file (or notebook, or PDF edition) at a time.
## It builds this checkout's book first, as `make book` does: a test compares it with a clean build elsewhere
test: $(VENV)/.installed system browser $(BUILT)
	$(BIN)/ruff check natoar tests
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder --nbval --nbval-current-env tests chapters

## check: ruff and the unit tests (no build, no kernel, no browser), in seconds
check: $(VENV)/.installed
	$(BIN)/ruff check natoar tests
	$(BIN)/python -m pytest -n auto --dist worksteal -m unit tests

## chapter: re-execute one notebook in place (NB=chapters/x.ipynb), then rebuild the book
chapter: $(VENV)/.installed system
	$(BIN)/python -m natoar.build.execute $(NB)
	$(MAKE) book

## notebooks: re-execute every chapter notebook in place (after changing seeds/, data/ or the package)
notebooks: $(VENV)/.installed system
	$(BIN)/python -m natoar.build.execute chapters/*.ipynb chapters/data/*.ipynb

## add-source: add a document (FILE=article.txt [OUTLET=...] [OUTLET_AR=...] [GENRE=...] [ID=...] [DATE=...]): check
## it, copy it into seeds/ and append its catalogue row marked uncurated, with the proposed headline and dates
add-source: $(VENV)/.installed
	@test -n "$$FILE" || { echo "error: give the file: make add-source FILE=path/to/article.txt" >&2; exit 1; }
	@# the values reach the command through the environment (make exports what the command line sets), never
	@# through the shell line, which would run a backtick in a file name and drop the quotes in an outlet's name
	$(BIN)/python -m natoar.sources.add "$$FILE" --outlet "$$OUTLET" --outlet-ar "$$OUTLET_AR" --genre "$$GENRE" \
	  --id "$$ID" --date "$$DATE"

## curation-status: what each document still lacks before it can be marked curated
curation-status: $(VENV)/.installed
	$(BIN)/python -m natoar.report.curation

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

## pageweight: the heaviest pages of the built book with everything they load, and the largest images
pageweight: book
	$(BIN)/python -m natoar.tools.pageweight

## benchmark: the text pipeline against a one-regex floor, on 1,000 and 10,000 synthetic documents
benchmark: $(VENV)/.installed
	$(BIN)/python -m natoar.tools.benchmark

## buildbench: cold, warm and one-chapter rebuild times, against all notebooks' code run in one process
## (TESTS=1: and `make test`, against the cold build)
buildbench: $(VENV)/.installed system
	$(BIN)/python -m natoar.tools.buildbench $(if $(TESTS),--with-tests)

## scalebench: cold builds with the five seeds and with 50 and 250 synthetic documents added, the rebuild after
## adding one more, and the largest figure (in copies under the system's temporary folder)
scalebench: $(VENV)/.installed system
	$(BIN)/python -m natoar.tools.scalebench

## browser: Debian's Chromium and poppler (pdftotext) for the PDF and the browser tests
browser:
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; \
	  else echo "error: Chromium or pdftotext is missing; run: sudo apt-get install chromium poppler-utils" >&2; exit 1; fi; }

freeze:
	{ head -2 requirements.txt; $(BIN)/python -m pip freeze --all --exclude-editable | grep -v '^pip=='; } > requirements.new && mv requirements.new requirements.txt

clean:
	rm -rf _build chapters/sources/*.md chapters/references*.bib chapters/glossary.md _static/fonts
