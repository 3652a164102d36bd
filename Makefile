# 园区动态 — the two commands a newcomer needs:
#   make serve   set up, convert seeds/, build and serve the site on http://127.0.0.1:8000
#   make test    set up (Python packages, Debian's chromium, axe-core from npm), then run the
#                linters (ruff, mypy, the workflow's schema) and every test
export NO_MKDOCS_2_WARNING := 1

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve site convert check lint test bench golden chromium clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

convert: $(STAMP)
	$(BIN)/parkdigest convert

check: $(STAMP)
	$(BIN)/parkdigest check docs

site: convert check
	$(BIN)/mkdocs build --strict

serve: site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Wait (up to 10 minutes) for another package installation to finish instead of failing.
APT_WAIT := -o DPkg::Lock::Timeout=600

# Debian's chromium for the browser tests (no browser is ever downloaded by a tool), poppler's
# pdftotext for the PDF benchmark's baseline (its test runs it on two pages), and Chinese
# fonts so that screenshots show text and layout checks measure real glyphs. tests/typeset.py sets
# its test pages in every one of them (Hei, Song/Ming, Kai; with and without a bold face); all are
# free: WenQuanYi (GPL-2 with the font exception), AR PL UKai/UMing (Arphic Public License),
# Noto Sans/Serif CJK (SIL OFL 1.1), Droid Sans Fallback (Apache-2.0).
CJK_FONTS := fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-ukai fonts-arphic-uming fonts-noto-cjk fonts-droid-fallback
CJK_FONT_FILES := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc \
  /usr/share/fonts/truetype/arphic/ukai.ttc /usr/share/fonts/truetype/arphic/uming.ttc \
  /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && ls $(CJK_FONT_FILES) >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get $(APT_WAIT) update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get $(APT_WAIT) install -y -qq chromium poppler-utils $(CJK_FONTS) >/dev/null; }

# axe-core for the accessibility tests, from the npm registry by package-lock.json.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get $(APT_WAIT) update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get $(APT_WAIT) install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(AXE)

# The linters first (seconds), then every test.
lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

# The test files are spread over the cores (pytest-xdist); each file stays on one worker, so
# its module fixtures are built once and its artifacts written by one process.
test: lint chromium $(AXE)
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadfile

# Rewrite tests/golden/ (the converter's reviewed output on every seed and dev page) after a
# change that moves articles on purpose; review the diff before committing it.
golden: $(STAMP)
	$(BIN)/python tests/golden_outputs.py

# pdftotext (Debian's poppler-utils) is the PDF measure's baseline.
bench: $(STAMP)
	@command -v pdftotext >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get $(APT_WAIT) update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get $(APT_WAIT) install -y -qq poppler-utils >/dev/null; }
	$(BIN)/parkdigest bench
	$(BIN)/parkdigest bench --pdf

clean:
	rm -rf site .pytest_cache
