# SHSC Desktop — developer and CI entry points.
#
#   make run           the app on a throw-away demo office
#   make test          ruff + the whole pytest suite, offscreen
#   make lint          ruff check + ruff format --check + mypy strict (the whole package) + import contracts
#   make bundle        PyInstaller one-folder build into dist/shsc-desktop/
#   make selftest      run the frozen build's `self-test`
#   make gui-smoke     start the frozen GUI off-screen on an empty data folder; pass when its first
#                      window (the setup wizard) is shown
#   make translations  refresh i18n/*.ts from the views (lupdate), then compile .qm
#   make system-deps   Debian packages Qt (offscreen/xcb), PDF tests, CMS tests and PyInstaller need
#   make bench | screenshots | clean | distclean
#
# Every target that runs Python bootstraps .venv first (created if missing, `pip install -e .[dev]`
# re-run only when pyproject.toml changes), so a fresh clone needs nothing installed by hand
# except the system packages (`make system-deps`, run by .ci/run).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.shsc-dev-installed

# Translation sources and their compiled form inside the package (resources.translations_folder()).
TS_LANGS   := km en qt_km
TS_FILES   := $(foreach l,$(TS_LANGS),i18n/shsc_$(l).ts)
TS_PRESENT := $(wildcard $(TS_FILES))
QM_FILES   := $(patsubst i18n/%.ts,shsc_desktop/i18n/%.qm,$(TS_PRESENT))

DIST_DIR := dist/shsc-desktop
FROZEN   := $(DIST_DIR)/shsc-desktop

# Debian packages. Qt's xcb/wayland/offscreen platform plugins and libQt6Gui link against the
# libraries below (checked with ldd on PySide6/Qt/lib and Qt/plugins); a font is needed so that
# fontconfig has something to fall back to; poppler-utils gives pdftoppm for the PDF tests,
# openssl is used by the CMS interoperability tests, xvfb by `make screenshots`, binutils
# (objdump, objcopy, strip) by PyInstaller.
SYSTEM_PACKAGES := \
	libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 fonts-dejavu-core \
	libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libx11-xcb1 libxrender1 libxi6 \
	libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxcb-sync1 \
	libwayland-client0 libwayland-cursor0 libwayland-egl1 libgssapi-krb5-2 \
	poppler-utils openssl xvfb xauth binutils

.PHONY: help run display test lint bundle selftest gui-smoke bench screenshots translations qm system-deps \
	venv clean distclean

help:
	@sed -n '3,12p' $(firstword $(MAKEFILE_LIST)) | sed 's/^# \{0,1\}//'

# --- bootstrap ------------------------------------------------------------------------------

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install only when the project's metadata changes; `pip install -e` is otherwise a no-op
# that still costs several seconds of resolver time.
# constraints.txt pins every package to the versions CI tested; the Windows build installs with the
# same file (installer/BUILD.md), so both resolve the same versions.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check --quiet --upgrade pip
	$(PY) -m pip install --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $@

venv: $(STAMP)

# Compile each .ts that exists; none yet is fine (the app falls back to the source strings).
shsc_desktop/i18n/%.qm: i18n/%.ts | $(STAMP)
	@mkdir -p $(@D)
	$(VENV)/bin/pyside6-lrelease $< -qm $@

qm: $(QM_FILES)
	@if [ -z "$(QM_FILES)" ]; then echo "no i18n/*.ts yet: nothing to compile"; fi

# --- everyday --------------------------------------------------------------------------------

# The GUI needs a desktop session; without one, say so in one line before installing anything.
run: display system-deps $(STAMP) qm
	$(PY) -m shsc_desktop --demo

display:
	$(if $(filter Linux,$(shell uname -s)),$(if $(DISPLAY)$(WAYLAND_DISPLAY)$(QT_QPA_PLATFORM),,$(error \
		make run needs a display (DISPLAY or WAYLAND_DISPLAY is unset): run it in a desktop session)))

test: system-deps $(STAMP) qm
	$(VENV)/bin/ruff check shsc_desktop tests tools
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check shsc_desktop tests tools
	$(VENV)/bin/ruff format --check shsc_desktop tests tools
	$(VENV)/bin/mypy shsc_desktop
	$(VENV)/bin/lint-imports

# tools/i18n.py owns the lupdate options (-locations none, -no-obsolete, per-language target), so
# that this target and the "are the .ts files up to date" test can never disagree.
translations: $(STAMP)
	$(PY) tools/i18n.py update
	$(MAKE) --no-print-directory qm

bench: $(STAMP) qm
	$(PY) tools/bench.py

screenshots: $(STAMP) qm
	$(PY) tools/screenshots.py

# --- frozen build ----------------------------------------------------------------------------

bundle: $(STAMP) qm
	rm -rf $(DIST_DIR)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller installer/shsc-desktop.spec
	$(PY) tools/bundle_size.py $(DIST_DIR)

selftest:
	@test -x $(FROZEN) || { echo "no frozen build at $(FROZEN): run 'make bundle' first" >&2; exit 1; }
	QT_QPA_PLATFORM=offscreen $(FROZEN) self-test

# The frozen GUI: QtWidgets, the views and their lazily imported modules really are in the build,
# and the X11 platform plugin loads with the libraries we bundle (on Xvfb). SHSC_BENCH_EXIT_WHEN_SHOWN
# (views/bench_hook.py) makes the app quit once its first window (the setup wizard) is shown.
gui-smoke:
	@test -x $(FROZEN) || { echo "no frozen build at $(FROZEN): run 'make bundle' first" >&2; exit 1; }
	@for platform in offscreen xcb; do \
		launcher=""; \
		if [ $$platform = xcb ]; then \
			command -v xvfb-run >/dev/null || { echo "gui-smoke: no xvfb-run, xcb skipped"; continue; }; \
			launcher="xvfb-run -a"; \
		fi; \
		tmp=$$(mktemp -d); status=0; \
		out=$$(SHSC_BENCH_EXIT_WHEN_SHOWN=1 QT_QPA_PLATFORM=$$platform \
			timeout 120 $$launcher $(FROZEN) --data-dir "$$tmp/office" 2>&1 </dev/null) || status=$$?; \
		rm -rf "$$tmp"; \
		if [ $$status -ne 0 ] || ! grep -q SHSC_BENCH_SHOWN <<<"$$out"; then \
			echo "$$out"; \
			echo "gui-smoke: the frozen GUI did not show its first window on $$platform (exit $$status)" >&2; \
			exit 1; \
		fi; \
		echo "gui-smoke: the frozen GUI showed its first window on $$platform"; \
	done

# --- machine ---------------------------------------------------------------------------------

# Installs only what is missing, so it is quick (no apt-get update) on a machine that has it all.
system-deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "system packages: not a Debian system, skipped (Qt needs its runtime libraries)"; exit 0; fi; \
	missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" \
			|| missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "system packages: all present"; exit 0; fi; \
	echo "system packages to install:$$missing"; \
	sudo=""; if [ "$$(id -u)" != 0 ]; then sudo="sudo"; fi; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$sudo apt-get update -qq; \
	$$sudo apt-get install -y -qq --no-install-recommends $$missing

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
	rm -f shsc_desktop/i18n/*.qm
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) *.egg-info
