# Reader: set-up, run and test. Every target installs what it needs itself.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 \
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
           libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libglib2.0-0
# The validators the desktop-file tests run (tests/unit/test_desktop_files.py).
TEST_DEBS := desktop-file-utils appstream

.PHONY: run test lint format system-deps ttrss-deps venv clean

system-deps:
	@missing=""; for p in $(QT_DEBS) $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# A real Tiny Tiny RSS (Debian's tt-rss, php, postgresql 15) for the sync tests (tests/sync):
# installed once (apt, sudo when not root), started and stopped by the tests themselves.
ttrss-deps:
	@bash tests/servers/ttrss_setup.sh install

# setup.py compiles the translations (.ts -> .qm) when the package is installed.
$(VENV)/.installed: pyproject.toml setup.py $(wildcard src/reader/resources/i18n/*.ts)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

venv: $(VENV)/.installed

run: system-deps venv
	$(VENV)/bin/reader

test: system-deps ttrss-deps venv
	$(VENV)/bin/ruff check
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: venv
	$(VENV)/bin/ruff check
	$(VENV)/bin/ruff format --check

format: venv
	$(VENV)/bin/ruff format
	$(VENV)/bin/ruff check --fix

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache

.PHONY: install-desktop
# The menu entry, icon and AppStream file for this user, under $XDG_DATA_HOME (~/.local/share).
install-desktop: venv
	$(VENV)/bin/reader install-desktop

.PHONY: translations
# Refresh the translation template and every translation from the sources (then translate
# what `lupdate` marks unfinished, e.g. in Qt Linguist: $(VENV)/bin/pyside6-linguist).
translations: venv
	$(VENV)/bin/pyside6-lupdate -extensions py -locations relative -no-obsolete src/reader/ui \
	  -ts src/reader/resources/i18n/reader.ts src/reader/resources/i18n/reader_*.ts
	$(PY) -m pip install -q -e '.[test]'
